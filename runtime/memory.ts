// The memory plan: which GPU buffer holds each value. Inputs, parameters and graph outputs get
// buffers of their own; every other value (activations, cotangents, and the scratch values of a
// Winograd chain: V and M) takes a slot from a pool, reused once the last kernel reading the
// previous tenant has run. Reshapes alias their input.
import { type KernelPlan, valueElems } from "../compiler/lower.ts";

export interface Slot {
  bytes: number;
  /** Values that live in this slot over time (for `explain`). */
  tenants: number[];
}

export interface MemoryPlan {
  slots: Slot[];
  slotOf: Map<number, number>;
  /** Bytes held by all slots together: the plan's peak. */
  peakBytes: number;
  /** Bytes of the values the kernels touch, summed without reuse (the no-plan bound). */
  naiveBytes: number;
  /** The largest sum of simultaneously live values: the lower bound any plan must hold. */
  liveBoundBytes: number;
}

/** Persistent values: graph inputs, params and named outputs keep their own slot. */
export function planMemory(p: KernelPlan, persistent: ReadonlySet<number>): MemoryPlan {
  const g = p.graph, root = (v: number) => p.alias.get(v) ?? v;
  // 4 bytes an element, 2 for values stored as f16, rounded up to whole 4-byte words (the
  // unit of buffer copies and bindings).
  const bytesOf = (v: number) => {
    const n = Math.max(1, valueElems(p, v));
    return p.half.has(v) ? Math.ceil(n / 2) * 4 : n * 4;
  };
  const first = new Map<number, number>(), last = new Map<number, number>();
  p.kernels.forEach((k, i) => {
    for (const v of [...k.inputs, k.output].map(root)) {
      if (!first.has(v)) first.set(v, i);
      last.set(v, i);
    }
  });
  // A persistent value read through a reshape keeps its root alive to the end.
  const persistentRoots = new Set([...persistent].map(root));
  for (const v of first.keys()) if (persistentRoots.has(v)) last.set(v, Infinity);
  const slots: Slot[] = [], slotOf = new Map<number, number>();
  const free: number[] = [];
  const releaseAt = new Map<number, number[]>();
  const values = [...first.keys()].sort((a, b) => first.get(a)! - first.get(b)! || a - b);
  let naive = 0;
  const liveBytes: number[] = p.kernels.map(() => 0);
  for (const v of values) {
    const need = bytesOf(v);
    naive += need;
    const from = first.get(v)!, to = last.get(v)!;
    for (let i = from; i <= Math.min(to, p.kernels.length - 1); i++) liveBytes[i] += need;
    // Scratch values (a Winograd chain's transformed tensors) are pooled like activations.
    const op = g.nodes[v]?.op;
    const pooled = !persistent.has(v) && op !== "param" && op !== "input";
    // Free slots whose tenants died before this value is first written.
    for (const [at, ss] of releaseAt) {
      if (at < from) {
        free.push(...ss);
        releaseAt.delete(at);
      }
    }
    let s = -1;
    if (pooled) {
      // Best fit among free slots; grow the best one if none is large enough.
      const fits = free.filter((f) => slots[f].bytes >= need).sort((a, b) =>
        slots[a].bytes - slots[b].bytes
      );
      s = fits[0] ?? free.sort((a, b) => slots[b].bytes - slots[a].bytes)[0] ?? -1;
      if (s >= 0) {
        free.splice(free.indexOf(s), 1);
        slots[s].bytes = Math.max(slots[s].bytes, need);
      }
    }
    if (s < 0) {
      s = slots.length;
      slots.push({ bytes: need, tenants: [] });
    }
    slots[s].tenants.push(v);
    slotOf.set(v, s);
    if (pooled && to !== Infinity) releaseAt.set(to, [...(releaseAt.get(to) ?? []), s]);
  }
  const liveMax = Math.max(0, ...liveBytes);
  for (const [a, r] of p.alias) if (slotOf.has(r)) slotOf.set(a, slotOf.get(r)!);
  return {
    slots,
    slotOf,
    peakBytes: slots.reduce((s, x) => s + x.bytes, 0),
    naiveBytes: naive,
    liveBoundBytes: liveMax,
  };
}
