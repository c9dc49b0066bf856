// deno task predict: a safetensors `input` through the net, on the CPU reference and the GPU,
// probabilities that sum to 1 and match the reference interpreter; images through the paper's
// test pipeline; clear errors for inputs of the wrong shape.
import assert from "node:assert";
import { join } from "node:path";
import sharp from "sharp";
import { FASHION_MNIST_CLASSES } from "../data/fashion_mnist.ts";
import { writeSafetensors } from "../data/safetensors.ts";
import { applyReference, init } from "../dsl/mod.ts";
import { imageInput, IMAGENET_MEAN_RGB } from "../eval/image_input.ts";
import { IMAGENET_CLASSES } from "../eval/imagenet_classes.ts";
import { configs } from "../nets/mod.ts";
import { softmaxRows } from "../train/evaluate.ts";
import { saveWeights } from "../train/weights.ts";

const root = new URL("..", import.meta.url).pathname;
const VARIANT = ["--width", "16", "--size", "32", "--classes", "10", "--channels", "1"];

async function predict(args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "cli/predict.ts", ...args],
    cwd: root,
    env: { XDG_RUNTIME_DIR: "/tmp" },
  }).output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}

async function fixture() {
  const dir = await Deno.makeTempDir();
  const m = configs.A({ width: 16, size: 32, classes: 10, channels: 1 });
  const p = init(m, 4);
  // Big last-layer weights and non-zero biases: posteriors far from uniform.
  for (const [k, v] of p) {
    for (let i = 0; i < v.length; i++) {
      if (k.endsWith(".bias")) v[i] = 0.05 * Math.cos(i);
      else if (k === "classifier.6.weight") v[i] *= 30;
    }
  }
  const weights = join(dir, "w.safetensors"), input = join(dir, "x.safetensors");
  await saveWeights(m, p, weights);
  const x = Float32Array.from(
    { length: 3 * 32 * 32 },
    (_, i) => Math.sin(i * 0.13) + Math.cos(i * 0.029),
  );
  await writeSafetensors(input, { input: { shape: [3, 1, 32, 32], data: x } });
  return { dir, m, p, weights, input, x };
}

function checkAgainst(
  json: { logits: number[][]; probabilities: number[][] },
  want: Float32Array,
  tol: number,
) {
  assert.strictEqual(json.logits.length, 3);
  const probs = softmaxRows(want, 10);
  json.probabilities.forEach((row, i) => {
    assert.strictEqual(row.length, 10);
    assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-5, `row ${i} sums to 1`);
    row.forEach((v, j) =>
      assert.ok(Math.abs(v - probs[i * 10 + j]) < tol, `p[${i}][${j}] ${v} vs ${probs[i * 10 + j]}`)
    );
    json.logits[i].forEach((v, j) =>
      assert.ok(Math.abs(v - want[i * 10 + j]) < tol * 10, `logit[${i}][${j}]`)
    );
  });
  assert.ok(
    Math.max(...json.probabilities.flat()) > 0.3,
    "not uniform: the comparison means something",
  );
}

Deno.test("predict --json on a safetensors input: probabilities sum to 1 and match the reference (CPU)", async () => {
  const f = await fixture();
  try {
    const r = await predict([
      "nets/a.ts",
      ...VARIANT,
      "--weights",
      f.weights,
      "--input",
      f.input,
      "--json",
      "--cpu",
    ]);
    assert.strictEqual(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    checkAgainst(j, applyReference(f.m, f.p, f.x), 1e-6);
    // The top-5 list is the five largest probabilities, best first, with Fashion-MNIST names.
    const row = j.probabilities[0] as number[];
    const best = row.map((p, c) => ({ p, c })).sort((a, b) => b.p - a.p).slice(0, 5);
    assert.deepStrictEqual(j.top[0].map((t: { class: number }) => t.class), best.map((b) => b.c));
    for (const t of j.top.flat()) assert.strictEqual(t.label, FASHION_MNIST_CLASSES[t.class]);
    const text = await predict([
      "nets/a.ts",
      ...VARIANT,
      "--weights",
      f.weights,
      "--input",
      f.input,
      "--cpu",
    ]);
    assert.strictEqual(text.code, 0, text.stderr);
    assert.strictEqual(text.stdout.match(/^\s+[\d.]+% {2}.+ \(\d\)$/gm)?.length, 15, text.stdout);
  } finally {
    await Deno.remove(f.dir, { recursive: true });
  }
});

Deno.test("predict --json on the GPU matches the reference interpreter", async () => {
  const f = await fixture();
  try {
    const r = await predict([
      "nets/a.ts",
      ...VARIANT,
      "--weights",
      f.weights,
      "--input",
      f.input,
      "--json",
    ]);
    assert.strictEqual(r.code, 0, r.stderr);
    checkAgainst(JSON.parse(r.stdout), applyReference(f.m, f.p, f.x), 1e-4);
  } finally {
    await Deno.remove(f.dir, { recursive: true });
  }
});

Deno.test("predict without weights uses Glorot init from --seed; wrong input shapes are clear errors", async () => {
  const f = await fixture();
  try {
    const r = await predict([
      "nets/a.ts",
      ...VARIANT,
      "--seed",
      "7",
      "--input",
      f.input,
      "--json",
      "--cpu",
    ]);
    assert.strictEqual(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.strictEqual(j.seed, 7);
    const want = applyReference(f.m, init(f.m, 7, "glorot"), f.x);
    j.logits.flat().forEach((v: number, i: number) => assert.ok(Math.abs(v - want[i]) < 1e-6));

    const wrong = join(f.dir, "rgb.safetensors");
    await writeSafetensors(wrong, {
      input: { shape: [1, 3, 32, 32], data: new Float32Array(3072) },
    });
    const bad = await predict(["nets/a.ts", ...VARIANT, "--input", wrong, "--cpu"]);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /'input' has shape \[1,3,32,32\], net A\/w16 takes \[N,1,32,32\]/);
    const none = join(f.dir, "none.safetensors");
    await writeSafetensors(none, { x: { shape: [1], data: new Float32Array(1) } });
    const missing = await predict(["nets/a.ts", ...VARIANT, "--input", none, "--cpu"]);
    assert.match(missing.stderr, /no tensor 'input' \(has x\)/);
  } finally {
    await Deno.remove(f.dir, { recursive: true });
  }
});

Deno.test("images: rescale the smaller side, centre crop, minus the mean RGB; grey for 1-channel nets", async () => {
  const dir = await Deno.makeTempDir();
  try {
    // 60x40 RGB: left half red (200,10,10), right half blue (10,10,200); the 32x32 centre crop
    // of the 48x32 rescale spans columns 8..39, so the left 16 columns are red, the right blue.
    const w = 60, h = 40, raw = new Uint8Array(w * h * 3);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) raw.set(x < 30 ? [200, 10, 10] : [10, 10, 200], (y * w + x) * 3);
    }
    const path = join(dir, "img.png");
    await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).png().toFile(path);
    const rgbNet = configs.A({ width: 16, size: 32 });
    const x = await imageInput(path, rgbNet);
    assert.strictEqual(x.length, 3 * 32 * 32);
    const at = (c: number, yy: number, xx: number) => x[(c * 32 + yy) * 32 + xx];
    assert.ok(Math.abs(at(0, 16, 2) - (200 - IMAGENET_MEAN_RGB[0])) < 2, `${at(0, 16, 2)}`);
    assert.ok(Math.abs(at(2, 16, 2) - (10 - IMAGENET_MEAN_RGB[2])) < 2);
    assert.ok(Math.abs(at(0, 16, 29) - (10 - IMAGENET_MEAN_RGB[0])) < 2);
    assert.ok(Math.abs(at(2, 16, 29) - (200 - IMAGENET_MEAN_RGB[2])) < 2);
    const tv = await imageInput(path, rgbNet, { preprocess: "torchvision" });
    assert.ok(Math.abs(tv[16 * 32 + 2] - (200 / 255 - 0.485) / 0.229) < 0.03);
    const grey = await imageInput(
      path,
      configs.A({ width: 16, size: 32, classes: 10, channels: 1 }),
    );
    const luma = 0.299 * 200 + 0.587 * 10 + 0.114 * 10;
    assert.ok(
      Math.abs(grey[16 * 32 + 2] - (luma / 255 - 0.2860405969804586) / 0.3530242445185261) < 0.03,
    );

    // The command on an image: ImageNet names for a 1000-class net.
    const r = await predict([
      "nets/a.ts",
      "--width",
      "16",
      "--size",
      "32",
      path,
      "--json",
      "--cpu",
    ]);
    assert.strictEqual(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.strictEqual(j.probabilities[0].length, 1000);
    assert.strictEqual(j.top[0].length, 5);
    for (const t of j.top[0]) assert.strictEqual(t.label, IMAGENET_CLASSES[t.class]);
    assert.strictEqual(IMAGENET_CLASSES.length, 1000);
    assert.strictEqual(IMAGENET_CLASSES[281], "tabby, tabby cat");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
