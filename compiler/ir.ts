// The IR: one immutable node type, a builder that runs each primitive's shape rule as nodes are
// added (so no graph with a bad shape can exist), a verifier and a stable printer.
import { type Attrs, ops, type Prim } from "./ops/mod.ts";
import type { PrimDef } from "./ops/types.ts";

import { type DType, fmtShape, type Shape } from "./shape.ts";
export { type DType, fmtShape, type Shape, ShapeError, size } from "./shape.ts";

/** A node of primitive P: its attributes typed as P declares them. */
export interface NodeOf<P extends Prim> {
  readonly id: number;
  readonly op: P;
  readonly dtype: DType;
  readonly shape: Shape;
  readonly inputs: readonly number[];
  readonly attrs: Readonly<Attrs[P]>;
  /** The DSL layer this node came from (for error messages and kernel names). */
  readonly layer: string;
}

/** Any node: a union discriminated by `op`, so `n.op === "param"` types `n.attrs`. */
export type Node = { [P in Prim]: NodeOf<P> }[Prim];

/** The declaration of a node's primitive, typed for that node. */
export const defOf = <P extends Prim>(n: NodeOf<P>): PrimDef<P> => ops[n.op];

export interface Graph {
  readonly nodes: readonly Node[];
  /** Named outputs (for example `logits`, `loss`, `grad:features.0.weight`). */
  readonly outputs: Readonly<Record<string, number>>;
}

export class GraphBuilder {
  readonly nodes: Node[] = [];
  readonly outputs: Record<string, number> = {};
  /** Layer name stamped on nodes added from now on. */
  layer = "";

  constructor(from?: Graph) {
    if (from) {
      this.nodes.push(...from.nodes);
      Object.assign(this.outputs, from.outputs);
    }
  }

  node(id: number): Node {
    const n = this.nodes[id];
    if (!n) throw new Error(`IR: no node %${id}`);
    return n;
  }

  add<P extends Prim>(op: P, inputs: readonly number[], attrs: Readonly<Attrs[P]>): number {
    const ins = inputs.map((i) => this.node(i));
    const def: PrimDef<P> = ops[op];
    const { shape, dtype } = def.shape(
      ins.map((n) => n.shape),
      attrs,
      ins.map((n) => n.dtype),
    );
    const id = this.nodes.length;
    this.nodes.push(
      Object.freeze({
        id,
        op,
        dtype,
        shape: Object.freeze([...shape]),
        inputs: Object.freeze([...inputs]),
        attrs: Object.freeze({ ...attrs }),
        layer: this.layer,
      }) as NodeOf<P> as Node,
    );
    return id;
  }

  /** Adds a node like `n` (same primitive and attributes) over other inputs. */
  copy<P extends Prim>(n: NodeOf<P>, inputs: readonly number[]): number {
    return this.add(n.op, inputs, n.attrs);
  }

  output(name: string, id: number): void {
    this.outputs[name] = id;
  }

  build(): Graph {
    const g = { nodes: [...this.nodes], outputs: { ...this.outputs } };
    verify(g);
    return Object.freeze(g);
  }
}

/** Checks ids, topological order and every shape rule again. Throws on the first problem. */
export function verify(g: Graph): void {
  g.nodes.forEach((n, i) => {
    if (n.id !== i) throw new Error(`IR verify: node at ${i} has id ${n.id}`);
    for (const j of n.inputs) {
      if (j < 0 || j >= i) throw new Error(`IR verify: %${i} uses %${j} out of order`);
    }
    const ins = n.inputs.map((j) => g.nodes[j]);
    const r = defOf(n).shape(ins.map((x) => x.shape), n.attrs, ins.map((x) => x.dtype));
    if (r.dtype !== n.dtype || fmtShape(r.shape) !== fmtShape(n.shape)) {
      throw new Error(`IR verify: %${i} ${n.op} has ${n.dtype}${fmtShape(n.shape)}`);
    }
  });
  for (const [k, v] of Object.entries(g.outputs)) {
    if (!g.nodes[v]) throw new Error(`IR verify: output ${k} names missing node %${v}`);
  }
}

function fmtAttrs(a: object): string {
  const parts = Object.entries(a).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return parts.length ? ` {${parts.join(", ")}}` : "";
}

/** One line per node: `%5:f32[8,64,32,32] = conv2d %3 %4 {k=3, pad=1}  # features.0`. */
export function printGraph(g: Graph): string {
  const lines = g.nodes.map((n) => {
    const args = n.inputs.map((i) => ` %${i}`).join("");
    const where = n.layer ? `  # ${n.layer}` : "";
    return `%${n.id}:${n.dtype}${fmtShape(n.shape)} = ${n.op}${args}${fmtAttrs(n.attrs)}${where}`;
  });
  const outs = Object.entries(g.outputs).map(([k, v]) => `out ${k} = %${v}`);
  return [...lines, ...outs].join("\n") + "\n";
}

/** Ids of nodes that feed the given outputs (dead code elimination's live set). */
export function liveNodes(g: Graph, roots: readonly number[]): Set<number> {
  const live = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (live.has(id)) continue;
    live.add(id);
    stack.push(...g.nodes[id].inputs);
  }
  return live;
}

/** Users of each node, in node order. */
export function users(g: Graph): number[][] {
  const u: number[][] = g.nodes.map(() => []);
  for (const n of g.nodes) for (const i of n.inputs) u[i].push(n.id);
  return u;
}
