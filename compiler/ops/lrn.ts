// Local response normalisation across channels (A-LRN), Krizhevsky et al. 2012:
//   y_c = x_c / (k + alpha * sum_{j in W(c)} x_j^2)^beta,  W(c) = channels c-n/2 .. c+n/2.
// Note alpha multiplies the plain sum (Krizhevsky's form); PyTorch's LocalResponseNorm and
// Caffe divide alpha by n, so this equals LocalResponseNorm(size=5, alpha=5e-4, beta, k).
import { fmtShape, require, requireRank } from "../shape.ts";
import type { LrnAttrs, OpDef, Tensor } from "./types.ts";
import { floats, zerosLike } from "./util.ts";

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

export const lrn: OpDef<"lrn"> = {
  shape: ([x], a) => lrnShape(x, a),
  reference: ([xt], a) => {
    const { d, x } = denominators(xt, a), y = zerosLike(xt, x.length);
    for (let i = 0; i < x.length; i++) y[i] = x[i] * Math.pow(d[i], -a.beta);
    return { shape: xt.shape, data: y };
  },
  vjp: (b, node, g) => [b.add("lrn_grad", [node.inputs[0], g], node.attrs)],
};

export const lrn_grad: OpDef<"lrn_grad"> = {
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
};
