/**
 * A resized copy of an image folder (`deno task prepare-data`): every image whose smaller side
 * exceeds `maxSide` is rescaled so that side is `maxSide` (the paper's rescaling never needs
 * more than S_max), the others are copied byte for byte, as are unreadable files (training then
 * skips them) and ImageNet's label files. Smaller files decode faster (bench/RESULTS.md).
 *
 * Each output is written to a temporary name and renamed, so an interrupted run leaves only
 * whole files, and running again skips the files already there.
 */
import { basename, dirname, join, relative } from "node:path";
import sharp from "sharp";
import { DataError, describeError } from "./errors.ts";
import { exists, readFileBytes } from "./files.ts";
import { imageSize } from "./image_decode.ts";
import {
  DEVKIT_GROUND_TRUTH,
  DEVKIT_META,
  findFile,
  labelDirs,
  LOC_VAL_SOLUTION,
  SYNSET_MAPPING,
} from "./imagenet_labels.ts";
import { forEachConcurrent } from "./pool.ts";

const IMAGE_EXT = /\.(jpe?g|png)$/i;

export interface PrepareOptions {
  maxSide: number;
  /** Files in flight at once; default one per core. */
  concurrency?: number;
  /** JPEG quality of rescaled JPEGs; default 90. */
  quality?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface PrepareReport {
  total: number;
  resized: number;
  copied: number;
  /** Already in the output from an earlier run. */
  kept: number;
  /** Unreadable files, copied unchanged: path -> reason. */
  unreadable: Map<string, string>;
  bytesIn: number;
  bytesOut: number;
}

/** Every image under DIR/train and DIR/val, relative to DIR, in a stable order. */
async function imageFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = [];
    for await (const e of Deno.readDir(dir)) if (!e.name.startsWith(".")) entries.push(e);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory) await walk(p);
      else if (e.isFile && IMAGE_EXT.test(e.name)) out.push(relative(root, p));
    }
  };
  for (const split of ["train", "val"]) {
    const dir = join(root, split);
    if (!(await exists(dir))) throw new DataError(`${dir}: directory not found`);
    await walk(dir);
  }
  return out;
}

async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await Deno.mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.tmp`);
  await Deno.writeFile(tmp, bytes);
  await Deno.rename(tmp, path);
}

/** Writes the resized copy of `src` to `dst` (which may already hold part of it). */
export async function prepareFolder(
  src: string,
  dst: string,
  opts: PrepareOptions,
): Promise<PrepareReport> {
  if (!Number.isInteger(opts.maxSide) || opts.maxSide < 1) {
    throw new DataError(`--max-side must be a positive integer, got ${opts.maxSide}`);
  }
  const files = await imageFiles(src);
  const report: PrepareReport = {
    total: files.length,
    resized: 0,
    copied: 0,
    kept: 0,
    unreadable: new Map(),
    bytesIn: 0,
    bytesOut: 0,
  };
  let done = 0;
  const concurrency = opts.concurrency ?? Math.max(1, navigator.hardwareConcurrency || 1);
  await forEachConcurrent(files.length, concurrency, async (i) => {
    const from = join(src, files[i]), to = join(dst, files[i]);
    if (await exists(to)) {
      report.kept++;
    } else {
      const bytes = await readFileBytes(from);
      let out = bytes;
      try {
        const { width, height } = await imageSize(bytes, from);
        if (Math.min(width, height) > opts.maxSide) {
          const img = sharp(bytes).rotate().resize({
            width: width <= height ? opts.maxSide : undefined,
            height: width <= height ? undefined : opts.maxSide,
          });
          out = new Uint8Array(
            await (/\.png$/i.test(from) ? img.png() : img.jpeg({ quality: opts.quality ?? 90 }))
              .toBuffer(),
          );
          report.resized++;
        } else report.copied++;
      } catch (e) {
        if (!(e instanceof DataError)) throw e;
        report.unreadable.set(from, e.message);
        report.copied++;
      }
      try {
        await writeAtomic(to, out);
      } catch (e) {
        throw new DataError(`${to}: cannot write (${describeError(e)})`);
      }
      report.bytesIn += bytes.length;
      report.bytesOut += out.length;
    }
    opts.onProgress?.(++done, files.length);
  });
  // ImageNet's label files, from wherever the loader would find them for `src`, to `dst`.
  for (const name of [SYNSET_MAPPING, LOC_VAL_SOLUTION, DEVKIT_GROUND_TRUTH, DEVKIT_META]) {
    const found = await findFile(labelDirs(src), name);
    if (found && !(await exists(join(dst, name)))) {
      await writeAtomic(join(dst, name), await readFileBytes(found));
    }
  }
  return report;
}
