// Gradient buckets for data-parallel training, as PyTorch's DistributedDataParallel forms them
// (Li et al., "PyTorch Distributed", VLDB 2020): parameters are grouped in the order their
// gradients become final during the backward pass (the last layers first), up to a size cap
// (DDP: 25 MiB, the first bucket 1 MiB so that communication starts early). A bucket leaves the
// GPU in one readback and is summed over ranks in one all-reduce as soon as the kernel that
// finishes its last gradient has run, while the GPU goes on with the layers below.

export interface GradSlot {
  name: string;
  /** Elements. */
  size: number;
  /** Index of the plan kernel after which this gradient is final (its last writer). */
  ready: number;
}

export interface Bucket {
  /** Gradients in the bucket, at element offsets into its one contiguous buffer. */
  grads: { name: string; size: number; offset: number }[];
  size: number;
  /** Run kernels up to and including this index, and the bucket can leave the GPU. */
  ready: number;
}

/** DDP's defaults, in float32 elements. */
export const BUCKET_ELEMS = (25 * 2 ** 20) / 4;
export const FIRST_BUCKET_ELEMS = 2 ** 20 / 4;

/** Groups gradients into buckets in the order they become final. A gradient larger than the
 *  cap gets a bucket of its own (it is never split: one readback per bucket). */
export function planBuckets(
  slots: readonly GradSlot[],
  cap = BUCKET_ELEMS,
  firstCap = FIRST_BUCKET_ELEMS,
): Bucket[] {
  const order = [...slots].sort((a, b) => a.ready - b.ready || a.name.localeCompare(b.name));
  const buckets: Bucket[] = [];
  let cur: Bucket | undefined;
  for (const s of order) {
    const limit = buckets.length === 0 ? firstCap : cap;
    if (cur && cur.size > 0 && cur.size + s.size > limit) {
      buckets.push(cur);
      cur = undefined;
    }
    cur ??= { grads: [], size: 0, ready: -1 };
    cur.grads.push({ name: s.name, size: s.size, offset: cur.size });
    cur.size += s.size;
    cur.ready = Math.max(cur.ready, s.ready);
  }
  if (cur) buckets.push(cur);
  return buckets;
}
