/**
 * The common dataset types every source produces, and the batch iterator the trainer consumes.
 *
 * A Split is read through `read()` so in-memory sets (Fashion-MNIST, CIFAR-10) and lazily decoded
 * image folders look the same to the trainer; in-memory splits also expose `images` directly.
 */
import { flipHorizontalCHW } from "./augment.ts";
import { deriveSeed, makeRng, permutation } from "./rng.ts";

/** How raw pixels p (0..255) became network inputs: x = (p * scale - mean[c]) / std[c]. */
export interface Normalization {
  scale: number;
  mean: number[];
  std: number[];
}

export interface ReadOptions {
  /** Apply the training-time augmentation of this source. */
  augment: boolean;
  /** Seed for this read; sample i derives its own stream from (seed, offset + i). */
  seed: number;
  /**
   * Position of indices[0] in the global batch (a shard's first sample), so a sample's
   * randomness does not depend on how the batch is split across ranks. Default 0.
   */
  offset?: number;
  /** A batch array this split returned before and the caller is done with: may be reused. */
  reuse?: Float32Array;
}

/** A sample whose file could not be read and was replaced by another sample of the split. */
export interface SkippedSample {
  /** Position in the returned batch. */
  position: number;
  /** The unreadable file and why (the decoder's one-line message). */
  path: string;
  reason: string;
  /** The file that took its place (same position, same random stream). */
  replacement: string;
}

export interface ReadResult {
  /** indices.length * C*H*W floats, NCHW, normalised. */
  x: Float32Array;
  /** The class of each sample (differs from labels[indices[i]] where a sample was replaced). */
  y: Int32Array;
  /** Samples replaced because their file was unreadable; empty for in-memory sources. */
  skipped: SkippedSample[];
}

export interface Split {
  count: number;
  /** Class index per sample, in 0..classes.length-1. */
  labels: Int32Array;
  /** [channels, height, width] of one sample as returned by `read`. */
  sampleShape: readonly [number, number, number];
  /** The whole split as NCHW, already normalised; only for sources held in memory. */
  images?: Float32Array;
  /** Batches `batches()` keeps in flight by default (decoded sources: a few). Default 1. */
  prefetch?: number;
  /** Read samples `indices` (NCHW, normalised). */
  read(indices: Int32Array, opts: ReadOptions): Promise<ReadResult>;
  /** Takes back batch arrays the caller is done with, for later reads to reuse. */
  recycle?(x: Float32Array): void;
}

export interface Dataset {
  name: string;
  classes: string[];
  /** What the classes are called, where that differs from `classes` (ImageNet's words). */
  classNames?: string[];
  channels: number;
  height: number;
  width: number;
  train: Split;
  test: Split;
  normalization: Normalization;
  /** Releases what the source holds (decode workers); reading again restarts them. */
  close?(): Promise<void>;
}

export interface Batch {
  /** n*C*H*W floats, NCHW. */
  x: Float32Array;
  /** n labels. */
  y: Int32Array;
  /** Samples in this batch (this shard's part of it when sharded). */
  n: number;
  /** Samples replaced because their file was unreadable (see SkippedSample). */
  skipped: SkippedSample[];
}

export interface BatchOptions {
  batchSize: number;
  shuffle?: boolean;
  seed?: number;
  epoch?: number;
  augment?: boolean;
  /** Skip a final partial batch (keeps every batch the same size for fixed GPU buffers). */
  dropLast?: boolean;
  /** Use only the first `limit` samples of the (shuffled) order; for quick runs. */
  limit?: number;
  /**
   * Only this rank's part of every global batch (data-parallel training): see `batches`.
   * `index` in 0..count-1.
   */
  shard?: { index: number; count: number };
  /** Batches prepared ahead of the consumer; default the split's `prefetch` (or 1). */
  prefetch?: number;
  /** Start at this batch of the epoch without reading the ones before (a resumed run). */
  startBatch?: number;
  /**
   * Recycle batch arrays: a yielded batch's `x` is valid only until the consumer asks for the
   * next one, then it is overwritten by a later batch. Saves allocating (and, for decoded
   * sources, the page faults of first writes into) a fresh array per batch; for consumers that
   * are done with a batch when they take the next, as the training loop is.
   */
  recycle?: boolean;
}

/** Stream-id constants so the shuffle and augmentation streams never coincide. */
const SHUFFLE_STREAM = 0x5348;
const AUGMENT_STREAM = 0x4147;

/**
 * Wrap NCHW images held in memory as a Split. Its only augmentation is a random horizontal
 * flip: pad-and-crop style shifts would need the background value, which is source-specific.
 */
export function memorySplit(
  images: Float32Array,
  labels: Int32Array,
  sampleShape: readonly [number, number, number],
): Split {
  const [c, h, w] = sampleShape;
  const size = c * h * w;
  if (images.length !== labels.length * size) {
    throw new Error(`memorySplit: ${images.length} floats for ${labels.length} samples of ${size}`);
  }
  return {
    count: labels.length,
    labels,
    sampleShape,
    images,
    read(indices, opts) {
      const floats = indices.length * size;
      const x = opts.reuse && opts.reuse.length >= floats
        ? opts.reuse.subarray(0, floats)
        : new Float32Array(floats);
      const y = new Int32Array(indices.length);
      const offset = opts.offset ?? 0;
      for (let i = 0; i < indices.length; i++) {
        y[i] = labels[indices[i]];
        const dst = x.subarray(i * size, (i + 1) * size);
        dst.set(images.subarray(indices[i] * size, (indices[i] + 1) * size));
        if (opts.augment && makeRng(deriveSeed(opts.seed, offset + i)).float() < 0.5) {
          flipHorizontalCHW(dst, c, h, w);
        }
      }
      return Promise.resolve({ x, y, skipped: [] });
    },
  };
}

/** The sample order of one epoch: a seeded permutation, or 0..n-1 when not shuffling. */
export function epochOrder(count: number, shuffle: boolean, seed: number, epoch: number) {
  if (shuffle) return permutation(count, makeRng(deriveSeed(seed, epoch, SHUFFLE_STREAM)));
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order;
}

/** The part of a global batch of `n` samples that shard `index` of `count` reads: [start, end). */
export function shardRange(n: number, index: number, count: number): [number, number] {
  return [Math.floor((index * n) / count), Math.floor(((index + 1) * n) / count)];
}

/**
 * Iterate one epoch of batches. Output depends only on (split, options): the order comes from
 * (seed, epoch), and sample i of global batch b draws its augmentation from the stream
 * (seed, epoch, b, i), so prefetching, the number of decode workers and sharding cannot change
 * any sample. Up to `prefetch` batches are prepared while the consumer works on the current one.
 *
 * Sharding (data-parallel training, one process per rank): with `shard: { index, count }` every
 * global batch of `batchSize` samples is cut into `count` contiguous parts, part `index` being
 * samples [floor(index * n / count), floor((index + 1) * n / count)) of the n in the batch, and
 * only that part is read and yielded (`n` is then the part's size). Each sample keeps its
 * position in the global batch for its randomness, so the parts of ranks 0..count-1, concatenated
 * in rank order, are exactly the unsharded batch (x, y and skipped samples alike; `position` of a
 * skipped sample is within the part). Every rank must pass the same batchSize, seed, epoch,
 * shuffle, limit and dropLast; with dropLast and batchSize a multiple of count, every rank gets
 * the same number of samples per batch.
 */
export async function* batches(split: Split, opts: BatchOptions): AsyncGenerator<Batch> {
  const { batchSize, shuffle = false, seed = 0, epoch = 0, augment = false } = opts;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`batches: batchSize must be a positive integer, got ${batchSize}`);
  }
  const shard = opts.shard ?? { index: 0, count: 1 };
  if (
    !Number.isInteger(shard.count) || shard.count < 1 || !Number.isInteger(shard.index) ||
    shard.index < 0 || shard.index >= shard.count
  ) {
    throw new Error(`batches: shard ${JSON.stringify(opts.shard)} needs 0 <= index < count`);
  }
  const order = epochOrder(split.count, shuffle, seed, epoch);
  const total = Math.min(split.count, opts.limit ?? split.count);
  const count = opts.dropLast ? Math.floor(total / batchSize) * batchSize : total;
  const numBatches = Math.ceil(count / batchSize);
  const depth = Math.max(1, opts.prefetch ?? split.prefetch ?? 1);

  const free: Float32Array[] = [];
  const prepare = async (b: number): Promise<Batch> => {
    const reuse = free.pop();
    // Yield to the event loop first so in-memory gathers run while the consumer awaits its
    // own work (GPU submission), not synchronously before it even receives the current batch.
    await new Promise((r) => setTimeout(r, 0));
    const first = b * batchSize, n = Math.min(count, first + batchSize) - first;
    const [lo, hi] = shardRange(n, shard.index, shard.count);
    const idx = order.subarray(first + lo, first + hi);
    const r = await split.read(idx, {
      augment,
      seed: deriveSeed(seed, epoch, b, AUGMENT_STREAM),
      offset: lo,
      reuse,
    });
    return { x: r.x, y: r.y, n: idx.length, skipped: r.skipped };
  };

  const pending: Promise<Batch>[] = [];
  let next = Math.max(0, opts.startBatch ?? 0);
  const fill = () => {
    while (next < numBatches && pending.length < depth) {
      const p = prepare(next++);
      // Marked handled now: a later batch can fail while the consumer awaits an earlier one; its
      // error surfaces when its turn comes.
      p.catch(() => {});
      pending.push(p);
    }
  };
  try {
    fill();
    while (pending.length) {
      const current = await pending.shift()!;
      fill();
      yield current;
      // The consumer is back for the next batch: it is done with this one.
      if (opts.recycle) free.push(current.x);
    }
  } finally {
    // A consumer that stops early must not leave running prefetches (or their rejections) behind.
    const left = await Promise.allSettled(pending);
    // The arrays go back to the split, for the next epoch's batches.
    if (opts.recycle && split.recycle) {
      for (const r of left) if (r.status === "fulfilled") free.push(r.value.x);
      for (const x of free) split.recycle(x);
    }
  }
}
