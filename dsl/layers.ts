// Layers are plain immutable values; a network is a layer built from others with `seq`,
// `repeat`, `residual` and `branch`. Nothing here knows shapes: `model()` infers and checks
// them once the input is known (see build.ts).
import type { LrnAttrs } from "../compiler/ops/types.ts";

export type Layer =
  | {
    readonly kind: "conv";
    readonly k: number;
    readonly out: number;
    readonly in?: number;
    /** Zero padding on each side; default (k - 1) / 2, which keeps the resolution. */
    readonly pad?: number;
    /** Pins the parameter names (`${name}.weight`) instead of the position in the chain: a
     *  transform that rewrites a net (fully convolutional test nets) keeps torchvision's names. */
    readonly name?: string;
  }
  | { readonly kind: "relu" }
  | { readonly kind: "pool" }
  | { readonly kind: "lrn"; readonly attrs: LrnAttrs }
  | { readonly kind: "flatten" }
  | { readonly kind: "fc"; readonly out: number; readonly in?: number }
  | { readonly kind: "dropout"; readonly p: number }
  | { readonly kind: "softmax" }
  | { readonly kind: "seq"; readonly layers: readonly Layer[] }
  /** x + body(x): a residual connection. */
  | { readonly kind: "residual"; readonly body: Layer }
  /** The branches applied to the same input, concatenated along channels (Inception). */
  | { readonly kind: "branch"; readonly branches: readonly Layer[] };

function positive(n: number, what: string): number {
  if (!Number.isInteger(n) || n <= 0) {
    throw new Error(`${what} must be a positive integer, got ${n}`);
  }
  return n;
}

/** 3x3 convolution (stride 1, padding 1) with bias; `in` optionally pins the input channels. */
export const conv3 = (out: number, opts: { in?: number } = {}): Layer =>
  Object.freeze({ kind: "conv", k: 3, out: positive(out, "conv3 width"), ...opts });
/** 1x1 convolution with bias (config C). */
export const conv1 = (out: number, opts: { in?: number } = {}): Layer =>
  Object.freeze({ kind: "conv", k: 1, out: positive(out, "conv1 width"), ...opts });
/** k x k convolution, stride 1, with bias and explicit padding (default: keep the size). */
export function conv(
  k: number,
  out: number,
  opts: { in?: number; pad?: number; name?: string } = {},
): Layer {
  positive(k, "conv kernel size");
  const pad = opts.pad ?? (k - 1) / 2;
  if (!Number.isInteger(pad) || pad < 0) {
    throw new Error(`conv${k} padding must be a non-negative integer, got ${pad}`);
  }
  return Object.freeze({ kind: "conv", k, out: positive(out, `conv${k} width`), ...opts, pad });
}
export const relu: Layer = Object.freeze({ kind: "relu" });
/** 2x2 max-pool, stride 2. */
export const pool: Layer = Object.freeze({ kind: "pool" });
export const maxpool = pool;
/** Krizhevsky's LRN with the paper's constants (size 5, alpha 1e-4, beta 0.75, k 2). */
export const lrn = (attrs: Partial<LrnAttrs> = {}): Layer =>
  Object.freeze({ kind: "lrn", attrs: { size: 5, alpha: 1e-4, beta: 0.75, k: 2, ...attrs } });
export const flatten: Layer = Object.freeze({ kind: "flatten" });
/** Fully connected layer with bias; flattens a 4-D input first. */
export const fc = (out: number, opts: { in?: number } = {}): Layer =>
  Object.freeze({ kind: "fc", out: positive(out, "fc width"), ...opts });
export const dropout = (p = 0.5): Layer => {
  if (!(p >= 0 && p < 1)) throw new Error(`dropout p must be in [0, 1), got ${p}`);
  return Object.freeze({ kind: "dropout", p });
};
export const softmax: Layer = Object.freeze({ kind: "softmax" });

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
export function mapLayers(l: Layer, f: (leaf: Layer) => Layer): Layer {
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
export function leaves(l: Layer): Layer[] {
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

/** How the paper writes a leaf layer: conv3-64, FC-4096, maxpool, LRN, soft-max. */
export function describe(l: Layer): string {
  switch (l.kind) {
    case "conv":
      return `conv${l.k}-${l.out}`;
    case "fc":
      return `FC-${l.out}`;
    case "pool":
      return "maxpool";
    case "lrn":
      return "LRN";
    case "softmax":
      return "soft-max";
    case "dropout":
      return `dropout(${l.p})`;
    case "seq":
      return l.layers.map(describe).join(" >> ");
    case "residual":
      return `residual(${describe(l.body)})`;
    case "branch":
      return `branch(${l.branches.map(describe).join(", ")})`;
    default:
      return l.kind;
  }
}

/** Divides every conv and FC width by `d` (at least 1), except the last FC: the classes. */
export function divideWidth(net: Layer, d: number): Layer {
  positive(d, "width divisor");
  const fcs = leaves(net).filter((l) => l.kind === "fc");
  const last = fcs[fcs.length - 1];
  const div = (n: number) => Math.max(1, Math.round(n / d));
  return mapLayers(net, (l) => {
    if (l.kind === "conv") return { ...l, out: div(l.out), ...(l.in ? { in: div(l.in) } : {}) };
    if (l.kind === "fc" && l !== last) {
      return { ...l, out: div(l.out), ...(l.in ? { in: div(l.in) } : {}) };
    }
    return l;
  });
}
