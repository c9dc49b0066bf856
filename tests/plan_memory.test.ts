// The memory plan (runtime/memory.ts) checked against lifetimes computed here from the kernel
// order: two values may share a buffer only if one is dead before the other is first
// written, persistent values (inputs, parameters, outputs) never share, every buffer is large
// enough for each tenant, and reuse never costs more than no plan at all.
import assert from "node:assert";
import { type KernelPlan, lower, valueElems } from "../compiler/lower.ts";
import { forwardGraph, type Model, trainGraph } from "../dsl/mod.ts";
import { configs } from "../nets/mod.ts";
import { persistentValues } from "../runtime/forward.ts";
import { type MemoryPlan, planMemory } from "../runtime/memory.ts";
import { CPU_TILES, GPU_TILES, smallNets } from "./helpers/gpu.ts";

const MiB = 1 << 20;
const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

/** Asserts the plan's soundness; returns it for further checks. */
function checkPlan(plan: KernelPlan, what: string): MemoryPlan {
  const g = plan.graph, persistent = persistentValues(g);
  const root = (v: number) => plan.alias.get(v) ?? v;
  const mem = planMemory(plan, persistent);
  // Lifetimes in kernel steps, from the kernels' own bindings: [first use, last use].
  const first = new Map<number, number>(), last = new Map<number, number>();
  plan.kernels.forEach((k, i) => {
    for (const v of [...k.inputs, k.output].map(root)) {
      if (!first.has(v)) first.set(v, i);
      last.set(v, i);
    }
  });
  // A persistent value (or the root of one reached through a reshape) lives for the whole
  // program: the host writes and reads it between runs.
  const pinned = new Set([...persistent].map(root));
  const life = (v: number): [number, number] =>
    pinned.has(v) ? [-Infinity, Infinity] : [first.get(v)!, last.get(v)!];
  const tenants = new Map<number, number[]>();
  for (const v of first.keys()) {
    const s = mem.slotOf.get(v);
    assert.ok(s !== undefined, `${what}: value %${v} has no buffer`);
    const bytes = 4 * Math.max(1, valueElems(plan, v));
    assert.ok(
      mem.slots[s].bytes >= bytes,
      `${what}: %${v} (${bytes} B) in a ${mem.slots[s].bytes} B slot`,
    );
    tenants.set(s, [...(tenants.get(s) ?? []), v]);
  }
  // Every reshape reads and writes through its root's buffer.
  for (const [a, r] of plan.alias) {
    if (mem.slotOf.has(r)) {
      assert.strictEqual(mem.slotOf.get(a), mem.slotOf.get(r), `${what}: alias %${a}`);
    }
  }
  for (const [s, vs] of tenants) {
    const sorted = vs.map((v) => [v, ...life(v)] as const).sort((a, b) => a[1] - b[1]);
    for (let i = 1; i < sorted.length; i++) {
      const [p, , pEnd] = sorted[i - 1], [v, vStart] = sorted[i];
      // Strict: a kernel must not read one tenant and write another in the same buffer.
      assert.ok(
        pEnd < vStart,
        `${what}: slot ${s} holds %${p} (live to kernel ${pEnd}) and %${v} (from kernel ${vStart})`,
      );
    }
  }
  assert.ok(
    mem.peakBytes <= mem.naiveBytes,
    `${what}: peak ${mem.peakBytes} > naive ${mem.naiveBytes}`,
  );
  assert.ok(mem.peakBytes >= mem.liveBoundBytes, `${what}: peak below the live bound`);
  return mem;
}

Deno.test("training plan of E: no two live values share a buffer; buffers are reused", () => {
  const m = configs.E({ width: 8, size: 32, classes: 10 });
  for (const accumulateGrads of [false, true]) {
    const plan = lower(trainGraph(m, 2), { tiles: GPU_TILES, accumulateGrads });
    const mem = checkPlan(plan, `E train${accumulateGrads ? " (accumulate)" : ""}`);
    // Reuse happens, though training keeps most forward activations alive until the backward
    // pass reads them (ReLU outputs for the masks, conv inputs for the weight gradients), so
    // the pooled values (activations, cotangents) shrink by less than in a forward pass.
    const pinned = persistentValues(plan.graph);
    const pooled = [...mem.slotOf].filter(([v]) => !pinned.has(v) && !plan.alias.has(v));
    const slots = new Set(pooled.map(([, s]) => s));
    const pooledNaive = pooled.reduce((t, [v]) => t + 4 * size(plan.graph.nodes[v].shape), 0);
    const pooledPeak = [...slots].reduce((t, s) => t + mem.slots[s].bytes, 0);
    assert.ok(
      slots.size < 0.75 * pooled.length,
      `${slots.size} buffers for ${pooled.length} values`,
    );
    assert.ok(pooledPeak < 0.75 * pooledNaive, `pooled peak ${pooledPeak} of ${pooledNaive}`);
    // And the whole plan stays near the bound no plan can beat (measured: 3% above it).
    assert.ok(
      mem.peakBytes <= 1.25 * mem.liveBoundBytes,
      `peak ${mem.peakBytes}, bound ${mem.liveBoundBytes}`,
    );
  }
});

Deno.test("memory plans of every small net, forward and training, are sound", () => {
  // Residual adds, branches (concat written by several kernels) and reshapes included.
  // CPU tiles: the 3x3 convs of 16 channels and more run by Winograd where they are large
  // enough, whose V and M are scratch values of the plan (the first value ids past the graph's
  // nodes).
  for (const m of smallNets()) {
    for (const [name, tiles] of [["GPU", GPU_TILES], ["CPU", CPU_TILES]] as const) {
      const fwd = lower(forwardGraph(m, 3), { tiles }), train = lower(trainGraph(m, 2), { tiles });
      checkPlan(fwd, `${m.name} forward (${name} tiles)`);
      checkPlan(train, `${m.name} train (${name} tiles)`);
      if (name === "CPU" && m.name === "E/w8") {
        // At batch 64, where the untuned rule runs Winograd (8 M multiply-adds and more).
        const big = lower(trainGraph(m, 64), { tiles });
        checkPlan(big, `${m.name} train batch 64 (${name} tiles)`);
        assert.ok(big.scratch.size > 0);
      }
    }
  }
});

Deno.test("forward of E at batch 64 (224x224): the planned peak", () => {
  const m: Model = configs.E();
  const mem = checkPlan(lower(forwardGraph(m, 64), { tiles: GPU_TILES }), "E forward batch 64");
  const params = m.params.reduce((s, p) => s + 4 * p.shape.reduce((a, b) => a * b, 1), 0);
  console.log(
    `E forward, batch 64: peak ${(mem.peakBytes / MiB).toFixed(0)} MiB ` +
      `(parameters ${(params / MiB).toFixed(0)} MiB; live bound ${
        (mem.liveBoundBytes / MiB).toFixed(0)
      } MiB; ` +
      `no reuse ${(mem.naiveBytes / MiB).toFixed(0)} MiB)`,
  );
  // A forward pass needs two activations at a time besides the parameters and the input:
  // the first conv's 64x224x224 input and output dominate (2 x 784 MiB at batch 64).
  const act = 64 * 64 * 224 * 224 * 4;
  assert.ok(mem.peakBytes - params < 3 * act, `peak ${mem.peakBytes} B`);
  assert.ok(mem.peakBytes < mem.naiveBytes / 2);
});
