import assert from "node:assert/strict";
import { join } from "node:path";
import sharp from "sharp";
import {
  chooseScale,
  cropToCHW,
  flipHorizontalCHW,
  pcaColorShift,
  randomCropBox,
  rescaledSize,
  samplePcaAlphas,
} from "../data/augment.ts";
import { deriveSeed, makeRng } from "../data/rng.ts";
import { batches } from "../data/dataset.ts";
import { DataError } from "../data/errors.ts";
import { decodeRegion, decodeRescaled, imageSize } from "../data/image_decode.ts";
import {
  type ImageFolderOptions,
  loadFullImage,
  loadImageFolder as load,
} from "../data/imagefolder.ts";
import { PIPELINE_KERNEL } from "../data/sample.ts";
import { loadData } from "../data/sources.ts";

/** In the calling thread (the worker tests are in data_workers.test.ts); closed by the caller. */
const loadImageFolder = (root: string, opts: ImageFolderOptions = {}) =>
  load(root, { workers: 0, ...opts });

/** A w x h RGB test image with a position-dependent pattern, encoded as PNG or JPEG. */
async function makeImage(
  path: string,
  w: number,
  h: number,
  seed: number,
  channels: 1 | 3 | 4 = 3,
) {
  const raw = new Uint8Array(w * h * channels);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < channels; c++) {
        raw[(y * w + x) * channels + c] = c === 3
          ? 255
          : (x * 37 + y * 11 + c * 80 + seed * 53) % 256;
      }
    }
  }
  const img = sharp(raw, { raw: { width: w, height: h, channels } });
  await (path.endsWith(".png") ? img.png() : img.jpeg({ quality: 90 })).toFile(path);
}

/** train/{cat,dog}/ with mixed formats and sizes, val/{cat,dog}/. */
async function makeTree(root: string) {
  const files: [string, number, number, (1 | 3 | 4)?][] = [
    ["train/cat/a.png", 40, 30],
    ["train/cat/b.JPEG", 30, 50],
    ["train/cat/c.jpg", 36, 36, 1],
    ["train/dog/a.png", 48, 32, 4],
    ["train/dog/b.jpeg", 32, 32],
    ["val/cat/v.png", 40, 30],
    ["val/dog/v.jpg", 30, 40],
  ];
  for (const [i, [rel, w, h, ch]] of files.entries()) {
    await Deno.mkdir(join(root, rel, ".."), { recursive: true });
    await makeImage(join(root, rel), w, h, i, ch ?? 3);
  }
  await Deno.writeTextFile(join(root, "train/cat/notes.txt"), "not an image");
}

async function withTree(fn: (root: string) => Promise<void>) {
  const root = await Deno.makeTempDir();
  try {
    await makeTree(root);
    await fn(root);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
}

Deno.test("imagefolder: listing, labels, stats cache written then reused", () =>
  withTree(async (root) => {
    const opts = { crop: 16, scale: [20, 28] as [number, number], statsSide: 16 };
    const d = await loadImageFolder(root, opts);
    assert.deepEqual(d.classes, ["cat", "dog"]);
    assert.equal(d.train.count, 5);
    assert.equal(d.test.count, 2);
    assert.deepEqual([...d.train.labels], [0, 0, 0, 1, 1]);
    assert.deepEqual([...d.test.labels], [0, 1]);
    assert.deepEqual([d.channels, d.height, d.width], [3, 16, 16]);
    assert.equal(d.statsSource, "computed");
    const statsPath = join(root, ".vgg-wgsl-stats.json");
    const cached = JSON.parse(await Deno.readTextFile(statsPath));
    assert.equal(cached.fileCount, 5);
    assert.deepEqual(cached.meanRgb, d.stats.meanRgb);
    for (const m of d.stats.meanRgb) assert.ok(m > 20 && m < 235, `mean ${m}`);

    // Second load uses the cache: prove it by planting a value no computation would produce.
    await Deno.writeTextFile(statsPath, JSON.stringify({ ...cached, meanRgb: [1, 2, 3] }));
    const again = await loadImageFolder(root, opts);
    assert.equal(again.statsSource, "cache");
    assert.deepEqual(again.normalization.mean, [1, 2, 3]);

    // Different settings invalidate the cache.
    const other = await loadImageFolder(root, { ...opts, statsSide: 20 });
    assert.equal(other.statsSource, "computed");
    assert.notDeepEqual(other.stats.meanRgb, [1, 2, 3]);

    const viaSpec = await loadData(`imagefolder:${root}`, {
      imagefolder: { ...opts, statsSide: 20, workers: 0 },
    });
    assert.match(
      viaSpec.description,
      /5 train \/ 2 test, 2 classes, val labels from class folders, colour stats cache; S 20-28, Q 24, 16x16 crops, 0 decode workers/,
    );
  }));

Deno.test("imagefolder: rescale gives smaller side S; test crop is the centre of the Q-rescaled image", () =>
  withTree(async (root) => {
    for (const s of [20, 23, 64]) {
      for (const rel of ["train/cat/a.png", "train/cat/b.JPEG", "train/dog/a.png"]) {
        const img = await decodeRescaled(join(root, rel), s);
        assert.equal(Math.min(img.width, img.height), s, `${rel} at S=${s}`);
        assert.equal(img.channels, 3);
      }
    }
    const d = await loadImageFolder(root, { crop: 16, scale: 24, statsSide: 16 });
    // Dense evaluation's whole image (Lanczos-3, as predict and eval rescale).
    const full = await loadFullImage(join(root, "val/cat/v.png"), 24, d.stats.meanRgb);
    assert.deepEqual([full.width, full.height], [32, 24]);
    // The pipeline's test crop: the centre 16x16 of the 32x24 image (at (8, 4)), rescaled with
    // the pipeline's kernel. libvips computes only the crop; its rounding may differ from the
    // whole image's by one grey level in places.
    const path = join(root, "val/cat/v.png");
    const img = await decodeRegion(
      await Deno.readFile(path),
      path,
      { width: 32, height: 24 },
      undefined,
      PIPELINE_KERNEL,
    );
    const [batch] = await Array.fromAsync(batches(d.test, { batchSize: 2 }));
    for (let c = 0; c < 3; c++) {
      for (let y = 0; y < 16; y++) {
        for (let x = 0; x < 16; x++) {
          const want = img.data[((y + 4) * 32 + x + 8) * 3 + c] - d.stats.meanRgb[c];
          assert.ok(Math.abs(batch.x[c * 256 + y * 16 + x] - want) <= 1.0001, `(${c}, ${y}, ${x})`);
        }
      }
    }
  }));

Deno.test("imagefolder: training crops are deterministic, inside the image, and flips mirror", () =>
  withTree(async (root) => {
    const d = await loadImageFolder(root, {
      crop: 16,
      scale: [16, 30],
      statsSide: 16,
      pcaStd: 0.1,
    });
    const run = async (epoch: number) =>
      (await Array.fromAsync(
        batches(d.train, { batchSize: 5, shuffle: true, seed: 9, epoch, augment: true }),
      ))[0];
    const a = await run(0), b = await run(0), c = await run(1);
    assert.deepEqual(a.x, b.x);
    assert.notDeepEqual(a.x, c.x);
    assert.ok(a.x.every((v) => isFinite(v)));

    // Without colour shift every value is a source pixel minus the mean.
    const plain = await loadImageFolder(root, {
      crop: 16,
      scale: 16,
      statsSide: 16,
      pcaStd: 0,
    });
    const mean = plain.stats.meanRgb;
    // train/dog/b.jpeg is 32x32 -> rescaled to 16x16 = the whole crop: output is the image
    // or its mirror, and both happen across seeds.
    const dogB = join(root, "train/dog/b.jpeg");
    const whole = await decodeRegion(
      await Deno.readFile(dogB),
      dogB,
      { width: 16, height: 16 },
      undefined,
      PIPELINE_KERNEL,
    );
    const ref = new Float32Array(3 * 256);
    for (let i = 0; i < 256; i++) {
      for (let ch = 0; ch < 3; ch++) ref[ch * 256 + i] = whole.data[i * 3 + ch] - mean[ch];
    }
    const mirrored = ref.slice();
    flipHorizontalCHW(mirrored, 3, 16, 16);
    let flips = 0, same = 0;
    for (let seed = 0; seed < 24; seed++) {
      const { x: out } = await plain.train.read(Int32Array.of(4), { augment: true, seed });
      for (let ch = 0; ch < 3; ch++) {
        for (let i = 0; i < 256; i++) {
          const p = out[ch * 256 + i] + mean[ch];
          assert.ok(Math.abs(p - Math.round(p)) < 1e-3 && p > -0.5 && p < 255.5);
        }
      }
      if (out.every((v, i) => v === ref[i])) same++;
      else if (out.every((v, i) => v === mirrored[i])) flips++;
      else assert.fail("whole-image crop is neither the image nor its mirror");
    }
    assert.ok(flips > 0 && same > 0, `flips=${flips} same=${same}`);
  }));

Deno.test("imagefolder: corrupt and truncated images are replaced, listed, or (strict) an error", () =>
  withTree(async (root) => {
    const good = await Deno.readFile(join(root, "val/dog/v.jpg"));
    const bad = join(root, "val/dog/w.jpg");
    await Deno.writeFile(bad, good.subarray(0, Math.floor(good.length / 2)));
    await assert.rejects(
      decodeRescaled(bad, 20),
      (e: unknown) =>
        e instanceof DataError && e.message.startsWith(`${bad}: cannot decode image`) &&
        /truncated JPEG/.test(e.message) && !e.message.includes("\n"),
    );
    // Cut after the first rows: libvips alone would decode a crop above the cut without a word.
    const cutPng = join(root, "val/cat/cut.png");
    const png = await Deno.readFile(join(root, "val/cat/v.png"));
    await Deno.writeFile(cutPng, png.subarray(0, png.length - 20));
    await assert.rejects(decodeRescaled(cutPng, 20), /truncated PNG/);
    const garbage = join(root, "val/dog/x.png");
    await Deno.writeFile(garbage, new TextEncoder().encode("definitely not a png"));
    await assert.rejects(
      decodeRescaled(garbage, 20),
      (e: unknown) => e instanceof DataError && e.message.startsWith(garbage),
    );

    // val: cat/cut.png, cat/v.png, dog/v.jpg, dog/w.jpg, dog/x.png; three of five are bad.
    const d = await loadImageFolder(root, { crop: 16, scale: 20, statsSide: 16 });
    const read = () => Array.fromAsync(batches(d.test, { batchSize: 5 }));
    const [batch] = await read();
    assert.deepEqual(batch.skipped.map((k) => k.path), [cutPng, bad, garbage]);
    assert.deepEqual(batch.skipped.map((k) => k.position), [0, 3, 4]);
    const goodFiles = [join(root, "val/cat/v.png"), join(root, "val/dog/v.jpg")];
    for (const k of batch.skipped) {
      assert.ok(goodFiles.includes(k.replacement), k.replacement);
      assert.match(k.reason, /cannot decode image/);
      // The replacement's class travels with it.
      assert.equal(batch.y[k.position], k.replacement.includes("/cat/") ? 0 : 1);
    }
    assert.deepEqual([...d.badFiles.keys()].sort(), [bad, cutPng, garbage].sort());
    // Deterministic: the same batch again (now skipping the known-bad files without decoding).
    const [again] = await read();
    assert.deepEqual(again, batch);

    const strict = await loadImageFolder(root, {
      crop: 16,
      scale: 20,
      statsSide: 16,
      strict: true,
    });
    await assert.rejects(
      Array.fromAsync(batches(strict.test, { batchSize: 5 })),
      (e: unknown) =>
        e instanceof DataError && e.message.startsWith(cutPng) && /--strict-data/.test(e.message),
    );
  }));

Deno.test("imagefolder: bad trees are errors before any decoding", () =>
  withTree(async (root) => {
    await Deno.mkdir(join(root, "val/horse"));
    await assert.rejects(
      loadImageFolder(root, { crop: 16, scale: 20 }),
      /val\/horse: class not present/,
    );
    await Deno.remove(join(root, "val/horse"));
    await Deno.mkdir(join(root, "train/bird"));
    await assert.rejects(
      loadImageFolder(root, { crop: 16, scale: 20 }),
      /train\/bird: empty class folder/,
    );
    await Deno.writeFile(
      join(root, "train/bird/b.png"),
      await Deno.readFile(join(root, "train/cat/a.png")),
    );
    await Deno.mkdir(join(root, "val/bird"));
    await assert.rejects(
      loadImageFolder(root, { crop: 16, scale: 20 }),
      /val\/bird: empty class folder/,
    );
    await assert.rejects(
      loadImageFolder(root, { crop: 32, scale: 20 }),
      /--scale 20: the training scale must be at least the crop 32/,
    );
    await assert.rejects(
      loadImageFolder(root, { crop: 16, scale: [20, 18] }),
      /--scale 20,18: SMIN is larger than SMAX/,
    );
    await assert.rejects(
      loadImageFolder(root, { crop: 16, scale: 20, testScale: 12 }),
      /--test-scale 12: the test scale must be at least the crop 16/,
    );
    await assert.rejects(loadImageFolder(join(root, "nope")), /nope\/train: directory not found/);
  }));

Deno.test("imagefolder: training sample = jittered S, random crop, flip, PCA shift, in that order", () =>
  withTree(async (root) => {
    const scale: [number, number] = [16, 40];
    const d = await loadImageFolder(root, { crop: 16, scale, statsSide: 16, pcaStd: 0.1 });
    const { meanRgb, eigenvalues, eigenvectors } = d.stats;
    assert.ok(eigenvalues[0] > 0);
    const path = d.files.train[1];
    const sizes = new Set<number>();
    const shifts = new Set<string>();
    for (let seed = 0; seed < 12; seed++) {
      const { x: got } = await d.train.read(Int32Array.of(1), { augment: true, seed });
      // Recompute with the pure functions, drawing from the same per-sample stream, cropping
      // the whole rescaled image in JavaScript: the decoder's crop-only path must agree exactly.
      const rng = makeRng(deriveSeed(seed, 0));
      const s = chooseScale(scale, rng);
      const bytes = await Deno.readFile(path);
      const { width, height } = await imageSize(bytes, path);
      const size = rescaledSize(width, height, s);
      const img = await decodeRegion(bytes, path, size, undefined, PIPELINE_KERNEL);
      assert.equal(Math.min(img.width, img.height), s);
      const box = randomCropBox(img.width, img.height, 16, rng);
      const flip = rng.float() < 0.5;
      const shift = pcaColorShift(
        { values: eigenvalues, vectors: eigenvectors },
        samplePcaAlphas(rng, 0.1),
      ).map((v) => v * 255);
      const want = new Float32Array(3 * 256);
      const bias = meanRgb.map((m, c) => -m + shift[c]);
      cropToCHW(img.data, img.width, img.height, img.channels, box, flip, bias, want);
      // Equal up to libvips' rounding, which can differ by one grey level where only the crop
      // is computed (linear kernel).
      const off = got.findIndex((v, k) => Math.abs(v - want[k]) > 1.0001);
      assert.ok(off < 0, `seed ${seed}: value ${off} is ${got[off]}, not ${want[off]}`);
      sizes.add(s);
      shifts.add(shift.map((v) => v.toFixed(3)).join());
      assert.ok(shift.some((v) => Math.abs(v) > 1e-3), "colour shift applied");
    }
    assert.ok(sizes.size >= 6, `S values ${[...sizes]}`);
    assert.equal(shifts.size, 12);
  }));
