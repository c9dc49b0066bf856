/**
 * ImageNet-style folders, DIR/train/<class>/*.{JPEG,jpg,png} and DIR/val/<class>/..., decoded
 * with sharp (libvips) and augmented as in the VGG paper:
 *   train: isotropic rescale so the smaller side is S (fixed or jittered in [Smin, Smax]), one
 *          random crop x crop, random horizontal flip, Krizhevsky PCA colour shift, minus mean RGB;
 *   test:  rescale the smaller side to Q, centre crop (or the whole image for dense evaluation).
 * Inputs stay in 0..255 units minus the mean RGB, as in the paper (no division by a std).
 */
import sharp from "sharp";
import { join } from "node:path";
import { atomicWriteText } from "./atomic.ts";
import {
  centerCropBox,
  chooseScale,
  cropToCHW,
  type Eigen3,
  jacobiEigenSymmetric3,
  pcaColorShift,
  randomCropBox,
  RgbMoments,
  samplePcaAlphas,
  type ScaleSpec,
} from "./augment.ts";
import type { Dataset, Normalization, ReadOptions, Split } from "./dataset.ts";
import { DataError, describeError } from "./errors.ts";
import { exists } from "./files.ts";
import { forEachConcurrent } from "./pool.ts";
import { deriveSeed, makeRng } from "./rng.ts";

export interface ImageFolderOptions {
  /** Side of the square training/test crop; default 224. */
  crop?: number;
  /** Training scale S, fixed or [Smin, Smax]; default 256. */
  scale?: ScaleSpec;
  /** Test scale Q; default S, or (Smin + Smax) / 2 when jittering (the paper's choice). */
  testScale?: number;
  /** Standard deviation of the PCA colour-shift alphas; 0 disables it. Default 0.1. */
  pcaStd?: number;
  /** Random horizontal flips during training; default true. */
  flip?: boolean;
  /** Decodes in flight at once; default 8. */
  concurrency?: number;
  /** Training images sampled for the mean RGB and colour PCA; default 1000. */
  statsSamples?: number;
  /** Smaller side the sampled images are reduced to before the statistics; default 64. */
  statsSide?: number;
  /** Where the statistics are cached; default DIR/.vgg-wgsl-stats.json. */
  statsPath?: string;
}

/** Cached training-set colour statistics. */
export interface ImageStats {
  version: 1;
  /** Number of training files when computed; a different count invalidates the cache. */
  fileCount: number;
  samples: number;
  side: number;
  /** Mean RGB in 0..255 units. */
  meanRgb: number[];
  /** RGB covariance (row-major 3x3) and its eigen-decomposition, in [0,1] pixel units. */
  covariance: number[];
  eigenvalues: number[];
  eigenvectors: number[][];
}

export interface ImageFolderDataset extends Dataset {
  root: string;
  stats: ImageStats;
  /** Whether the statistics came from the cache file or were computed (and cached) now. */
  statsSource: "cache" | "computed" | "computed-uncached";
  files: { train: string[]; test: string[] };
}

export interface FolderListing {
  classes: string[];
  train: { files: string[]; labels: Int32Array };
  test: { files: string[]; labels: Int32Array };
}

const IMAGE_EXT = /\.(jpe?g|png)$/i;
const STATS_VERSION = 1;

async function sortedEntries(dir: string): Promise<Deno.DirEntry[]> {
  const out: Deno.DirEntry[] = [];
  try {
    for await (const e of Deno.readDir(dir)) if (!e.name.startsWith(".")) out.push(e);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new DataError(`${dir}: directory not found`);
    throw new DataError(`${dir}: cannot list (${describeError(e)})`);
  }
  // Code-point order, not locale order, so class indices are the same on every machine.
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function listSplit(dir: string, classIndex: Map<string, number> | null) {
  const files: string[] = [];
  const labels: number[] = [];
  const classes: string[] = [];
  for (const entry of await sortedEntries(dir)) {
    if (!entry.isDirectory) continue;
    const label = classIndex ? classIndex.get(entry.name) : classes.length;
    if (label === undefined) {
      throw new DataError(`${join(dir, entry.name)}: class not present in the training set`);
    }
    classes.push(entry.name);
    const images = (await sortedEntries(join(dir, entry.name)))
      .filter((e) => e.isFile && IMAGE_EXT.test(e.name));
    if (images.length === 0 && !classIndex) {
      throw new DataError(`${join(dir, entry.name)}: no .jpg/.jpeg/.png images`);
    }
    for (const img of images) {
      files.push(join(dir, entry.name, img.name));
      labels.push(label);
    }
  }
  if (classes.length === 0) throw new DataError(`${dir}: no class subdirectories`);
  return { classes, files, labels: Int32Array.from(labels) };
}

/** Enumerate DIR/train and DIR/val; classes are the sorted training subdirectory names. */
export async function listImageFolder(root: string): Promise<FolderListing> {
  const train = await listSplit(join(root, "train"), null);
  const classIndex = new Map(train.classes.map((c, i) => [c, i]));
  const test = await listSplit(join(root, "val"), classIndex);
  return {
    classes: train.classes,
    train: { files: train.files, labels: train.labels },
    test: { files: test.files, labels: test.labels },
  };
}

export interface RawImage {
  /** Interleaved 8-bit pixels (HWC). */
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

/**
 * Decode `path` and rescale it isotropically so its smaller side is `s` ("outside" fit is exactly
 * that). EXIF orientation is applied first; decode failures become a DataError naming the file.
 */
export async function decodeRescaled(path: string, s: number): Promise<RawImage> {
  try {
    const { data, info } = await sharp(path)
      .rotate()
      .resize(s, s, { fit: "outside" })
      .removeAlpha()
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      width: info.width,
      height: info.height,
      channels: info.channels,
    };
  } catch (e) {
    throw new DataError(`${path}: cannot decode image (${describeError(e)})`);
  }
}

/** Evenly spaced sample of `count` indices out of `n` (deterministic, spans every class). */
function spreadSample(n: number, count: number): number[] {
  const k = Math.min(n, count);
  return Array.from({ length: k }, (_, i) => Math.floor((i * n) / k));
}

/** Mean RGB and colour PCA over a sample of the training images. */
export async function computeImageStats(
  files: string[],
  opts: { samples?: number; side?: number; concurrency?: number } = {},
): Promise<ImageStats> {
  const side = opts.side ?? 64;
  const picked = spreadSample(files.length, opts.samples ?? 1000);
  const perImage: RgbMoments[] = new Array(picked.length);
  await forEachConcurrent(picked.length, opts.concurrency ?? 8, async (i) => {
    const img = await decodeRescaled(files[picked[i]], side);
    const m = new RgbMoments();
    m.addPixels(img.data, img.channels);
    perImage[i] = m;
  });
  // Merge in a fixed order so the float sums do not depend on decode completion order.
  const all = new RgbMoments();
  for (const m of perImage) {
    all.n += m.n;
    for (let i = 0; i < 3; i++) all.sum[i] += m.sum[i];
    for (let i = 0; i < 9; i++) all.sumProducts[i] += m.sumProducts[i];
  }
  const covariance = all.covariance().map((v) => v / (255 * 255));
  const eigen = jacobiEigenSymmetric3(covariance);
  return {
    version: STATS_VERSION,
    fileCount: files.length,
    samples: picked.length,
    side,
    meanRgb: all.mean(),
    covariance,
    eigenvalues: eigen.values,
    eigenvectors: eigen.vectors,
  };
}

function isValidStats(x: unknown, fileCount: number, samples: number, side: number): boolean {
  const s = x as Partial<ImageStats> | null;
  const nums = (a: unknown, n: number) =>
    Array.isArray(a) && a.length === n && a.every((v) => typeof v === "number" && isFinite(v));
  return !!s && s.version === STATS_VERSION && s.fileCount === fileCount &&
    s.samples === Math.min(fileCount, samples) && s.side === side && nums(s.meanRgb, 3) &&
    nums(s.covariance, 9) && nums(s.eigenvalues, 3) && Array.isArray(s.eigenvectors) &&
    s.eigenvectors.length === 3 && s.eigenvectors.every((v) => nums(v, 3));
}

/**
 * Read the cached statistics if they match this tree and these settings, else compute and
 * cache them. A read-only dataset directory is not an error: the statistics are then recomputed
 * on every load.
 */
export async function loadOrComputeStats(
  statsPath: string,
  trainFiles: string[],
  opts: { samples?: number; side?: number; concurrency?: number } = {},
): Promise<{ stats: ImageStats; source: ImageFolderDataset["statsSource"] }> {
  const samples = opts.samples ?? 1000;
  const side = opts.side ?? 64;
  if (await exists(statsPath)) {
    let cached: unknown = null;
    try {
      cached = JSON.parse(await Deno.readTextFile(statsPath));
    } catch {
      // A damaged cache is just recomputed and overwritten.
    }
    if (isValidStats(cached, trainFiles.length, samples, side)) {
      return { stats: cached as ImageStats, source: "cache" };
    }
  }
  const stats = await computeImageStats(trainFiles, { ...opts, samples, side });
  try {
    await atomicWriteText(statsPath, JSON.stringify(stats, null, 2) + "\n");
    return { stats, source: "computed" };
  } catch {
    return { stats, source: "computed-uncached" };
  }
}

/** Default test scale: S itself, or the middle of the jitter range. */
export function defaultTestScale(scale: ScaleSpec): number {
  return typeof scale === "number" ? scale : Math.floor((scale[0] + scale[1]) / 2);
}

function validateOptions(crop: number, scale: ScaleSpec, q: number) {
  const [lo, hi] = typeof scale === "number" ? [scale, scale] : scale;
  const ints = [crop, lo, hi, q].every((v) => Number.isInteger(v) && v > 0);
  if (!ints || lo > hi || lo < crop || q < crop) {
    throw new DataError(
      `imagefolder: need integer sizes with crop <= S (and Smin <= Smax) and crop <= Q; ` +
        `got crop=${crop}, S=${JSON.stringify(scale)}, Q=${q}`,
    );
  }
}

interface PipelineConfig {
  files: string[];
  labels: Int32Array;
  crop: number;
  scale: ScaleSpec;
  testScale: number;
  pcaStd: number;
  flip: boolean;
  concurrency: number;
  mean: number[];
  eigen: Eigen3;
}

function lazySplit(cfg: PipelineConfig): Split {
  const size = 3 * cfg.crop * cfg.crop;
  const negMean = cfg.mean.map((m) => -m);
  return {
    count: cfg.files.length,
    labels: cfg.labels,
    sampleShape: [3, cfg.crop, cfg.crop],
    async read(indices: Int32Array, out: Float32Array, opts: ReadOptions) {
      await forEachConcurrent(indices.length, cfg.concurrency, async (i) => {
        const path = cfg.files[indices[i]];
        if (!opts.augment) {
          const img = await decodeRescaled(path, cfg.testScale);
          const box = centerCropBox(img.width, img.height, cfg.crop);
          cropToCHW(
            img.data,
            img.width,
            img.height,
            img.channels,
            box,
            false,
            negMean,
            out,
            i * size,
          );
          return;
        }
        // All randomness for sample i comes from its own stream, so concurrency cannot reorder it.
        const rng = makeRng(deriveSeed(opts.seed, i));
        const s = chooseScale(cfg.scale, rng);
        const img = await decodeRescaled(path, s);
        const box = randomCropBox(img.width, img.height, cfg.crop, rng);
        const flip = cfg.flip && rng.float() < 0.5;
        // The eigen-decomposition is in [0,1] pixel units; the inputs are in 0..255 units.
        const shift = cfg.pcaStd > 0
          ? pcaColorShift(cfg.eigen, samplePcaAlphas(rng, cfg.pcaStd)).map((v) => v * 255)
          : [0, 0, 0];
        const bias = negMean.map((m, c) => m + shift[c]);
        cropToCHW(img.data, img.width, img.height, img.channels, box, flip, bias, out, i * size);
      });
    },
  };
}

/** Load an image-folder dataset; decoding happens lazily, per batch. */
export async function loadImageFolder(
  root: string,
  opts: ImageFolderOptions = {},
): Promise<ImageFolderDataset> {
  const crop = opts.crop ?? 224;
  const scale = opts.scale ?? 256;
  const testScale = opts.testScale ?? defaultTestScale(scale);
  validateOptions(crop, scale, testScale);
  const listing = await listImageFolder(root);
  const concurrency = opts.concurrency ?? 8;
  const { stats, source } = await loadOrComputeStats(
    opts.statsPath ?? join(root, ".vgg-wgsl-stats.json"),
    listing.train.files,
    { samples: opts.statsSamples, side: opts.statsSide, concurrency },
  );
  const common = {
    crop,
    scale,
    testScale,
    pcaStd: opts.pcaStd ?? 0.1,
    flip: opts.flip ?? true,
    concurrency,
    mean: stats.meanRgb,
    eigen: { values: stats.eigenvalues, vectors: stats.eigenvectors },
  };
  const normalization: Normalization = { scale: 1, mean: stats.meanRgb, std: [1, 1, 1] };
  return {
    name: "imagefolder",
    root,
    classes: listing.classes,
    channels: 3,
    height: crop,
    width: crop,
    train: lazySplit({ ...common, ...listing.train }),
    test: lazySplit({ ...common, ...listing.test }),
    normalization,
    stats,
    statsSource: source,
    files: { train: listing.train.files, test: listing.test.files },
  };
}

/**
 * The whole image rescaled so its smaller side is `q`, as CHW floats minus the mean RGB: the
 * input for dense (fully convolutional) evaluation.
 */
export async function loadFullImage(path: string, q: number, meanRgb: readonly number[]) {
  const img = await decodeRescaled(path, q);
  const data = new Float32Array(3 * img.width * img.height);
  const box = { left: 0, top: 0, width: img.width, height: img.height };
  cropToCHW(
    img.data,
    img.width,
    img.height,
    img.channels,
    box,
    false,
    meanRgb.map((m) => -m),
    data,
  );
  return { data, width: img.width, height: img.height };
}

/** The test-pipeline input for one image: rescale to Q, centre crop, minus the mean RGB. */
export async function loadCenterCrop(
  path: string,
  q: number,
  crop: number,
  meanRgb: readonly number[],
): Promise<Float32Array> {
  const img = await decodeRescaled(path, q);
  const out = new Float32Array(3 * crop * crop);
  const box = centerCropBox(img.width, img.height, crop);
  cropToCHW(img.data, img.width, img.height, img.channels, box, false, meanRgb.map((m) => -m), out);
  return out;
}
