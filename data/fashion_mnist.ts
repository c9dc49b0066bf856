/** Fashion-MNIST from the four standard IDX files (gzipped or not). */
import { join } from "node:path";
import { type Dataset, memorySplit, type Normalization, type Split } from "./dataset.ts";
import { DataError } from "./errors.ts";
import { exists } from "./files.ts";
import { readIdxImages, readIdxLabels } from "./idx.ts";

export const FASHION_MNIST_CLASSES = [
  "T-shirt/top",
  "Trouser",
  "Pullover",
  "Dress",
  "Coat",
  "Sandal",
  "Shirt",
  "Sneaker",
  "Bag",
  "Ankle boot",
];

/**
 * Mean and standard deviation of x/255 over every pixel of the full 60000-image training set
 * (28x28, before padding), computed from the data (tests recompute them when the full set is
 * installed). They are fixed constants rather than recomputed per load so the full set and the
 * embedded subset feed a model identically normalised inputs: a checkpoint trained on one
 * evaluates correctly on the other.
 */
export const FASHION_MNIST_MEAN = 0.2860405969804586;
export const FASHION_MNIST_STD = 0.3530242445185261;

/** Native image side of Fashion-MNIST. */
export const FASHION_MNIST_SIDE = 28;

/**
 * Default network input side. VGG's five 2x2 max-pools halve the side five times, so the input
 * must be a multiple of 2^5 = 32 for every pool to divide evenly; 28 is not, 32 is the nearest.
 */
export const FASHION_MNIST_DEFAULT_SIZE = 32;

export const FASHION_MNIST_NORMALIZATION: Normalization = {
  scale: 1 / 255,
  mean: [FASHION_MNIST_MEAN],
  std: [FASHION_MNIST_STD],
};

export interface FashionMnistOptions {
  /** Output side (>= 28), reached by zero padding; default 32. */
  size?: number;
  /** Dataset name reported to the user; default "fashion-mnist". */
  name?: string;
}

/** The four standard file names; a ".gz" suffix is tried first, then the unpacked name. */
const FILES = {
  trainImages: "train-images-idx3-ubyte",
  trainLabels: "train-labels-idx1-ubyte",
  testImages: "t10k-images-idx3-ubyte",
  testLabels: "t10k-labels-idx1-ubyte",
} as const;

export type FashionMnistFile = keyof typeof FILES;

/** Path of one standard file inside `dir`, preferring the .gz form. */
export async function fashionMnistFile(dir: string, which: FashionMnistFile): Promise<string> {
  const gz = join(dir, `${FILES[which]}.gz`);
  if (await exists(gz)) return gz;
  const raw = join(dir, FILES[which]);
  if (await exists(raw)) return raw;
  throw new DataError(`${dir}: Fashion-MNIST file ${FILES[which]}.gz not found`);
}

/** True when `dir` holds all four files. */
export async function hasFashionMnist(dir: string): Promise<boolean> {
  for (const which of Object.keys(FILES) as FashionMnistFile[]) {
    if (
      !(await exists(join(dir, `${FILES[which]}.gz`))) && !(await exists(join(dir, FILES[which])))
    ) return false;
  }
  return true;
}

/** Raw (unnormalised) images and labels of one split, validated against each other. */
export async function readFashionMnistRaw(dir: string, split: "train" | "test") {
  const imgPath = await fashionMnistFile(dir, split === "train" ? "trainImages" : "testImages");
  const lblPath = await fashionMnistFile(dir, split === "train" ? "trainLabels" : "testLabels");
  const images = await readIdxImages(imgPath);
  const labels = await readIdxLabels(lblPath);
  if (images.rows !== FASHION_MNIST_SIDE || images.cols !== FASHION_MNIST_SIDE) {
    throw new DataError(`${imgPath}: expected 28x28 images, found ${images.rows}x${images.cols}`);
  }
  if (labels.length !== images.count) {
    throw new DataError(
      `${lblPath}: ${labels.length} labels but ${imgPath} has ${images.count} images`,
    );
  }
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] >= FASHION_MNIST_CLASSES.length) {
      throw new DataError(`${lblPath}: label ${labels[i]} at index ${i} is not in 0..9`);
    }
  }
  return { images, labels, imgPath, lblPath };
}

/**
 * Pad 28x28 8-bit images to size x size and normalise to NCHW floats. Padding happens in raw
 * pixel space (value 0) so the border matches Fashion-MNIST's black background; after
 * normalisation it becomes -mean/std like any background pixel, not 0.
 */
export function padAndNormalize(
  pixels: Uint8Array,
  count: number,
  side: number,
  size: number,
  mean = FASHION_MNIST_MEAN,
  std = FASHION_MNIST_STD,
): Float32Array {
  if (!Number.isInteger(size) || size < side) {
    throw new DataError(`fashion-mnist: output size must be an integer >= ${side}, got ${size}`);
  }
  const before = Math.floor((size - side) / 2);
  const lut = new Float32Array(256);
  for (let v = 0; v < 256; v++) lut[v] = (v / 255 - mean) / std;
  const out = new Float32Array(count * size * size).fill(lut[0]);
  for (let n = 0; n < count; n++) {
    for (let y = 0; y < side; y++) {
      const src = n * side * side + y * side;
      const dst = n * size * size + (y + before) * size + before;
      for (let x = 0; x < side; x++) out[dst + x] = lut[pixels[src + x]];
    }
  }
  return out;
}

/** Mean and standard deviation of x/255 over all pixels; used to derive the constants above. */
export function pixelMeanStd(pixels: Uint8Array): { mean: number; std: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < pixels.length; i++) {
    const x = pixels[i] / 255;
    s += x;
    s2 += x * x;
  }
  const mean = s / pixels.length;
  return { mean, std: Math.sqrt(s2 / pixels.length - mean * mean) };
}

/** Load Fashion-MNIST from `dir` (the four standard files), padded and normalised. */
export async function loadFashionMnist(
  dir: string,
  opts: FashionMnistOptions = {},
): Promise<Dataset> {
  const size = opts.size ?? FASHION_MNIST_DEFAULT_SIZE;
  const split = async (which: "train" | "test"): Promise<Split> => {
    const { images, labels } = await readFashionMnistRaw(dir, which);
    const x = padAndNormalize(images.pixels, images.count, FASHION_MNIST_SIDE, size);
    return memorySplit(x, Int32Array.from(labels), [1, size, size]);
  };
  // Validate the size before spending time on the big file.
  padAndNormalize(new Uint8Array(0), 0, FASHION_MNIST_SIDE, size);
  return {
    name: opts.name ?? "fashion-mnist",
    classes: [...FASHION_MNIST_CLASSES],
    channels: 1,
    height: size,
    width: size,
    train: await split("train"),
    test: await split("test"),
    normalization: FASHION_MNIST_NORMALIZATION,
  };
}
