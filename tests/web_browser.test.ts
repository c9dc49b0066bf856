/// <reference lib="dom" />
// The page in a real browser: build the bundle, serve it on a free localhost port, open it in
// headless Chromium (WebGPU on SwiftShader here), load a Fashion-MNIST-shaped net (A at width
// 16, 32x32, 10 classes, 1 channel) with seeded weights saved as safetensors, drop a PNG of the
// first test image, and compare the page's input, class and probabilities with the Deno-side
// ForwardRunner's on the same weights and image. Then the report view renders metrics.jsonl.
import assert from "node:assert/strict";
import { join } from "node:path";
import { bundle } from "../web/bundle.ts";
import { openGpu } from "../cli/gpu.ts";
import { serveDir } from "../cli/serve.ts";
import { FASHION_MNIST_CLASSES, loadFashionMnist } from "../data/fashion_mnist.ts";
import { EMBEDDED_DIR } from "../data/make_embedded.ts";
import { init } from "../dsl/mod.ts";
import { variant as vggA } from "../nets/a.ts";
import { ForwardRunner } from "../runtime/forward.ts";
import { paramKernels } from "../runtime/executor.ts";
import { softmaxRows } from "../train/evaluate.ts";
import { saveWeights } from "../train/weights.ts";
import {
  CHROMIUM,
  encodePng,
  hasChromium,
  launchChromium,
  paddedTestImage,
} from "./helpers/browser.ts";

const chromium = hasChromium();
if (!chromium) {
  console.warn(
    `web_browser.test.ts: skipped, ${CHROMIUM} is absent (apt-get install chromium; CI installs it)`,
  );
}

/** What the page keeps of its last run (web/main.ts LastRun), as plain arrays. */
interface PageRun {
  net: string;
  input: number[];
  logits: number[];
  probs: number[];
  top: { class: number; label: string; probability: number }[];
  timings: { method: string; rows: { name: string; ms: number }[] };
}

Deno.test({
  name: "web page in Chromium: classifies like the Deno-side ForwardRunner, renders a report" +
    (chromium ? "" : ` (ignored: no ${CHROMIUM}; apt-get install chromium)`),
  ignore: !chromium,
  // Chromium and esbuild keep child processes and pipes across the test's awaits.
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const dir = await Deno.makeTempDir();
    const dist = join(dir, "dist");
    const built = await bundle({ outDir: dist });
    (await import("esbuild")).stop();
    assert.ok(built.nets.some((n) => n.path === "nets/a.ts"));

    // Weights from a seed, saved as the trainer saves them; the image as a PNG file.
    const m = vggA({ width: 16, size: 32, classes: 10, channels: 1 });
    const params = init(m, 3);
    // Untrained weights give nearly uniform probabilities; a larger last layer spreads them, so
    // agreement on the class and the probabilities means something.
    const last = params.get("classifier.6.weight")!;
    last.set(last.map((v) => 40 * v));
    const weights = join(dir, "weights.safetensors");
    await saveWeights(m, params, weights);
    const png = join(dir, "first-test-image.png");
    await Deno.writeFile(png, encodePng(await paddedTestImage(), 32, 32, 1));

    // The Deno side: the dataset's first test image through the compiled forward on this GPU.
    const ds = await loadFashionMnist(EMBEDDED_DIR, { size: 32 });
    const x = ds.test.images!.slice(0, 32 * 32);
    const gpu = await openGpu();
    const runner = await ForwardRunner.create(gpu.device, m, 1, gpu.tiles);
    runner.setParams(params);
    const logits = await runner.logits(x);
    // The kernels of a forward: those that read the weights alone (Winograd's filter
    // transforms) run once per setParams, not per image.
    const kernels = runner.plan.kernels.length - paramKernels(runner.plan).size;
    runner.destroy();
    const probs = softmaxRows(logits, 10);
    const best = probs.indexOf(Math.max(...probs));

    const server = serveDir(dist, 0, true);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ width: 1280, height: 1000 });
      const value = (sel: string) =>
        page.evaluate((s) => (document.querySelector(s) as HTMLInputElement).value, sel);
      const text = (sel: string) =>
        page.evaluate((s) => document.querySelector(s)?.textContent ?? "", sel);
      const shown = (sel: string) =>
        page.waitFor((s) => document.querySelector(s) !== null, sel, sel, 10_000);
      // The report frame's document (srcdoc: same origin), queried once it has loaded.
      const inFrame = (sel: string) =>
        page.evaluate((s) => {
          const doc = (document.getElementById("report-frame") as HTMLIFrameElement)
            .contentDocument;
          return Array.from(doc?.querySelectorAll(s) ?? [], (e) => e.textContent ?? "");
        }, sel);

      await page.goto(server.url);
      await page.waitFor(
        () => document.getElementById("model-summary")?.textContent,
        null,
        "the model summary",
      );
      assert.equal(await value("#net"), "nets/a.ts");
      const offered = await page.evaluate(
        () => Array.from(document.querySelectorAll("#net option"), (o) => o.textContent),
      );
      for (const n of ["nets/a.ts", "nets/b.ts", "nets/e.ts"]) assert.ok(offered.includes(n), n);

      // The weight file fills the variant fields it implies (classes 10, 1 channel).
      await page.setInputFiles("#weights", [weights]);
      await shown("#weights-status.ok");
      for (
        const [f, v] of [["width", "16"], ["size", "32"], ["classes", "10"], ["channels", "1"]]
      ) {
        assert.equal(await value(`#v-${f}`), v, f);
      }
      assert.match(await text("#model-summary"), /^A\/w16: input 1×32×32, 10 classes/);

      // Choosing the image classifies it at once.
      await page.setInputFiles("#image", [png]);
      await page.waitFor(
        () =>
          document.getElementById("results")?.dataset.done === "1" ||
          document.getElementById("status")?.className === "error",
        null,
        "the classification (or an error)",
        60_000,
      );
      const status = await text("#status");
      assert.equal(
        await page.evaluate(() => document.getElementById("status")?.className),
        "ok",
        status,
      );
      const run = await page.evaluate(() => {
        const last = (globalThis as unknown as { vggWgsl: { last: Record<string, unknown> } })
          .vggWgsl.last;
        const arr = (k: string) => Array.from(last[k] as Float32Array);
        return { ...last, input: arr("input"), logits: arr("logits"), probs: arr("probs") };
      }) as unknown as PageRun;

      assert.equal(run.net, "A/w16");
      const diff = (a: ArrayLike<number>, b: ArrayLike<number>) =>
        Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));
      assert.equal(run.input.length, x.length);
      assert.ok(diff(run.input, x) < 1e-6, `input differs by ${diff(run.input, x)}`);
      assert.equal(run.top[0].class, best);
      assert.equal(run.top[0].label, FASHION_MNIST_CLASSES[best]);
      assert.ok(diff(run.probs, probs) < 1e-4, `probabilities differ by ${diff(run.probs, probs)}`);
      assert.ok(diff(run.logits, logits) < 1e-3, `logits differ by ${diff(run.logits, logits)}`);
      // Not a uniform answer: the check would be weak if every class had 10%.
      assert.ok(Math.max(...probs) > 0.3, `top probability ${Math.max(...probs)}`);

      // What the page shows: the top-5 table and one timing per compiled kernel.
      const rows = await page.evaluate(
        () => Array.from(document.querySelectorAll("#top5 tbody tr"), (r) => r.textContent ?? ""),
      );
      assert.equal(rows.length, 5);
      assert.ok(rows[0].includes(FASHION_MNIST_CLASSES[best]));
      assert.ok(rows[0].includes(`${(100 * probs[best]).toFixed(2)}%`), rows[0]);
      assert.equal(run.timings.rows.length, kernels);
      assert.ok(run.timings.rows.every((r) => Number.isFinite(r.ms) && r.ms >= 0));
      assert.equal(
        await page.evaluate(() => document.querySelectorAll("#timings tbody tr").length),
        kernels,
      );

      // The report view: metrics.jsonl and config.json as report.html's charts.
      const metrics = join(dir, "metrics.jsonl"), config = join(dir, "config.json");
      await Deno.writeTextFile(
        metrics,
        [1, 2, 3].map((e) =>
          JSON.stringify({
            epoch: e,
            train_loss: 2 / e,
            test_loss: 2.1 / e,
            test_accuracy: 0.6 + e / 20,
            test_top5_accuracy: 0.95,
            images_per_s: 50,
            lr: 0.01,
          })
        ).join("\n") + "\n",
      );
      await Deno.writeTextFile(config, JSON.stringify({ net: "nets/a.ts", epochs: 3 }));
      await page.evaluate(() => (document.getElementById("tab-report") as HTMLElement).click());
      await page.setInputFiles("#metrics", [metrics, config]);
      await shown("#report-status.ok");
      await page.waitFor(
        () =>
          (document.getElementById("report-frame") as HTMLIFrameElement).contentDocument
            ?.querySelector("h1") != null,
        null,
        "the report frame",
      );
      assert.equal((await inFrame("svg")).length, 4);
      assert.deepEqual(await inFrame("h1"), ["Training nets/a.ts"]);
      assert.equal(
        await page.evaluate(() => {
          const doc = (document.getElementById("report-frame") as HTMLIFrameElement)
            .contentDocument!;
          return doc.querySelector("table")?.querySelectorAll("tbody tr").length;
        }),
        3,
      );
      assert.deepEqual(page.errors, []);
    } finally {
      await browser.close();
      await server.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
