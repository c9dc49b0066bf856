// Lowering: IR graph -> ordered list of kernels. Each non-leaf node either folds into the
// kernel that produces its main input (an epilogue rewrite rule, below) or starts a kernel of
// its own (the `lowerings` table, one entry per primitive). Kernels run in the order of their
// last node, which keeps the graph's topological order.
import type { Graph, Node } from "./ir.ts";
import { liveNodes, users } from "./ir.ts";
import type { Attrs, Prim } from "./ops/types.ts";
import type {
  ConvGradWeightSpec,
  ConvSpec,
  EpilogueOp,
  GemmTile,
  KernelSpec,
  MatmulSpec,
} from "./kernels/spec.ts";

export interface PlannedKernel {
  /** `layer:op+op+...`, the name used in errors, `explain` and timings. */
  name: string;
  layer: string;
  spec: KernelSpec;
  /** Value ids bound as inputs, in binding order (main inputs, then epilogue extras). */
  inputs: number[];
  /** Value id written. */
  output: number;
  /** Primitives fused into this kernel, in order. */
  ops: Prim[];
}

export interface KernelPlan {
  graph: Graph;
  kernels: PlannedKernel[];
  /** reshape outputs share their input's buffer: alias -> root value id. */
  alias: Map<number, number>;
  /** Values stored as f16 (compiler/precision.ts); empty under f32. */
  half: ReadonlySet<number>;
}

/** Tile choice per GEMM shape (see kernels/tiles.ts); injected so lowering stays pure. Each
 *  gets the kernel's spec as lowered, less its tile (and before folds add epilogue ops), so a
 *  tuning table (compiler/tuning.ts) can key on the spec itself. */
export interface TilePolicy {
  conv(d: Omit<ConvSpec, "tile">): GemmTile;
  convGradWeight(d: Omit<ConvGradWeightSpec, "tile">): GemmTile;
  matmul(d: Omit<MatmulSpec, "tile">): GemmTile;
}

export interface LowerOptions {
  tiles: TilePolicy;
  /** Gradient outputs accumulate into their buffers (micro-batching); they are zeroed apart. */
  accumulateGrads?: boolean;
  /** Values stored as f16 (applyPrecision's `half`): each kernel's spec gets the positions of
   *  its bindings that hold one. */
  half?: ReadonlySet<number>;
}

type Draft = Omit<PlannedKernel, "name">;

/** Epilogue rewrite rules: `op(main, extras...)` folds into main's producer as `epi`. */
interface FoldRule<P extends Prim> {
  /** Candidate main inputs, in order of preference (add may fold into either side). */
  main: number[];
  epi(a: Attrs[P], n: Node): EpilogueOp;
}
const foldRules: { [P in Prim]?: FoldRule<P> } = {
  bias: { main: [0], epi: () => ({ op: "bias" }) },
  relu: { main: [0], epi: () => ({ op: "relu" }) },
  relu_grad: { main: [0], epi: () => ({ op: "mask" }) },
  add: { main: [0, 1], epi: () => ({ op: "add" }) },
  dropout: { main: [0], epi: (a, n) => dropoutOp(a, n) },
};

/** Dropout's epilogue op: its mask is keyed by the sample, so it carries elements per sample. */
function dropoutOp(a: Attrs["dropout"], n: Node): EpilogueOp {
  return { op: "dropout", p: a.p, key: a.key, sample: numel(n.shape) / n.shape[0] };
}

/** The 2x2 max-pool rewrite: a maxpool folds into the conv that produces its input when the
 *  conv runs the "direct" row-segment tile (CPU adapters), its epilogue is at most bias and
 *  ReLU, and nothing else reads the full-resolution map. In a training graph the backward
 *  reads that map (ReLU mask, pool argmax), so only forward plans fold. */
function poolFolds(spec: KernelSpec): spec is ConvSpec {
  return spec.kind === "conv" && !spec.pool && !spec.flip && spec.tile.variant === "direct" &&
    spec.epilogue.every((e) => e.op === "bias" || e.op === "relu");
}

/** The pooled kernel owns whole 2x2 windows: two rows (bk, for "direct"), and an odd segment
 *  (a 5-, 7- or 20-pixel row split evenly) grows by one pixel, as many invocations per
 *  workgroup as before. */
function poolTile(t: GemmTile): GemmTile {
  const tn = t.tn + (t.tn % 2);
  return { ...t, bk: 2, tn, bn: (t.bn / t.tn) * tn };
}

/** Kernels that take an epilogue. maxpool_grad does so for the ReLU mask of the layer before
 *  the pool: folded, the training step loses one pass over every pooled activation's gradient
 *  (relu_grad alone reads dx and the ReLU output and writes dx again). */
const epilogueKinds = new Set<KernelSpec["kind"]>([
  "conv",
  "matmul",
  "elementwise",
  "maxpool_grad",
]);

function layoutOf(shape: readonly number[]) {
  return { channels: shape[1] ?? 1, spatial: shape.slice(2).reduce((a, b) => a * b, 1) };
}
const numel = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

type Lowering = (
  n: Node,
  g: Graph,
  o: LowerOptions,
  accumulate: boolean,
) => KernelSpec[] | "alias" | "leaf";
const nchw = (s: readonly number[]) => ({ n: s[0], c: s[1], h: s[2], w: s[3] });

/** One entry per primitive: the kernel(s) a node becomes when nothing folds it. */
const lowerings: { [P in Prim]: Lowering } = {
  input: () => "leaf",
  param: () => "leaf",
  reshape: () => "alias",
  conv2d: (n, g, o) => {
    const a = n.attrs as Attrs["conv2d"], x = g.nodes[n.inputs[0]].shape;
    const q: Omit<ConvSpec, "tile"> = {
      kind: "conv",
      ...nchw(x),
      o: n.shape[1],
      k: a.k,
      pad: a.pad,
      flip: a.flip,
      epilogue: [],
    };
    return [{ ...q, tile: o.tiles.conv(q) }];
  },
  conv2d_grad_weight: (n, g, o, accumulate) => {
    const a = n.attrs as Attrs["conv2d_grad_weight"], x = g.nodes[n.inputs[0]].shape;
    const q: Omit<ConvGradWeightSpec, "tile"> = {
      kind: "conv_grad_weight",
      ...nchw(x),
      o: n.shape[0],
      k: a.k,
      pad: a.pad,
      accumulate,
    };
    return [{ ...q, tile: o.tiles.convGradWeight(q) }];
  },
  matmul: (n, g, o, accumulate) => {
    const a = n.attrs as Attrs["matmul"], A = g.nodes[n.inputs[0]].shape;
    const q: Omit<MatmulSpec, "tile"> = {
      kind: "matmul",
      m: n.shape[0],
      n: n.shape[1],
      k: a.transA ? A[0] : A[1],
      ...a,
      accumulate,
      epilogue: [],
    };
    return [{ ...q, tile: o.tiles.matmul(q) }];
  },
  bias_grad: (n, g, _o, accumulate) => {
    const s = g.nodes[n.inputs[0]].shape;
    return [{ kind: "bias_grad", n: s[0], c: s[1], spatial: numel(s.slice(2)), accumulate }];
  },
  maxpool: (n, g) => [{ kind: "maxpool", ...nchw(g.nodes[n.inputs[0]].shape) }],
  maxpool_grad: (n) => [{ kind: "maxpool_grad", ...nchw(n.shape) }],
  lrn: (n) => [{ kind: "lrn", ...nchw(n.shape), ...(n.attrs as Attrs["lrn"]) }],
  lrn_grad: (n) => [{ kind: "lrn_grad", ...nchw(n.shape), ...(n.attrs as Attrs["lrn_grad"]) }],
  softmax: (n) => [{ kind: "softmax", rows: n.shape[0], cols: n.shape[1] }],
  softmax_grad: (n) => [{ kind: "softmax_grad", rows: n.shape[0], cols: n.shape[1] }],
  softmax_xent: (n, g) => {
    const z = g.nodes[n.inputs[0]].shape;
    return [{ kind: "softmax_xent", rows: z[0], cols: z[1] }];
  },
  softmax_xent_grad: (n) => [{ kind: "softmax_xent_grad", rows: n.shape[0], cols: n.shape[1] }],
  concat: (n, g) => {
    let off = 0;
    return n.inputs.map((i) => {
      const s = g.nodes[i].shape,
        spec: KernelSpec = {
          kind: "copy_channels",
          n: s[0],
          spatial: numel(s.slice(2)),
          cIn: s[1],
          cOut: n.shape[1],
          inOffset: 0,
          outOffset: off,
          count: s[1],
        };
      off += s[1];
      return spec;
    });
  },
  slice: (n, g) => {
    const s = g.nodes[n.inputs[0]].shape, a = n.attrs as Attrs["slice"];
    return [{
      kind: "copy_channels",
      n: s[0],
      spatial: numel(s.slice(2)),
      cIn: s[1],
      cOut: a.size,
      inOffset: a.start,
      outOffset: 0,
      count: a.size,
    }];
  },
  // Elementwise primitives that found no producer to fold into run alone.
  bias: (n, _g, _o) => [elementwise(n, { op: "bias" })],
  relu: (n) => [elementwise(n, { op: "relu" })],
  relu_grad: (n) => [elementwise(n, { op: "mask" })],
  add: (n) => [elementwise(n, { op: "add" })],
  dropout: (n) => [elementwise(n, dropoutOp(n.attrs as Attrs["dropout"], n))],
  // The f16 copy of a weight: an elementwise kernel with no ops, its store converting.
  half: (n) => [{
    kind: "elementwise",
    size: numel(n.shape),
    layout: layoutOf(n.shape),
    epilogue: [],
  }],
};

function elementwise(n: Node, epi: EpilogueOp): KernelSpec {
  return { kind: "elementwise", size: numel(n.shape), layout: layoutOf(n.shape), epilogue: [epi] };
}

export function lower(g: Graph, opts: LowerOptions): KernelPlan {
  const use = users(g);
  const outputs = new Set(Object.values(g.outputs));
  const gradOutputs = new Set(
    Object.entries(g.outputs).filter(([k]) => k.startsWith("grad:")).map(([, v]) => v),
  );
  const alias = new Map<number, number>();
  const root = (v: number) => alias.get(v) ?? v;
  /** The draft whose output is value v (only while v may still be extended). */
  const producer = new Map<number, Draft>();
  const drafts: { at: number; d: Draft }[] = [];

  const live = liveNodes(g, Object.values(g.outputs));
  /** Whether value v's producer may take one more fold: v has no other reader and is no
   *  output of the graph. */
  const foldable = (v: number) => use[v].length === 1 && !outputs.has(v);
  /** Makes node n the last op of draft d, whose output was v. */
  const extend = (d: Draft, v: number, n: Node) => {
    d.ops.push(n.op);
    d.output = n.id;
    producer.delete(v);
    producer.set(n.id, d);
    drafts.find((x) => x.d === d)!.at = n.id;
  };
  for (const n of g.nodes) {
    if (!live.has(n.id)) continue; // dead code: nothing reads it
    if (n.op === "maxpool") {
      const v = n.inputs[0], d = producer.get(v);
      if (d && foldable(v) && poolFolds(d.spec)) {
        d.spec = { ...d.spec, tile: poolTile(d.spec.tile), pool: true };
        extend(d, v, n);
        continue;
      }
    }
    // Rewrite rule: fold into the producer of the main input when that value has no other use.
    const rule = foldRules[n.op] as FoldRule<Prim> | undefined;
    if (rule) {
      const folded = rule.main.find((k) => {
        const v = n.inputs[k], d = producer.get(v);
        // A pooled conv's epilogue runs before its pool: nothing may join it after.
        return d && foldable(v) && epilogueKinds.has(d.spec.kind) &&
          !("accumulate" in d.spec && d.spec.accumulate) && !("pool" in d.spec && d.spec.pool);
      });
      if (folded !== undefined) {
        const v = n.inputs[folded], d = producer.get(v)!;
        const spec = d.spec as { epilogue?: EpilogueOp[] };
        spec.epilogue = [...(spec.epilogue ?? []), rule.epi(n.attrs as never, n)];
        d.inputs.push(...n.inputs.filter((_, k) => k !== folded).map(root));
        extend(d, v, n);
        continue;
      }
    }
    const accumulate = !!opts.accumulateGrads && gradOutputs.has(n.id);
    const r = lowerings[n.op](n, g, opts, accumulate);
    if (r === "leaf") continue;
    if (r === "alias") {
      alias.set(n.id, root(n.inputs[0]));
      continue;
    }
    r.forEach((spec, k) => {
      // Elementwise kernels take their main input first, then epilogue extras; concat's
      // copies each take one input; everything else takes its inputs in order.
      const inputs = spec.kind === "copy_channels" && n.op === "concat"
        ? [n.inputs[k]]
        : spec.kind === "elementwise" && n.op === "add"
        ? [n.inputs[0], n.inputs[1]]
        : [...n.inputs];
      const d: Draft = {
        layer: n.layer,
        spec,
        inputs: inputs.map(root),
        output: n.id,
        ops: [n.op],
      };
      drafts.push({ at: n.id, d });
      if (r.length === 1) producer.set(n.id, d);
    });
  }
  drafts.sort((a, b) => a.at - b.at);
  const half = opts.half ?? new Set<number>();
  const kernels = drafts.map(({ d }) => {
    const f16 = [...d.inputs, d.output].flatMap((v, i) => half.has(root(v)) ? [i] : []);
    return {
      ...d,
      spec: Object.freeze(f16.length ? { ...d.spec, f16 } : d.spec) as KernelSpec,
      name: `${d.layer}:${d.ops.join("+")}`,
    };
  });
  return { graph: g, kernels, alias, half };
}

/** One line per kernel: name, kind, output shape. */
export function printPlan(p: KernelPlan): string {
  return p.kernels.map((k, i) => {
    const out = p.graph.nodes[k.output];
    const tile = "tile" in k.spec ? ` tile=${JSON.stringify(k.spec.tile)}` : "";
    return `#${i} ${k.name} ${k.spec.kind} -> %${k.output}:[${out.shape.join(",")}]${tile}`;
  }).join("\n") + "\n";
}
