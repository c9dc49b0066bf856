// Training a BN net through the CLI, and exact resume: a run stopped at an epoch boundary and
// resumed takes the same steps as one that never stopped, because the checkpoint holds the
// running statistics and num_batches_tracked beside the weights (not as SGD parameters: no
// momentum, no decay). The per-epoch test metrics use the running statistics, so they show it.
import assert from "node:assert";
import { join } from "node:path";
import { loadCheckpoint, MOMENTUM_PREFIX } from "../train/checkpoint.ts";
import { readSafetensors } from "../data/safetensors.ts";
import { bnConfigs } from "../nets/mod.ts";
import { jsonEvents, runTrain, tinyRun } from "./helpers/cli.ts";

/** A-BN at width /16 on 128 embedded images: 4 steps an epoch. */
const TINY = ["nets/a_bn.ts", ...tinyRun(128)];
const MODEL = () => bnConfigs["A-BN"]({ width: 16, size: 32, classes: 10, channels: 1 });

type Event = Record<string, unknown> & { event: string };

async function train(args: string[]): Promise<Event[]> {
  const r = await runTrain([...args, "--json"]);
  assert.strictEqual(r.code, 0, `train ${args.join(" ")} failed:\n${r.stderr}`);
  return jsonEvents(r.stdout) as Event[];
}

const losses = (ev: Event[]) => ev.filter((e) => e.event === "step").map((e) => e.loss as number);
const epochs = (ev: Event[]) => ev.filter((e) => e.event === "epoch");

Deno.test("a BN net trains and resumes exactly: losses, metrics, running statistics", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "train_bn_" });
  try {
    const full = await train([...TINY, "--epochs", "2", "--out", join(tmp, "full")]);
    const l = losses(full);
    assert.strictEqual(l.length, 8);
    assert.ok(l.every(Number.isFinite), `${l}`);

    const dir = join(tmp, "resumed");
    const first = await train([...TINY, "--epochs", "1", "--out", dir]);
    const second = await train(["--resume", dir, "--epochs", "2"]);
    const resumed = [...losses(first), ...losses(second)];
    resumed.forEach((x, i) =>
      assert.ok(Math.abs(x - l[i]) <= 1e-6, `step ${i + 1}: ${x} vs ${l[i]}`)
    );
    const [a, b] = [epochs(full), [...epochs(first), ...epochs(second)]];
    assert.strictEqual(b.length, 2);
    for (const k of ["test_loss", "test_accuracy"]) {
      b.forEach((e, i) => assert.ok(Math.abs((e[k] as number) - (a[i][k] as number)) <= 1e-6, k));
    }

    // The same weights and running statistics at the end; the counter saw 8 training forwards.
    const m = MODEL();
    const [x, y] = await Promise.all(
      [join(tmp, "full"), dir].map((d) => loadCheckpoint(join(d, "checkpoint.safetensors"), m)),
    );
    for (const p of m.params) {
      const u = x.params.get(p.name)!, v = y.params.get(p.name)!;
      assert.ok(u.every((z, i) => Math.abs(z - v[i]) <= 1e-6), p.name);
    }
    assert.deepStrictEqual([...x.params.get("features.1.num_batches_tracked")!], [8]);
    assert.ok(x.params.get("features.1.running_mean")!.some((v) => v !== 0));
    // Momentum for the trained parameters only.
    const { tensors } = await readSafetensors(join(dir, "checkpoint.safetensors"));
    const momentum = [...tensors.keys()].filter((k) => k.startsWith(MOMENTUM_PREFIX));
    assert.ok(momentum.includes(`${MOMENTUM_PREFIX}features.1.weight`));
    assert.ok(!momentum.some((k) => /running|num_batches/.test(k)), momentum.join(", "));
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});
