// The shape of a primitive's declaration. A primitive is declared once, in its module under
// compiler/ops/: its attributes, shape rule, CPU reference, backward rule, lowering (the kernel
// spec it becomes), how it folds into the kernel that produces its input, its f16 storage rule,
// and the DSL layer that writes it with its template spelling. The tables that gather them
// (compiler/ops/mod.ts, compiler/ops/epilogues.ts) are mapped types over the primitives, so a
// missing piece fails `deno check`.
import type { Graph, GraphBuilder, NodeOf } from "../ir.ts";
import type { DType, Shape } from "../shape.ts";
import type { Expr, WgslWriter } from "../wgsl/mod.ts";
import type { EmittedKernel, EpilogueOp, KernelSpec } from "../kernels/spec.ts";
import type { StorageSize } from "../kernels/io.ts";
import type { TilePolicy } from "../lower.ts";
import type { TileQuery } from "../tuning.ts";
import type { Layer } from "../../dsl/layers.ts";
import type { Attrs, LayerArgs, LayerKind, Prim } from "./mod.ts";
import type { Foldable } from "./epilogues.ts";
import type { Role } from "./leaves.ts";

export type { Attrs, Prim };

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

/** What a lowering gets besides its node. */
export interface LowerContext {
  readonly graph: Graph;
  readonly tiles: TilePolicy;
  /** The node is a gradient output that accumulates into its buffer (micro-batching). */
  readonly accumulate: boolean;
  /** The 2x2 pool that the lowering will fold into the kernel writing node `id`'s value, seen
   *  through the epilogue ops between them (forward plans: in training the backward reads the
   *  full map), or undefined. `probe` is that kernel as it would be lowered. */
  poolAfter(id: number, probe: KernelSpec): "max" | "avg" | undefined;
}

/** A value of a node's own kernels that no other node sees (a Winograd chain's transformed
 *  tensors): named within the node, sized from the spec of the kernel that writes it. The memory
 *  plan gives it a buffer like any other value. */
export interface Scratch {
  scratch: string;
}

/** One kernel a node becomes: the values bound as its storage inputs, in binding order (graph
 *  values, or scratch values an earlier kernel of the same node wrote), and what it writes:
 *  the node's value, or one of the node's scratch values. */
export interface Lowered {
  spec: KernelSpec;
  inputs: readonly (number | Scratch)[];
  output?: Scratch;
  /** Names the kernel among the node's kernels (`conv2d/winograd_gemm`). */
  step?: string;
  /** What the tile policy was asked for this kernel, where that differs from the spec less its
   *  tile (a conv that a pool will fold into: the pool): the tuning table's key. */
  query?: TileQuery;
}

/** Kernels, a view of the input's buffer (reshape), or nothing to run (graph leaves). */
export type Lowering = readonly Lowered[] | "alias" | "leaf";

/** Where the value a primitive computes is stored under `--precision f16`
 *  (compiler/precision.ts); kernels compute in f32 either way. */
export interface Storage {
  /** The output may be stored as f16 (unless it is a graph output): true for activations and
   *  their gradients, false for values whose precision matters more than their bytes (batch
   *  statistics). */
  half: boolean;
  /** Parameters this primitive reads come through an f16 copy made once per step (the GEMMs'
   *  weights). */
  halfWeights?: true;
}

/** How a node folds into the kernel that produces one of its inputs, when that value has no
 *  other reader and is no graph output (the engine is compiler/lower.ts). */
export interface Fold<P extends Prim> {
  /** Inputs whose producer may take the node, in order of preference (add folds into either
   *  side). The node's other inputs are bound after the producer's. */
  main: readonly number[];
  /** The producer's spec with the node folded in, or undefined where it cannot take it.
   *  Absent: the node joins the producer's epilogue (its facts in compiler/ops/epilogues.ts),
   *  wherever that kernel takes one. */
  into?(spec: KernelSpec, n: NodeOf<P>): KernelSpec | undefined;
}

export interface PrimDef<P extends Prim> {
  /** Output shape and dtype, or a ShapeError naming what does not fit. */
  shape(inputs: Shape[], attrs: Readonly<Attrs[P]>, dtypes: DType[]): ShapeResult;
  /** Plain, obviously right CPU evaluation: the oracle for every kernel. */
  reference(inputs: Tensor[], attrs: Readonly<Attrs[P]>): Tensor;
  /** Reverse mode: given the node and the id of its output's cotangent, add IR computing the
   *  cotangent of each input (null where the input takes none: labels, seeds, constants). */
  vjp: ((b: GraphBuilder, node: NodeOf<P>, g: number) => (number | null)[]) | NotDifferentiable;
  /** The kernel(s) the node becomes when it folds into no producer. */
  lower(n: NodeOf<P>, cx: LowerContext): Lowering;
  fold?: Fold<P>;
  /** An IR rewrite of inference graphs (compiler/inference.ts): the node's replacement, built
   *  in `cx.b` from the rewritten graph's values, or undefined to keep it. */
  rewrite?(cx: RewriteContext, n: NodeOf<P>): number | undefined;
  storage: Storage;
  /** Forward FLOPs of the node (a multiply-add counts 2), for the layer table; only the
   *  GEMM-like primitives count. */
  flops?(n: NodeOf<P>, inputs: readonly Shape[]): number;
}

/** What an inference rewrite sees: the graph being rewritten, and the builder of its rewrite. */
export interface RewriteContext {
  readonly graph: Graph;
  readonly b: GraphBuilder;
  /** The rewritten value of an original node (nodes before the one rewritten). */
  map(id: number): number;
  /** Whether an original value has exactly one reader and is no graph output (a rewrite may
   *  then absorb the node that computes it). */
  single(id: number): boolean;
}

/** Marks a primitive that only appears in backward graphs (we take no second derivatives). */
export interface NotDifferentiable {
  readonly notDifferentiable: string;
}

export type OpTable = { [P in Prim]: PrimDef<P> };

// ---- Epilogues ---------------------------------------------------------------------------------

/** An extra input an epilogue op reads: binding `ep<k>_<name>`, holding one value per output
 *  channel, one per output element, or a single u32 (the dropout seed); `rows` values each. */
export interface EpilogueInput {
  name: string;
  per: "channel" | "element" | "one";
  rows?: number;
  type?: "f32" | "u32";
}

/** Where an epilogue op runs: it updates the f32 `var` named `v`, the output value at flat index
 *  `i` and channel `c()` (only evaluated when read); `input(j)` names its j-th extra binding. */
export interface EpilogueSite {
  w: WgslWriter;
  v: string;
  i: Expr;
  c: () => Expr;
  input(j: number): string;
}

/** The facts of an op a producer (conv, matmul, elementwise, pool gradients) applies to each
 *  output value before storing it: so bias, ReLU, ReLU's gradient mask, residual adds, dropout
 *  and batch norm cost no extra pass over memory. */
export interface EpilogueDef<F extends Foldable> {
  /** Its name in kernel names and WGSL comments ("mask" for relu_grad). */
  label: string;
  inputs: readonly EpilogueInput[];
  /** Maps 0 to 0 wherever it is applied: a producer whose outputs are mostly zeros
   *  (maxpool_grad) then runs it on the rest only. */
  preservesZero: boolean;
  /** Module-scope WGSL it needs (the dropout hash), emitted once per kernel. */
  helpers?: string;
  emit(site: EpilogueSite, op: Extract<EpilogueOp, { op: F }>): void;
}

// ---- Kernels -----------------------------------------------------------------------------------

/** A kernel kind: its WGSL emitter and its storage bindings' sizes. */
export interface KernelDef<S extends KernelSpec> {
  emit(s: S): EmittedKernel;
  /** Element counts of the storage bindings in binding order (the step uniform is not one):
   *  runners and the limits check size buffers from this. */
  storage(s: S): StorageSize[];
  /** The spec with one more epilogue op, or undefined where it takes none now (absent: the
   *  kind never takes one). */
  epilogue?(s: S, op: EpilogueOp): S | undefined;
}

// ---- DSL layers --------------------------------------------------------------------------------

/** A leaf layer value of kind K: `{ kind, ...arguments }`. */
export type LeafOf<K extends LayerKind> = Readonly<{ kind: K } & LayerArgs[K]>;
/** Any leaf layer value, discriminated by `kind`. */
export type LeafLayer = { [K in LayerKind]: LeafOf<K> }[LayerKind];

/** Initialisation facts of a weight (Glorot): fan-in and fan-out, counting the kernel's area. */
export interface Fans {
  fanIn: number;
  fanOut: number;
}

/** What a layer's lowering may do besides adding nodes (dsl/build.ts implements it). */
export interface LayerContext {
  readonly b: GraphBuilder;
  /** "train": batch statistics; "eval": running statistics. */
  readonly mode: "train" | "eval";
  /** Dropout layers add their node (training graphs with dropout on). */
  readonly dropout: boolean;
  /** Adds a parameter named as torchvision names it; its role decides its initialisation and
   *  whether SGD updates and decays it (compiler/ops/leaves.ts). */
  param(name: string, shape: number[], role: Role, fans?: Fans): number;
  /** The u32[1] dropout seed input (one per graph). */
  seed(): number;
  /** The next dropout layer's key: counted in every mode, so keys do not depend on it. */
  dropoutKey(): number;
  /** Names a graph output (a running statistic's updated value, `running:<param name>`). */
  output(name: string, id: number): void;
}

/** A DSL layer kind: how the paper or the user writes it, and the IR it adds. */
export interface LayerDef<K extends LayerKind> {
  /** conv3-64, FC-4096, maxpool, BN. */
  describe(l: LeafOf<K>): string;
  /** Adds the layer applied to value x; returns its output. Shape rules throw ShapeError. */
  build(cx: LayerContext, x: number, l: LeafOf<K>, name: string): number;
  /** Spellings in the `net` template: bare names, and calls with numeric arguments. */
  spell?: {
    bare?: Readonly<Record<string, Layer>>;
    call?: Readonly<Record<string, (args: number[]) => Layer>>;
  };
  /** Ends a stage of the paper's Table 1 (a pooling layer): init_from counts stages by it. */
  endsStage?: true;
  /** Widths a `divideWidth` transform divides (conv and FC outputs). */
  divide?(l: LeafOf<K>, div: (n: number) => number): Layer;
}

export type LayerTable = { [K in LayerKind]: LayerDef<K> };
