// Shared pieces of the kernel tests: seeded data, the tolerance check, and reference outputs
// built from the primitives' own CPU references (compiler/ops/mod.ts), so a kernel is checked
// against the same oracle the whole compiler is. Only what has no primitive (the accuracy
// counts, SGD, fill, accumulation) is written out here.
import { AssertionError } from "node:assert";
import { ops } from "../compiler/ops/mod.ts";
import type { Tensor } from "../compiler/ops/types.ts";
import { dropoutBits, dropoutThreshold } from "../compiler/ops/dropout_hash.ts";
import type { EpilogueOp } from "../compiler/kernels/spec.ts";
import { getDevice } from "../runtime/device.ts";

export { getDevice };

/** Uniform floats in [-1, 1) from a seed (mulberry32): failures repeat exactly. */
export function rand(n: number, seed: number): Float32Array {
  let a = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

/** Relative tolerance on the max-abs-normalised error: max|got - want| / max|want| <= 1e-4.
 *  f32 sums of a few hundred products round at ~1e-6 relative to the largest term; 1e-4
 *  leaves room for a different summation order and still fails on any indexing mistake
 *  (which errs by O(1) of the scale). */
export const TOLERANCE = 1e-4;

export function assertClose(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  what: string,
  tol = TOLERANCE,
): void {
  if (got.length < want.length) {
    throw new AssertionError({ message: `${what}: ${got.length} values, want ${want.length}` });
  }
  let scale = 0, err = 0, at = -1;
  for (let i = 0; i < want.length; i++) scale = Math.max(scale, Math.abs(want[i]));
  for (let i = 0; i < want.length; i++) {
    const e = Math.abs(got[i] - want[i]);
    if (!(e <= err)) [err, at] = [Number.isNaN(e) ? Infinity : e, i];
  }
  const rel = err / Math.max(scale, 1e-30);
  if (!(rel <= tol)) {
    throw new AssertionError({
      message: `${what}: relative error ${rel.toExponential(2)} > ${tol} at [${at}]: got ` +
        `${got[at]}, want ${want[at]} (scale ${scale.toExponential(2)})`,
    });
  }
}

export const t = (shape: number[], data: Tensor["data"]): Tensor => ({ shape, data });

/** Extra inputs an epilogue reads, generated for an output of `shape` (channels = axis 1). */
export function epilogueInputs(
  epi: readonly EpilogueOp[],
  shape: number[],
  seed: number,
): (Float32Array | Uint32Array)[] {
  const size = shape.reduce((a, b) => a * b, 1);
  return epi.flatMap((op, k): (Float32Array | Uint32Array)[] => {
    if (op.op === "bias") return [rand(shape[1], seed + 100 + k)];
    if (op.op === "relu_grad" || op.op === "add") return [rand(size, seed + 200 + k)];
    // (seed, first sample): a non-zero first sample exercises the global-batch keying.
    if (op.op === "dropout") return [Uint32Array.of(0x9e3779b9 ^ seed, 3)];
    return [];
  });
}

/** A dropout epilogue op for the test lists; `sampled` sets its elements per sample. */
export const dropoutOp = (p: number, key: number): EpilogueOp => ({
  op: "dropout",
  p,
  key,
  sample: 0,
});

/** The ops with dropout's elements per sample set for an output of `shape`, as lower.ts sets
 *  them (the dropout reference keys its mask by sample: compiler/ops/dropout.ts). */
export function sampled(epi: readonly EpilogueOp[], shape: readonly number[]): EpilogueOp[] {
  const per = shape.reduce((a, b) => a * b, 1) / shape[0];
  return epi.map((op) => op.op === "dropout" ? { ...op, sample: per } : op);
}

/** Applies the epilogue with the primitives' references, in order. */
export function epilogueReference(
  epi: readonly EpilogueOp[],
  y: Tensor,
  extras: readonly (Float32Array | Uint32Array)[],
): Tensor {
  let k = 0;
  for (const op of epi) {
    switch (op.op) {
      case "bias":
        y = ops.bias.reference([y, t([y.shape[1]], extras[k++])], {});
        break;
      case "relu":
        y = ops.relu.reference([y], {});
        break;
      case "relu_grad":
        y = ops.relu_grad.reference([y, t([...y.shape], extras[k++])], {});
        break;
      case "add":
        y = ops.add.reference([y, t([...y.shape], extras[k++])], {});
        break;
      case "dropout": {
        const per = y.data.length / y.shape[0];
        if (op.sample !== per) throw new Error(`dropout sample ${op.sample}, output has ${per}`);
        y = ops.dropout.reference([y, t([2], extras[k++])], op);
        break;
      }
    }
  }
  return y;
}

/** Sanity check that the dropout mask really drops: the test data would hide a no-op mask. */
export function dropoutKeeps(seed: number, key: number, p: number, n: number): number {
  let kept = 0;
  for (let i = 0; i < n; i++) if (dropoutBits(seed, key, i) >= dropoutThreshold(p)) kept++;
  return kept;
}

/** topk_correct: rows whose label ranks first / in the top 5 (ties: smaller index first). */
export function topkReference(z: Float32Array, labels: Int32Array, cols: number): number[] {
  let top1 = 0, top5 = 0;
  for (let r = 0; r < labels.length; r++) {
    const zl = z[r * cols + labels[r]];
    let rank = 0;
    for (let j = 0; j < cols; j++) {
      const zj = z[r * cols + j];
      if (zj > zl || (zj === zl && j < labels[r])) rank++;
    }
    if (rank === 0) top1++;
    if (rank < 5) top5++;
  }
  return [top1, top5];
}

export function addInto(base: ArrayLike<number>, delta: ArrayLike<number>): Float32Array {
  return Float32Array.from(delta, (v, i) => v + base[i]);
}
