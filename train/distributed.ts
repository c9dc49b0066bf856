// The training program's data-parallel pieces: which slice of each global batch a rank trains
// on, the per-step agreement (loss, accuracy and the stop decision summed over ranks, so every
// rank takes the same decisions), sharded validation, and the check that all ranks start from
// the same weights. The MPI side is parallel/; here only the Collective interface is used.
import type { Batch, Dataset } from "../data/dataset.ts";
import { batches } from "../data/dataset.ts";
import type { Params } from "../dsl/mod.ts";
import type { ForwardRunner } from "../runtime/forward.ts";
import type { StepResult } from "../runtime/train_step.ts";
import type { Collective } from "../parallel/comm.ts";
import { DataError } from "../data/errors.ts";
import { EvalAccumulator, type EvalResult } from "./evaluate.ts";

export type { Collective };

/** A step's metrics over the global batch, and whether any rank was asked to stop (the signal
 *  that asked: SIGINT wins over SIGTERM when both arrived). Every rank gets the same answer. */
export async function agreeStep(
  ranks: Collective,
  r: StepResult,
  localBatch: number,
  stop: "SIGINT" | "SIGTERM" | undefined,
): Promise<{ loss: number; top1: number; top5: number; stop?: "SIGINT" | "SIGTERM" }> {
  const [lossSum, top1, top5, sigint, sigterm] = await ranks.sum64(
    [r.loss * localBatch, r.top1, r.top5, stop === "SIGINT" ? 1 : 0, stop === "SIGTERM" ? 1 : 0],
    "the step's metrics",
  );
  return {
    loss: lossSum / (localBatch * ranks.size),
    top1,
    top5,
    stop: sigint > 0 ? "SIGINT" : sigterm > 0 ? "SIGTERM" : undefined,
  };
}

/** The stop decision alone (between steps: after validation and the epoch's checkpoint). */
export async function agreeStop(
  ranks: Collective,
  stop: "SIGINT" | "SIGTERM" | undefined,
): Promise<"SIGINT" | "SIGTERM" | undefined> {
  const [sigint, sigterm] = await ranks.sum64(
    [stop === "SIGINT" ? 1 : 0, stop === "SIGTERM" ? 1 : 0],
    "the stop decision",
  );
  return sigint > 0 ? "SIGINT" : sigterm > 0 ? "SIGTERM" : undefined;
}

/** Validation over the test split. Under MPI each global batch of `size` x the runner's batch is
 *  sharded (data/dataset.ts batches: each rank reads only its part) and the counts are summed
 *  over ranks: per-sample results do not depend on the batch, so the metrics equal one process's
 *  but for the order of a float64 sum. `onBatch` sees every batch this rank read (for the
 *  unreadable-image log). */
export async function evaluateSharded(
  runner: ForwardRunner,
  data: Dataset,
  limit: number | undefined,
  ranks?: Collective,
  onBatch?: (b: Batch) => void,
): Promise<EvalResult> {
  const acc = new EvalAccumulator(runner.model.classes);
  const size = ranks?.size ?? 1;
  const it = batches(data.test, {
    batchSize: runner.batch * size,
    limit,
    recycle: true,
    shard: ranks ? { index: ranks.rank, count: size } : undefined,
  });
  for await (const batch of it) {
    onBatch?.(batch);
    if (batch.n === 0) continue; // the last global batch can leave a rank nothing
    const x = batch.n === runner.batch
      ? batch.x
      : padTo(batch.x, runner.batch * (batch.x.length / batch.n));
    acc.add(await runner.logits(x), batch.y, batch.n, true);
  }
  const mine = acc.result();
  if (!ranks) return mine;
  const k = runner.model.classes;
  const n = mine.count;
  const summed = await ranks.sum64(
    [
      n,
      n ? mine.loss * n : 0,
      n ? mine.top1 * n : 0,
      n ? mine.top5 * n : 0,
      ...mine.confusion.flat(),
    ],
    "the validation counts",
  );
  const [count, lossSum, c1, c5] = summed;
  return {
    count,
    loss: lossSum / count,
    top1: c1 / count,
    top5: c5 / count,
    confusion: Array.from({ length: k }, (_, i) => summed.slice(4 + i * k, 4 + (i + 1) * k)),
  };
}

function padTo(x: Float32Array, n: number): Float32Array {
  const out = new Float32Array(n);
  out.set(x);
  return out;
}

/** Throws unless every rank holds the same parameters (a rank that resumed from another
 *  checkpoint, or ran other code, would silently train another net). An integer hash per rank;
 *  all equal exactly when N * sum(h^2) = (sum h)^2, computed exactly in float64. */
export async function checkSameParams(ranks: Collective, params: Params): Promise<void> {
  let h = 0x811c9dc5;
  for (const name of [...params.keys()].sort()) {
    const v = params.get(name)!;
    const bits = new Uint32Array(v.buffer, v.byteOffset, v.length);
    for (let i = 0; i < bits.length; i++) h = Math.imul(h ^ bits[i], 16777619) >>> 0;
  }
  h &= 0xfffff;
  const [s, s2] = await ranks.sum64([h, h * h], "the parameter check");
  if (ranks.size * s2 !== s * s) {
    throw new DataError(
      "the ranks start from different weights: every rank must run the same code and read the " +
        "same checkpoint (keep the run directory on a file system all nodes share)",
    );
  }
}
