// The reference interpreter: evaluates a graph node by node with each primitive's plain
// TypeScript reference. Slow and simple on purpose: it is the oracle for every WGSL kernel.
import { defOf, type Graph } from "./ir.ts";
import { fmtShape, size } from "./shape.ts";
import type { Tensor } from "./ops/types.ts";

export interface Feeds {
  /** By input name (`x`, `labels`, `seed`). */
  inputs: Record<string, Tensor["data"]>;
  /** By parameter name. */
  params: ReadonlyMap<string, Tensor["data"]>;
}

export interface EvalOptions {
  /** Evaluate float paths in double (gradient checks). */
  float64?: boolean;
  /** Values rounded to f16 once computed: an f16 plan's storage (compiler/precision.ts), so the
   *  reference sees what its kernels store. */
  half?: ReadonlySet<number>;
}

/** Values of every node (index = node id). */
export function evaluate(g: Graph, feeds: Feeds, opts: EvalOptions = {}): Tensor[] {
  const cast = (d: Tensor["data"]) =>
    opts.float64 && d instanceof Float32Array ? Float64Array.from(d) : d;
  const vals: Tensor[] = [];
  for (const n of g.nodes) {
    if (n.op === "input" || n.op === "param") {
      const a = n.attrs;
      const d = n.op === "input" ? feeds.inputs[a.name] : feeds.params.get(a.name);
      if (!d) throw new Error(`reference: no value fed for ${n.op} '${a.name}'`);
      if (d.length !== size(n.shape)) {
        throw new Error(
          `reference: ${n.op} '${a.name}' fed ${d.length} values for ${fmtShape(n.shape)}`,
        );
      }
      vals.push({ shape: n.shape, data: cast(d) });
      continue;
    }
    const ins = n.inputs.map((i) => vals[i]);
    const v = defOf(n).reference(ins, n.attrs);
    if (opts.half?.has(n.id)) {
      const d = v.data as Float32Array;
      for (let i = 0; i < d.length; i++) d[i] = Math.f16round(d[i]);
    }
    vals.push(v);
  }
  return vals;
}

/** Evaluates and returns the named outputs. */
export function run(g: Graph, feeds: Feeds, opts: EvalOptions = {}) {
  const vals = evaluate(g, feeds, opts);
  return Object.fromEntries(Object.entries(g.outputs).map(([k, v]) => [k, vals[v]]));
}
