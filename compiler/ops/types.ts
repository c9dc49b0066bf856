// The primitives and the shape of a primitive's declaration. Every table keyed by `Prim`
// (`ops` in mod.ts, the kernel lowering) is a mapped type, so `deno check` fails when a
// primitive lacks a rule.
import type { GraphBuilder, Node } from "../ir.ts";
import type { DType, Shape } from "../shape.ts";

export interface LrnAttrs {
  /** Channels in the window (odd), centred on the output channel. */
  size: number;
  alpha: number;
  beta: number;
  k: number;
}

export interface Attrs {
  /** A graph input fed at run time (images, labels, the dropout seed). */
  input: { name: string; shape: number[]; dtype: DType };
  /** A trainable parameter, named as torchvision names it. */
  param: { name: string; shape: number[] };
  /** x[N,C,H,W] * w[O,C,k,k] -> [N,O,H,W]; stride 1; `flip` reads w as the spatially flipped
   *  transpose of a [C,O,k,k] tensor, which makes this the input gradient of a conv. */
  conv2d: { k: number; pad: number; flip: boolean };
  /** (x[N,C,H,W], g[N,O,H,W]) -> dw[O,C,k,k]: a GEMM over batch and space. */
  conv2d_grad_weight: { k: number; pad: number };
  /** x + b broadcast over axis 1 (channels of NCHW, features of [N,F]). */
  bias: Record<never, never>;
  /** g -> sum of g over every axis but 1. */
  bias_grad: Record<never, never>;
  relu: Record<never, never>;
  /** (g, y) -> g * (y > 0), y being the ReLU's output. */
  relu_grad: Record<never, never>;
  /** 2x2 window, stride 2 (floor). */
  maxpool: Record<never, never>;
  /** (x, g) -> dx: g routed to the first maximum of each window. */
  maxpool_grad: Record<never, never>;
  lrn: LrnAttrs;
  /** (x, g) -> dx. */
  lrn_grad: LrnAttrs;
  reshape: { shape: number[] };
  /** op(A)[M,K] . op(B)[K,N]; transB with B = W[out,in] is PyTorch's Linear. */
  matmul: { transA: boolean; transB: boolean };
  /** (x, seed:u32[1]) -> x * keep / (1 - p); keep from a counter-based hash of (seed, key, i). */
  dropout: { p: number; key: number };
  /** Over the last axis. */
  softmax: Record<never, never>;
  /** (y, g) -> y * (g - sum(g * y)), y being the softmax's output. */
  softmax_grad: Record<never, never>;
  /** (logits[N,K], labels:i32[N]) -> mean cross-entropy, shape []. */
  softmax_xent: Record<never, never>;
  /** (logits, labels, g:[]) -> (softmax(logits) - onehot(labels)) * g / N. */
  softmax_xent_grad: Record<never, never>;
  add: Record<never, never>;
  /** Along axis 1; any number of inputs. */
  concat: Record<never, never>;
  /** Channels [start, start + size) along axis 1. */
  slice: { start: number; size: number };
  /** x rounded to the nearest f16: the copy of an f32 master weight that the GEMMs read under
   *  `--precision f16` (compiler/precision.ts). */
  half: Record<never, never>;
}

export type Prim = keyof Attrs;

/** A reference tensor: plain typed arrays. f32 paths may use Float64Array (gradient checks). */
export type FloatArray = Float32Array | Float64Array;
export interface Tensor {
  readonly shape: Shape;
  readonly data: FloatArray | Int32Array | Uint32Array;
}

export interface ShapeResult {
  shape: Shape;
  dtype: DType;
}

export interface OpDef<P extends Prim> {
  /** Output shape and dtype, or a ShapeError naming what does not fit. */
  shape(inputs: Shape[], attrs: Attrs[P], dtypes: DType[]): ShapeResult;
  /** Plain, obviously right CPU evaluation: the oracle for every kernel. */
  reference(inputs: Tensor[], attrs: Attrs[P]): Tensor;
  /** Reverse mode: given the node and the id of its output's cotangent, add IR computing the
   *  cotangent of each input (null where the input takes none: labels, seeds, constants). */
  vjp: ((b: GraphBuilder, node: Node<P>, g: number) => (number | null)[]) | NotDifferentiable;
}

/** Marks a primitive that only appears in backward graphs (we take no second derivatives). */
export interface NotDifferentiable {
  readonly notDifferentiable: string;
}

export type OpTable = { [P in Prim]: OpDef<P> };
