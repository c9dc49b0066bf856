// Validation during training: the compiled forward over the test split, its logits scored on the
// CPU (loss, top-1, top-5, confusion) by EvalAccumulator. Under MPI each global batch of `size` x
// the runner's batch is sharded (data/dataset.ts batches: each rank reads only its part) and the
// counts are summed over ranks: per-sample results do not depend on the batch, so the metrics
// equal one process's but for the order of a float64 sum.
import { type Batch, batches, type Dataset } from "../data/dataset.ts";
import type { ForwardRunner } from "../runtime/forward.ts";
import type { Collective } from "../parallel/comm.ts";
import { EvalAccumulator, type EvalResult } from "./evaluate.ts";

export interface ValidateOptions {
  /** The data-parallel ranks (absent in one process). */
  ranks?: Collective;
  /** Sees every batch this rank read (the unreadable-image log). */
  onBatch?: (b: Batch) => void;
}

export async function evaluate(
  runner: ForwardRunner,
  data: Dataset,
  limit?: number,
  opts: ValidateOptions = {},
): Promise<EvalResult> {
  const { ranks, onBatch } = opts;
  const acc = new EvalAccumulator(runner.model.classes);
  const size = ranks?.size ?? 1;
  const it = batches(data.test, {
    batchSize: runner.batch * size,
    limit,
    recycle: true,
    shard: ranks ? { index: ranks.rank, count: size } : undefined,
  });
  for await (const b of it) {
    onBatch?.(b);
    if (b.n === 0) continue; // the last global batch can leave a rank nothing
    const x = b.n === runner.batch ? b.x : padTo(b.x, runner.batch * (b.x.length / b.n));
    acc.add(await runner.logits(x), b.y, b.n, true);
  }
  const mine = acc.result();
  return ranks ? await sumOverRanks(mine, ranks, runner.model.classes) : mine;
}

/** One process's metrics from every rank's counts. */
async function sumOverRanks(mine: EvalResult, ranks: Collective, k: number): Promise<EvalResult> {
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
