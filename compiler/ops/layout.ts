// Layout primitives: reshape (flatten), channel concat and slice. A reshape is an alias of its
// input's buffer; concat and slice are channel copies (compiler/kernels/copy_channels.ts).
import type { Layer } from "../../dsl/layers.ts";
import type { CopyChannelsSpec } from "../kernels/spec.ts";
import { fmtShape, require, size } from "../shape.ts";
import type { LayerTable, OpTable, Tensor } from "./types.ts";
import { floats, ncs, numel, zerosLike } from "./util.ts";

export interface ReshapeAttrs {
  shape: number[];
}
/** Along axis 1; any number of inputs. */
export type ConcatAttrs = Record<never, never>;
/** Channels [start, start + size) along axis 1. */
export interface SliceAttrs {
  start: number;
  size: number;
}

export const prims: Pick<OpTable, "reshape" | "concat" | "slice"> = {
  reshape: {
    shape: ([x], a) => {
      require(
        a.shape.every((d) => Number.isInteger(d) && d > 0),
        `reshape target ${fmtShape(a.shape)} needs positive integer sizes`,
      );
      require(
        size(x) === size(a.shape),
        `cannot reshape ${fmtShape(x)} (${size(x)} values) to ${fmtShape(a.shape)}`,
      );
      return { shape: a.shape, dtype: "f32" };
    },
    reference: ([x], a) => ({ shape: a.shape, data: floats(x).slice() }),
    vjp: (b, node, g) => [b.add("reshape", [g], { shape: [...b.node(node.inputs[0]).shape] })],
    // A reshape is a view: its output shares its input's buffer.
    lower: () => "alias",
    storage: { half: true },
  },
  concat: {
    shape: (xs) => {
      require(xs.length >= 1, "concat needs at least one input");
      const [first] = xs;
      for (const x of xs) {
        require(
          x.length === first.length && x[0] === first[0] &&
            fmtShape(x.slice(2)) === fmtShape(first.slice(2)),
          `concat inputs differ outside the channel axis: ${xs.map(fmtShape).join(" vs ")}`,
        );
      }
      const c = xs.reduce((s, x) => s + x[1], 0);
      return { shape: [first[0], c, ...first.slice(2)], dtype: "f32" };
    },
    reference: (xs) => {
      const [N, , S] = ncs(xs[0].shape), C = xs.reduce((s, x) => s + x.shape[1], 0);
      const y = zerosLike(xs[0], N * C * S);
      let off = 0;
      for (const xt of xs) {
        const x = floats(xt), Ci = xt.shape[1];
        for (let n = 0; n < N; n++) {
          y.set(x.subarray(n * Ci * S, (n + 1) * Ci * S), (n * C + off) * S);
        }
        off += Ci;
      }
      return { shape: [N, C, ...xs[0].shape.slice(2)], data: y };
    },
    vjp: (b, node, g) => {
      let start = 0;
      return node.inputs.map((i) => {
        const c = b.node(i).shape[1];
        const s = b.add("slice", [g], { start, size: c });
        start += c;
        return s;
      });
    },
    // One channel copy per input into its channel range of the output.
    lower: (n, cx) => {
      let off = 0;
      return n.inputs.map((i) => {
        const s = cx.graph.nodes[i].shape, count = s[1];
        const spec: CopyChannelsSpec = {
          kind: "copy_channels",
          n: s[0],
          spatial: numel(s.slice(2)),
          cIn: s[1],
          cOut: n.shape[1],
          inOffset: 0,
          outOffset: off,
          count,
        };
        off += count;
        return { spec, inputs: [i] };
      });
    },
    storage: { half: true },
  },
  slice: {
    shape: ([x], a) => {
      require(x.length >= 2, `slice input must be [N,C,...], got ${fmtShape(x)}`);
      require(
        a.start >= 0 && a.size > 0 && a.start + a.size <= x[1],
        `slice [${a.start}, ${a.start + a.size}) is outside ${x[1]} channels`,
      );
      return { shape: [x[0], a.size, ...x.slice(2)], dtype: "f32" };
    },
    reference: ([xt], a): Tensor => {
      const [N, C, S] = ncs(xt.shape), x = floats(xt), y = zerosLike(xt, N * a.size * S);
      for (let n = 0; n < N; n++) {
        y.set(x.subarray((n * C + a.start) * S, (n * C + a.start + a.size) * S), n * a.size * S);
      }
      return { shape: [N, a.size, ...xt.shape.slice(2)], data: y };
    },
    vjp: { notDifferentiable: "backward-only (the transpose of concat)" },
    lower: (n, cx) => {
      const s = cx.graph.nodes[n.inputs[0]].shape;
      return [{
        spec: {
          kind: "copy_channels",
          n: s[0],
          spatial: numel(s.slice(2)),
          cIn: s[1],
          cOut: n.attrs.size,
          inOffset: n.attrs.start,
          outOffset: 0,
          count: n.attrs.size,
        },
        inputs: n.inputs,
      }];
    },
    storage: { half: true },
  },
};

// ---- DSL ---------------------------------------------------------------------------------------

export type FlattenLayer = Record<never, never>;

/** [N, C, H, W] -> [N, C*H*W] (what `fc` does first by itself). */
export const flatten: Layer = Object.freeze({ kind: "flatten" });

export const layers: Pick<LayerTable, "flatten"> = {
  flatten: {
    describe: () => "flatten",
    build: (cx, x) => {
      const xs = cx.b.node(x).shape;
      if (xs.length === 2) return x;
      return cx.b.add("reshape", [x], { shape: [xs[0], numel(xs.slice(1))] });
    },
    spell: { bare: { flatten } },
  },
};
