/**
 * CIFAR-10 in the binary "cifar-10-batches-bin" layout: data_batch_1..5.bin and test_batch.bin,
 * each a run of 3073-byte records (1 label byte, then 1024 R, 1024 G, 1024 B bytes, row-major
 * 32x32), and an optional batches.meta.txt with one class name per line.
 */
import { join } from "node:path";
import { type Dataset, memorySplit, type Normalization } from "./dataset.ts";
import { DataError } from "./errors.ts";
import { exists, readFileBytes } from "./files.ts";

export const CIFAR10_SIDE = 32;
export const CIFAR10_RECORD = 1 + 3 * CIFAR10_SIDE * CIFAR10_SIDE;
export const CIFAR10_TRAIN_FILES = [1, 2, 3, 4, 5].map((i) => `data_batch_${i}.bin`);
export const CIFAR10_TEST_FILE = "test_batch.bin";
export const CIFAR10_DEFAULT_CLASSES = [
  "airplane",
  "automobile",
  "bird",
  "cat",
  "deer",
  "dog",
  "frog",
  "horse",
  "ship",
  "truck",
];

export interface CifarBatch {
  count: number;
  labels: Uint8Array;
  /** count * 3072 bytes, already planar (CHW) per image as stored in the file. */
  pixels: Uint8Array;
}

/** Parse one batch file's bytes; `name` is used in error messages. */
export function parseCifarBatch(bytes: Uint8Array, name: string): CifarBatch {
  if (bytes.length === 0 || bytes.length % CIFAR10_RECORD !== 0) {
    throw new DataError(
      `${name}: size ${bytes.length} is not a positive multiple of the ${CIFAR10_RECORD}-byte ` +
        `CIFAR-10 record (truncated or not a CIFAR-10 binary batch)`,
    );
  }
  const count = bytes.length / CIFAR10_RECORD;
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * (CIFAR10_RECORD - 1));
  for (let i = 0; i < count; i++) {
    const rec = i * CIFAR10_RECORD;
    const label = bytes[rec];
    if (label >= 10) throw new DataError(`${name}: record ${i} has label ${label}, not in 0..9`);
    labels[i] = label;
    pixels.set(bytes.subarray(rec + 1, rec + CIFAR10_RECORD), i * (CIFAR10_RECORD - 1));
  }
  return { count, labels, pixels };
}

async function readBatches(dir: string, files: string[]): Promise<CifarBatch> {
  const parts: CifarBatch[] = [];
  for (const f of files) {
    parts.push(parseCifarBatch(await readFileBytes(join(dir, f)), join(dir, f)));
  }
  const count = parts.reduce((a, p) => a + p.count, 0);
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * (CIFAR10_RECORD - 1));
  let n = 0;
  for (const p of parts) {
    labels.set(p.labels, n);
    pixels.set(p.pixels, n * (CIFAR10_RECORD - 1));
    n += p.count;
  }
  return { count, labels, pixels };
}

/** Class names from batches.meta.txt (non-empty lines), or the standard names if absent. */
export async function readCifarClasses(dir: string): Promise<string[]> {
  const path = join(dir, "batches.meta.txt");
  if (!(await exists(path))) return [...CIFAR10_DEFAULT_CLASSES];
  const text = new TextDecoder().decode(await readFileBytes(path));
  const names = text.split(/\r?\n/).map((s) => s.trim()).filter((s) => s.length > 0);
  if (names.length !== 10) {
    throw new DataError(`${path}: expected 10 class names, found ${names.length}`);
  }
  return names;
}

/** Per-channel mean and std of x/255 over a set of planar images. */
export function channelMeanStd(pixels: Uint8Array, count: number): Normalization {
  const plane = CIFAR10_SIDE * CIFAR10_SIDE;
  const mean: number[] = [];
  const std: number[] = [];
  for (let c = 0; c < 3; c++) {
    let s = 0;
    let s2 = 0;
    for (let n = 0; n < count; n++) {
      const base = (n * 3 + c) * plane;
      for (let i = 0; i < plane; i++) {
        const x = pixels[base + i] / 255;
        s += x;
        s2 += x * x;
      }
    }
    const m = s / (count * plane);
    mean.push(m);
    // Guard against a constant channel (only in synthetic data) dividing by zero.
    std.push(Math.sqrt(Math.max(s2 / (count * plane) - m * m, 0)) || 1);
  }
  return { scale: 1 / 255, mean, std };
}

function normalize(batch: CifarBatch, norm: Normalization): Float32Array {
  const plane = CIFAR10_SIDE * CIFAR10_SIDE;
  const out = new Float32Array(batch.pixels.length);
  for (let n = 0; n < batch.count; n++) {
    for (let c = 0; c < 3; c++) {
      const base = (n * 3 + c) * plane;
      for (let i = 0; i < plane; i++) {
        out[base + i] = (batch.pixels[base + i] * norm.scale - norm.mean[c]) / norm.std[c];
      }
    }
  }
  return out;
}

/**
 * Load CIFAR-10 from `dir`. Normalisation uses the per-channel mean/std of the training
 * batches actually loaded, computed here rather than hard-coded.
 */
export async function loadCifar10(dir: string): Promise<Dataset> {
  for (const f of [...CIFAR10_TRAIN_FILES, CIFAR10_TEST_FILE]) {
    if (!(await exists(join(dir, f)))) throw new DataError(`${dir}: CIFAR-10 file ${f} not found`);
  }
  const classes = await readCifarClasses(dir);
  const train = await readBatches(dir, CIFAR10_TRAIN_FILES);
  const test = await readBatches(dir, [CIFAR10_TEST_FILE]);
  const norm = channelMeanStd(train.pixels, train.count);
  const shape = [3, CIFAR10_SIDE, CIFAR10_SIDE] as const;
  return {
    name: "cifar10",
    classes,
    channels: 3,
    height: CIFAR10_SIDE,
    width: CIFAR10_SIDE,
    train: memorySplit(normalize(train, norm), Int32Array.from(train.labels), shape),
    test: memorySplit(normalize(test, norm), Int32Array.from(test.labels), shape),
    normalization: norm,
  };
}
