// The compiled training step on the GPU (runtime/train_step.ts) against the reference
// interpreter: whole-net gradients of the Table 1 nets and the tutorial's tiny ResNet, with
// dropout off and on, and dropout's masks under gradient accumulation. Tolerance: GRAD_TOL
// (tests/helpers/gpu.ts). The odd-shape models are tests/gpu_train_odd.test.ts; the SGD update,
// accumulation and overfitting, tests/gpu_train_sgd.test.ts (three files, so that the suite's
// two cores share the work).
import assert from "node:assert";
import { configs } from "../nets/mod.ts";
import { variant as tinyResnet } from "../examples/tiny_resnet.ts";
import {
  assertParamsClose,
  batchOf,
  combine,
  GRAD_TOL,
  paramsWithBiases,
  referenceGrads,
  relError,
  smallNets,
  trainStepOf,
} from "./helpers/gpu.ts";

const small = { width: 8, size: 32, classes: 10 };

for (const m of smallNets()) {
  Deno.test(`gradients of ${m.name} (batch 2, dropout off) equal the reference`, async () => {
    const p = paramsWithBiases(m, 5), b = batchOf(m, 2, 23);
    const want = referenceGrads(m, p, b);
    const ts = await trainStepOf(m, { batch: 2, dropout: false });
    try {
      ts.setParams(p);
      const r = await ts.step([b], 0, 1, { update: false });
      assert.ok(
        Math.abs(r.loss - want.loss) <= GRAD_TOL * want.loss,
        `loss ${r.loss} vs ${want.loss}`,
      );
      assertParamsClose(await ts.getGrads(), want.grads, GRAD_TOL, `${m.name} gradients`);
      // update: false leaves the parameters as they were.
      assertParamsClose(await ts.getParams(), p, 0, `${m.name} parameters after update: false`);
    } finally {
      ts.destroy();
    }
  });
}

for (const m of [configs["A-LRN"](small), configs.E(small), tinyResnet()]) {
  Deno.test(`gradients of ${m.name} with dropout on equal the reference's for the same seed`, async () => {
    const p = paramsWithBiases(m, 6), b = batchOf(m, 2, 29), seed = 12345;
    const want = referenceGrads(m, p, b, { seed });
    // The mask must matter: without dropout the gradients differ.
    const off = referenceGrads(m, p, b);
    assert.ok(relError(off.grads.get(m.params[0].name)!, want.grads.get(m.params[0].name)!) > 1e-2);
    const ts = await trainStepOf(m, { batch: 2, dropout: true });
    try {
      ts.setParams(p);
      const r = await ts.step([b], 0, seed, { update: false });
      assert.ok(
        Math.abs(r.loss - want.loss) <= GRAD_TOL * want.loss,
        `loss ${r.loss} vs ${want.loss}`,
      );
      assertParamsClose(
        await ts.getGrads(),
        want.grads,
        GRAD_TOL,
        `${m.name} gradients with dropout`,
      );
    } finally {
      ts.destroy();
    }
  });
}

Deno.test("dropout with accumulate 2 and a full 32-bit step seed: the whole batch's masks", async () => {
  // Masks are keyed by the sample's position in the global batch (compiler/ops/dropout_hash.ts),
  // so two micro-batches of 2 draw exactly the masks of one batch of 4: gradient accumulation
  // and data-parallel ranks train the same net as one big batch. Training derives step seeds
  // with a 32-bit hash (data/rng.ts deriveSeed), so seeds near 2^32 are the normal case.
  const m = configs.A(small), p = paramsWithBiases(m, 7), seed = 0xdeadbeef;
  const b0 = batchOf(m, 2, 31), b1 = batchOf(m, 2, 37);
  const whole = { x: Float32Array.of(...b0.x, ...b1.x), y: Int32Array.of(...b0.y, ...b1.y) };
  const want = referenceGrads(m, p, whole, { seed }).grads;
  // The old keying (each micro-batch's mask from its own sample 0) is far from it.
  const perMicro = combine([
    referenceGrads(m, p, b0, { seed }).grads,
    referenceGrads(m, p, b1, { seed }).grads,
  ], 0.5);
  const w0 = m.params[0].name;
  assert.ok(relError(perMicro.get(w0)!, want.get(w0)!) > 1e-2, "the masks must matter");
  const ts = await trainStepOf(m, { batch: 2, accumulate: 2, dropout: true });
  try {
    ts.setParams(p);
    await ts.step([b0, b1], 0, seed, { update: false });
    assertParamsClose(
      await ts.getGrads(),
      want,
      GRAD_TOL,
      "A gradients, 2 micro-batches with dropout",
    );
    // A rank holding samples [2, 4) of the global batch draws their masks: firstSample.
    const ts2 = await trainStepOf(m, { batch: 2, dropout: true });
    try {
      ts2.setParams(p);
      await ts2.step([b1], 0, seed, { update: false, firstSample: 2 });
      const wantB1 = referenceGrads(m, p, b1, { seed, first: 2 }).grads;
      assertParamsClose(await ts2.getGrads(), wantB1, GRAD_TOL, "A gradients of samples 2-3");
    } finally {
      ts2.destroy();
    }
  } finally {
    ts.destroy();
  }
});
