// The training program's data-parallel pieces: which slice of each global batch a rank trains
// on, the per-step agreement (loss, accuracy and the stop decision summed over ranks, so every
// rank takes the same decisions), and the check that all ranks start from the same weights
// (validation's sum over ranks is train/validate.ts; each rank's part of a batch,
// data/dataset.ts batches). The MPI side is parallel/; here only the Collective interface is used.
import type { Params } from "../dsl/mod.ts";
import type { StepResult } from "../runtime/train_step.ts";
import type { Collective } from "../parallel/comm.ts";
import { DataError } from "../data/errors.ts";

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
