// Local response normalisation across channels (A-LRN), Krizhevsky et al. 2012:
//   y_c = x_c / (k + alpha * sum_{j in W(c)} x_j^2)^beta,  W(c) = channels c-n/2 .. c+n/2.
// Note alpha multiplies the plain sum (Krizhevsky's form); PyTorch's LocalResponseNorm and
// Caffe divide alpha by n, so this equals LocalResponseNorm(size=5, alpha=5e-4, beta, k).
// The primitives, their kernels and the DSL layer.
//
// The kernels, with D_c = k + alpha * sum_{j in W(c)} x_j^2:
//   y_c = x_c * D_c^-beta,  dx_i = g_i D_i^-beta - 2 alpha beta x_i sum_{c in W(i)} g_c x_c D_c^(-beta-1)
// (W is symmetric, so "windows containing i" is W(i)). One invocation per element; the
// gradient recomputes each D_c it needs (size^2 loads): LRN appears once, in VGG-A-LRN.
import type { Layer } from "../../dsl/layers.ts";
import { f32 } from "../wgsl/mod.ts";
import {
  declareBindings,
  FLAT_WORKGROUP,
  flatEntry,
  kernel,
  newWriter,
  read,
  readWrite,
} from "../kernels/common.ts";
import { f } from "../kernels/io.ts";
import type { EmittedKernel, Stored } from "../kernels/spec.ts";
import { fmtShape, require, requireRank } from "../shape.ts";
import type { KernelDef, LayerTable, OpTable, Tensor } from "./types.ts";
import { floats, nchw, zerosLike } from "./util.ts";

export interface LrnAttrs {
  /** Channels in the window (odd), centred on the output channel. */
  size: number;
  alpha: number;
  beta: number;
  k: number;
}

/** D[n,c,s] = k + alpha * window sum of squares. */
function denominators(xt: Tensor, a: LrnAttrs) {
  const [N, C, H, W] = xt.shape, S = H * W, half = (a.size - 1) / 2, x = floats(xt);
  const d = zerosLike(xt, x.length);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      for (let s = 0; s < S; s++) {
        let sum = 0;
        for (let j = Math.max(0, c - half); j <= Math.min(C - 1, c + half); j++) {
          const v = x[(n * C + j) * S + s];
          sum += v * v;
        }
        d[(n * C + c) * S + s] = a.k + a.alpha * sum;
      }
    }
  }
  return { d, N, C, S, half, x };
}

const lrnShape = (x: readonly number[], a: LrnAttrs) => {
  requireRank(x, 4, "LRN input");
  require(a.size % 2 === 1, `LRN size must be odd, got ${a.size}`);
  return { shape: x, dtype: "f32" as const };
};

export const prims: Pick<OpTable, "lrn" | "lrn_grad"> = {
  lrn: {
    shape: ([x], a) => lrnShape(x, a),
    reference: ([xt], a) => {
      const { d, x } = denominators(xt, a), y = zerosLike(xt, x.length);
      for (let i = 0; i < x.length; i++) y[i] = x[i] * Math.pow(d[i], -a.beta);
      return { shape: xt.shape, data: y };
    },
    vjp: (b, node, g) => [b.add("lrn_grad", [node.inputs[0], g], node.attrs)],
    lower: (n) => [{ spec: { kind: "lrn", ...nchw(n.shape), ...n.attrs }, inputs: n.inputs }],
    storage: { half: true },
  },
  /** (x, g) -> dx. */
  lrn_grad: {
    shape: ([x, g], a) => {
      require(fmtShape(g) === fmtShape(x), `lrn_grad shapes ${fmtShape(x)} vs ${fmtShape(g)}`);
      return lrnShape(x, a);
    },
    // dx_i = g_i D_i^-beta - 2 alpha beta x_i sum_{c in W(i)} g_c x_c D_c^(-beta-1)
    reference: ([xt, gt], a) => {
      const { d, N, C, S, half, x } = denominators(xt, a), g = floats(gt);
      const dx = zerosLike(xt, x.length);
      for (let n = 0; n < N; n++) {
        for (let i = 0; i < C; i++) {
          for (let s = 0; s < S; s++) {
            const at = (c: number) => (n * C + c) * S + s;
            let acc = 0;
            for (let c = Math.max(0, i - half); c <= Math.min(C - 1, i + half); c++) {
              acc += g[at(c)] * x[at(c)] * Math.pow(d[at(c)], -a.beta - 1);
            }
            dx[at(i)] = g[at(i)] * Math.pow(d[at(i)], -a.beta) -
              2 * a.alpha * a.beta * x[at(i)] * acc;
          }
        }
      }
      return { shape: xt.shape, data: dx };
    },
    vjp: { notDifferentiable: "backward-only" },
    lower: (n) => [{ spec: { kind: "lrn_grad", ...nchw(n.shape), ...n.attrs }, inputs: n.inputs }],
    storage: { half: true },
  },
};

// ---- Kernels -----------------------------------------------------------------------------------

export interface LrnSpec extends Stored, LrnAttrs {
  kind: "lrn";
  n: number;
  c: number;
  h: number;
  w: number;
}

/** Inputs (x, g). */
export interface LrnGradSpec extends Stored, LrnAttrs {
  kind: "lrn_grad";
  n: number;
  c: number;
  h: number;
  w: number;
}

const elems = (s: LrnSpec | LrnGradSpec) => s.n * s.c * s.h * s.w;

export const kernels: { lrn: KernelDef<LrnSpec>; lrn_grad: KernelDef<LrnGradSpec> } = {
  lrn: { emit: (s) => emitLrn(s, false), storage: (s) => [f(elems(s)), f(elems(s))] },
  lrn_grad: {
    emit: (s) => emitLrn(s, true),
    storage: (s) => [f(elems(s)), f(elems(s)), f(elems(s))],
  },
};

function emitLrn(s: LrnSpec | LrnGradSpec, grad: boolean): EmittedKernel {
  const plane = s.h * s.w, size = s.n * s.c * plane;
  const half = (s.size - 1) / 2;
  const w = newWriter(`${s.kind} ${s.n}x${s.c}x${s.h}x${s.w} size ${s.size}`);
  const bindings = declareBindings(
    w,
    grad ? [read("x"), read("g"), readWrite("dx")] : [read("x"), readWrite("y")],
    undefined,
    s.f16,
  );
  w.blank();
  // D at channel `c` of the pixel whose channel-0 index is `base`.
  w.block("fn denom(base: u32, c: i32) -> f32", () => {
    w.line("var sum = 0.0f;");
    w.block(
      `for (var j = max(c - ${half}i, 0i); j <= min(c + ${half}i, ${s.c - 1}i); j++)`,
      () => {
        w.line(`let v = ${w.load("x", `base + u32(j) * ${plane}u`)};`);
        w.line("sum += v * v;");
      },
    );
    w.line(`return ${f32(s.k).code} + ${f32(s.alpha).code} * sum;`);
  });
  w.blank();
  const beta = f32(s.beta).code, beta1 = f32(-s.beta - 1).code;
  const g = flatEntry(w, size, (i) => {
    w.line(`let ch = i32((${i.code} / ${plane}u) % ${s.c}u);`);
    w.line(`let base = (${i.code} / ${s.c * plane}u) * ${s.c * plane}u + ${i.code} % ${plane}u;`);
    if (!grad) {
      w.store("y", i, `${w.load("x", i)} * pow(denom(base, ch), -${beta})`);
      return;
    }
    w.line("var acc = 0.0f;");
    w.block(
      `for (var c = max(ch - ${half}i, 0i); c <= min(ch + ${half}i, ${s.c - 1}i); c++)`,
      () => {
        w.line(`let at = base + u32(c) * ${plane}u;`);
        w.line(
          `acc += ${w.load("g", "at")} * ${w.load("x", "at")} * pow(denom(base, c), ${beta1});`,
        );
      },
    );
    const coef = f32(2 * s.alpha * s.beta).code;
    w.store(
      "dx",
      i,
      `${w.load("g", i)} * pow(denom(base, ch), -${beta}) - ${coef} * ${w.load("x", i)} * acc`,
    );
  });
  return kernel({
    name: s.kind,
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: size * (grad ? 4 * s.size * s.size : 3 * s.size),
    bytes: 4 * size * (grad ? 3 : 2),
  });
}

// ---- DSL ---------------------------------------------------------------------------------------

export interface LrnLayer {
  readonly attrs: LrnAttrs;
}

/** Krizhevsky's LRN with the paper's constants (size 5, alpha 1e-4, beta 0.75, k 2). */
export const lrn = (attrs: Partial<LrnAttrs> = {}): Layer =>
  Object.freeze({ kind: "lrn", attrs: { size: 5, alpha: 1e-4, beta: 0.75, k: 2, ...attrs } });

export const layers: Pick<LayerTable, "lrn"> = {
  lrn: {
    describe: () => "LRN",
    build: (cx, x, l) => cx.b.add("lrn", [x], l.attrs),
    spell: { bare: { LRN: lrn(), lrn: lrn() }, call: { lrn: () => lrn() } },
  },
};
