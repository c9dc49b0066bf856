// Layers are plain immutable values; a network is a layer built from others with `seq`,
// `repeat`, `residual` and `branch`. Nothing here knows shapes: `model()` infers and checks
// them once the input is known (see build.ts). Each leaf layer (conv, relu, pool, ...) is
// declared with its primitive in compiler/ops/ (the `layers` table of compiler/ops/mod.ts: how it
// is written, described and lowered); this module holds the combinators and the transforms.
import { type LayerKind, layers } from "../compiler/ops/mod.ts";
import type { LayerDef, LeafLayer, LeafOf } from "../compiler/ops/types.ts";
import { positive } from "../compiler/ops/util.ts";

export type Layer =
  | LeafLayer
  | { readonly kind: "seq"; readonly layers: readonly Layer[] }
  /** x + body(x): a residual connection. */
  | { readonly kind: "residual"; readonly body: Layer }
  /** The branches applied to the same input, concatenated along channels (Inception). */
  | { readonly kind: "branch"; readonly branches: readonly Layer[] };

export type { LeafLayer };
export { conv, conv1, conv3 } from "../compiler/ops/conv.ts";
export { fc } from "../compiler/ops/matmul.ts";
export { relu } from "../compiler/ops/elementwise.ts";
export { maxpool, pool } from "../compiler/ops/pool.ts";
export { lrn } from "../compiler/ops/lrn.ts";
export { flatten } from "../compiler/ops/layout.ts";
export { dropout } from "../compiler/ops/dropout.ts";
export { softmax } from "../compiler/ops/softmax.ts";
export { avgpool, gap } from "../compiler/ops/avgpool.ts";
export { batchNorm, bn } from "../compiler/ops/batchnorm.ts";

/** Left-to-right composition: seq(a, b, c) is the paper's a >> b >> c. Nested seqs flatten. */
export function seq(...layers: Layer[]): Layer {
  const flat = layers.flatMap((l) => l.kind === "seq" ? l.layers : [l]);
  return Object.freeze({ kind: "seq", layers: Object.freeze(flat) });
}

/** `n` copies of the composition of `layers`: repeat(2, conv3(64), relu). */
export function repeat(n: number, ...layers: Layer[]): Layer {
  positive(n, "repeat count");
  return seq(...Array.from({ length: n }, () => seq(...layers)));
}

/** x + body(x); body must keep the shape. */
export const residual = (...body: Layer[]): Layer =>
  Object.freeze({ kind: "residual", body: seq(...body) });

/** Channel concatenation of several branches over the same input. */
export const branch = (...branches: Layer[]): Layer =>
  Object.freeze({ kind: "branch", branches: Object.freeze([...branches]) });

/** Rebuilds a layer tree bottom-up with `f` applied to every leaf layer. */
export function mapLayers(l: Layer, f: (leaf: LeafLayer) => Layer): Layer {
  switch (l.kind) {
    case "seq":
      return seq(...l.layers.map((x) => mapLayers(x, f)));
    case "residual":
      return residual(mapLayers(l.body, f));
    case "branch":
      return branch(...l.branches.map((x) => mapLayers(x, f)));
    default:
      return f(l);
  }
}

/** All leaf layers in order. */
export function leaves(l: Layer): LeafLayer[] {
  switch (l.kind) {
    case "seq":
      return l.layers.flatMap(leaves);
    case "residual":
      return leaves(l.body);
    case "branch":
      return l.branches.flatMap(leaves);
    default:
      return [l];
  }
}

/** The table entry of a leaf's kind, typed for that leaf. */
export const layerDef = <K extends LayerKind>(l: LeafOf<K>): LayerDef<K> => layers[l.kind];

/** How the paper writes a layer: conv3-64, FC-4096, maxpool, LRN, soft-max. */
export function describe(l: Layer): string {
  switch (l.kind) {
    case "seq":
      return l.layers.map(describe).join(" >> ");
    case "residual":
      return `residual(${describe(l.body)})`;
    case "branch":
      return `branch(${l.branches.map(describe).join(", ")})`;
    default:
      return layerDef(l).describe(l);
  }
}

/** Divides every conv and FC width by `d` (at least 1), except the last FC: the classes. */
export function divideWidth(net: Layer, d: number): Layer {
  positive(d, "width divisor");
  const fcs = leaves(net).filter((l) => l.kind === "fc");
  const last = fcs[fcs.length - 1];
  const div = (n: number) => Math.max(1, Math.round(n / d));
  return mapLayers(net, (l) => l === last ? l : layerDef(l).divide?.(l, div) ?? l);
}
