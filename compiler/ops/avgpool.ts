// Average pooling over kh x kw windows with stride (kh, kw), odd sizes floored (PyTorch's
// AvgPool2d(k) with its default stride), and its gradient: the primitives, their kernels, the
// fold of a 2x2 average into the conv before it, and two DSL layers: `avgpool(k)` and `gap`,
// global average pooling ([N,C,H,W] -> [N,C]: one window the size of the map), the head that
// later all-convolutional VGG variants end in.
//
// The gradient is linear and spreads each g evenly over its window: one invocation per dx
// element (zero where an odd size cut the window off), so it takes an epilogue, the ReLU mask of
// the layer before the pool (folded in by compiler/lower.ts), as maxpool_grad does.
import type { Layer } from "../../dsl/layers.ts";
import { f32, ref } from "../wgsl/mod.ts";
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
  emitEpilogueHelpers,
  emitOutputStore,
  epilogueBindings,
  epilogueBytes,
  epilogueLabels,
  epilogueSizes,
} from "../kernels/epilogue.ts";
import { f } from "../kernels/io.ts";
import type { EmittedKernel, EpilogueOp, Stored } from "../kernels/spec.ts";
import { fmtShape, require, requireRank, type Shape } from "../shape.ts";
import { poolFold } from "./pool.ts";
import type { KernelDef, LayerTable, OpTable } from "./types.ts";
import { appendEpilogue, floats, nchw, positive, zerosLike } from "./util.ts";

/** A kh x kw window, stride (kh, kw). */
export interface AvgPoolAttrs {
  kh: number;
  kw: number;
}

/** g -> dx for an input of h x w. */
export interface AvgPoolGradAttrs extends AvgPoolAttrs {
  h: number;
  w: number;
}

const pooledShape = (x: Shape, a: AvgPoolAttrs): Shape => [
  x[0],
  x[1],
  Math.floor(x[2] / a.kh),
  Math.floor(x[3] / a.kw),
];

export const prims: Pick<OpTable, "avgpool" | "avgpool_grad"> = {
  avgpool: {
    shape: ([x], a) => {
      requireRank(x, 4, "avgpool input");
      require(
        a.kh >= 1 && a.kw >= 1 && x[2] >= a.kh && x[3] >= a.kw,
        `${a.kh}x${a.kw} average pool needs at least ${a.kh}x${a.kw} input, got ${fmtShape(x)}`,
      );
      return { shape: pooledShape(x, a), dtype: "f32" };
    },
    reference: ([xt], a) => {
      const [N, C, H, W] = xt.shape, [, , Ho, Wo] = pooledShape(xt.shape, a);
      const x = floats(xt), y = zerosLike(xt, N * C * Ho * Wo), area = a.kh * a.kw;
      for (let p = 0; p < N * C; p++) {
        for (let i = 0; i < Ho; i++) {
          for (let j = 0; j < Wo; j++) {
            // Summed in row-major window order, as the kernels sum.
            let s = 0;
            for (let dy = 0; dy < a.kh; dy++) {
              for (let dx = 0; dx < a.kw; dx++) s += x[(p * H + i * a.kh + dy) * W + j * a.kw + dx];
            }
            y[(p * Ho + i) * Wo + j] = s / area;
          }
        }
      }
      return { shape: [N, C, Ho, Wo], data: y };
    },
    vjp: (b, node, g) => {
      const [, , h, w] = b.node(node.inputs[0]).shape;
      return [b.add("avgpool_grad", [g], { ...node.attrs, h, w })];
    },
    lower: (n, cx) => [{
      spec: { kind: "avgpool", ...nchw(cx.graph.nodes[n.inputs[0]].shape), ...n.attrs },
      inputs: n.inputs,
    }],
    // A 2x2 average folds into the conv that produces its input as the max-pool does.
    fold: {
      main: [0],
      into: (spec, n) => n.attrs.kh === 2 && n.attrs.kw === 2 ? poolFold(spec, "avg") : undefined,
    },
    storage: { half: true },
  },

  avgpool_grad: {
    shape: ([g], a) => {
      requireRank(g, 4, "avgpool_grad gradient");
      const x = [g[0], g[1], a.h, a.w];
      require(
        fmtShape(pooledShape(x, a)) === fmtShape(g),
        `avgpool_grad gradient ${fmtShape(g)} does not match input ${fmtShape(x)}`,
      );
      return { shape: x, dtype: "f32" };
    },
    reference: ([gt], a) => {
      const [N, C, Ho, Wo] = gt.shape, g = floats(gt), area = a.kh * a.kw;
      const dx = zerosLike(gt, N * C * a.h * a.w);
      for (let p = 0; p < N * C; p++) {
        for (let y = 0; y < Ho * a.kh; y++) {
          for (let x = 0; x < Wo * a.kw; x++) {
            const i = Math.floor(y / a.kh), j = Math.floor(x / a.kw);
            dx[(p * a.h + y) * a.w + x] = g[(p * Ho + i) * Wo + j] / area;
          }
        }
      }
      return { shape: [N, C, a.h, a.w], data: dx };
    },
    vjp: { notDifferentiable: "backward-only" },
    lower: (
      n,
    ) => [{
      spec: { kind: "avgpool_grad", ...nchw(n.shape), kh: n.attrs.kh, kw: n.attrs.kw },
      inputs: n.inputs,
    }],
    storage: { half: true },
  },
};

// ---- Kernels -----------------------------------------------------------------------------------

/** y[n,c,i,j] = mean of x's kh x kw window at (i kh, j kw). */
export interface AvgPoolSpec extends Stored {
  kind: "avgpool";
  n: number;
  c: number;
  h: number;
  w: number;
  kh: number;
  kw: number;
}

/** dx[n,c,y,x] = g[n,c,y/kh,x/kw] / (kh kw) inside the pooled area, 0 outside; then the
 *  epilogue ops (channel = axis 1), their extra inputs after g. */
export interface AvgPoolGradSpec extends Stored {
  kind: "avgpool_grad";
  /** dx's shape (the pool's input). */
  n: number;
  c: number;
  h: number;
  w: number;
  kh: number;
  kw: number;
  epilogue?: EpilogueOp[];
}

type Window = { n: number; c: number; h: number; w: number; kh: number; kw: number };
const outHW = (s: Window) => [Math.floor(s.h / s.kh), Math.floor(s.w / s.kw)];
const inSize = (s: Window) => s.n * s.c * s.h * s.w;
const outSize = (s: Window) => s.n * s.c * outHW(s)[0] * outHW(s)[1];

function emitAvgPool(s: AvgPoolSpec): EmittedKernel {
  const [ho, wo] = outHW(s), size = outSize(s), area = s.kh * s.kw;
  const w = newWriter(`avgpool ${s.kh}x${s.kw} ${s.n}x${s.c}x${s.h}x${s.w}`);
  const bindings = declareBindings(w, [read("x"), readWrite("y")], undefined, s.f16);
  w.blank();
  const g = flatEntry(w, size, (i) => {
    w.line(`let plane = ${i.code} / ${ho * wo}u;`);
    w.line(`let rem = ${i.code} % ${ho * wo}u;`);
    w.line(
      `let b = plane * ${s.h * s.w}u + (rem / ${wo}u) * ${
        s.kh * s.w
      }u + (rem % ${wo}u) * ${s.kw}u;`,
    );
    w.line("var sum = 0.0f;");
    w.loop("dy", 0, s.kh, () => {
      w.loop("dx", 0, s.kw, () => w.line(`sum += ${w.load("x", `b + dy * ${s.w}u + dx`)};`));
    });
    w.store("y", i, `sum / ${f32(area).code}`);
  });
  return kernel({
    name: "avgpool",
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: size * area,
    bytes: 4 * (inSize(s) + size),
  });
}

function emitAvgPoolGrad(s: AvgPoolGradSpec): EmittedKernel {
  const [ho, wo] = outHW(s), size = inSize(s), epi = s.epilogue ?? [];
  const w = newWriter(
    `avgpool_grad ${s.kh}x${s.kw} ${s.n}x${s.c}x${s.h}x${s.w}${
      epi.length ? ` [${epilogueLabels(epi).join(", ")}]` : ""
    }`,
  );
  const bindings = declareBindings(
    w,
    [read("g"), ...epilogueBindings(epi), readWrite("dx")],
    undefined,
    s.f16,
  );
  emitEpilogueHelpers(w, epi);
  w.blank();
  const gr = flatEntry(w, size, (i) => {
    w.line(`let plane = ${i.code} / ${s.h * s.w}u;`);
    w.line(`let oy = (${i.code} % ${s.h * s.w}u) / ${s.w}u / ${s.kh}u;`);
    w.line(`let ox = ${i.code} % ${s.w}u / ${s.kw}u;`);
    w.line(`var v = 0.0f;`);
    // Rows and columns past the last whole window get no gradient.
    w.block(`if (oy < ${ho}u && ox < ${wo}u)`, () => {
      w.line(
        `v = ${w.load("g", `plane * ${ho * wo}u + oy * ${wo}u + ox`)} / ${f32(s.kh * s.kw).code};`,
      );
    });
    const channel = () => ref(`(plane % ${s.c}u)`, "u32");
    emitOutputStore(w, "dx", epi, false, "v", i, channel);
  });
  return kernel({
    name: `avgpool_grad${epi.length ? `+${epilogueLabels(epi).join("+")}` : ""}`,
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: gr,
    bindings,
    flops: size * (1 + epi.length),
    bytes: 4 * (size + outSize(s)) + epilogueBytes(epi, size, s.c),
  });
}

export const kernels: {
  avgpool: KernelDef<AvgPoolSpec>;
  avgpool_grad: KernelDef<AvgPoolGradSpec>;
} = {
  avgpool: { emit: emitAvgPool, storage: (s) => [f(inSize(s)), f(outSize(s))] },
  avgpool_grad: {
    emit: emitAvgPoolGrad,
    storage: (
      s,
    ) => [f(outSize(s)), ...epilogueSizes(s.epilogue ?? [], inSize(s), s.c), f(inSize(s))],
    epilogue: appendEpilogue,
  },
};

// ---- DSL ---------------------------------------------------------------------------------------

export interface AvgPoolLayer {
  readonly k: number;
}
export type GapLayer = Record<never, never>;

/** k x k average pooling, stride k. */
export const avgpool = (k = 2): Layer =>
  Object.freeze({ kind: "avgpool", k: positive(k, "avgpool size") });
/** Global average pooling: [N,C,H,W] -> [N,C], the mean of each channel's map. */
export const gap: Layer = Object.freeze({ kind: "gap" });

export const layers: Pick<LayerTable, "avgpool" | "gap"> = {
  avgpool: {
    describe: (l) => `avgpool${l.k}`,
    build: (cx, x, l) => cx.b.add("avgpool", [x], { kh: l.k, kw: l.k }),
    spell: { bare: { avgpool: avgpool(2) }, call: { avgpool: ([k]) => avgpool(k ?? 2) } },
    endsStage: true,
  },
  gap: {
    describe: () => "gap",
    build: (cx, x) => {
      const s = cx.b.node(x).shape;
      requireRank(s, 4, "gap input");
      const y = cx.b.add("avgpool", [x], { kh: s[2], kw: s[3] });
      return cx.b.add("reshape", [y], { shape: [s[0], s[1]] });
    },
    spell: { bare: { gap } },
  },
};
