// A tiny training run end to end: the run directory (config.json, checkpoint, weights,
// metrics.jsonl, report.html) and the --json event stream.
import assert from "node:assert";
import { join } from "node:path";
import { configs } from "../nets/mod.ts";
import { loadCheckpoint } from "../train/checkpoint.ts";
import { loadWeights } from "../train/weights.ts";
import { runTrain, tinyRun } from "./helpers/cli.ts";

const TINY = ["nets/a.ts", ...tinyRun(64)];

async function train(args: string[]) {
  const r = await runTrain(args);
  assert.strictEqual(r.code, 0, `train ${args.join(" ")} failed:\n${r.stderr}`);
  return r;
}

Deno.test("a tiny run writes its run directory; --json prints one event per line", async () => {
  const dir = await Deno.makeTempDir({ prefix: "train_run_" });
  try {
    const out = join(dir, "run");
    const { stdout } = await train([
      ...TINY,
      "--epochs",
      "2",
      "--seed",
      "3",
      "--lr",
      "0.02",
      "--out",
      out,
      "--json",
    ]);

    // --json: every stdout line is one JSON object with an event kind.
    const lines = stdout.trimEnd().split("\n");
    const events = lines.map((l, i) => {
      let o: Record<string, unknown>;
      assert.doesNotThrow(() => o = JSON.parse(l), `stdout line ${i + 1} is not JSON: ${l}`);
      assert.ok(o! && typeof o === "object" && !Array.isArray(o) && typeof o.event === "string", l);
      return o!;
    });
    const steps = events.filter((e) => e.event === "step");
    assert.deepStrictEqual(steps.map((e) => [e.epoch, e.batch, e.batches, e.epochs]), [
      [0, 1, 2, 2],
      [0, 2, 2, 2],
      [1, 1, 2, 2],
      [1, 2, 2, 2],
    ]);
    for (const s of steps) {
      assert.ok(Number.isFinite(s.loss) && (s.loss as number) > 0, `loss ${s.loss}`);
      assert.ok((s.acc as number) >= 0 && (s.acc as number) <= 1);
      assert.ok((s.imagesPerS as number) > 0);
      assert.strictEqual(s.lr, 0.02);
    }
    const epochs = events.filter((e) => e.event === "epoch");
    assert.deepStrictEqual(epochs.map((e) => e.epoch), [1, 2]);
    // The epoch event comes after that epoch's steps.
    assert.ok(
      events.indexOf(epochs[0]) > events.indexOf(steps[1]) &&
        events.indexOf(epochs[0]) < events.indexOf(steps[2]),
    );
    assert.ok(events.some((e) => e.event === "info" && /^run directory: /.test(String(e.message))));

    // config.json: the run's whole configuration, enough to resume it.
    const config = JSON.parse(await Deno.readTextFile(join(out, "config.json")));
    assert.strictEqual(config.net, "nets/a.ts");
    assert.strictEqual(config.data, "fashion-mnist-embedded");
    assert.deepStrictEqual(
      [
        config.epochs,
        config.batch,
        config.seed,
        config.trainLimit,
        config.testLimit,
        config.variant.width,
      ],
      [2, 32, 3, 64, 100, 16],
    );

    // metrics.jsonl: one object per epoch with the documented fields, same as the events.
    const rows = (await Deno.readTextFile(join(out, "metrics.jsonl"))).trimEnd().split("\n").map((
      l,
    ) => JSON.parse(l));
    assert.strictEqual(rows.length, 2);
    rows.forEach((row, i) => {
      assert.strictEqual(row.epoch, i + 1);
      for (
        const k of [
          "train_loss",
          "test_loss",
          "test_accuracy",
          "test_top5_accuracy",
          "images_per_s",
          "lr",
        ]
      ) {
        assert.strictEqual(typeof row[k], "number", `${k} in ${JSON.stringify(row)}`);
        assert.ok(Number.isFinite(row[k]), `${k} = ${row[k]}`);
      }
      assert.ok(
        row.test_accuracy >= 0 && row.test_accuracy <= row.test_top5_accuracy &&
          row.test_top5_accuracy <= 1,
      );
      assert.ok(row.images_per_s > 0);
      assert.strictEqual(row.train_loss, epochs[i].train_loss);
      assert.strictEqual(row.test_accuracy, epochs[i].test_accuracy);
      // The mean of the epoch's step losses.
      const mean = (steps[2 * i].loss as number + (steps[2 * i + 1].loss as number)) / 2;
      assert.ok(
        Math.abs(row.train_loss - mean) < 1e-9,
        `train_loss ${row.train_loss}, steps' mean ${mean}`,
      );
    });

    // weights.safetensors loads into the net; the checkpoint holds the same weights.
    const m = configs.A({ width: 16, size: 32, classes: 10, channels: 1 });
    const w = await loadWeights(m, join(out, "weights.safetensors"));
    assert.strictEqual(w.size, m.params.length);
    const ck = await loadCheckpoint(join(out, "checkpoint.safetensors"), m);
    assert.deepStrictEqual([
      ck.state.epoch,
      ck.state.batchInEpoch,
      ck.state.step,
      ck.state.imagesSeen,
    ], [2, 0, 4, 128]);
    for (const p of m.params) assert.deepStrictEqual(ck.params.get(p.name), w.get(p.name), p.name);
    // Training moved the weights and left momentum behind.
    assert.ok([...ck.momentum.values()].some((v) => v.some((x) => x !== 0)));
    assert.strictEqual((await loadWeights(m, join(out, "best.safetensors"))).size, m.params.length);

    const html = await Deno.readTextFile(join(out, "report.html"));
    assert.match(html, /<svg[\s>]/);
    assert.match(html, /<\/html>\s*$/i);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("without --json: readable progress lines and a closing summary", async () => {
  const dir = await Deno.makeTempDir({ prefix: "train_run_" });
  try {
    const out = join(dir, "run");
    const { stdout } = await train([...TINY, "--epochs", "1", "--out", out]);
    assert.doesNotMatch(stdout, /^\{/m);
    assert.match(stdout, /^net A\/w16: [\d,]+ parameters; data: fashion-mnist embedded subset/m);
    assert.match(
      stdout,
      /^epoch 1: train loss \d+\.\d{4}, test loss \d+\.\d{4}, test accuracy \d+\.\d{2}% \(top-5 /m,
    );
    assert.match(
      stdout,
      new RegExp(`^done: test accuracy \\d+\\.\\d{2}%; report: ${out}/report.html$`, "m"),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
