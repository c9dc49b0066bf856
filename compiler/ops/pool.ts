// 2x2 max-pool, stride 2 (odd sizes floor, as PyTorch's MaxPool2d(2, 2)), and its gradient.
import { fmtShape, require, requireRank } from "../shape.ts";
import type { OpDef } from "./types.ts";
import { floats, zerosLike } from "./util.ts";

export const maxpool: OpDef<"maxpool"> = {
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
};

export const maxpool_grad: OpDef<"maxpool_grad"> = {
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
};
