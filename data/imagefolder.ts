/**
 * ImageNet-style folders, decoded with sharp (libvips) by a pool of workers and augmented as in
 * the VGG paper:
 *   train: isotropic rescale so the smaller side is S (fixed or jittered in [Smin, Smax]), one
 *          random crop x crop, random horizontal flip, Krizhevsky PCA colour shift, minus mean RGB;
 *   test:  rescale the smaller side to Q, centre crop (or the whole image for dense evaluation).
 * Inputs stay in 0..255 units minus the mean RGB, as in the paper (no division by a std).
 *
 * Layouts: DIR/train/<class>/*.{JPEG,jpg,jpeg,png} with DIR/val/<class>/... or a flat DIR/val/
 * labelled by ImageNet's label files (data/imagenet_labels.ts). Classes are the training
 * folders in code-point order (for ImageNet, the sorted WordNet ids: torchvision's order).
 *
 * Unreadable images (corrupt, truncated, not an image) never stop a run: the sample is replaced
 * by another sample of the same split, chosen from the sample's own random stream, so the result
 * is the same for any number of workers; the batch lists it (`skipped`) and `badFiles` keeps
 * every bad file found. With `strict` the first one is an error instead.
 */
import { join } from "node:path";
import { atomicWriteText } from "./atomic.ts";
import {
  cropToCHW,
  defaultTestScale,
  type Eigen3,
  jacobiEigenSymmetric3,
  type PipelineSettings,
  RgbMoments,
  type ScaleSpec,
} from "./augment.ts";
import type { Dataset, Normalization, ReadOptions, ReadResult, Split } from "./dataset.ts";
import { DataError, describeError } from "./errors.ts";
import { exists } from "./files.ts";
import { decodeRescaled } from "./image_decode.ts";
import {
  findFile,
  flatValLabels,
  imageId,
  labelDirs,
  readSynsetMapping,
  SYNSET_MAPPING,
} from "./imagenet_labels.ts";
import { forEachConcurrent } from "./pool.ts";
import { deriveSeed, makeRng } from "./rng.ts";
import { type DecodeMode, DecodePool, defaultWorkers } from "./workers.ts";

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
  /** Decode workers; default one per core; 0 decodes in the calling thread. */
  workers?: number;
  /**
   * Worker k's decode process is pinned to core `firstCpu + k` of those this process may use
   * (modulo their count): ranks on one node pass different ones. Default 0.
   */
  firstCpu?: number;
  /** Make an unreadable image an error (`--strict-data`) instead of replacing it. */
  strict?: boolean;
  /** Decodes in flight at once while computing the colour statistics; default 8. */
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
  /** What the classes are called: words from the label files when present, else folder names. */
  classNames: string[];
  /** Where the val labels came from: "class folders" or the label file's path. */
  valLabels: string;
  /** Unreadable files found so far (path -> the decoder's message), in both splits. */
  badFiles: Map<string, string>;
  /** Decode workers (0: the calling thread). */
  workers: number;
  /** Where the workers decode: in processes pinned to cores, or in threads (data/workers.ts). */
  decodeMode: DecodeMode;
  /** CPU ms used so far by the running decode processes (0 in "threads" mode). */
  decodeCpuMs(): number;
  /** Pids of the running decode processes. */
  decodePids(): number[];
  /** The training scale S and test scale Q in use. */
  scale: ScaleSpec;
  testScale: number;
  close(): Promise<void>;
}

export interface FolderListing {
  classes: string[];
  classNames: string[];
  train: { files: string[]; labels: Int32Array };
  test: { files: string[]; labels: Int32Array };
  valLabels: string;
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

function images(entries: Deno.DirEntry[]): Deno.DirEntry[] {
  return entries.filter((e) => e.isFile && IMAGE_EXT.test(e.name));
}

/** DIR/<class>/<images>, classes in order; every class folder must hold images. */
async function listClassFolders(dir: string, classIndex: Map<string, number> | null) {
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
    const found = images(await sortedEntries(join(dir, entry.name)));
    if (found.length === 0) {
      throw new DataError(
        `${join(dir, entry.name)}: empty class folder (no .jpg/.jpeg/.png images)`,
      );
    }
    for (const img of found) {
      files.push(join(dir, entry.name, img.name));
      labels.push(label);
    }
  }
  if (classes.length === 0) throw new DataError(`${dir}: no class subdirectories`);
  return { classes, files, labels: Int32Array.from(labels) };
}

/** A flat val/ folder, each image labelled by ImageNet's label files. */
async function listFlatVal(root: string, dir: string, found: Deno.DirEntry[], classes: string[]) {
  const index = new Map(classes.map((c, i) => [c, i]));
  const labelsOf = await flatValLabels(root);
  const files: string[] = [], labels: number[] = [];
  for (const e of found) {
    const path = join(dir, e.name), wnid = labelsOf.byImage.get(imageId(path));
    if (wnid === undefined) throw new DataError(`${path}: no label in ${labelsOf.source}`);
    const label = index.get(wnid);
    if (label === undefined) {
      throw new DataError(
        `${path}: its class ${wnid} (from ${labelsOf.source}) is not one of the ${classes.length} ` +
          `training classes`,
      );
    }
    files.push(path);
    labels.push(label);
  }
  return { files, labels: Int32Array.from(labels), source: labelsOf.source, words: labelsOf.words };
}

/**
 * Enumerate DIR/train and DIR/val; classes are the sorted training subdirectory names. Every
 * problem (an empty class folder, a val image of an unknown class or without a label) is found
 * here, before any training starts.
 */
export async function listImageFolder(root: string): Promise<FolderListing> {
  const train = await listClassFolders(join(root, "train"), null);
  const valDir = join(root, "val");
  const entries = await sortedEntries(valDir);
  const flat = images(entries);
  let test: { files: string[]; labels: Int32Array }, valLabels = "class folders";
  let words: Map<string, string> | undefined;
  if (flat.length) {
    if (entries.some((e) => e.isDirectory)) {
      throw new DataError(`${valDir}: holds both images and class folders; keep one layout`);
    }
    const v = await listFlatVal(root, valDir, flat, train.classes);
    test = v;
    valLabels = v.source;
    words = v.words;
  } else {
    const v = await listClassFolders(valDir, new Map(train.classes.map((c, i) => [c, i])));
    test = { files: v.files, labels: v.labels };
  }
  const mapping = await findFile(labelDirs(root), SYNSET_MAPPING);
  if (mapping) words = await readSynsetMapping(mapping);
  return {
    classes: train.classes,
    classNames: train.classes.map((c) => words?.get(c) ?? c),
    train: { files: train.files, labels: train.labels },
    test,
    valLabels,
  };
}

/** Evenly spaced sample of `count` indices out of `n` (deterministic, spans every class). */
function spreadSample(n: number, count: number): number[] {
  const k = Math.min(n, count);
  return Array.from({ length: k }, (_, i) => Math.floor((i * n) / k));
}

export interface StatsOptions {
  samples?: number;
  side?: number;
  concurrency?: number;
  /** An unreadable image is an error instead of being left out. */
  strict?: boolean;
  /** Unreadable files found (path -> reason); they are left out of the statistics. */
  bad?: Map<string, string>;
}

/** Mean RGB and colour PCA over a sample of the training images. */
export async function computeImageStats(
  files: string[],
  opts: StatsOptions = {},
): Promise<ImageStats> {
  const side = opts.side ?? 64;
  const picked = spreadSample(files.length, opts.samples ?? 1000);
  const perImage: (RgbMoments | null)[] = new Array(picked.length);
  await forEachConcurrent(picked.length, opts.concurrency ?? 8, async (i) => {
    let img;
    try {
      img = await decodeRescaled(files[picked[i]], side);
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      if (opts.strict) throw new DataError(`${e.message} (--strict-data)`);
      opts.bad?.set(files[picked[i]], e.message);
      perImage[i] = null;
      return;
    }
    const m = new RgbMoments();
    m.addPixels(img.data, img.channels);
    perImage[i] = m;
  });
  // Merge in a fixed order so the float sums do not depend on decode completion order.
  const all = new RgbMoments();
  for (const m of perImage) {
    if (!m) continue;
    all.n += m.n;
    for (let i = 0; i < 3; i++) all.sum[i] += m.sum[i];
    for (let i = 0; i < 9; i++) all.sumProducts[i] += m.sumProducts[i];
  }
  if (all.n === 0) {
    throw new DataError(
      `none of the ${picked.length} training images sampled for the colour ` +
        `statistics could be read (first: ${files[picked[0]]})`,
    );
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
  opts: StatsOptions = {},
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

function validateOptions(crop: number, scale: ScaleSpec, q: number) {
  const [lo, hi] = typeof scale === "number" ? [scale, scale] : scale;
  const text = typeof scale === "number" ? `${scale}` : scale.join(",");
  if (![crop, lo, hi, q].every((v) => Number.isInteger(v) && v > 0)) {
    throw new DataError(
      `imagefolder: sizes must be positive integers (crop ${crop}, S ${text}, Q ${q})`,
    );
  }
  if (lo > hi) throw new DataError(`--scale ${text}: SMIN is larger than SMAX`);
  if (lo < crop) {
    throw new DataError(
      `--scale ${text}: the training scale must be at least the crop ${crop} (the net's input side)`,
    );
  }
  if (q < crop) {
    throw new DataError(`--test-scale ${q}: the test scale must be at least the crop ${crop}`);
  }
}

/** Tries per sample before giving up on finding a readable replacement. */
const MAX_REPLACEMENTS = 32;
const REPLACE_STREAM = 0x52504c43;

interface SplitContext {
  files: string[];
  labels: Int32Array;
  settings: PipelineSettings;
  pool: DecodePool;
  strict: boolean;
  bad: Map<string, string>;
}

/**
 * A split decoded on demand by the pool. Sample i of a read uses the stream
 * (opts.seed, offset + i) for its augmentation and, if its file is unreadable, for the choice
 * of its replacements: the attempt-th candidate is fixed by (stream, attempt), so replacements
 * are the same whichever worker decodes what, and whatever was found bad before.
 */
function folderSplit(ctx: SplitContext): Split {
  const { files, labels, settings } = ctx;
  const size = 3 * settings.crop * settings.crop;
  return {
    count: files.length,
    labels,
    sampleShape: [3, settings.crop, settings.crop],
    prefetch: 3,
    recycle: (x) => ctx.pool.recycle(x),
    async read(indices: Int32Array, opts: ReadOptions): Promise<ReadResult> {
      const n = indices.length, offset = opts.offset ?? 0;
      const x = ctx.pool.reusable(opts.reuse, n * size) ?? ctx.pool.allocate(n * size);
      const file = Int32Array.from(indices);
      const seeds = Array.from({ length: n }, (_, i) => deriveSeed(opts.seed, offset + i));
      const attempts = new Int32Array(n);
      const first: ({ path: string; reason: string } | undefined)[] = new Array(n);
      const replace = (i: number, reason: string) => {
        first[i] ??= { path: files[indices[i]], reason };
        if (++attempts[i] > MAX_REPLACEMENTS) {
          throw new DataError(
            `${first[i]!.path}: unreadable, and so were ${MAX_REPLACEMENTS} replacements tried ` +
              `for it (last: ${files[file[i]]}: ${reason}); is the dataset readable?`,
          );
        }
        const rng = makeRng(deriveSeed(seeds[i], REPLACE_STREAM, attempts[i]));
        file[i] = rng.int(files.length);
      };
      let todo = Array.from({ length: n }, (_, i) => i);
      while (todo.length) {
        // Files already known to be bad would fail again: skip to their replacements at once.
        for (const i of todo) {
          while (ctx.bad.has(files[file[i]])) replace(i, ctx.bad.get(files[file[i]])!);
        }
        const failures = await ctx.pool.decode({
          augment: opts.augment,
          cfg: settings,
          paths: todo.map((i) => files[file[i]]),
          seeds: todo.map((i) => seeds[i]),
          offsets: todo.map((i) => i * size),
          out: x,
        });
        const again: number[] = [];
        for (const f of failures) {
          if (ctx.strict) throw new DataError(`${f.message} (--strict-data)`);
          const i = todo[f.index];
          ctx.bad.set(files[file[i]], f.message);
          replace(i, f.message);
          again.push(i);
        }
        todo = again;
      }
      const y = new Int32Array(n);
      for (let i = 0; i < n; i++) y[i] = labels[file[i]];
      const skipped = [];
      for (let i = 0; i < n; i++) {
        const f = first[i];
        if (f) skipped.push({ position: i, ...f, replacement: files[file[i]] });
      }
      return { x, y, skipped };
    },
  };
}

/** Load an image-folder dataset; decoding happens lazily, per batch, in the decode workers. */
export async function loadImageFolder(
  root: string,
  opts: ImageFolderOptions = {},
): Promise<ImageFolderDataset> {
  const crop = opts.crop ?? 224;
  const scale = opts.scale ?? 256;
  const testScale = opts.testScale ?? defaultTestScale(scale);
  validateOptions(crop, scale, testScale);
  const listing = await listImageFolder(root);
  const bad = new Map<string, string>(), strict = opts.strict ?? false;
  const { stats, source } = await loadOrComputeStats(
    opts.statsPath ?? join(root, ".vgg-wgsl-stats.json"),
    listing.train.files,
    {
      samples: opts.statsSamples,
      side: opts.statsSide,
      concurrency: opts.concurrency,
      strict,
      bad,
    },
  );
  const settings: PipelineSettings = {
    crop,
    scale,
    testScale,
    pcaStd: opts.pcaStd ?? 0.1,
    flip: opts.flip ?? true,
    mean: stats.meanRgb,
    eigen: { values: stats.eigenvalues, vectors: stats.eigenvectors } satisfies Eigen3,
  };
  const pool = new DecodePool(opts.workers ?? defaultWorkers(), { firstCpu: opts.firstCpu });
  const split = (s: { files: string[]; labels: Int32Array }) =>
    folderSplit({ ...s, settings, pool, strict, bad });
  const normalization: Normalization = { scale: 1, mean: stats.meanRgb, std: [1, 1, 1] };
  return {
    name: "imagefolder",
    root,
    classes: listing.classes,
    classNames: listing.classNames,
    valLabels: listing.valLabels,
    channels: 3,
    height: crop,
    width: crop,
    train: split(listing.train),
    test: split(listing.test),
    normalization,
    stats,
    statsSource: source,
    files: { train: listing.train.files, test: listing.test.files },
    badFiles: bad,
    workers: pool.workers,
    get decodeMode() {
      return pool.mode;
    },
    decodeCpuMs: () => pool.processCpuMs(),
    decodePids: () => pool.processIds(),
    scale,
    testScale,
    close: () => pool.close(),
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
