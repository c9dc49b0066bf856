// Lowering: IR graph -> ordered list of kernels. Each non-leaf node either folds into the
// kernel that produces one of its inputs (its primitive's `fold` rule: an epilogue op, or a pool
// into the conv before it) or starts the kernel(s) of its own (its primitive's `lower`; several
// for a conv run by Winograd, which pass scratch values between them). Kernels run in the order
// of their last node, which keeps the graph's topological order; kernels whose output nothing
// reads are dropped (an f16 weight copy that only a Winograd filter transform bypassed).
import type { Graph, Node } from "./ir.ts";
import { defOf, liveNodes, users } from "./ir.ts";
import { kernelOf } from "./kernels/mod.ts";
import type {
  ConvGradWeightSpec,
  ConvSpec,
  GemmTile,
  KernelSpec,
  MatmulSpec,
} from "./kernels/spec.ts";
import { isFoldable } from "./ops/epilogues.ts";
import type { Prim } from "./ops/mod.ts";
import type { Scratch } from "./ops/types.ts";
import type { TileQuery } from "./tuning.ts";
import { epilogueOp } from "./ops/util.ts";
import type { WinogradChoice, WinogradGradChoice } from "./kernels/winograd_chain.ts";

export interface PlannedKernel {
  /** `layer:op+op+...`, the name used in errors, `explain` and timings. */
  name: string;
  layer: string;
  spec: KernelSpec;
  /** Value ids bound as inputs, in binding order (main inputs, then epilogue extras). */
  inputs: number[];
  /** Value id written: a graph value, or a scratch value (KernelPlan.scratch). */
  output: number;
  /** Primitives fused into this kernel, in order. */
  ops: Prim[];
  /** The node whose lowering made the kernel (its first op; folds add the others). */
  node: number;
  /** Which of its node's kernels this is, where the node has several (a Winograd chain). */
  step?: string;
  /** What the tile policy was asked, where it differs from the spec less its tile: the key of
   *  the kernel's tuning entry (compiler/tuning.ts). */
  query?: TileQuery;
}

/** A value only a node's own kernels pass between them (ids after the graph's nodes). */
export interface ScratchValue {
  /** `layer:op/name`, for `explain`. */
  name: string;
  elems: number;
}

export interface KernelPlan {
  graph: Graph;
  kernels: PlannedKernel[];
  /** reshape outputs share their input's buffer: alias -> root value id. */
  alias: Map<number, number>;
  /** Values stored as f16 (compiler/precision.ts); empty under f32. */
  half: ReadonlySet<number>;
  /** Scratch values by id (f32, never read back). */
  scratch: ReadonlyMap<number, ScratchValue>;
}

/** Elements of a value of the plan: a graph value's shape, or a scratch value's size. */
export function valueElems(p: KernelPlan, v: number): number {
  const s = p.scratch.get(v);
  return s ? s.elems : p.graph.nodes[v].shape.reduce((a, b) => a * b, 1);
}

/** A value's shape for printing: the graph's, or `[elems]` of a scratch value. */
export function valueShape(p: KernelPlan, v: number): readonly number[] {
  const s = p.scratch.get(v);
  return s ? [s.elems] : p.graph.nodes[v].shape;
}

/** Tile choice per GEMM shape (see kernels/tiles.ts); injected so lowering stays pure. Each
 *  gets the kernel's spec as lowered, less its tile (and before folds add epilogue ops), so a
 *  tuning table (compiler/tuning.ts) can key on the spec itself. */
export interface TilePolicy {
  /** The algorithm of a 3x3, pad-1 conv (forward, or the input gradient with flip): Winograd
   *  with the returned choice, or the direct conv (undefined) with `conv`'s tile. */
  winograd(d: Omit<ConvSpec, "tile">): WinogradChoice | undefined;
  conv(d: Omit<ConvSpec, "tile">): GemmTile;
  /** The algorithm of a 3x3, pad-1 conv's weight gradient: Winograd's F(3 x 3, m x m) with the
   *  returned choice, or the direct kernel (undefined) with `convGradWeight`'s tile. */
  winogradGradWeight(d: Omit<ConvGradWeightSpec, "tile">): WinogradGradChoice | undefined;
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

/** The producer's spec with node n folded in, or undefined where it cannot take it: the
 *  primitive's own rule, or else its epilogue op where the producer's kind takes one. */
function foldInto(spec: KernelSpec, n: Node): KernelSpec | undefined {
  const rule = defOf(n).fold;
  if (!rule) return undefined;
  if (rule.into) return rule.into(spec, n);
  return isFoldable(n) ? kernelOf(spec).epilogue?.(spec, epilogueOp(n)) : undefined;
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
  const scratch = new Map<number, ScratchValue>();

  const live = liveNodes(g, Object.values(g.outputs));
  /** Whether value v's producer may take one more fold: v has no other reader and is no
   *  output of the graph. */
  const foldable = (v: number) => use[v].length === 1 && !outputs.has(v);
  /** LowerContext.poolAfter: folds the readers of id's value into `probe` as the loop below
   *  will, until a pool folds (its kind) or a fold fails (none). */
  const poolAfter = (id: number, probe: KernelSpec): "max" | "avg" | undefined => {
    let v = id, spec = probe;
    while (foldable(v) && live.has(use[v][0])) {
      const r = g.nodes[use[v][0]];
      if (!(defOf(r).fold?.main ?? []).some((k) => r.inputs[k] === v)) return undefined;
      const next = foldInto(spec, r);
      if (!next) return undefined;
      if ("pool" in next && next.pool) return next.pool;
      spec = next;
      v = r.id;
    }
    return undefined;
  };
  for (const n of g.nodes) {
    if (!live.has(n.id)) continue; // dead code: nothing reads it
    // Rewrite rule: fold into the producer of a main input when that value has no other use.
    const main = defOf(n).fold?.main ?? [];
    const folded = main.map((k) => {
      const v = n.inputs[k], d = producer.get(v);
      const spec = d && foldable(v) ? foldInto(d.spec, n) : undefined;
      return spec && { k, v, d: d!, spec };
    }).find((x) => x);
    if (folded) {
      const { k, v, d, spec } = folded;
      d.spec = spec;
      d.inputs.push(...n.inputs.filter((_, j) => j !== k).map(root));
      d.ops.push(n.op);
      d.output = n.id;
      producer.delete(v);
      producer.set(n.id, d);
      drafts.find((x) => x.d === d)!.at = n.id;
      continue;
    }
    const accumulate = !!opts.accumulateGrads && gradOutputs.has(n.id);
    const r = defOf(n).lower(n, { graph: g, tiles: opts.tiles, accumulate, poolAfter });
    if (r === "leaf") continue;
    if (r === "alias") {
      alias.set(n.id, root(n.inputs[0]));
      continue;
    }
    // The node's scratch values, by name: ids after the graph's, sized by their writer.
    const own = new Map<string, number>();
    const idOf = (x: number | Scratch): number => {
      if (typeof x === "number") return root(x);
      const id = own.get(x.scratch);
      if (id === undefined) throw new Error(`lower: ${n.op} reads scratch ${x.scratch} unwritten`);
      return id;
    };
    const mine: Draft[] = [];
    for (const { spec, inputs, output, step, query } of r) {
      const ins = inputs.map(idOf);
      let out = n.id;
      if (output) {
        out = g.nodes.length + scratch.size;
        const elems = kernelOf(spec).storage(spec).at(-1)!.elems;
        scratch.set(out, { name: `${n.layer}:${n.op}/${output.scratch}`, elems });
        own.set(output.scratch, out);
      }
      const d: Draft = {
        layer: n.layer,
        spec,
        inputs: ins,
        output: out,
        ops: [n.op],
        node: n.id,
        step,
        ...(query ? { query } : {}),
      };
      drafts.push({ at: n.id, d });
      mine.push(d);
    }
    // Folds go into the node's one kernel that writes its value (concat has several).
    const writers = mine.filter((d) => d.output === n.id);
    if (writers.length === 1) producer.set(n.id, writers[0]);
  }
  drafts.sort((a, b) => a.at - b.at);
  // Kernels whose output nothing reads and no output names: dropped, last first.
  const needed = new Set([...outputs].map(root));
  const kept = drafts.map(({ d }) => d).reverse().filter((d) => {
    if (!needed.has(root(d.output))) return false;
    for (const v of d.inputs) needed.add(root(v));
    return true;
  }).reverse();
  const half = opts.half ?? new Set<number>();
  const kernels = kept.map((d) => {
    const f16 = [...d.inputs, d.output].flatMap((v, i) => half.has(root(v)) ? [i] : []);
    return {
      ...d,
      spec: Object.freeze(f16.length ? { ...d.spec, f16 } : d.spec) as KernelSpec,
      name: `${d.layer}:${d.ops.join("+")}${d.step ? `/${d.step}` : ""}`,
    };
  });
  return { graph: g, kernels, alias, half, scratch };
}

/** One line per kernel: name, kind, output shape. */
export function printPlan(p: KernelPlan): string {
  return p.kernels.map((k, i) => {
    const tile = "tile" in k.spec ? ` tile=${JSON.stringify(k.spec.tile)}` : "";
    const shape = valueShape(p, k.output).join(",");
    return `#${i} ${k.name} ${k.spec.kind} -> %${k.output}:[${shape}]${tile}`;
  }).join("\n") + "\n";
}
