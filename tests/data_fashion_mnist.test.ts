import assert from "node:assert/strict";
import { DataError } from "../data/errors.ts";
import {
  FASHION_MNIST_CLASSES,
  FASHION_MNIST_MEAN,
  FASHION_MNIST_STD,
  hasFashionMnist,
  padAndNormalize,
  pixelMeanStd,
  readFashionMnistRaw,
} from "../data/fashion_mnist.ts";
import { balancedIndices, DEFAULT_SOURCE_DIR, EMBEDDED_DIR } from "../data/make_embedded.ts";
import { loadData, parseDataSpec } from "../data/sources.ts";

const FULL_PRESENT = await hasFashionMnist(DEFAULT_SOURCE_DIR);
/** Why the tests of the full set are ignored here (empty where they run). */
const NO_FULL = FULL_PRESENT
  ? ""
  : ` (ignored: the full set is not in ${DEFAULT_SOURCE_DIR}; apt-get install dataset-fashion-mnist)`;

Deno.test("fashion-mnist: embedded subset loads, 6000/1000, class balanced, normalised", async () => {
  const loaded = await loadData("fashion-mnist-embedded");
  const d = loaded.dataset;
  assert.equal(loaded.kind, "fashion-mnist-embedded");
  assert.match(loaded.description, /embedded subset \(6000 train \/ 1000 test\)/);
  assert.deepEqual(d.classes, FASHION_MNIST_CLASSES);
  assert.deepEqual([d.channels, d.height, d.width], [1, 32, 32]);
  assert.equal(d.train.count, 6000);
  assert.equal(d.test.count, 1000);
  for (const [split, per] of [[d.train, 600], [d.test, 100]] as const) {
    const hist = new Array(10).fill(0);
    for (const l of split.labels) hist[l]++;
    assert.deepEqual(hist, new Array(10).fill(per));
    assert.equal(split.images!.length, split.count * 32 * 32);
  }
  // Normalised with the full-set constants: mean near 0 and std near 1 over the 28x28 interior
  // (the subset is a sample, so only roughly), and the zero padding maps to -mean/std.
  const x = d.train.images!;
  const pad = -FASHION_MNIST_MEAN / FASHION_MNIST_STD;
  assert.ok(Math.abs(x[0] - pad) < 1e-6 && Math.abs(x[32 * 32 - 1] - pad) < 1e-6);
  let s = 0, s2 = 0, n = 0;
  for (let i = 0; i < d.train.count; i++) {
    for (let r = 2; r < 30; r++) {
      for (let c = 2; c < 30; c++) {
        const v = x[i * 1024 + r * 32 + c];
        s += v;
        s2 += v * v;
        n++;
      }
    }
  }
  const mean = s / n;
  const std = Math.sqrt(s2 / n - mean * mean);
  assert.ok(Math.abs(mean) < 0.05, `mean ${mean}`);
  assert.ok(Math.abs(std - 1) < 0.05, `std ${std}`);
  const max = x.reduce((a, b) => Math.max(a, b), -Infinity);
  assert.ok(Math.abs(max - (1 - FASHION_MNIST_MEAN) / FASHION_MNIST_STD) < 1e-5);
});

Deno.test("fashion-mnist: padding geometry for other sizes, and size < 28 rejected", () => {
  const px = new Uint8Array(28 * 28).fill(255);
  const out = padAndNormalize(px, 1, 28, 31);
  const hi = (1 - FASHION_MNIST_MEAN) / FASHION_MNIST_STD;
  // 3 extra pixels: 1 before, 2 after.
  assert.ok(out[0] < 0 && Math.abs(out[1 * 31 + 1] - hi) < 1e-6);
  assert.ok(Math.abs(out[28 * 31 + 28] - hi) < 1e-6 && out[29 * 31 + 29] < 0);
  assert.throws(() => padAndNormalize(px, 1, 28, 27), DataError);
});

Deno.test(`fashion-mnist: embedded files are the first N per class of the full set${NO_FULL}`, {
  ignore: !FULL_PRESENT,
}, async () => {
  for (const [split, per] of [["train", 600], ["test", 100]] as const) {
    const full = await readFashionMnistRaw(DEFAULT_SOURCE_DIR, split);
    const sub = await readFashionMnistRaw(EMBEDDED_DIR, split);
    const picked = balancedIndices(full.labels, 10, per);
    assert.equal(sub.labels.length, picked.length);
    for (const k of [0, 1, 777, picked.length - 1]) {
      assert.equal(sub.labels[k], full.labels[picked[k]]);
      assert.deepEqual(
        sub.images.pixels.subarray(k * 784, (k + 1) * 784),
        full.images.pixels.subarray(picked[k] * 784, (picked[k] + 1) * 784),
      );
    }
  }
});

Deno.test(`fashion-mnist: normalisation constants match the full training set${NO_FULL}`, {
  ignore: !FULL_PRESENT,
}, async () => {
  const { images } = await readFashionMnistRaw(DEFAULT_SOURCE_DIR, "train");
  const { mean, std } = pixelMeanStd(images.pixels);
  assert.ok(Math.abs(mean - FASHION_MNIST_MEAN) < 1e-9 && Math.abs(std - FASHION_MNIST_STD) < 1e-9);
});

Deno.test("sources: spec parsing and fallback to the embedded subset", async () => {
  assert.deepEqual(parseDataSpec(undefined), { kind: "fashion-mnist" });
  assert.deepEqual(parseDataSpec("cifar10:/x/y"), { kind: "cifar10", dir: "/x/y" });
  assert.deepEqual(parseDataSpec("imagefolder:C:/data"), { kind: "imagefolder", dir: "C:/data" });
  for (const bad of ["mnist", "cifar10", "imagefolder:", "foo:bar"]) {
    assert.throws(
      () => parseDataSpec(bad),
      (e: unknown) =>
        e instanceof DataError && /accepted: fashion-mnist, fashion-mnist:DIR/.test(e.message),
    );
  }
  const empty = await Deno.makeTempDir();
  try {
    const loaded = await loadData("fashion-mnist", { fullFashionMnistDir: empty, size: 28 });
    assert.equal(loaded.kind, "fashion-mnist-embedded");
    assert.match(loaded.description, /full set not found at/);
    assert.equal(loaded.dataset.height, 28);
    await assert.rejects(
      loadData(`fashion-mnist:${empty}`),
      /train-images-idx3-ubyte\.gz not found/,
    );
  } finally {
    await Deno.remove(empty, { recursive: true });
  }
});

Deno.test(`sources: plain fashion-mnist uses the installed full set${NO_FULL}`, {
  ignore: !FULL_PRESENT,
}, async () => {
  const loaded = await loadData(undefined);
  assert.equal(loaded.kind, "fashion-mnist");
  assert.equal(loaded.dataset.train.count, 60000);
  assert.equal(loaded.dataset.test.count, 10000);
  assert.equal(loaded.dir, DEFAULT_SOURCE_DIR);
});
