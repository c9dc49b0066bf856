// The learning-rate schedule of section 3.1: divide by 10 when validation accuracy has not
// improved for `patience` epochs, at most `maxDrops` times; or at explicit --drop-at epochs.
import assert from "node:assert";
import { join } from "node:path";
import { configs } from "../nets/mod.ts";
import { loadCheckpoint } from "../train/checkpoint.ts";
import {
  afterEpoch,
  initialSchedule,
  type ScheduleConfig,
  type ScheduleState,
} from "../train/schedule.ts";
import { jsonEvents, runTrain, tinyRun } from "./helpers/cli.ts";

/** The lr after each epoch for a run of validation accuracies. */
function lrs(c: ScheduleConfig, accs: number[]): { lr: number[]; states: ScheduleState[] } {
  let s = initialSchedule(c);
  const lr: number[] = [], states: ScheduleState[] = [];
  accs.forEach((a, i) => {
    s = afterEpoch(c, s, i + 1, a);
    lr.push(s.lr);
    states.push(s);
  });
  return { lr, states };
}

function close(got: number[], want: number[]) {
  assert.strictEqual(got.length, want.length);
  got.forEach((g, i) =>
    assert.ok(
      Math.abs(g - want[i]) <= 1e-12 * want[i],
      `epoch ${i + 1}: lr ${g}, expected ${want[i]}`,
    )
  );
}

Deno.test("initial schedule: lr0, no drops, best -Infinity", () => {
  assert.deepStrictEqual(initialSchedule({ lr0: 0.01, patience: 2, maxDrops: 3 }), {
    lr: 0.01,
    drops: 0,
    best: -Infinity,
    stale: 0,
  });
});

Deno.test("plateau: lr / 10 after `patience` epochs without improvement, then wait again", () => {
  const c = { lr0: 0.01, patience: 2, maxDrops: 3 };
  // Improves, improves, stale 1, stale 2 -> drop, stale 1, stale 2 -> drop.
  const { lr, states } = lrs(c, [0.5, 0.6, 0.6, 0.55, 0.6, 0.59]);
  close(lr, [0.01, 0.01, 0.01, 0.001, 0.001, 0.0001]);
  assert.deepStrictEqual(states.map((s) => s.drops), [0, 0, 0, 1, 1, 2]);
  assert.deepStrictEqual(states.map((s) => s.best), [0.5, 0.6, 0.6, 0.6, 0.6, 0.6]);
  // An equal accuracy is not an improvement; a better one resets the count.
  const r = lrs(c, [0.5, 0.5, 0.7, 0.6, 0.8, 0.7, 0.6]);
  close(r.lr, [0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.001]);
  assert.deepStrictEqual(r.states.map((s) => s.stale), [0, 1, 0, 1, 0, 1, 0]);
});

Deno.test("plateau: patience 1 drops after every stale epoch; never more than maxDrops", () => {
  const { lr, states } = lrs({ lr0: 0.1, patience: 1, maxDrops: 3 }, [
    0.5,
    0.4,
    0.4,
    0.4,
    0.4,
    0.4,
    0.4,
  ]);
  close(lr, [0.1, 0.01, 0.001, 0.0001, 0.0001, 0.0001, 0.0001]);
  assert.strictEqual(states.at(-1)!.drops, 3);
  const one = lrs({ lr0: 0.1, patience: 2, maxDrops: 1 }, [0.5, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]);
  close(one.lr, [0.1, 0.1, 0.01, 0.01, 0.01, 0.01, 0.01]);
});

Deno.test("--drop-at: drops at the end of exactly those epochs, whatever the accuracy", () => {
  // Steadily improving accuracy: the plateau rule would never drop.
  const up = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
  close(lrs({ lr0: 0.01, patience: 1, maxDrops: 3, dropAt: [2, 5] }, up).lr, [
    0.01,
    0.001,
    0.001,
    0.001,
    0.0001,
    0.0001,
  ]);
  // Flat accuracy: no plateau drops when the epochs are explicit.
  const flat = [0.5, 0.5, 0.5, 0.5, 0.5];
  close(lrs({ lr0: 0.01, patience: 1, maxDrops: 3, dropAt: [4] }, flat).lr, [
    0.01,
    0.01,
    0.01,
    0.001,
    0.001,
  ]);
  // Every listed epoch counts, even past --max-drops (which caps the plateau rule).
  close(
    lrs({ lr0: 1, patience: 2, maxDrops: 1, dropAt: [1, 2, 3] }, flat).lr,
    [0.1, 0.01, 0.001, 0.001, 0.001],
  );
});

Deno.test("deno task train --drop-at 1: epoch 2 steps at lr / 10, and the checkpoint says so", async () => {
  const dir = await Deno.makeTempDir({ prefix: "train_schedule_" });
  try {
    const out = join(dir, "run");
    const r = await runTrain([
      "nets/a.ts",
      ...tinyRun(64),
      "--epochs",
      "2",
      "--lr",
      "0.05",
      "--drop-at",
      "1",
      "--out",
      out,
      "--json",
    ]);
    assert.strictEqual(r.code, 0, r.stderr);
    const events = jsonEvents(r.stdout);
    const steps = events.filter((e) => e.event === "step");
    assert.deepStrictEqual(steps.map((e) => [e.epoch, e.lr]), [[0, 0.05], [0, 0.05], [1, 0.005], [
      1,
      0.005,
    ]]);
    const rows = (await Deno.readTextFile(join(out, "metrics.jsonl"))).trim().split("\n").map((l) =>
      JSON.parse(l)
    );
    assert.deepStrictEqual(rows.map((x) => x.lr), [0.05, 0.005]);
    const m = configs.A({ width: 16, size: 32, classes: 10, channels: 1 });
    const { state } = await loadCheckpoint(join(out, "checkpoint.safetensors"), m);
    assert.strictEqual(state.schedule.drops, 1);
    assert.strictEqual(state.schedule.lr, 0.005);
    const config = JSON.parse(await Deno.readTextFile(join(out, "config.json")));
    assert.deepStrictEqual(config.dropAt, [1]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
