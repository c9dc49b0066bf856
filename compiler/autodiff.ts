// Reverse-mode differentiation as a pass on the IR: walks the forward graph backwards from a
// scalar output, asks each primitive's backward rule (ops[op].vjp) for its inputs' cotangents,
// sums cotangents of values used more than once, and returns the forward graph extended with
// the backward nodes and one output `grad:<param name>` per parameter.
import { defOf, type Graph, GraphBuilder, liveNodes } from "./ir.ts";
import { ROLES } from "./ops/leaves.ts";

export function grad(forward: Graph, loss: string): Graph {
  const lossId = forward.outputs[loss];
  if (lossId === undefined) throw new Error(`autodiff: graph has no output '${loss}'`);
  const b = new GraphBuilder(forward);
  const lossNode = b.node(lossId);
  if (lossNode.shape.length !== 0) throw new Error(`autodiff: '${loss}' is not a scalar`);

  // Only nodes on a path from a trainable parameter to the loss need a cotangent (running
  // statistics are parameters SGD does not update: they take none).
  const live = liveNodes(forward, [lossId]);
  const needs = new Set<number>();
  for (const n of forward.nodes) {
    if (!live.has(n.id)) continue;
    const trainable = n.op === "param" && ROLES[n.attrs.role].trainable;
    if (trainable || n.inputs.some((i) => needs.has(i))) needs.add(n.id);
  }

  b.layer = "loss";
  const seed = b.add("input", [], { name: "dloss", shape: [], dtype: "f32" });
  const cot = new Map<number, number>([[lossId, seed]]);
  for (let id = lossId; id >= 0; id--) {
    const g = cot.get(id);
    const node = forward.nodes[id];
    if (g === undefined || node.op === "param" || node.op === "input") continue;
    const rule = defOf(node).vjp;
    if ("notDifferentiable" in rule) {
      throw new Error(`autodiff: ${node.op} (layer ${node.layer}) is ${rule.notDifferentiable}`);
    }
    b.layer = node.layer;
    // Skip the rule's work for inputs that need no cotangent is left to dead code
    // elimination: rules add a few nodes, and the lowering drops what no output uses.
    const ins = rule(b, node, g);
    node.inputs.forEach((input, k) => {
      const d = ins[k];
      if (d === null || d === undefined || !needs.has(input)) return;
      const prev = cot.get(input);
      cot.set(input, prev === undefined ? d : b.add("add", [prev, d], {}));
    });
  }
  for (const n of forward.nodes) {
    if (n.op !== "param") continue;
    const g = cot.get(n.id);
    if (g !== undefined) b.output(`grad:${n.attrs.name}`, g);
  }
  return prune(b.build());
}

/** Drops nodes no output uses, renumbering ids (keeps order). */
export function prune(g: Graph): Graph {
  const live = liveNodes(g, Object.values(g.outputs));
  const remap = new Map<number, number>();
  const b = new GraphBuilder();
  for (const n of g.nodes) {
    if (!live.has(n.id)) continue;
    b.layer = n.layer;
    remap.set(n.id, b.copy(n, n.inputs.map((i) => remap.get(i)!)));
  }
  for (const [k, v] of Object.entries(g.outputs)) b.output(k, remap.get(v)!);
  return b.build();
}
