/**
 * Writes the class-balanced Fashion-MNIST subset shipped in data/embedded/, so training works on
 * a machine without the full dataset. Deterministic: the first N images of each class in file
 * order, kept in their original relative order, and gzip output without timestamps.
 *
 *   deno run -A data/make_embedded.ts [SRC_DIR] [OUT_DIR]
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FASHION_MNIST_CLASSES, readFashionMnistRaw } from "./fashion_mnist.ts";
import { DataError } from "./errors.ts";
import { writeIdxGz } from "./idx.ts";

export const EMBEDDED_TRAIN_PER_CLASS = 600;
export const EMBEDDED_TEST_PER_CLASS = 100;
export const DEFAULT_SOURCE_DIR = "/usr/share/datasets/fashion-mnist";
export const EMBEDDED_DIR = fileURLToPath(
  new URL("./embedded/fashion-mnist-subset/", import.meta.url),
);

/** Indices of the first `perClass` samples of every class, in file order. */
export function balancedIndices(labels: Uint8Array, classes: number, perClass: number): number[] {
  const taken = new Array(classes).fill(0);
  const picked: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (taken[labels[i]] < perClass) {
      taken[labels[i]]++;
      picked.push(i);
    }
  }
  const short = taken.findIndex((t) => t < perClass);
  if (short >= 0) {
    throw new DataError(`class ${short} has only ${taken[short]} samples, need ${perClass}`);
  }
  return picked;
}

async function writeSubset(
  srcDir: string,
  outDir: string,
  split: "train" | "test",
  perClass: number,
) {
  const { images, labels } = await readFashionMnistRaw(srcDir, split);
  const picked = balancedIndices(labels, FASHION_MNIST_CLASSES.length, perClass);
  const px = images.rows * images.cols;
  const outPixels = new Uint8Array(picked.length * px);
  const outLabels = new Uint8Array(picked.length);
  picked.forEach((src, i) => {
    outPixels.set(images.pixels.subarray(src * px, (src + 1) * px), i * px);
    outLabels[i] = labels[src];
  });
  const prefix = split === "train" ? "train" : "t10k";
  await writeIdxGz(
    join(outDir, `${prefix}-images-idx3-ubyte.gz`),
    [picked.length, images.rows, images.cols],
    outPixels,
  );
  await writeIdxGz(join(outDir, `${prefix}-labels-idx1-ubyte.gz`), [picked.length], outLabels);
  return picked.length;
}

export async function makeEmbedded(srcDir = DEFAULT_SOURCE_DIR, outDir = EMBEDDED_DIR) {
  await Deno.mkdir(outDir, { recursive: true });
  const train = await writeSubset(srcDir, outDir, "train", EMBEDDED_TRAIN_PER_CLASS);
  const test = await writeSubset(srcDir, outDir, "test", EMBEDDED_TEST_PER_CLASS);
  return { train, test, outDir };
}

if (import.meta.main) {
  try {
    const { train, test, outDir } = await makeEmbedded(Deno.args[0], Deno.args[1]);
    console.log(`wrote ${train} train + ${test} test images to ${outDir}`);
  } catch (e) {
    if (e instanceof DataError) {
      console.error(`error: ${e.message}`);
      Deno.exit(1);
    }
    throw e;
  }
}
