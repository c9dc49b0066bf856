// Checkpoints: one safetensors file (weights, momentum, state) that round-trips exactly and is
// replaced atomically: a write that fails or a process killed while writing leaves the previous
// checkpoint whole, and a run resumes from it.
import assert from "node:assert";
import { join } from "node:path";
import { tempPathFor } from "../data/atomic.ts";
import { readSafetensors, writeSafetensors } from "../data/safetensors.ts";
import { init, type Params } from "../dsl/mod.ts";
import { configs } from "../nets/mod.ts";
import {
  loadCheckpoint,
  MOMENTUM_PREFIX,
  saveCheckpoint,
  type TrainState,
} from "../train/checkpoint.ts";
import { initialSchedule } from "../train/schedule.ts";
import { saveWeights } from "../train/weights.ts";
import { jsonEvents, ROOT as root, runTrain, tinyRun } from "./helpers/cli.ts";

const MODEL = () => configs.A({ width: 16, size: 32, classes: 10, channels: 1 });

function state(step: number): TrainState {
  return {
    epoch: 3,
    batchInEpoch: 5,
    step,
    seed: 7,
    // best -Infinity: no epoch evaluated yet; JSON has no -Infinity.
    schedule: initialSchedule({ lr0: 0.01, patience: 2, maxDrops: 3 }),
    imagesSeen: 12345,
    seconds: 67.25,
    partial: { lossSum: 123.456789012345, correct: 17, seen: 160, seconds: 1.5 },
  };
}

function filled(m: ReturnType<typeof MODEL>, f: (name: string, i: number) => number): Params {
  return new Map(m.params.map((p) => {
    const n = p.shape.reduce((a, b) => a * b, 1);
    return [p.name, Float32Array.from({ length: n }, (_, i) => f(p.name, i))];
  }));
}

Deno.test("checkpoint round trip: params, momentum and state (incl. -Infinity best)", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const m = MODEL(), path = join(dir, "checkpoint.safetensors");
    const params = init(m, 3);
    const momentum = filled(m, (name, i) => Math.sin(i + name.length) * 1e-3);
    const s = state(42);
    await saveCheckpoint(path, m, params, momentum, s);
    const back = await loadCheckpoint(path, m);
    assert.strictEqual(back.params.size, m.params.length);
    assert.strictEqual(back.momentum.size, m.params.length);
    for (const p of m.params) {
      assert.deepStrictEqual(back.params.get(p.name), params.get(p.name), p.name);
      assert.deepStrictEqual(
        back.momentum.get(p.name),
        momentum.get(p.name),
        `momentum of ${p.name}`,
      );
    }
    assert.strictEqual(back.state.schedule.best, -Infinity);
    assert.deepStrictEqual(back.state, s);
    // A finite best survives as well.
    const s2 = { ...s, schedule: { lr: 0.001, drops: 1, best: 0.8125, stale: 1 } };
    await saveCheckpoint(path, m, params, momentum, s2);
    assert.deepStrictEqual((await loadCheckpoint(path, m)).state, s2);
    // Torchvision names for the weights, optimizer.momentum.* for the buffers.
    const { tensors } = await readSafetensors(path);
    assert.ok(tensors.has("features.0.weight") && tensors.has("classifier.6.bias"));
    assert.ok(tensors.has(MOMENTUM_PREFIX + "features.0.weight"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadCheckpoint rejects weights files, other nets, missing momentum, bad state", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const m = MODEL(), params = init(m, 1);
    const weights = join(dir, "weights.safetensors");
    await saveWeights(m, params, weights);
    await assert.rejects(loadCheckpoint(weights, m), /weights file, not a training checkpoint/);

    const ck = join(dir, "checkpoint.safetensors");
    await saveCheckpoint(ck, m, params, params, state(1));
    const other = configs.A({ width: 8, size: 32, classes: 10, channels: 1 });
    await assert.rejects(loadCheckpoint(ck, other), {
      name: "DataError",
      message: /does not fit net A\/w8/,
    });

    // Momentum of one parameter missing: resuming would silently reset it.
    const { tensors, metadata } = await readSafetensors(ck);
    tensors.delete(MOMENTUM_PREFIX + "features.3.weight");
    const partial = join(dir, "partial.safetensors");
    await writeSafetensors(partial, tensors, metadata);
    await assert.rejects(loadCheckpoint(partial, m), {
      name: "DataError",
      message: /momentum .*features\.3\.weight/,
    });

    const { tensors: t2 } = await readSafetensors(ck);
    const bad = join(dir, "bad.safetensors");
    await writeSafetensors(bad, t2, { ...metadata, state: "{not json" });
    await assert.rejects(loadCheckpoint(bad, m), { name: "DataError", message: /state/ });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a failed checkpoint write leaves the previous checkpoint whole", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const m = MODEL(), path = join(dir, "checkpoint.safetensors");
    const p1 = init(m, 1), mom = filled(m, () => 0.5);
    await saveCheckpoint(path, m, p1, mom, state(10));
    const before = await Deno.readFile(path);
    // The temp file cannot be created (a non-empty directory sits at its path): the write fails
    // before the rename.
    const tmp = tempPathFor(path);
    await Deno.mkdir(tmp);
    await Deno.writeTextFile(join(tmp, "x"), "x");
    await assert.rejects(
      saveCheckpoint(path, m, init(m, 2), mom, state(11)),
      { name: "DataError", message: /atomic write failed/ },
    );
    assert.deepStrictEqual(await Deno.readFile(path), before);
    const back = await loadCheckpoint(path, m);
    assert.strictEqual(back.state.step, 10);
    assert.deepStrictEqual(back.params.get("features.0.weight"), p1.get("features.0.weight"));
    // Once the obstacle is gone the next write goes through.
    await Deno.remove(tmp, { recursive: true });
    await saveCheckpoint(path, m, init(m, 2), mom, state(11));
    assert.strictEqual((await loadCheckpoint(path, m)).state.step, 11);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a process killed while writing checkpoints leaves a whole, consistent one", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = join(dir, "checkpoint.safetensors");
    // A writer that saves checkpoint after checkpoint; checkpoint i has every weight and every
    // momentum value equal to i and state.step = i, so a torn file cannot pass for a whole one.
    const writer = join(dir, "writer.ts");
    await Deno.writeTextFile(
      writer,
      `import { configs } from "${root}nets/mod.ts";
import { saveCheckpoint } from "${root}train/checkpoint.ts";
const m = configs.A({ width: 16, size: 32, classes: 10, channels: 1 });
const fill = (v) => new Map(m.params.map((p) => [p.name, new Float32Array(p.shape.reduce((a, b) => a * b, 1)).fill(v)]));
for (let i = 1; ; i++) {
  const s = { epoch: i, batchInEpoch: 0, step: i, seed: 1, schedule: { lr: 0.01, drops: 0, best: -Infinity, stale: 0 }, imagesSeen: 0, seconds: 0 };
  await saveCheckpoint("${path}", m, fill(i), fill(-i), s);
  console.log(i);
}
`,
    );
    const m = MODEL();
    for (const delayMs of [0, 3, 11, 29]) {
      const child = new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", writer],
        stdout: "piped",
        stderr: "null",
        stdin: "null",
      }).spawn();
      // Wait for a few whole writes, then kill it at a point that varies between rounds.
      const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
      let seen = "";
      while ((seen.match(/\n/g) ?? []).length < 3) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += value;
      }
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill("SIGKILL");
      await reader.cancel();
      await child.status;
      const ck = await loadCheckpoint(path, m);
      const i = ck.state.step;
      assert.ok(i >= 3, `step ${i}`);
      for (const p of m.params) {
        assert.ok(
          ck.params.get(p.name)!.every((v) => v === i),
          `${p.name} of checkpoint ${i} torn`,
        );
        assert.ok(
          ck.momentum.get(p.name)!.every((v) => v === -i),
          `momentum ${p.name} of checkpoint ${i} torn`,
        );
      }
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a run resumes from its checkpoint next to a half-written temp file left by a crash", async () => {
  const dir = await Deno.makeTempDir({ prefix: "train_checkpoint_" });
  try {
    const out = join(dir, "run");
    const args = tinyRun(256);
    const run = (a: string[]) => runTrain([...a, "--json"]);
    const first = await run(["nets/a.ts", ...args, "--epochs", "1", "--out", out]);
    assert.strictEqual(first.code, 0, first.stderr);
    const path = join(out, "checkpoint.safetensors");
    const good = await Deno.readFile(path);
    // What a kill in the middle of the next write leaves: the first half of a checkpoint under
    // the writer's temp name, the checkpoint itself untouched.
    await Deno.writeFile(`${path}.tmp-999999`, good.subarray(0, good.length >> 1));
    await Deno.writeFile(tempPathFor(path), good.subarray(0, 1000));
    const m = MODEL();
    assert.strictEqual((await loadCheckpoint(path, m)).state.epoch, 1);

    const second = await run(["--resume", out, "--epochs", "2"]);
    assert.strictEqual(second.code, 0, second.stderr);
    const events = jsonEvents(second.stdout);
    assert.ok(events.some((e) => e.event === "resume" && e.epoch === 1));
    assert.strictEqual(events.filter((e) => e.event === "step").length, 8);
    const ck = await loadCheckpoint(path, m);
    assert.deepStrictEqual([ck.state.epoch, ck.state.step], [2, 16]);
    const rows = (await Deno.readTextFile(join(out, "metrics.jsonl"))).trim().split("\n");
    assert.deepStrictEqual(rows.map((l) => JSON.parse(l).epoch), [1, 2]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
