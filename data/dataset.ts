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
  /** Seed for this read; each sample derives its own stream from (seed, position in indices). */
  seed: number;
}

export interface Split {
  count: number;
  /** Class index per sample, in 0..classes.length-1. */
  labels: Int32Array;
  /** [channels, height, width] of one sample as returned by `read`. */
  sampleShape: readonly [number, number, number];
  /** The whole split as NCHW, already normalised; only for sources held in memory. */
  images?: Float32Array;
  /** Write samples `indices` into `out` (indices.length * C*H*W floats, NCHW, normalised). */
  read(indices: Int32Array, out: Float32Array, opts: ReadOptions): Promise<void>;
}

export interface Dataset {
  name: string;
  classes: string[];
  channels: number;
  height: number;
  width: number;
  train: Split;
  test: Split;
  normalization: Normalization;
}

export interface Batch {
  /** n*C*H*W floats, NCHW. */
  x: Float32Array;
  /** n labels. */
  y: Int32Array;
  /** Samples in this batch; only the last batch of an epoch can be smaller than batchSize. */
  n: number;
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
    read(indices, out, opts) {
      for (let i = 0; i < indices.length; i++) {
        const src = images.subarray(indices[i] * size, (indices[i] + 1) * size);
        const dst = out.subarray(i * size, (i + 1) * size);
        dst.set(src);
        if (opts.augment && makeRng(deriveSeed(opts.seed, i)).float() < 0.5) {
          flipHorizontalCHW(dst, c, h, w);
        }
      }
      return Promise.resolve();
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

/**
 * Iterate one epoch of batches. Output depends only on (split, options): the order comes from
 * (seed, epoch) and each batch's augmentation from (seed, epoch, batch index), so prefetching and
 * concurrent decoding cannot change results. While the consumer works on batch b, batch b+1 is
 * already being prepared.
 */
export async function* batches(split: Split, opts: BatchOptions): AsyncGenerator<Batch> {
  const { batchSize, shuffle = false, seed = 0, epoch = 0, augment = false } = opts;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`batches: batchSize must be a positive integer, got ${batchSize}`);
  }
  const [c, h, w] = split.sampleShape;
  const size = c * h * w;
  const order = epochOrder(split.count, shuffle, seed, epoch);
  const total = Math.min(split.count, opts.limit ?? split.count);
  const count = opts.dropLast ? Math.floor(total / batchSize) * batchSize : total;
  const numBatches = Math.ceil(count / batchSize);

  const prepare = async (b: number): Promise<Batch> => {
    // Yield to the event loop first so in-memory gathers run while the consumer awaits its
    // own work (GPU submission), not synchronously before it even receives the current batch.
    await new Promise((r) => setTimeout(r, 0));
    const idx = order.subarray(b * batchSize, Math.min(count, (b + 1) * batchSize));
    const n = idx.length;
    const x = new Float32Array(n * size);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) y[i] = split.labels[idx[i]];
    await split.read(idx, x, { augment, seed: deriveSeed(seed, epoch, b, AUGMENT_STREAM) });
    return { x, y, n };
  };

  let pending: Promise<Batch> | undefined = numBatches > 0 ? prepare(0) : undefined;
  try {
    for (let b = 0; b < numBatches; b++) {
      const current = await pending!;
      pending = b + 1 < numBatches ? prepare(b + 1) : undefined;
      yield current;
    }
  } finally {
    // A consumer that stops early must not leave a running prefetch (or its rejection) behind.
    if (pending) await pending.catch(() => {});
  }
}
