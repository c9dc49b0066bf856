// Elementwise primitives: bias (broadcast over axis 1) and its gradient, ReLU and its gradient,
// add, and the f16 rounding of a weight. All but bias_grad and half fold into the kernel that
// produces their input as epilogue ops (their facts below); alone, each is an elementwise kernel.
import { fmtShape, require } from "../shape.ts";
import type { Layer } from "../../dsl/layers.ts";
import type { EpilogueTable } from "./epilogues.ts";
import type { LayerTable, OpTable } from "./types.ts";
import { floats, layoutOf, ncs, numel, standalone, zerosLike } from "./util.ts";

const sameShape = (a: readonly number[], b: readonly number[]) => fmtShape(a) === fmtShape(b);

type None = Record<never, never>;
/** bias: x + b broadcast over axis 1 (channels of NCHW, features of [N,F]). */
export type BiasAttrs = None;
/** bias_grad: g -> sum of g over every axis but 1. */
export type BiasGradAttrs = None;
export type ReluAttrs = None;
/** relu_grad: (g, y) -> g * (y > 0), y being the ReLU's output. */
export type ReluGradAttrs = None;
export type AddAttrs = None;
/** half: x rounded to the nearest f16: the copy of an f32 master weight that the GEMMs read
 *  under `--precision f16` (compiler/precision.ts). */
export type HalfAttrs = None;

export const prims: Pick<OpTable, "bias" | "bias_grad" | "relu" | "relu_grad" | "add" | "half"> = {
  bias: {
    shape: ([x, b]) => {
      require(x.length >= 2, `bias input must be [N,C,...], got ${fmtShape(x)}`);
      require(
        b.length === 1 && b[0] === x[1],
        `bias ${fmtShape(b)} does not match ${x[1]} channels`,
      );
      return { shape: x, dtype: "f32" };
    },
    reference: ([xt, bt]) => {
      const [, C, S] = ncs(xt.shape), x = floats(xt), b = floats(bt);
      const y = zerosLike(xt, x.length);
      for (let i = 0; i < x.length; i++) y[i] = x[i] + b[Math.floor(i / S) % C];
      return { shape: xt.shape, data: y };
    },
    vjp: (b, _node, g) => [g, b.add("bias_grad", [g], {})],
    lower: (n) => standalone(n),
    fold: { main: [0] },
    storage: { half: true },
  },

  bias_grad: {
    shape: ([g]) => {
      require(g.length >= 2, `bias_grad input must be [N,C,...], got ${fmtShape(g)}`);
      return { shape: [g[1]], dtype: "f32" };
    },
    reference: ([gt]) => {
      const [, C, S] = ncs(gt.shape), g = floats(gt), db = zerosLike(gt, C);
      for (let i = 0; i < g.length; i++) db[Math.floor(i / S) % C] += g[i];
      return { shape: [C], data: db };
    },
    vjp: { notDifferentiable: "backward-only" },
    lower: (n, cx) => {
      const s = cx.graph.nodes[n.inputs[0]].shape;
      return [{
        spec: {
          kind: "bias_grad",
          n: s[0],
          c: s[1],
          spatial: numel(s.slice(2)),
          accumulate: cx.accumulate,
        },
        inputs: n.inputs,
      }];
    },
    storage: { half: true },
  },

  relu: {
    shape: ([x]) => ({ shape: x, dtype: "f32" }),
    reference: ([xt]) => {
      const x = floats(xt), y = zerosLike(xt, x.length);
      for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : 0;
      return { shape: xt.shape, data: y };
    },
    // The mask is taken from the output: y > 0 exactly where x > 0, so at x = 0 the gradient
    // is 0 (PyTorch's convention), and the pre-activation need not be kept for backward.
    vjp: (b, node, g) => [b.add("relu_grad", [g, node.id], {})],
    lower: (n) => standalone(n),
    fold: { main: [0] },
    storage: { half: true },
  },

  relu_grad: {
    shape: ([g, y]) => {
      require(sameShape(g, y), `relu_grad shapes ${fmtShape(g)} vs ${fmtShape(y)}`);
      return { shape: g, dtype: "f32" };
    },
    reference: ([gt, yt]) => {
      const g = floats(gt), y = floats(yt), d = zerosLike(gt, g.length);
      for (let i = 0; i < g.length; i++) d[i] = y[i] > 0 ? g[i] : 0;
      return { shape: gt.shape, data: d };
    },
    vjp: { notDifferentiable: "backward-only" },
    lower: (n) => standalone(n),
    fold: { main: [0] },
    storage: { half: true },
  },

  add: {
    shape: ([a, b]) => {
      require(sameShape(a, b), `add needs equal shapes, got ${fmtShape(a)} and ${fmtShape(b)}`);
      return { shape: a, dtype: "f32" };
    },
    reference: ([at, bt]) => {
      const a = floats(at), b = floats(bt), y = zerosLike(at, a.length);
      for (let i = 0; i < a.length; i++) y[i] = a[i] + b[i];
      return { shape: at.shape, data: y };
    },
    vjp: (_b, _node, g) => [g, g],
    lower: (n) => standalone(n),
    // Either side's producer may take the other side as its epilogue's extra input.
    fold: { main: [0, 1] },
    storage: { half: true },
  },

  half: {
    // The IR's dtypes are the types kernels compute in (f32); where a value is stored as f16 is
    // the plan's decision (compiler/precision.ts). This node is the one place the rounding is
    // the math itself, so the reference rounds.
    shape: ([x]) => ({ shape: x, dtype: "f32" }),
    reference: ([xt]) => {
      const x = floats(xt), y = zerosLike(xt, x.length);
      for (let i = 0; i < x.length; i++) y[i] = Math.f16round(x[i]);
      return { shape: xt.shape, data: y };
    },
    // Straight through, as mixed-precision training takes it: the master weight's gradient is
    // the gradient of its f16 copy.
    vjp: (_b, _node, g) => [g],
    // An elementwise kernel with no ops: its store converts.
    lower: (n) => [{
      spec: { kind: "elementwise", size: numel(n.shape), layout: layoutOf(n.shape), epilogue: [] },
      inputs: n.inputs,
    }],
    storage: { half: true },
  },
};

export const epilogues: Pick<EpilogueTable, "bias" | "relu" | "relu_grad" | "add"> = {
  bias: {
    label: "bias",
    inputs: [{ name: "bias", per: "channel" }],
    preservesZero: false,
    emit: ({ w, v, c, input }) => void w.line(`${v} += ${w.load(input(0), c())};`),
  },
  relu: {
    label: "relu",
    inputs: [],
    preservesZero: true,
    // Not max(v, 0): WGSL leaves max's NaN behaviour open; this keeps NaN visible.
    emit: ({ w, v }) => void w.line(`${v} = select(${v}, 0.0f, ${v} < 0.0f);`),
  },
  relu_grad: {
    label: "mask",
    inputs: [{ name: "mask", per: "element" }],
    preservesZero: true,
    // Pass where the ReLU output is > 0 (so 0 at the kink, as PyTorch).
    emit: ({ w, v, i, input }) =>
      void w.line(`${v} = select(0.0f, ${v}, ${w.load(input(0), i)} > 0.0f);`),
  },
  add: {
    label: "add",
    inputs: [{ name: "add", per: "element" }],
    preservesZero: false,
    emit: ({ w, v, i, input }) => void w.line(`${v} += ${w.load(input(0), i)};`),
  },
};

// ---- DSL ---------------------------------------------------------------------------------------

export type ReluLayer = None;

/** ReLU. */
export const relu: Layer = Object.freeze({ kind: "relu" });

export const layers: Pick<LayerTable, "relu"> = {
  relu: {
    describe: () => "relu",
    build: (cx, x) => cx.b.add("relu", [x], {}),
    spell: { bare: { relu } },
  },
};
