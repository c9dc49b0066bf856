// The evaluation modes on a tiny net (VGG A at width 16, 32x32 grey inputs, Fashion-MNIST
// shaped random data) through the reference interpreter: dense at Q = S is the single crop;
// dense at a larger Q is the spatial average of the score map; flips, scales, methods and
// models (fusion) average soft-max posteriors; the eval command reports what it computed.
import assert from "node:assert";
import { join } from "node:path";
import { init, type Model, type Params } from "../dsl/mod.ts";
import { flipped } from "../eval/crops.ts";
import { fullyConvolutional, scoreMapReference, spatialMean } from "../dsl/transforms.ts";
import {
  cropPosteriors,
  densePosteriors,
  scalePosteriors,
  type TestMode,
} from "../eval/posteriors.ts";
import { type Image, resizeBilinear } from "../eval/resize.ts";
import { confusionSummary, evaluateSource, posteriors } from "../eval/run.ts";
import { ReferenceScorer } from "../eval/scorer.ts";
import type { TestSource } from "../eval/sources.ts";
import { configs } from "../nets/mod.ts";
import { softmaxRows } from "../train/evaluate.ts";
import { saveWeights } from "../train/weights.ts";

const tiny = () => configs.A({ width: 16, size: 32, classes: 10, channels: 1 });

function randomParams(m: Model, seed: number): Params {
  const p = init(m, seed);
  for (const [name, v] of p) {
    if (name.endsWith(".bias")) {
      for (let i = 0; i < v.length; i++) v[i] = 0.05 * Math.sin(i + seed);
    }
  }
  // Larger last-layer weights so posteriors are far from uniform and differences show.
  const last = p.get("classifier.6.weight")!;
  for (let i = 0; i < last.length; i++) last[i] *= 40;
  return p;
}

function image(seed: number, side = 32): Image {
  const data = Float32Array.from(
    { length: side * side },
    (_, i) => Math.sin(i * 0.37 + seed * 1.3) + 0.3 * Math.cos(i * seed),
  );
  return { data, channels: 1, height: side, width: side };
}

/** A Fashion-MNIST shaped source of random 32x32 images (resized bilinearly to Q). */
function source(n: number): TestSource {
  return {
    count: n,
    labels: Int32Array.from({ length: n }, (_, i) => (i * 7) % 10),
    classes: Array.from({ length: 10 }, (_, i) => `c${i}`),
    channels: 1,
    load: (i, q) => Promise.resolve(q === 32 ? image(i) : resizeBilinear(image(i), q, q)),
  };
}

function assertClose(a: Float32Array, b: Float32Array, tol: number, what: string) {
  assert.strictEqual(a.length, b.length, what);
  for (let i = 0; i < a.length; i++) {
    assert.ok(Math.abs(a[i] - b[i]) <= tol, `${what}: [${i}] ${a[i]} vs ${b[i]}`);
  }
}

const mode = (m: Partial<TestMode>): TestMode => ({
  scales: [32],
  dense: false,
  multiCrop: false,
  flip: false,
  ...m,
});

Deno.test("dense at Q = S equals the single centre crop; at Q = 2S it averages the score map", async () => {
  const m = tiny(), s = new ReferenceScorer(m, randomParams(m, 1));
  const imgs = [image(1), image(2), image(3)];
  const single = await scalePosteriors(s, imgs, mode({}));
  const dense = await scalePosteriors(s, imgs, mode({ dense: true }));
  assertClose(single, dense, 1e-5, "Q = S");
  const rows = Array.from({ length: 3 }, (_, i) => single.subarray(i * 10, i * 10 + 10));
  for (const r of rows) assert.ok(Math.abs(r.reduce((a, b) => a + b, 0) - 1) < 1e-5);
  assert.ok(Math.max(...single) > 0.2, "posteriors far from uniform");

  // Q = 64: a 2x2 score map, spatially averaged before the soft-max.
  const big = imgs.map((i) => resizeBilinear(i, 64, 64));
  const d64 = await densePosteriors(s, big, false);
  const fc = fullyConvolutional(m);
  const x = new Float32Array(3 * 64 * 64);
  big.forEach((b, i) => x.set(b.data, i * 64 * 64));
  const maps = scoreMapReference(fc, s.params, x, 64, 64);
  assert.strictEqual(maps.length, 3 * 10 * 4);
  assertClose(d64, softmaxRows(spatialMean(maps, 3, 10, 4), 10), 1e-6, "Q = 64 by hand");
  // ... which is not what the single centre crop of the 64x64 image gives.
  const c64 = await cropPosteriors(s, big, () => [{ left: 16, top: 16, width: 32, height: 32 }], [
    false,
  ]);
  assert.ok(c64.some((v, i) => Math.abs(v - d64[i]) > 1e-3), "dense differs from the centre crop");
  // Flips: the mean of the image's and its mirror's posteriors.
  const withFlip = await densePosteriors(s, big, true);
  const mirrored = await densePosteriors(s, big.map(flipped), false);
  assertClose(withFlip, d64.map((v, i) => (v + mirrored[i]) / 2), 1e-6, "flip average");
});

Deno.test("dense + multi-crop and multi-scale average the posteriors", async () => {
  const m = tiny(), s = new ReferenceScorer(m, randomParams(m, 2));
  const src = source(2), idx = [0, 1];
  const at = (md: Partial<TestMode>) => posteriors(src, [s], mode(md), idx);
  const dense48 = await at({ scales: [48], dense: true });
  const multi48 = await at({ scales: [48], multiCrop: true });
  const both48 = await at({ scales: [48], dense: true, multiCrop: true });
  assertClose(both48, dense48.map((v, i) => (v + multi48[i]) / 2), 1e-6, "dense + multi-crop");
  const dense64 = await at({ scales: [64], dense: true });
  const scales = await at({ scales: [48, 64], dense: true });
  assertClose(scales, dense48.map((v, i) => (v + dense64[i]) / 2), 1e-6, "two scales");
  assert.ok(dense48.some((v, i) => Math.abs(v - dense64[i]) > 1e-4), "scales differ");
});

Deno.test("fusion: two identical models equal one; two different models average", async () => {
  const m = tiny(), p1 = randomParams(m, 3), p2 = randomParams(m, 4);
  const a = new ReferenceScorer(m, p1), b = new ReferenceScorer(m, p2);
  const src = source(3), idx = [0, 1, 2], md = mode({ flip: true });
  const one = await posteriors(src, [a], md, idx);
  const same = await posteriors(src, [a, new ReferenceScorer(m, p1)], md, idx);
  assertClose(same, one, 1e-7, "identical models");
  const other = await posteriors(src, [b], md, idx);
  const fused = await posteriors(src, [a, b], md, idx);
  assertClose(fused, one.map((v, i) => (v + other[i]) / 2), 1e-7, "fusion is the mean");
  assert.ok(one.some((v, i) => Math.abs(v - other[i]) > 1e-3), "the two models differ");

  const r1 = await evaluateSource(src, [a], md), r2 = await evaluateSource(src, [a, a], md);
  assert.deepStrictEqual([r2.top1, r2.top5, r2.confusion], [r1.top1, r1.top5, r1.confusion]);
  assert.ok(Math.abs(r2.loss - r1.loss) < 1e-6);
});

Deno.test("confusion summary: per-class error and the most confused class", () => {
  const s = confusionSummary([[3, 1, 0], [2, 0, 2], [0, 0, 0]], ["a", "b", "c"]);
  assert.deepStrictEqual(s[0], {
    class: 0,
    name: "a",
    count: 4,
    error: 0.25,
    mostConfused: { class: 1, name: "b", count: 1 },
  });
  assert.strictEqual(s[1].error, 1);
  assert.strictEqual(s[1].mostConfused!.class, 0, "ties go to the lower class");
  assert.deepStrictEqual(s[2], { class: 2, name: "c", count: 0, error: 0, mostConfused: null });
});

async function evalCli(args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "cli/eval.ts", ...args],
    cwd: new URL("..", import.meta.url).pathname,
    env: { XDG_RUNTIME_DIR: "/tmp" },
  }).output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}

Deno.test("eval command: fusion of one file twice equals the file; multi-scale dense JSON", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const m = tiny(), w = join(dir, "a.safetensors");
    await saveWeights(m, randomParams(m, 5), w);
    const base = [
      "nets/a.ts",
      "--data",
      "fashion-mnist-embedded",
      "--limit",
      "12",
      "--cpu",
      "--json",
    ];
    const one = await evalCli([...base, "--weights", w]);
    assert.strictEqual(one.code, 0, one.stderr);
    const two = await evalCli([...base, "--weights", w, w]);
    assert.strictEqual(two.code, 0, two.stderr);
    const a = JSON.parse(one.stdout), b = JSON.parse(two.stdout);
    assert.strictEqual(a.net, "A/w16", "width read from the file");
    assert.strictEqual(a.count, 12);
    assert.deepStrictEqual([b.top1Error, b.top5Error], [a.top1Error, a.top5Error]);
    assert.ok(Math.abs(a.loss - b.loss) < 1e-6);
    assert.strictEqual(a.perClass.length, 10);
    assert.strictEqual(a.perClass.reduce((s: number, c: { count: number }) => s + c.count, 0), 12);
    const wrong = a.perClass.reduce(
      (s: number, c: { count: number; error: number }) => s + c.count * c.error,
      0,
    );
    assert.ok(
      Math.abs(wrong - 12 * a.top1Error) < 1e-9,
      "per-class errors add up to the top-1 error",
    );

    const dense = await evalCli([
      ...base,
      "--weights",
      w,
      "--dense",
      "--flip",
      "--scales",
      "32,48",
    ]);
    assert.strictEqual(dense.code, 0, dense.stderr);
    const d = JSON.parse(dense.stdout);
    assert.deepStrictEqual(d.mode, { scales: [32, 48], dense: true, multiCrop: false, flip: true });
    assert.ok(d.top5Error <= d.top1Error && d.top1Error >= 0 && d.top1Error <= 1);

    const text = await evalCli([
      "nets/a.ts",
      "--weights",
      w,
      "--data",
      "fashion-mnist-embedded",
      "--limit",
      "4",
      "--cpu",
    ]);
    assert.strictEqual(text.code, 0, text.stderr);
    assert.match(
      text.stdout,
      /4 images: top-1 error [\d.]+%, top-5 error [\d.]+%, [\d.]+ images\/s/,
    );
    assert.match(text.stdout, /most confused with/);
    const small = await evalCli([...base, "--weights", w, "--scales", "24"]);
    assert.strictEqual(small.code, 2);
    assert.match(small.stderr, /Q=24 is smaller than the net's input side 32/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("GPU scorer: dense + multi-crop + flips over two scales match the reference", async () => {
  const { openGpu } = await import("../cli/gpu.ts");
  const { GpuScorer } = await import("../eval/gpu_scorer.ts");
  const gpu = await openGpu();
  const m = tiny(), p = randomParams(m, 6);
  const g = new GpuScorer(gpu, m, p, 8);
  try {
    const md = mode({ scales: [32, 64], dense: true, multiCrop: true, flip: true });
    const want = await posteriors(source(2), [new ReferenceScorer(m, p)], md, [0, 1]);
    const got = await posteriors(source(2), [g], md, [0, 1]);
    assertClose(got, want, 1e-4, "GPU vs reference posteriors");
  } finally {
    g.destroy();
  }
});

Deno.test("images of different sizes: dense batches by size and equals one image at a time", async () => {
  const m = tiny(), s = new ReferenceScorer(m, randomParams(m, 8));
  const imgs = [
    resizeBilinear(image(1), 40, 56),
    resizeBilinear(image(2), 64, 64),
    resizeBilinear(image(3), 40, 56),
  ];
  const all = await densePosteriors(s, imgs, true);
  for (const [i, img] of imgs.entries()) {
    const one = await densePosteriors(s, [img], true);
    assertClose(all.subarray(i * 10, i * 10 + 10), one, 1e-6, `image ${i}`);
  }
});

Deno.test("eval command on an image folder of mixed sizes (colour, 2 classes)", async () => {
  const { default: sharp } = await import("sharp");
  const dir = await Deno.makeTempDir();
  try {
    const sizes = [[40, 30], [30, 50], [64, 48]];
    for (const split of ["train", "val"]) {
      for (const [c, cls] of ["cat", "dog"].entries()) {
        await Deno.mkdir(join(dir, split, cls), { recursive: true });
        for (const [i, [w, h]] of sizes.entries()) {
          const raw = Uint8Array.from(
            { length: w * h * 3 },
            (_, k) => (k * (7 + c) + i * 31) % 256,
          );
          await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).png()
            .toFile(join(dir, split, cls, `${i}.png`));
        }
      }
    }
    const m = configs.A({ width: 16, size: 32, classes: 2 }), w = join(dir, "w.safetensors");
    await saveWeights(m, randomParams(m, 9), w);
    const r = await evalCli([
      "nets/a.ts",
      "--weights",
      w,
      "--data",
      `imagefolder:${dir}`,
      "--size",
      "32",
      "--dense",
      "--multi-crop",
      "--scales",
      "32,40",
      "--cpu",
      "--json",
    ]);
    assert.strictEqual(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.strictEqual(j.count, 6);
    assert.deepStrictEqual(j.perClass.map((c: { name: string }) => c.name), ["cat", "dog"]);
    assert.ok(Number.isFinite(j.loss));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
