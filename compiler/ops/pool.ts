// 2x2 max-pool, stride 2 (odd sizes floor, as PyTorch's MaxPool2d(2, 2)), and its gradient: the
// primitives, their kernels, the fold of a pool into the conv before it, and the DSL layer.
//
// The gradient kernel runs one invocation per window of the padded-up grid: it writes all four
// dx values of its window (g at the first maximum, row-major, ties as the reference breaks them;
// zeros elsewhere), and the windows cut off by an odd size write their zeros, so every dx
// element is written once. It takes an epilogue (the ReLU mask of the layer before the pool,
// folded in by compiler/lower.ts), which saves the standalone relu_grad pass over dx.
import type { Layer } from "../../dsl/layers.ts";
import { mod, ref } from "../wgsl/mod.ts";
import {
  declareBindings,
  FLAT_WORKGROUP,
  flatEntry,
  kernel,
  newWriter,
  read,
  readWrite,
} from "../kernels/common.ts";
import {
  emitEpilogue,
  emitEpilogueHelpers,
  emitOutputStore,
  epilogueBindings,
  epilogueBytes,
  epilogueLabels,
  epilogueSizes,
  preservesZero,
} from "../kernels/epilogue.ts";
import { f } from "../kernels/io.ts";
import { wholeImages } from "../kernels/conv_register.ts";
import type { EmittedKernel, EpilogueOp, GemmTile, KernelSpec, Stored } from "../kernels/spec.ts";
import { fmtShape, require, requireRank } from "../shape.ts";
import type { KernelDef, LayerTable, OpTable } from "./types.ts";
import { appendEpilogue, floats, nchw, zerosLike } from "./util.ts";

export type MaxpoolAttrs = Record<never, never>;
/** (x, g) -> dx: g routed to the first maximum of each window. */
export type MaxpoolGradAttrs = Record<never, never>;

export const prims: Pick<OpTable, "maxpool" | "maxpool_grad"> = {
  maxpool: {
    shape: ([x]) => {
      requireRank(x, 4, "maxpool input");
      require(x[2] >= 2 && x[3] >= 2, `2x2 max-pool needs at least 2x2 input, got ${fmtShape(x)}`);
      return { shape: [x[0], x[1], Math.floor(x[2] / 2), Math.floor(x[3] / 2)], dtype: "f32" };
    },
    reference: ([xt]) => {
      const [N, C, H, W] = xt.shape, Ho = Math.floor(H / 2), Wo = Math.floor(W / 2);
      const x = floats(xt), y = zerosLike(xt, N * C * Ho * Wo);
      for (let p = 0; p < N * C; p++) {
        for (let i = 0; i < Ho; i++) {
          for (let j = 0; j < Wo; j++) {
            const at = (dy: number, dx: number) => x[(p * H + 2 * i + dy) * W + 2 * j + dx];
            y[(p * Ho + i) * Wo + j] = Math.max(at(0, 0), at(0, 1), at(1, 0), at(1, 1));
          }
        }
      }
      return { shape: [N, C, Ho, Wo], data: y };
    },
    vjp: (b, node, g) => [b.add("maxpool_grad", [node.inputs[0], g], {})],
    lower: (n, cx) => [{
      spec: { kind: "maxpool", ...nchw(cx.graph.nodes[n.inputs[0]].shape) },
      inputs: n.inputs,
    }],
    // Into the conv that produces its input (forward plans: see poolFold).
    fold: { main: [0], into: (spec) => poolFold(spec, "max") },
    storage: { half: true },
  },
  maxpool_grad: {
    shape: ([x, g]) => {
      requireRank(x, 4, "maxpool_grad input");
      require(
        g.length === 4 && g[0] === x[0] && g[1] === x[1] &&
          g[2] === Math.floor(x[2] / 2) && g[3] === Math.floor(x[3] / 2),
        `maxpool_grad gradient ${fmtShape(g)} does not match input ${fmtShape(x)}`,
      );
      return { shape: x, dtype: "f32" };
    },
    reference: ([xt, gt]) => {
      const [N, C, H, W] = xt.shape, Ho = Math.floor(H / 2), Wo = Math.floor(W / 2);
      const x = floats(xt), g = floats(gt), dx = zerosLike(xt, x.length);
      for (let p = 0; p < N * C; p++) {
        for (let i = 0; i < Ho; i++) {
          for (let j = 0; j < Wo; j++) {
            // The whole gradient goes to the first maximum in row-major window order (ties
            // broken the same way in the WGSL kernel).
            let best = -Infinity, arg = 0;
            for (let d = 0; d < 4; d++) {
              const idx = (p * H + 2 * i + (d >> 1)) * W + 2 * j + (d & 1);
              if (x[idx] > best) [best, arg] = [x[idx], idx];
            }
            dx[arg] += g[(p * Ho + i) * Wo + j];
          }
        }
      }
      return { shape: xt.shape, data: dx };
    },
    vjp: { notDifferentiable: "backward-only" },
    lower: (n) => [{ spec: { kind: "maxpool_grad", ...nchw(n.shape) }, inputs: n.inputs }],
    storage: { half: true },
  },
};

// ---- The pool fold -----------------------------------------------------------------------------

/** A 2x2 pool folds into the conv that produces its input when the conv runs the "direct"
 *  row-segment tile (CPU adapters) or by Winograd (into the output transform), its epilogue is
 *  at most bias and ReLU, and nothing else
 *  reads the full-resolution map (the engine checks that). In a training graph the backward
 *  reads that map (ReLU mask, pool argmax), so only forward plans fold. The pooled kernel owns
 *  whole 2x2 windows: two rows (bk, for "direct"), and an odd segment (a 5-, 7- or 20-pixel
 *  row split evenly) grows by one pixel, as many invocations per workgroup as before. */
export function poolFold(spec: KernelSpec, pool: "max" | "avg"): KernelSpec | undefined {
  const plain = (e: readonly EpilogueOp[]) => e.every((e) => e.op === "bias" || e.op === "relu");
  // A Winograd conv's last kernel owns whole m x m output tiles, and m is even: every 2x2 window
  // lies in one tile, whatever the GEMM's tile (compiler/kernels/winograd.ts emitTileOutput).
  if (
    (spec.kind === "winograd_output" || (spec.kind === "winograd_gemm" && spec.output === "y")) &&
    !spec.pool && plain(spec.epilogue)
  ) return { ...spec, pool };
  if (spec.kind !== "conv" || spec.pool || spec.flip || !plain(spec.epilogue)) return undefined;
  // Whole small maps per invocation (conv_register.ts wholeImages): every window is in
  // registers already, the tile stays.
  if (wholeImages(spec)) return { ...spec, pool };
  if (spec.tile.variant !== "direct") return undefined;
  const t: GemmTile = spec.tile, tn = t.tn + (t.tn % 2);
  return { ...spec, tile: { ...t, bk: 2, tn, bn: (t.bn / t.tn) * tn }, pool };
}

// ---- Kernels -----------------------------------------------------------------------------------

/** y[n,c,i,j] = max of x's 2x2 window at (2i, 2j). */
export interface MaxpoolSpec extends Stored {
  kind: "maxpool";
  n: number;
  c: number;
  h: number;
  w: number;
}

/** dx from (x, g), then the epilogue ops (layout NCHW, channel = axis 1), their extra inputs
 *  after (x, g). Absent means none. */
export interface MaxpoolGradSpec extends Stored {
  kind: "maxpool_grad";
  n: number;
  c: number;
  h: number;
  w: number;
  epilogue?: EpilogueOp[];
}

const pooled = (s: { n: number; c: number; h: number; w: number }) =>
  s.n * s.c * Math.floor(s.h / 2) * Math.floor(s.w / 2);

export const kernels: {
  maxpool: KernelDef<MaxpoolSpec>;
  maxpool_grad: KernelDef<MaxpoolGradSpec>;
} = {
  maxpool: {
    emit: emitMaxpool,
    storage: (s) => [f(s.n * s.c * s.h * s.w), f(pooled(s))],
  },
  maxpool_grad: {
    emit: emitMaxpoolGrad,
    storage: (s) => {
      const x = s.n * s.c * s.h * s.w;
      return [f(x), f(pooled(s)), ...epilogueSizes(s.epilogue ?? [], x, s.c), f(x)];
    },
    epilogue: appendEpilogue,
  },
};

function emitMaxpool(s: MaxpoolSpec): EmittedKernel {
  const ho = Math.floor(s.h / 2), wo = Math.floor(s.w / 2), size = s.n * s.c * ho * wo;
  const w = newWriter(`maxpool ${s.n}x${s.c}x${s.h}x${s.w}`);
  const bindings = declareBindings(w, [read("x"), readWrite("y")], undefined, s.f16);
  w.blank();
  const g = flatEntry(w, size, (i) => {
    w.line(`let plane = ${i.code} / ${ho * wo}u;`);
    w.line(`let rem = ${i.code} % ${ho * wo}u;`);
    w.line(`let b = plane * ${s.h * s.w}u + (rem / ${wo}u) * ${2 * s.w}u + (rem % ${wo}u) * 2u;`);
    const x = (o: string) => w.load("x", o);
    w.store(
      "y",
      i,
      `max(max(${x("b")}, ${x("b + 1u")}), max(${x(`b + ${s.w}u`)}, ${x(`b + ${s.w + 1}u`)}))`,
    );
  });
  return kernel({
    name: "maxpool",
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: 3 * size,
    bytes: 4 * (s.n * s.c * s.h * s.w + size),
  });
}

function emitMaxpoolGrad(s: MaxpoolGradSpec): EmittedKernel {
  const ho = Math.floor(s.h / 2), wo = Math.floor(s.w / 2);
  const hc = Math.ceil(s.h / 2), wc = Math.ceil(s.w / 2), windows = s.n * s.c * hc * wc;
  const epi = s.epilogue ?? [];
  // Ops that map 0 to 0 (mask, relu, dropout) need only run on each window's one non-zero
  // value: one mask read per window instead of four, and the zeros stay plain stores.
  const sparse = preservesZero(epi);
  const w = newWriter(
    `maxpool_grad ${s.n}x${s.c}x${s.h}x${s.w}${
      epi.length ? ` [${epilogueLabels(epi).join(", ")}]` : ""
    }`,
  );
  const bindings = declareBindings(
    w,
    [read("x"), read("g"), ...epilogueBindings(epi), readWrite("dx")],
    undefined,
    s.f16,
  );
  emitEpilogueHelpers(w, epi);
  w.blank();
  const offs = [0, 1, s.w, s.w + 1];
  const channel = () => mod(ref("plane", "u32"), s.c);
  const g = flatEntry(w, windows, (i) => {
    w.line(`let plane = ${i.code} / ${hc * wc}u;`);
    w.line(`let wy = (${i.code} % ${hc * wc}u) / ${wc}u;`);
    w.line(`let wx = ${i.code} % ${wc}u;`);
    w.line(`let b = plane * ${s.h * s.w}u + wy * ${2 * s.w}u + wx * 2u;`);
    w.block(`if (wy < ${ho}u && wx < ${wo}u)`, () => {
      offs.forEach((o, d) => w.line(`let v${d} = ${w.load("x", `b + ${o}u`)};`));
      w.line("var best = v0;");
      w.line("var arg = 0u;");
      for (let d = 1; d < 4; d++) {
        w.line(`if (v${d} > best) { best = v${d}; arg = ${d}u; }`);
      }
      w.line(`let gv = ${w.load("g", `plane * ${ho * wo}u + wy * ${wo}u + wx`)};`);
      if (epi.length === 0) {
        offs.forEach((o, d) => w.store("dx", `b + ${o}u`, `select(0.0f, gv, arg == ${d}u)`));
      } else if (sparse) {
        // The epilogue at the maximum's own index (arg = 2 * row + column of the window).
        w.line(`let at = b + (arg & 1u) + (arg >> 1u) * ${s.w}u;`);
        w.line("var r = gv;");
        emitEpilogue(w, epi, "r", ref("at", "u32"), channel);
        offs.forEach((o, d) => w.store("dx", `b + ${o}u`, `select(0.0f, r, arg == ${d}u)`));
      } else {
        offs.forEach((o, d) =>
          w.scope(() => {
            const at = ref(`(b + ${o}u)`, "u32");
            emitOutputStore(w, "dx", epi, false, `select(0.0f, gv, arg == ${d}u)`, at, channel);
          })
        );
      }
    });
    // A window cut by an odd height or width: its existing elements get no gradient.
    w.block("else", () => {
      const inCol = `2u * wx + 1u < ${s.w}u`, inRow = `2u * wy + 1u < ${s.h}u`;
      if (sparse) {
        const zero = (o: number) => w.storeText("dx", o ? `b + ${o}u` : "b", "0.0f");
        w.line(zero(0));
        w.line(`if (${inCol}) { ${zero(1)} }`);
        w.line(`if (${inRow}) { ${zero(s.w)} }`);
        w.line(`if (${inCol} && ${inRow}) { ${zero(s.w + 1)} }`);
        return;
      }
      // An epilogue that moves zeros (bias, add) runs on these elements too.
      const zero = (o: number) => {
        const at = ref(o ? `(b + ${o}u)` : "b", "u32");
        emitOutputStore(w, "dx", epi, false, "0.0f", at, channel);
      };
      w.scope(() => zero(0));
      w.block(`if (${inCol})`, () => zero(1));
      w.block(`if (${inRow})`, () => zero(s.w));
      w.block(`if (${inCol} && ${inRow})`, () => zero(s.w + 1));
    });
  });
  const xSize = s.n * s.c * s.h * s.w, gSize = s.n * s.c * ho * wo;
  return kernel({
    name: `maxpool_grad${epi.length ? `+${epilogueLabels(epi).join("+")}` : ""}`,
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: 3 * gSize + (sparse ? gSize : xSize) * epi.length,
    bytes: 4 * (2 * xSize + gSize) + epilogueBytes(epi, sparse ? gSize : xSize, s.c),
  });
}

// ---- DSL ---------------------------------------------------------------------------------------

export type PoolLayer = Record<never, never>;

/** 2x2 max-pool, stride 2. */
export const pool: Layer = Object.freeze({ kind: "pool" });
export const maxpool = pool;

export const layers: Pick<LayerTable, "pool"> = {
  pool: {
    describe: () => "maxpool",
    build: (cx, x) => cx.b.add("maxpool", [x], {}),
    spell: { bare: { pool, maxpool: pool } },
    endsStage: true,
  },
};
