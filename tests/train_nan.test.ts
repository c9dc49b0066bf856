// A diverging run (non-finite loss) stops at once with one clear line and a non-zero exit, and
// keeps the last good checkpoint (the previous epoch's) untouched.
import assert from "node:assert";
import { join } from "node:path";
import { configs } from "../nets/mod.ts";
import { loadCheckpoint, saveCheckpoint } from "../train/checkpoint.ts";
import { jsonEvents, runTrain, tinyRun } from "./helpers/cli.ts";

const MODEL = () => configs.A({ width: 16, size: 32, classes: 10, channels: 1 });
const TINY = tinyRun(256);

async function train(args: string[]) {
  const r = await runTrain([...args, "--json"]);
  return { ...r, events: jsonEvents(r.stdout) };
}

/** One line, `error: ...`, no stack trace. */
function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split("\n");
  assert.strictEqual(lines.length, 1, `more than one line on stderr:\n${stderr}`);
  assert.match(lines[0], /^error: /);
  assert.doesNotMatch(stderr, /^\s+at /m);
  return lines[0];
}

Deno.test("--lr 1e6 from the start: stops with one line, exit 2, no checkpoint claimed", async () => {
  const dir = await Deno.makeTempDir({ prefix: "train_nan_" });
  try {
    const out = join(dir, "run");
    const r = await train(["nets/a.ts", ...TINY, "--epochs", "1", "--lr", "1e6", "--out", out]);
    assert.strictEqual(r.code, 2, r.stderr);
    const line = oneLine(r.stderr);
    assert.match(line, /loss is (NaN|-?Infinity) at epoch 1, step \d+ \(lr 1000000\)/);
    assert.match(line, /lower --lr/);
    // No checkpoint exists, so the message must not point at one.
    assert.doesNotMatch(line, /checkpoint is/);
    assert.ok(r.events.every((e) => e.event !== "step" || Number.isFinite(e.loss)));
    // A run that never reached a checkpoint leaves no half run directory behind.
    await assert.rejects(Deno.stat(out), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("divergence in epoch 2 keeps epoch 1's checkpoint, weights and metrics", async () => {
  const dir = await Deno.makeTempDir({ prefix: "train_nan_" });
  try {
    const out = join(dir, "run");
    const first = await train(["nets/a.ts", ...TINY, "--epochs", "1", "--out", out]);
    assert.strictEqual(first.code, 0, first.stderr);
    // Make the next epoch diverge: the run's schedule (kept in the checkpoint) now says lr 1e6.
    const ckPath = join(out, "checkpoint.safetensors"), m = MODEL();
    const ck = await loadCheckpoint(ckPath, m);
    assert.strictEqual(ck.state.epoch, 1);
    ck.state.schedule.lr = 1e6;
    await saveCheckpoint(ckPath, m, ck.params, ck.momentum, ck.state);
    const files = ["checkpoint.safetensors", "weights.safetensors", "metrics.jsonl", "report.html"];
    const before = await Promise.all(files.map((f) => Deno.readFile(join(out, f))));

    const r = await train(["--resume", out, "--epochs", "2"]);
    assert.strictEqual(r.code, 2, r.stderr);
    const line = oneLine(r.stderr);
    assert.match(line, /loss is (NaN|-?Infinity) at epoch 2, step (9|1\d) \(lr 1000000\)/);
    assert.ok(line.includes(`the last good checkpoint is ${ckPath}`), line);
    // Nothing was written over: the checkpoint still holds the end of epoch 1.
    const after = await Promise.all(files.map((f) => Deno.readFile(join(out, f))));
    files.forEach((f, i) => assert.deepStrictEqual(after[i], before[i], `${f} changed`));
    const kept = await loadCheckpoint(ckPath, m);
    assert.deepStrictEqual([kept.state.epoch, kept.state.batchInEpoch, kept.state.step], [1, 0, 8]);
    for (const p of m.params) assert.ok(kept.params.get(p.name)!.every(Number.isFinite), p.name);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
