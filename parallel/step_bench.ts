// Timing of the data-parallel training step for `deno task bench --train` under mpiexec: steps
// with the all-reduce overlapping the backward and steps without (compute, then readback, then
// all-reduce, then upload, each timed) alternate, so their ratio comes from one run under the
// same load. Every rank runs the same sequence (the collectives must match); rank 0 reports.
import type { StepBreakdown, TrainStep } from "../runtime/train_step.ts";

export interface DataParallelTiming {
  ranks: number;
  buckets: number;
  gradient_bytes: number;
  /** Mean ms per step, all-reduce overlapping the backward. */
  overlapped_ms: number;
  /** Mean ms per step, phases one after another, and the mean of each phase. */
  sequential_ms: number;
  compute_ms: number;
  readback_ms: number;
  allreduce_ms: number;
  upload_ms: number;
  /** Waiting for the slowest rank before the all-reduce (load imbalance, not transfer). */
  wait_ms: number;
  /** Gradient bytes over the phase's time: what the PCIe (readback) and the interconnect
   *  (all-reduce, per rank's buffer) delivered. */
  readback_gb_per_s: number;
  allreduce_gb_per_s: number;
}

export async function timeDataParallel(
  step: TrainStep,
  run: (overlap: boolean) => Promise<StepBreakdown | undefined>,
  iters: number,
  ranks: number,
): Promise<DataParallelTiming> {
  const over: number[] = [], seq: number[] = [], parts: StepBreakdown[] = [];
  for (let i = 0; i < iters; i++) {
    for (const overlap of [true, false]) {
      const t0 = performance.now();
      const b = await run(overlap);
      (overlap ? over : seq).push(performance.now() - t0);
      if (!overlap && b) parts.push(b);
    }
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  const part = (k: "computeMs" | "readbackMs" | "allreduceMs" | "uploadMs" | "waitMs") =>
    mean(parts.map((p) => p[k]));
  const bytes = step.model.params.reduce((s, p) => s + 4 * p.shape.reduce((a, b) => a * b, 1), 0);
  const r = (x: number, d = 3) => Number(x.toFixed(d));
  return {
    ranks,
    buckets: step.buckets,
    gradient_bytes: bytes,
    overlapped_ms: r(mean(over)),
    sequential_ms: r(mean(seq)),
    compute_ms: r(part("computeMs")),
    readback_ms: r(part("readbackMs")),
    allreduce_ms: r(part("allreduceMs")),
    upload_ms: r(part("uploadMs")),
    wait_ms: r(part("waitMs")),
    readback_gb_per_s: r(bytes / part("readbackMs") / 1e6),
    allreduce_gb_per_s: r(bytes / part("allreduceMs") / 1e6),
  };
}
