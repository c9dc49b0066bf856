// Inference graphs: the primitives' inference rewrites (PrimDef.rewrite: batch norm folded into
// the conv before it), then dead code elimination. Applied to every evaluation-mode forward
// graph (dsl/model.ts, dsl/transforms.ts); training graphs keep what they differentiate.
import { prune } from "./autodiff.ts";
import { defOf, type Graph, GraphBuilder, users } from "./ir.ts";
import type { RewriteContext } from "./ops/types.ts";

export function inferenceGraph(g: Graph): Graph {
  const use = users(g), outputs = new Set(Object.values(g.outputs));
  const b = new GraphBuilder(), id = new Map<number, number>();
  const cx: RewriteContext = {
    graph: g,
    b,
    map: (v) => id.get(v)!,
    single: (v) => use[v].length === 1 && !outputs.has(v),
  };
  for (const n of g.nodes) {
    b.layer = n.layer;
    const rewritten = defOf(n).rewrite?.(cx, n);
    b.layer = n.layer;
    id.set(n.id, rewritten ?? b.copy(n, n.inputs.map(cx.map)));
  }
  for (const [k, v] of Object.entries(g.outputs)) b.output(k, id.get(v)!);
  return prune(b.build());
}
