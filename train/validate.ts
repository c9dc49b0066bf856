// Validation during training: the compiled forward over the test split, its logits scored on the
// CPU (loss, top-1, top-5) by EvalAccumulator.
import { batches, type Dataset } from "../data/dataset.ts";
import type { ForwardRunner } from "../runtime/forward.ts";
import { EvalAccumulator, type EvalResult } from "./evaluate.ts";

export async function evaluate(
  runner: ForwardRunner,
  data: Dataset,
  limit?: number,
): Promise<EvalResult> {
  const acc = new EvalAccumulator(runner.model.classes);
  const it = batches(data.test, { batchSize: runner.batch, limit });
  for await (const b of it) {
    const x = b.n === runner.batch ? b.x : padTo(b.x, runner.batch * (b.x.length / b.n));
    const logits = await runner.logits(x);
    acc.add(logits, b.y, b.n, true);
  }
  return acc.result();
}

function padTo(x: Float32Array, n: number): Float32Array {
  const out = new Float32Array(n);
  out.set(x);
  return out;
}
