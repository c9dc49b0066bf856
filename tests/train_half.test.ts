// `deno task train --precision f16`: a tiny run reports its loss scale and skipped steps, and a
// run stopped after one epoch and resumed takes the same steps as one that never stopped, which
// holds only if the checkpoint keeps the dynamic loss scale (a fresh 2^16 would skip other steps).
import assert from "node:assert";
import { join } from "node:path";
import { HAS_F16, NO_F16 } from "./helpers/half.ts";
import { jsonEvents, runTrain, tinyRun } from "./helpers/cli.ts";

// A first scale of 2^30 overflows f16 at once, so the scaler backs off in the first steps.
const TINY = ["nets/a.ts", ...tinyRun(256), "--precision", "f16", "--loss-scale", "1073741824"];

async function train(args: string[]) {
  const r = await runTrain([...args, "--json"]);
  assert.strictEqual(r.code, 0, `train ${args.join(" ")} failed:\n${r.stderr}`);
  return jsonEvents(r.stdout);
}

Deno.test({
  name: `f16 training: loss scale per epoch, and an exact resume${NO_F16}`,
  ignore: !HAS_F16,
  fn: async () => {
    const tmp = await Deno.makeTempDir({ prefix: "train_half_" });
    const full = await train([...TINY, "--epochs", "2", "--out", join(tmp, "full")]);
    const epochs = full.filter((e) => e.event === "epoch");
    assert.strictEqual(epochs.length, 2);
    for (const e of epochs) {
      assert.ok(typeof e.loss_scale === "number" && e.loss_scale > 0, JSON.stringify(e));
      assert.ok(typeof e.skipped_steps === "number", JSON.stringify(e));
      assert.ok(Number.isFinite(e.test_loss), JSON.stringify(e));
    }
    // The scaler must have backed off, or the test would not exercise the saved scale.
    assert.ok((epochs[0].skipped_steps as number) > 0, "no step was skipped");
    const dir = join(tmp, "split");
    await train([...TINY, "--epochs", "1", "--out", dir]);
    const resumed = await train(["--resume", dir, "--epochs", "2"]);
    const losses = (ev: Record<string, unknown>[]) =>
      ev.filter((e) => e.event === "step").map((e) => e.loss as number);
    const want = losses(full).slice(8), got = losses(resumed);
    assert.strictEqual(got.length, want.length);
    got.forEach((l, i) =>
      assert.ok(Math.abs(l - want[i]) <= 1e-6, `step ${i + 9}: ${l}/${want[i]}`)
    );
    const last = resumed.filter((e) => e.event === "epoch").at(-1)!;
    assert.strictEqual(last.loss_scale, epochs[1].loss_scale);
    assert.strictEqual(last.skipped_steps, epochs[1].skipped_steps);
  },
});
