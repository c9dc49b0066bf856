// Elementwise primitives: bias (broadcast over axis 1), ReLU and its gradient, add.
import { fmtShape, require } from "../shape.ts";
import type { OpDef } from "./types.ts";
import { floats, ncs, zerosLike } from "./util.ts";

const sameShape = (a: readonly number[], b: readonly number[]) => fmtShape(a) === fmtShape(b);

export const bias: OpDef<"bias"> = {
  shape: ([x, b]) => {
    require(x.length >= 2, `bias input must be [N,C,...], got ${fmtShape(x)}`);
    require(b.length === 1 && b[0] === x[1], `bias ${fmtShape(b)} does not match ${x[1]} channels`);
    return { shape: x, dtype: "f32" };
  },
  reference: ([xt, bt]) => {
    const [N, C, S] = ncs(xt.shape), x = floats(xt), b = floats(bt);
    const y = zerosLike(xt, x.length);
    for (let i = 0; i < x.length; i++) y[i] = x[i] + b[Math.floor(i / S) % C];
    void N;
    return { shape: xt.shape, data: y };
  },
  vjp: (b, _node, g) => [g, b.add("bias_grad", [g], {})],
};

export const bias_grad: OpDef<"bias_grad"> = {
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
};

export const relu: OpDef<"relu"> = {
  shape: ([x]) => ({ shape: x, dtype: "f32" }),
  reference: ([xt]) => {
    const x = floats(xt), y = zerosLike(xt, x.length);
    for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : 0;
    return { shape: xt.shape, data: y };
  },
  // The mask is taken from the output: y > 0 exactly where x > 0, so at x = 0 the gradient
  // is 0 (PyTorch's convention), and the pre-activation need not be kept for backward.
  vjp: (b, node, g) => [b.add("relu_grad", [g, node.id], {})],
};

export const relu_grad: OpDef<"relu_grad"> = {
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
};

export const add: OpDef<"add"> = {
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
};

export const half: OpDef<"half"> = {
  // The IR's dtypes are the types kernels compute in (f32); where a value is stored as f16 is
  // the plan's decision (compiler/precision.ts). This node is the one place the rounding is
  // the math itself, so the reference rounds.
  shape: ([x]) => ({ shape: x, dtype: "f32" }),
  reference: ([xt]) => {
    const x = floats(xt), y = zerosLike(xt, x.length);
    for (let i = 0; i < x.length; i++) y[i] = Math.f16round(x[i]);
    return { shape: xt.shape, data: y };
  },
  // Straight through, as mixed-precision training takes it: the master weight's gradient is the
  // gradient of its f16 copy.
  vjp: (_b, _node, g) => [g],
};
