// Data-parallel training without MPI: launch detection from the environment, gradient buckets,
// the batch slice of a rank, and the data-parallel training step of two ranks in one process
// (tests/helpers/local_group.ts) against one process with the whole batch. The MPI transport
// and the command under mpiexec are tests/parallel_mpi.test.ts.
//
// Tolerance of the step comparison: relError <= 1e-5 per tensor. Both compute the same f32
// gradient sums; the ranks add two half-batch sums (the all-reduce) where one process sums all
// samples inside a kernel, so they differ only in the order of f32 additions (measured: ~1e-7).
// A wrong mask, slice, loss scale (1/ranks) or bucket offset errs by far more than that.
import assert from "node:assert";
import { conv3, dropout, fc, model, pool, relu, seq, softmax } from "../dsl/mod.ts";
import type { Params } from "../dsl/mod.ts";
import { detectLaunch } from "../parallel/launch.ts";
import { processAlive } from "../parallel/comm.ts";
import { planBuckets } from "../runtime/grad_buckets.ts";
import { TrainStep } from "../runtime/train_step.ts";
import { assertParamsClose, batchOf, gpu, paramsWithBiases, rand } from "./helpers/gpu.ts";
import { localGroup } from "./helpers/local_group.ts";

const env = (vars: Record<string, string>) => (k: string) => vars[k];

Deno.test("launch detection: Hydra, Open MPI, srun; a plain run and one rank stay single", () => {
  assert.strictEqual(detectLaunch(env({})), undefined);
  assert.deepStrictEqual(detectLaunch(env({ PMI_RANK: "1", PMI_SIZE: "4" })), {
    launcher: "MPICH Hydra (mpiexec)",
    rank: 1,
    size: 4,
    evidence: "PMI_SIZE=4",
    prefers: "mpich",
  });
  const ompi = detectLaunch(env({ OMPI_COMM_WORLD_RANK: "2", OMPI_COMM_WORLD_SIZE: "3" }));
  assert.strictEqual(ompi?.prefers, "openmpi");
  assert.strictEqual(ompi?.rank, 2);
  // srun with PMI-2 (MPICH's protocol) and with PMIx (Open MPI's).
  const pmi2 = detectLaunch(
    env({ SLURM_PROCID: "3", SLURM_STEP_NUM_TASKS: "8", PMI_RANK: "3", PMI_SIZE: "8" }),
  );
  assert.deepStrictEqual([pmi2?.launcher, pmi2?.rank, pmi2?.prefers], [
    "Slurm's srun (PMI)",
    3,
    "mpich",
  ]);
  const pmix = detectLaunch(env({ SLURM_PROCID: "0", SLURM_STEP_NUM_TASKS: "2", PMIX_RANK: "0" }));
  assert.strictEqual(pmix?.prefers, "openmpi");
  // A batch script (SLURM_NTASKS, SLURM_PROCID, no step) and a one-rank launch: one process.
  assert.strictEqual(detectLaunch(env({ SLURM_NTASKS: "4", SLURM_PROCID: "0" })), undefined);
  assert.strictEqual(detectLaunch(env({ PMI_RANK: "0", PMI_SIZE: "1" })), undefined);
});

Deno.test("gradient buckets: in the order gradients become final, capped, first one small", () => {
  const slots = [
    { name: "features.0.weight", size: 300, ready: 9 },
    { name: "features.0.bias", size: 10, ready: 8 },
    { name: "classifier.0.weight", size: 500, ready: 3 },
    { name: "classifier.0.bias", size: 20, ready: 2 },
    { name: "classifier.2.weight", size: 50, ready: 1 },
  ];
  const b = planBuckets(slots, 400, 60);
  assert.deepStrictEqual(b.map((x) => x.grads.map((g) => g.name)), [
    ["classifier.2.weight"],
    ["classifier.0.bias"],
    ["classifier.0.weight"], // larger than the cap: a bucket of its own, never split
    ["features.0.bias", "features.0.weight"],
  ]);
  assert.deepStrictEqual(b.map((x) => [x.size, x.ready]), [[50, 1], [20, 2], [500, 3], [310, 9]]);
  assert.deepStrictEqual(b[3].grads.map((g) => g.offset), [0, 10]);
  // Every gradient lands in exactly one bucket.
  assert.strictEqual(b.flatMap((x) => x.grads).length, slots.length);
});

const dp = () =>
  model(
    "dp",
    seq(conv3(4), relu, pool, fc(16), relu, dropout(0.5), fc(5), softmax),
    [3, 8, 8],
  );

for (const overlap of [true, false]) {
  Deno.test(`2 ranks of 2 images equal 1 process of 4 (dropout on, ${overlap ? "overlapped" : "sequential"} buckets)`, async () => {
    const { device, tiles } = await gpu();
    const m = dp(), p = paramsWithBiases(m, 11), b = batchOf(m, 4, 53);
    const seed = 0x9abcdef0, lr = 0.1, per = 3 * 8 * 8;
    const m0: Params = new Map(
      [...p].map(([name, v], k) => [name, rand(v.length, 700 + k).map((x) => 0.01 * x)]),
    );
    const opts = { momentum: 0.9, weightDecay: 5e-4, dropout: true, tiles };
    const whole = await TrainStep.create(device, m, { ...opts, batch: 4 });
    const group = localGroup(2);
    // Small buckets, so that several buckets, each with its own readback, are exercised.
    const ranks = await Promise.all(
      group.map((g) =>
        TrainStep.create(device, m, { ...opts, batch: 2, reduce: g, bucketElems: 100 })
      ),
    );
    try {
      assert.ok(ranks[0].buckets >= 3, `${ranks[0].buckets} buckets`);
      for (const t of [whole, ...ranks]) {
        t.setParams(p);
        t.setMomentum(m0);
      }
      const want = await whole.step([b], lr, seed);
      const got = await Promise.all(ranks.map((t, r) =>
        t.step(
          [{
            x: b.x.subarray(r * 2 * per, (r + 1) * 2 * per),
            y: b.y.subarray(r * 2, (r + 1) * 2),
          }],
          lr,
          seed,
          { firstSample: 2 * r, overlap },
        )
      ));
      // Each rank reports its own half's mean loss; their mean is the whole batch's.
      const loss = (got[0].loss + got[1].loss) / 2;
      assert.ok(Math.abs(loss - want.loss) <= 1e-5 * want.loss, `loss ${loss} vs ${want.loss}`);
      assert.strictEqual(got[0].top1 + got[1].top1, want.top1);
      assert.strictEqual(got[0].breakdown?.overlap, overlap);
      const wantGrads = await whole.getGrads(), wantParams = await whole.getParams();
      for (const t of ranks) {
        assertParamsClose(await t.getGrads(), wantGrads, 1e-5, "summed gradients");
        assertParamsClose(await t.getParams(), wantParams, 1e-5, "weights after the update");
      }
      // The update moved the weights (a step that changed nothing would pass the above).
      const w = m.params[0].name;
      assert.ok(wantParams.get(w)!.some((v, i) => v !== p.get(w)![i]));
    } finally {
      for (const t of [whole, ...ranks]) t.destroy();
    }
  });
}

Deno.test("the watchdog's liveness check: a live process, and one killed and reaped", async () => {
  assert.ok(processAlive(Deno.pid));
  const child = new Deno.Command("sleep", { args: ["30"] }).spawn();
  assert.ok(processAlive(child.pid));
  child.kill("SIGKILL");
  await child.status;
  assert.ok(!processAlive(child.pid));
});
