// The page's CPU-side pieces under Deno: image preprocessing against `deno task predict`'s
// (eval/image_input.ts, decoded by sharp), metrics.jsonl parsing against data/report.ts's, and
// the variant a weight file implies.
import assert from "node:assert/strict";
import { join } from "node:path";
import { DataError } from "../data/errors.ts";
import { loadFashionMnist } from "../data/fashion_mnist.ts";
import { EMBEDDED_DIR } from "../data/make_embedded.ts";
import { type MetricRow, readMetricsJsonl } from "../data/report.ts";
import { encodeSafetensors } from "../data/safetensors.ts";
import { init, type Model } from "../dsl/mod.ts";
import { imageInput } from "../eval/image_input.ts";
import { variant as vggA } from "../nets/a.ts";
import {
  buildModel,
  netModule,
  readWeights,
  variantFromWeights,
  weightsFor,
} from "../web/infer.ts";
import { imageToInput, inputToRgba, rescaleSmallerSide } from "../web/preprocess.ts";
import { parseMetricsJsonl, runReport } from "../web/report.ts";
import { encodePng, paddedTestImage } from "./helpers/browser.ts";

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

Deno.test("web preprocess: an image at the net's side is the dataset's input, as predict makes it", async () => {
  const m = vggA({ width: 16, size: 32, classes: 10, channels: 1 });
  const grey = await paddedTestImage();
  const dir = await Deno.makeTempDir();
  try {
    const png = join(dir, "first.png");
    await Deno.writeFile(png, encodePng(grey, 32, 32, 1));
    const rgb = new Uint8Array(3 * grey.length).map((_, i) => grey[Math.floor(i / 3)]);
    const page = imageToInput({ data: rgb, width: 32, height: 32, channels: 3 }, m);
    assert.ok(maxAbsDiff(page, await imageInput(png, m)) < 1e-6, "differs from predict's input");
    const ds = await loadFashionMnist(EMBEDDED_DIR, { size: 32 });
    assert.ok(
      maxAbsDiff(page, ds.test.images!.subarray(0, 32 * 32)) < 1e-6,
      "differs from the dataset",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("web preprocess: rescaled images agree with sharp's Lanczos to about a grey level", async () => {
  const dir = await Deno.makeTempDir();
  try {
    // Shrinking by small and large factors, and enlarging (28x28-like images into 32).
    for (const [w, h, size] of [[48, 40, 32], [100, 70, 32], [20, 26, 32], [300, 200, 64]]) {
      const px = new Uint8Array(w * h * 3);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const i = (y * w + x) * 3;
          px[i] = 128 + 100 * Math.sin(x / 5);
          px[i + 1] = 128 + 100 * Math.cos(y / 4);
          px[i + 2] = 128 + 80 * Math.sin((x + y) / 6);
        }
      }
      const png = join(dir, `${w}x${h}.png`);
      await Deno.writeFile(png, encodePng(px, w, h, 3));
      const m = vggA({ width: 16, size, classes: 10 });
      // Zero mean: differences stay in grey levels.
      const opts = { preprocess: "paper" as const, meanRgb: [0, 0, 0] };
      const ours = imageToInput({ data: px, width: w, height: h, channels: 3 }, m, opts);
      const sharp = await imageInput(png, m, opts);
      let sum = 0;
      for (let i = 0; i < ours.length; i++) sum += Math.abs(ours[i] - sharp[i]);
      const mean = sum / ours.length, max = maxAbsDiff(ours, sharp);
      assert.ok(mean < 1.5 && max <= 8, `${w}x${h} -> ${size}: mean |diff| ${mean}, max ${max}`);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("web preprocess: resizing keeps an image of the right size untouched; preview spans 0..255", () => {
  const img = { data: new Uint8Array([1, 2, 3, 4, 5, 6]), width: 2, height: 1, channels: 3 };
  assert.equal(rescaleSmallerSide(img, 1), img);
  const rgba = inputToRgba(new Float32Array([-1, 0, 1, 3]), 1, 2);
  assert.deepEqual([...rgba], [
    0,
    0,
    0,
    255,
    64,
    64,
    64,
    255,
    128,
    128,
    128,
    255,
    255,
    255,
    255,
    255,
  ]);
});

const rows: MetricRow[] = [1, 2].map((epoch) => ({
  epoch,
  train_loss: 1 / epoch,
  test_loss: NaN,
  test_accuracy: 0.5 + epoch / 10,
  test_top5_accuracy: 0.9,
  images_per_s: 100,
  lr: 0.01,
  epoch_time_s: 3,
}));

Deno.test("web report: metrics.jsonl parses as data/report.ts reads it", async () => {
  // JSON writes NaN as null, which both parsers read back as NaN.
  const text = rows.map((r) => JSON.stringify(r)).join("\n") + "\n\n";
  const file = await Deno.makeTempFile({ suffix: ".jsonl" });
  try {
    await Deno.writeTextFile(file, text);
    assert.deepEqual(parseMetricsJsonl(text, "metrics.jsonl"), await readMetricsJsonl(file));
  } finally {
    await Deno.remove(file);
  }
  assert.throws(
    () => parseMetricsJsonl('{"epoch":1}\n{oops', "m.jsonl"),
    /m\.jsonl:2: not valid JSON/,
  );
  assert.throws(() => parseMetricsJsonl('{"lr":1}', "m.jsonl"), DataError);
  const html = runReport(parseMetricsJsonl(text, "m"), { net: "nets/a.ts" }, ["metrics.jsonl"]);
  assert.match(html, /<title>Training nets\/a\.ts<\/title>/);
  assert.equal(html.match(/<svg/g)?.length, 4);
});

function weightFile(m: Model, withMetadata: boolean) {
  const p = init(m, 1);
  const tensors = new Map(m.params.map((q) => [q.name, { shape: q.shape, data: p.get(q.name)! }]));
  const bytes = encodeSafetensors(tensors, withMetadata ? { format: "pt", net: m.name } : {});
  return readWeights(bytes, "w.safetensors");
}

Deno.test("web infer: a weight file implies the variant fields left empty", () => {
  const a = netModule("nets/a.ts", { variant: vggA });
  const m = vggA({ width: 16, size: 64, classes: 7, channels: 1 });
  for (const meta of [true, false]) {
    const f = weightFile(m, meta);
    const v = variantFromWeights(a, f, {});
    assert.deepEqual(v, { width: 16, channels: 1, classes: 7, size: 64 });
    const again = buildModel("nets/a.ts", a, v);
    assert.equal(weightsFor(again, f).size, m.params.length);
  }
  // Given fields win, and a fixed net (no variant()) takes no fields.
  assert.equal(variantFromWeights(a, weightFile(m, true), { classes: 9 }).classes, 9);
  const fixed = netModule("x.ts", { default: m });
  assert.equal(buildModel("x.ts", fixed, {}), m);
  assert.throws(() => buildModel("x.ts", fixed, { width: 2 }), /exports no variant/);
  assert.throws(() => netModule("y.ts", { other: 1 }), /does not export a net/);
  assert.throws(
    () => weightsFor(vggA({ width: 16, size: 32, classes: 10, channels: 1 }), weightFile(m, true)),
    /does not fit net/,
  );
});
