// `--precision f16` end to end on the GPU: forward logits and whole-net gradients of f16 plans
// against the f32 reference interpreter (the math the f16 plan approximates), the loss-scaled
// update against SGD's formula, and an overflowing step skipped with the scale halved.
//
// Tolerances. Every stored activation and gradient carries f16's 2^-11 relative rounding, which
// the net compounds, and a rounding can flip a near-tie of a max-pool window. Measured on A/w8
// (2026-11-28): logits within ~3e-3 of f32, weight gradients ~1e-3 (the first conv's, summed
// over every pixel, 1.6e-2). The interpreter rounding at every node instead (evaluate's `half`)
// lands farther from f32 (3-6e-2 on the early convs: it also rounds what the kernels keep in
// registers), so f32 is the closer oracle. A wrong index or a value read as the wrong type errs
// by O(1).
import assert from "node:assert";
import type { Model, Params } from "../dsl/mod.ts";
import { ForwardRunner } from "../runtime/forward.ts";
import { TrainStep } from "../runtime/train_step.ts";
import { configs } from "../nets/mod.ts";
import {
  assertParamsClose,
  batchOf,
  gpu,
  oddModels,
  paramsWithBiases,
  referenceForward,
  referenceGrads,
  relError,
} from "./helpers/gpu.ts";
import { HAS_F16, NO_F16 } from "./helpers/half.ts";

const LOGITS_TOL = 2e-2;
const GRAD_TOL = 4e-2;

const models = (): Model[] => [
  configs.A({ width: 8, size: 32, classes: 10 }),
  ...oddModels().filter((m) => ["conv3-odd", "lrn", "branch", "fc"].includes(m.name)),
];

const test = (name: string, fn: () => Promise<void>) =>
  Deno.test({ name: name + NO_F16, ignore: !HAS_F16, fn });

for (const m of models()) {
  test(`f16 forward of ${m.name} is within f16 rounding of the f32 reference`, async () => {
    const { device, tiles } = await gpu();
    const p = paramsWithBiases(m, 3), b = batchOf(m, 2, 7);
    const r = await ForwardRunner.create(device, m, 2, tiles, "f16");
    try {
      assert.ok(r.plan.kernels.some((k) => "f16" in k.spec), "the plan stores nothing as f16");
      // Twice: the weights' f16 copies are made by setParams, so new weights must reach them.
      for (const q of [p, paramsWithBiases(m, 4)]) {
        r.setParams(q);
        const got = await r.logits(b.x), want = referenceForward(m, q, b.x, 2).logits;
        const e = relError(got, want);
        assert.ok(e <= LOGITS_TOL, `${m.name}: logits relative error ${e}`);
      }
    } finally {
      r.destroy();
    }
  });

  test(`f16 gradients of ${m.name} are within f16 rounding of the f32 reference`, async () => {
    const { device, tiles } = await gpu();
    const p = paramsWithBiases(m, 5), b = batchOf(m, 2, 23);
    const ts = await TrainStep.create(device, m, {
      batch: 2,
      dropout: false,
      tiles,
      precision: "f16",
      lossScale: { init: 1024 },
    });
    try {
      ts.setParams(p);
      const r = await ts.step([b], 0, 1, { update: false });
      const want = referenceGrads(m, p, b);
      assert.ok(Math.abs(r.loss - want.loss) <= 1e-2 * want.loss, `loss ${r.loss}/${want.loss}`);
      assert.equal(r.lossScale, 1024);
      assertParamsClose(await ts.getGrads(), want.grads, GRAD_TOL, `${m.name} f16 gradients`);
    } finally {
      ts.destroy();
    }
  });
}

test("f16 step: the update unscales the gradients; an overflow skips it and halves the scale", async () => {
  const { device, tiles } = await gpu();
  const m = oddModels().find((x) => x.name === "conv3-odd")!;
  const p = paramsWithBiases(m, 9), b = batchOf(m, 3, 4);
  const opts = { batch: 3, dropout: false, tiles, precision: "f16" as const };
  // 2^40 times the loss gradient overflows f16 (max 65504) at the logits' gradient already.
  const big = await TrainStep.create(device, m, { ...opts, lossScale: { init: 2 ** 40 } });
  try {
    big.setParams(p);
    const r = await big.step([b], 0.1, 1);
    assert.equal(r.skipped, true);
    assert.equal(big.scaler!.scale, 2 ** 39);
    assertParamsClose(await big.getParams(), p, 0, "weights after a skipped step");
  } finally {
    big.destroy();
  }
  const ts = await TrainStep.create(device, m, { ...opts, lossScale: { init: 256 } });
  try {
    ts.setParams(p);
    await ts.step([b], 0, 1, { update: false });
    const g = await ts.getGrads();
    const lr = 0.1, wd = 5e-4;
    const r = await ts.step([b], lr, 1);
    assert.equal(r.skipped, false);
    // First update from zero momentum: w - lr * (g + wd * w), weight decay on weights only.
    const want: Params = new Map();
    for (const [name, w] of p) {
      const d = name.endsWith(".bias") ? 0 : wd;
      want.set(name, w.map((v, i) => v - lr * (g.get(name)![i] + d * v)));
    }
    assertParamsClose(await ts.getParams(), want, 1e-5, "weights after one f16 step");
  } finally {
    ts.destroy();
  }
});
