// Inverted dropout: kept values are scaled by 1/(1-p) in training, so evaluation is the
// identity (the eval graph simply has no dropout node). The mask comes from dropout_hash.ts.
// The seed input is u32[2]: the step's seed and the position of the tensor's first sample in the
// global batch (micro-batches and data-parallel ranks hold slices of it).
import { require } from "../shape.ts";
import { dropoutBits, dropoutIndex, dropoutThreshold } from "./dropout_hash.ts";
import type { OpDef } from "./types.ts";
import { floats, zerosLike } from "./util.ts";

export const dropout: OpDef<"dropout"> = {
  shape: ([x, seed], a, [, seedType]) => {
    require(a.p >= 0 && a.p < 1, `dropout p must be in [0, 1), got ${a.p}`);
    require(
      seed.length === 1 && seed[0] === 2 && seedType === "u32",
      "dropout seed is u32[2] (seed, first sample)",
    );
    return { shape: x, dtype: "f32" };
  },
  reference: ([xt, st], a) => {
    const x = floats(xt), y = zerosLike(xt, x.length);
    const seed = st.data[0] >>> 0, first = st.data[1] >>> 0, per = x.length / xt.shape[0];
    const t = dropoutThreshold(a.p), scale = 1 / (1 - a.p);
    for (let i = 0; i < x.length; i++) {
      y[i] = dropoutBits(seed, a.key, dropoutIndex(first, per, i)) >= t ? x[i] * scale : 0;
    }
    return { shape: xt.shape, data: y };
  },
  // The same mask and scale apply to the cotangent: dropout is linear in x.
  vjp: (b, node, g) => [b.add("dropout", [g, node.inputs[1]], node.attrs), null],
};
