// Convolution, stride 1, zero padding: the forward conv, and the weight gradient. The input
// gradient is the same conv primitive with `flip` (the transposed, spatially flipped kernel)
// and padding k-1-pad, so it shares the forward's kernel.
import { convOut } from "../kernels/conv_geometry.ts";
import { fmtShape, require, requireRank } from "../shape.ts";
import type { OpDef } from "./types.ts";
import { floats, zerosLike } from "./util.ts";

/** Weight value W[o,c,ky,kx] as this conv reads it (see `flip`). */
function weightAt(
  w: ArrayLike<number>,
  flip: boolean,
  o: number,
  c: number,
  ky: number,
  kx: number,
  O: number,
  C: number,
  k: number,
): number {
  return flip
    ? w[((c * O + o) * k + (k - 1 - ky)) * k + (k - 1 - kx)]
    : w[((o * C + c) * k + ky) * k + kx];
}

export const conv2d: OpDef<"conv2d"> = {
  shape: ([x, w], a) => {
    requireRank(x, 4, "conv input");
    requireRank(w, 4, "conv weight");
    const [o, c] = a.flip ? [w[1], w[0]] : [w[0], w[1]];
    require(w[2] === a.k && w[3] === a.k, `conv weight ${fmtShape(w)} is not ${a.k}x${a.k}`);
    require(
      c === x[1],
      `conv expects ${c} input channels, got ${x[1]} (input ${fmtShape(x)})`,
    );
    const h = convOut(x[2], a.k, a.pad), wd = convOut(x[3], a.k, a.pad);
    require(h > 0 && wd > 0, `conv ${a.k}x${a.k} does not fit input ${fmtShape(x)}`);
    return { shape: [x[0], o, h, wd], dtype: "f32" };
  },
  reference: ([xt, wt], a) => {
    const [N, C, H, W] = xt.shape, k = a.k;
    const O = a.flip ? wt.shape[1] : wt.shape[0];
    const Ho = convOut(H, k, a.pad), Wo = convOut(W, k, a.pad);
    const x = floats(xt), w = floats(wt), y = zerosLike(xt, N * O * Ho * Wo);
    for (let n = 0; n < N; n++) {
      for (let o = 0; o < O; o++) {
        for (let i = 0; i < Ho; i++) {
          for (let j = 0; j < Wo; j++) {
            let s = 0;
            for (let c = 0; c < C; c++) {
              for (let ky = 0; ky < k; ky++) {
                const yy = i + ky - a.pad;
                if (yy < 0 || yy >= H) continue;
                for (let kx = 0; kx < k; kx++) {
                  const xx = j + kx - a.pad;
                  if (xx < 0 || xx >= W) continue;
                  s += x[((n * C + c) * H + yy) * W + xx] *
                    weightAt(w, a.flip, o, c, ky, kx, O, C, k);
                }
              }
            }
            y[((n * O + o) * Ho + i) * Wo + j] = s;
          }
        }
      }
    }
    return { shape: [N, O, Ho, Wo], data: y };
  },
  vjp: (b, node, g) => {
    const [x, w] = node.inputs;
    const { k, pad, flip } = node.attrs;
    // d/dx: correlate g with the flipped, transposed kernel; padding k-1-pad restores the size.
    const dx = b.add("conv2d", [g, w], { k, pad: k - 1 - pad, flip: !flip });
    if (flip) throw new Error("autodiff: the weight gradient of a flipped conv is not needed");
    const dw = b.add("conv2d_grad_weight", [x, g], { k, pad });
    return [dx, dw];
  },
};

export const conv2d_grad_weight: OpDef<"conv2d_grad_weight"> = {
  shape: ([x, g], a) => {
    requireRank(x, 4, "conv_grad_weight input");
    requireRank(g, 4, "conv_grad_weight gradient");
    require(x[0] === g[0], `batch ${x[0]} vs ${g[0]}`);
    const h = convOut(x[2], a.k, a.pad), w = convOut(x[3], a.k, a.pad);
    require(
      g[2] === h && g[3] === w,
      `conv_grad_weight gradient ${fmtShape(g)} is not the output of a ${a.k}x${a.k} conv ` +
        `(pad ${a.pad}) of ${fmtShape(x)}`,
    );
    return { shape: [g[1], x[1], a.k, a.k], dtype: "f32" };
  },
  reference: ([xt, gt], a) => {
    const [N, C, H, W] = xt.shape, [, O, Ho, Wo] = gt.shape, k = a.k;
    const x = floats(xt), g = floats(gt), dw = zerosLike(xt, O * C * k * k);
    for (let o = 0; o < O; o++) {
      for (let c = 0; c < C; c++) {
        for (let ky = 0; ky < k; ky++) {
          for (let kx = 0; kx < k; kx++) {
            let s = 0;
            for (let n = 0; n < N; n++) {
              for (let i = 0; i < Ho; i++) {
                const yy = i + ky - a.pad;
                if (yy < 0 || yy >= H) continue;
                for (let j = 0; j < Wo; j++) {
                  const xx = j + kx - a.pad;
                  if (xx < 0 || xx >= W) continue;
                  s += g[((n * O + o) * Ho + i) * Wo + j] * x[((n * C + c) * H + yy) * W + xx];
                }
              }
            }
            dw[((o * C + c) * k + ky) * k + kx] = s;
          }
        }
      }
    }
    return { shape: [O, C, k, k], data: dw };
  },
  vjp: { notDifferentiable: "backward-only (no second derivatives)" },
};
