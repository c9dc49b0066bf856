// 2x2 max-pool, stride 2 (odd sizes floor), and its gradient. The gradient kernel runs one
// invocation per window of the padded-up grid: it writes all four dx values of its window
// (g at the first maximum, row-major, ties as the reference breaks them; zeros elsewhere), and
// the windows cut off by an odd size write their zeros, so every dx element is written once.
// The gradient takes an epilogue (the ReLU mask of the layer before the pool, folded in by
// compiler/lower.ts), which saves the standalone relu_grad pass over dx.
import { mod, ref } from "../wgsl/mod.ts";
import {
  declareBindings,
  FLAT_WORKGROUP,
  flatEntry,
  kernel,
  newWriter,
  read,
  readWrite,
} from "./common.ts";
import {
  emitEpilogue,
  emitEpilogueHelpers,
  emitOutputStore,
  epilogueBindings,
  epilogueBytes,
  preservesZero,
} from "./epilogue.ts";
import type { EmittedKernel, PoolSpec } from "./spec.ts";

export function emitPool(s: PoolSpec): EmittedKernel {
  return s.kind === "maxpool" ? emitMaxpool(s) : emitMaxpoolGrad(s);
}

function emitMaxpool(s: PoolSpec): EmittedKernel {
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

function emitMaxpoolGrad(s: PoolSpec): EmittedKernel {
  const ho = Math.floor(s.h / 2), wo = Math.floor(s.w / 2);
  const hc = Math.ceil(s.h / 2), wc = Math.ceil(s.w / 2), windows = s.n * s.c * hc * wc;
  const epi = s.epilogue ?? [];
  // Ops that map 0 to 0 (mask, relu, dropout) need only run on each window's one non-zero
  // value: one mask read per window instead of four, and the zeros stay plain stores.
  const sparse = preservesZero(epi);
  const w = newWriter(
    `maxpool_grad ${s.n}x${s.c}x${s.h}x${s.w}${
      epi.length ? ` [${epi.map((e) => e.op).join(", ")}]` : ""
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
    name: `maxpool_grad${epi.length ? `+${epi.map((e) => e.op).join("+")}` : ""}`,
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: 3 * gSize + (sparse ? gSize : xSize) * epi.length,
    bytes: 4 * (2 * xSize + gSize) + epilogueBytes(epi, sparse ? gSize : xSize, s.c),
  });
}
