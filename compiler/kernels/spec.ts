// Kernel specs: frozen, plain-data descriptions of one compute kernel. The emitter reads only
// the spec, so equal specs emit equal WGSL, and the pipeline cache (runtime/pipelines.ts) keys
// on that WGSL: a key can never drift from the code it names. All shapes are baked into the
// WGSL as constants.
import type { Attrs, PrimKernels } from "../ops/mod.ts";
import type { Foldable } from "../ops/epilogues.ts";
import type { WinogradKernels } from "./winograd_spec.ts";
import type { ConvPackSpec } from "./conv_pack.ts";

/** An op folded into a producer's output loop (compiler/ops/epilogues.ts), applied in order to
 *  each output value: the primitive's name and its attributes. Those that read a tensor take the
 *  next extra input bindings. */
export type EpilogueOp = { [F in Foldable]: { op: F } & Attrs[F] }[Foldable];

/** Output layout the epilogue indexes: channel c of flat index i is (i / spatial) % channels. */
export interface EpilogueLayout {
  channels: number;
  spatial: number;
}

export interface GemmTile {
  /** How invocations share the work (tiles.ts picks one per adapter and shape):
   *  "register": each invocation reads its operands straight from global memory into a tm x tn
   *    register block; no workgroup memory, no barriers (best on CPU rasterizers: llvmpipe);
   *  "direct" (conv): like "register", but the tn outputs are consecutive pixels of one output
   *    row, so each input row segment loaded serves all k horizontal taps (other GEMMs run it
   *    as "register");
   *  "workgroup": bm x bk and bk x bn operand tiles staged in double-buffered workgroup memory;
   *  "splitk": ks groups of invocations split K and reduce in workgroup memory (GEMMs with few
   *    outputs and a long K: FC layers at small batch, conv weight gradients). */
  variant: "register" | "direct" | "workgroup" | "splitk";
  /** Output rows (M) / columns (N) per workgroup; K values per loop step (the workgroup-memory
   *  stage of "workgroup", the unroll of "register"; 1 for "splitk"); for "direct", the conv
   *  output rows each invocation owns (k + bk - 1 input rows serve them). */
  bm: number;
  bn: number;
  bk: number;
  /** Outputs per invocation along M and N (register tile). */
  tm: number;
  tn: number;
  /** Invocations splitting K inside a workgroup, their partial sums added in workgroup memory
   *  at the end: "splitk", and "register" conv_grad_weight (whose K, batch x pixels, is long);
   *  1 otherwise. */
  ks: number;
}

/** Storage precision of a plan kernel: the positions, among its storage bindings (inputs in
 *  binding order, then the output), of the tensors stored as f16. The lowering sets it under
 *  `--precision f16` (compiler/precision.ts); absent otherwise, so f32 specs keep their keys.
 *  Kernels compute and accumulate in f32 either way. */
export interface Stored {
  f16?: readonly number[];
}

/** Implicit-GEMM convolution, stride 1: y[n,o,y,x] = sum_{c,ky,kx} x[n,c,y+ky-pad,x+kx-pad] *
 *  W[o,c,ky,kx]. With flip, W is read from a stored [C=o-dim..] tensor as the input gradient
 *  needs: W[o,c,ky,kx] = stored[c,o,k-1-ky,k-1-kx] (stored is the forward layer's weight). */
export interface ConvSpec extends Stored {
  kind: "conv";
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
  k: number;
  pad: number;
  flip: boolean;
  epilogue: EpilogueOp[];
  tile: GemmTile;
  /** A 2x2/2 pool (odd sizes floor) applied after the epilogue, so y is the pooled map: set
   *  only by a pool's fold (compiler/ops/pool.ts: forward graphs, "direct" tiles), absent
   *  otherwise, so it changes no other spec's key. */
  pool?: "max" | "avg";
  /** wt is conv_pack's copy of the weight ([C][k*k][O rounded up to 4], flip baked in), read
   *  as vec4s: set by the lowering for CPU tiles whose tm is a multiple of 4 (conv_register.ts
   *  withPacking), absent otherwise, and left out of tuning keys. */
  packed?: true;
}

/** dw[o,c,ky,kx] (+)= sum_{n,y,x} g[n,o,y,x] * x[n,c,y+ky-pad,x+kx-pad]. Inputs: x, g. */
export interface ConvGradWeightSpec extends Stored {
  kind: "conv_grad_weight";
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
  k: number;
  pad: number;
  accumulate: boolean;
  tile: GemmTile;
}

/** C[m,n] = op(A) op(B) then epilogue (channel = column). Inputs: A, B, extras. With
 *  accumulate, C += result (gradient accumulation; no epilogue then). */
export interface MatmulSpec extends Stored {
  kind: "matmul";
  m: number;
  n: number;
  k: number;
  transA: boolean;
  transB: boolean;
  accumulate: boolean;
  epilogue: EpilogueOp[];
  tile: GemmTile;
}

/** out[i] = epilogue(in[i]); the standalone home of ops that found no producer to fold into. */
export interface ElementwiseSpec extends Stored {
  kind: "elementwise";
  size: number;
  layout: EpilogueLayout;
  epilogue: EpilogueOp[];
}

/** Row-wise ops over [rows, cols]: softmax (x), softmax_grad (y, g), softmax_xent (logits,
 *  labels:i32 -> f32[1] mean loss), softmax_xent_grad (logits, labels, g:f32[1]),
 *  topk_correct (logits, labels -> f32[2]: rows whose label is the argmax, rows whose label is
 *  among the 5 largest), the accuracy counts a training step reads back with the loss. */
export interface RowSpec extends Stored {
  kind: "softmax" | "softmax_grad" | "softmax_xent" | "softmax_xent_grad" | "topk_correct";
  rows: number;
  cols: number;
}

/** out (+)= sum of g over every axis but 1: g is [n, c, spatial]. */
export interface BiasGradSpec extends Stored {
  kind: "bias_grad";
  n: number;
  c: number;
  spatial: number;
  accumulate: boolean;
}

/** Channel copy between NCHW tensors (concat and slice): out[:, outOffset + j] =
 *  in[:, inOffset + j] for j < count. Concat writes its output with one such kernel per input. */
export interface CopyChannelsSpec extends Stored {
  kind: "copy_channels";
  n: number;
  spatial: number;
  cIn: number;
  cOut: number;
  inOffset: number;
  outOffset: number;
  count: number;
}

/** In place, per parameter: g' = g + wd * w; m = momentum * m + g'; w -= lr * m (PyTorch's SGD form;
 *  see sgd.ts for how it relates to Caffe's).
 *  Bindings: w (rw), m (rw), g (read), then the step uniform (lr). With lossScale, g arrives
 *  multiplied by the loss scale: it is multiplied by the uniform's `scale` (1 / loss scale)
 *  first, and a u32 flag (read, after g) set by the nonfinite kernels skips the update. */
export interface SgdSpec {
  kind: "sgd";
  size: number;
  momentum: number;
  weightDecay: number;
  lossScale?: true;
}

/** flag[0] |= 1 where any of g's `size` values is infinite or NaN. Bindings: g, flag (u32). */
export interface NonFiniteSpec {
  kind: "nonfinite";
  size: number;
}

/** Writes zeros (gradient buffers before accumulation). */
export interface FillSpec {
  kind: "fill";
  size: number;
  value: number;
}

/** The kernel kinds shared by several primitives (or run by the runtime alone: sgd, nonfinite,
 *  fill, topk_correct), and those of one primitive's module (compiler/ops/mod.ts). */
export interface SharedKernels {
  conv: ConvSpec;
  conv_pack: ConvPackSpec;
  conv_grad_weight: ConvGradWeightSpec;
  matmul: MatmulSpec;
  elementwise: ElementwiseSpec;
  softmax: RowSpec;
  softmax_grad: RowSpec;
  softmax_xent: RowSpec;
  softmax_xent_grad: RowSpec;
  topk_correct: RowSpec;
  bias_grad: BiasGradSpec;
  copy_channels: CopyChannelsSpec;
  sgd: SgdSpec;
  nonfinite: NonFiniteSpec;
  fill: FillSpec;
}

/** Every kind: the shared families, the conv's Winograd chain (winograd_spec.ts), and those of
 *  one primitive's module. */
export interface KernelSpecs extends SharedKernels, WinogradKernels, PrimKernels {}

export type KernelKind = keyof KernelSpecs;
export type KernelSpec = KernelSpecs[KernelKind];

export interface Binding {
  name: string;
  /** storage read-only, storage read-write, or the per-step uniform. */
  access: "read" | "read_write" | "uniform";
  elemType: "f32" | "f16" | "i32" | "u32" | "atomic<u32>";
}

export interface EmittedKernel {
  /** Kind and variant, for error messages and profiles (e.g. "conv register 8x8"). */
  name: string;
  wgsl: string;
  workgroupSize: readonly [number, number, number];
  workgroups: readonly [number, number, number];
  /** In binding order (group 0, binding i): inputs, then the output, then the step uniform. */
  bindings: readonly Binding[];
  workgroupStorageBytes: number;
  /** Floating point operations (multiply-add = 2) and bytes read + written, for `explain`. */
  flops: number;
  bytes: number;
}

/** A spec as canonical JSON (sorted keys): equal specs give equal text whatever the key order
 *  (the WGSL snapshots show it; the tuning tables key on it less the tile). */
export function specKey(spec: KernelSpec): string {
  return canonicalJson(spec);
}

/** JSON with every object's keys sorted, so equal plain data gives equal text (specKey, and
 *  the tuning tables' keys: a spec less its tile, compiler/tuning.ts). */
export function canonicalJson(value: unknown): string {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === "object"
      ? Object.fromEntries(
        Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])]),
      )
      : v;
  return JSON.stringify(canon(value));
}
