// Inverted dropout: kept values are scaled by 1/(1-p) in training, so evaluation is the
// identity (the eval graph simply has no dropout node). The mask comes from dropout_hash.ts, the
// same bits on the CPU and in WGSL; dropout folds into its producer's epilogue. The seed input is
// u32[2]: the step's seed and the position of the tensor's first sample in the global batch
// (micro-batches and data-parallel ranks hold slices of it), so a mask follows the sample.
import type { Layer } from "../../dsl/layers.ts";
import { require } from "../shape.ts";
import { f32, u32 } from "../wgsl/mod.ts";
import { DROPOUT_WGSL, dropoutBits, dropoutIndex, dropoutThreshold } from "./dropout_hash.ts";
import type { EpilogueTable } from "./epilogues.ts";
import type { LayerTable, OpTable } from "./types.ts";
import { floats, standalone, zerosLike } from "./util.ts";

/** (x, seed:u32[2]) -> x * keep / (1 - p); keep from a counter-based hash of (seed, key, index),
 *  the index counting elements from the start of the global batch. */
export interface DropoutAttrs {
  p: number;
  /** The layer's key: the n-th dropout layer of the net. */
  key: number;
  /** Elements per sample of x: element i of a tensor whose first sample is sample f of the
   *  global batch has index f * sample + i. */
  sample: number;
}

export const prims: Pick<OpTable, "dropout"> = {
  dropout: {
    shape: ([x, seed], a, [, seedType]) => {
      require(a.p >= 0 && a.p < 1, `dropout p must be in [0, 1), got ${a.p}`);
      require(
        seed.length === 1 && seed[0] === 2 && seedType === "u32",
        "dropout seed is u32[2] (seed, first sample)",
      );
      const per = x.slice(1).reduce((a, b) => a * b, 1);
      require(a.sample === per, `dropout sample is ${a.sample}, x has ${per} elements a sample`);
      return { shape: x, dtype: "f32" };
    },
    reference: ([xt, st], a) => {
      const x = floats(xt), y = zerosLike(xt, x.length);
      const seed = st.data[0] >>> 0, first = st.data[1] >>> 0;
      const t = dropoutThreshold(a.p), scale = 1 / (1 - a.p);
      for (let i = 0; i < x.length; i++) {
        y[i] = dropoutBits(seed, a.key, dropoutIndex(first, a.sample, i)) >= t ? x[i] * scale : 0;
      }
      return { shape: xt.shape, data: y };
    },
    // The same mask and scale apply to the cotangent: dropout is linear in x.
    vjp: (b, node, g) => [b.add("dropout", [g, node.inputs[1]], node.attrs), null],
    lower: (n) => standalone(n),
    fold: { main: [0] },
    storage: { half: true },
  },
};

export const epilogues: Pick<EpilogueTable, "dropout"> = {
  dropout: {
    label: "dropout",
    inputs: [{ name: "seed", per: "one", type: "u32", rows: 2 }],
    preservesZero: true,
    helpers: DROPOUT_WGSL,
    emit: ({ w, v, i, input }, op) => {
      // Keep when the hash is at or above p * 2^32 (dropout_hash.ts), scaled by 1/(1-p). The
      // hash counts elements from the global batch's start: seed[1] is the first sample's
      // position in it (dropoutIndex; u32 arithmetic wraps alike on both sides).
      const at = `${input(0)}[1] * ${u32(op.sample).code} + ${i.code}`;
      const bits = `dropout_bits(${input(0)}[0], ${u32(op.key >>> 0).code}, ${at})`;
      const t = u32(dropoutThreshold(op.p)).code;
      const scale = f32(1 / (1 - op.p)).code;
      w.line(`${v} = select(0.0f, ${v} * ${scale}, ${bits} >= ${t});`);
    },
  },
};

// ---- DSL ---------------------------------------------------------------------------------------

export interface DropoutLayer {
  readonly p: number;
}

export const dropout = (p = 0.5): Layer => {
  if (!(p >= 0 && p < 1)) throw new Error(`dropout p must be in [0, 1), got ${p}`);
  return Object.freeze({ kind: "dropout", p });
};

export const layers: Pick<LayerTable, "dropout"> = {
  dropout: {
    describe: (l) => `dropout(${l.p})`,
    build: (cx, x, l) => {
      // Counted in every mode, so a layer's key (and its mask) does not depend on the mode.
      const key = cx.dropoutKey();
      if (!cx.dropout) return x;
      const shape = cx.b.node(x).shape;
      const sample = shape.slice(1).reduce((a, b) => a * b, 1);
      return cx.b.add("dropout", [x, cx.seed()], { p: l.p, key, sample });
    },
    spell: {
      bare: { dropout: dropout(0.5) },
      call: { dropout: ([p]) => dropout(p ?? 0.5) },
    },
  },
};
