// Storage precision: which values a plan keeps as f16 under `--precision f16` (mixed precision).
// The IR's math is f32 throughout, and so is every kernel's arithmetic and accumulation; f16 is a
// storage format, chosen here per value and carried by the lowering into each kernel spec (`f16`
// positions). The rule:
//   - parameters stay f32 (the master weights SGD updates); each weight a conv or matmul reads
//     gets an f16 copy (a `half` node, one kernel per step), which every GEMM reads instead;
//   - graph inputs and named outputs stay f32 (the CPU writes and reads them: images, labels,
//     logits, the loss, the f32 weight gradients SGD reads);
//   - every other float value (activations, their gradients) is stored as f16, unless its
//     primitive keeps it f32 (each primitive's `storage` rule, compiler/ops/).
// Loss scaling, which keeps small f16 gradients from flushing to zero, lives in the training
// step (runtime/train_step.ts): it scales the loss gradient fed to the graph.
import { defOf, type Graph, GraphBuilder, type Node } from "./ir.ts";

export type Precision = "f32" | "f16";
export const PRECISIONS: readonly Precision[] = ["f32", "f16"];

export interface PrecisionPlan {
  graph: Graph;
  /** Value ids stored as f16 (empty for f32). */
  half: ReadonlySet<number>;
}

export function applyPrecision(g: Graph, p: Precision): PrecisionPlan {
  if (p === "f32") return { graph: g, half: new Set() };
  const b = new GraphBuilder();
  const id = new Map<number, number>(), copy = new Map<number, number>();
  // Readers of a weight that read it through its f16 copy (the GEMMs: their `storage` says so).
  const viaCopy = (n: Node) => !!defOf(n).storage.halfWeights;
  const gemmRead = new Set(g.nodes.filter(viaCopy).flatMap((u) => u.inputs));
  for (const n of g.nodes) {
    b.layer = n.layer;
    const inputs = n.inputs.map((i) => viaCopy(n) && copy.has(i) ? copy.get(i)! : id.get(i)!);
    id.set(n.id, b.copy(n, inputs));
    if (n.op === "param" && gemmRead.has(n.id)) {
      copy.set(n.id, b.add("half", [id.get(n.id)!], {}));
    }
  }
  for (const [k, v] of Object.entries(g.outputs)) b.output(k, id.get(v)!);
  const graph = b.build();
  // A reshape shares its input's buffer, so a value and its reshapes share one storage type:
  // kept f32 when any of them is an output.
  const rootOf = (v: number): number =>
    graph.nodes[v].op === "reshape" ? rootOf(graph.nodes[v].inputs[0]) : v;
  const keep = new Set(Object.values(graph.outputs).map(rootOf));
  const half = new Set<number>();
  for (const n of graph.nodes) {
    // Leaves are fed as f32; a reshape shares its input's storage; and a primitive may keep its
    // output f32 (batch statistics: compiler/ops/, `storage`).
    if (n.dtype !== "f32" || n.op === "input" || n.op === "param" || n.op === "reshape") continue;
    if (!keep.has(n.id) && defOf(n).storage.half) half.add(n.id);
  }
  return { graph, half };
}
