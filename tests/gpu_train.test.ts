// The compiled training step on the GPU (runtime/train_step.ts) against the reference
// interpreter: whole-net gradients with dropout off and on, one SGD update, gradient
// accumulation over micro-batches, and a fixed batch overfitted to a near-zero loss.
//
// Tolerance for gradients: max|gpu - ref| / max|ref| <= 1e-4 per parameter tensor. The
// backward pass sums f32 products over batch x pixels in an order of its own (split K, tiles);
// measured differences are ~2e-6 on these nets, and a wrong index, mask or missing term errs
// by O(1) of the tensor's scale.
import assert from "node:assert";
import type { TilePolicy } from "../compiler/lower.ts";
import type { Model, Params } from "../dsl/mod.ts";
import { configs } from "../nets/mod.ts";
import { variant as tinyResnet } from "../examples/tiny_resnet.ts";
import { init } from "../dsl/mod.ts";
import { type TrainOptions, TrainStep } from "../runtime/train_step.ts";
import {
  assertParamsClose,
  batchOf,
  gpu,
  oddModels,
  paramsWithBiases,
  rand,
  referenceGrads,
  relError,
  smallNets,
} from "./helpers/gpu.ts";
import { RUN_CPU_TILES, RUN_GPU_TILES } from "./helpers/tiles.ts";

const TOL = 1e-4;
const small = { width: 8, size: 32, classes: 10 };

async function trainStep(
  m: Model,
  opts: Omit<TrainOptions, "tiles"> & { tiles?: TilePolicy },
): Promise<TrainStep> {
  const { device, tiles } = await gpu();
  return await TrainStep.create(device, m, { tiles, ...opts });
}

/** Sum of a * (each map) elementwise, in f64, for reference gradients over micro-batches. */
function combine(maps: Params[], a: number): Params {
  const out: Params = new Map();
  for (const [name, v] of maps[0]) {
    out.set(
      name,
      Float32Array.from(v, (_, i) => a * maps.reduce((s, m) => s + m.get(name)![i], 0)),
    );
  }
  return out;
}

for (const m of smallNets()) {
  Deno.test(`gradients of ${m.name} (batch 2, dropout off) equal the reference`, async () => {
    const p = paramsWithBiases(m, 5), b = batchOf(m, 2, 23);
    const want = referenceGrads(m, p, b);
    const ts = await trainStep(m, { batch: 2, dropout: false });
    try {
      ts.setParams(p);
      const r = await ts.step([b], 0, 1, { update: false });
      assert.ok(Math.abs(r.loss - want.loss) <= TOL * want.loss, `loss ${r.loss} vs ${want.loss}`);
      assertParamsClose(await ts.getGrads(), want.grads, TOL, `${m.name} gradients`);
      // update: false leaves the parameters as they were.
      assertParamsClose(await ts.getParams(), p, 0, `${m.name} parameters after update: false`);
    } finally {
      ts.destroy();
    }
  });
}

const tileFamilies = [
  ["register tiles", RUN_CPU_TILES],
  ["workgroup tiles", RUN_GPU_TILES],
] as const;
for (const [tilesName, tiles] of tileFamilies) {
  Deno.test({
    name: `gradients of the odd-shape models (batch 3, ${tilesName})`,
  }, async (t) => {
    // The backward kernels (weight and bias gradients, flipped convs, pool, LRN and soft-max
    // gradients, channel slices of a concat) on channels 3/5/13 and 6x6-10x10 images, under
    // both tile families whatever the adapter (the whole nets above run only its own).
    for (const m of oddModels()) {
      await t.step(m.name, async () => {
        const p = paramsWithBiases(m, 4), b = batchOf(m, 3, 19);
        const want = referenceGrads(m, p, b);
        const ts = await trainStep(m, { batch: 3, dropout: false, tiles });
        try {
          ts.setParams(p);
          await ts.step([b], 0, 1, { update: false });
          assertParamsClose(await ts.getGrads(), want.grads, TOL, `${m.name} (${tilesName})`);
        } finally {
          ts.destroy();
        }
      });
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
    const ts = await trainStep(m, { batch: 2, dropout: true });
    try {
      ts.setParams(p);
      const r = await ts.step([b], 0, seed, { update: false });
      assert.ok(Math.abs(r.loss - want.loss) <= TOL * want.loss, `loss ${r.loss} vs ${want.loss}`);
      assertParamsClose(await ts.getGrads(), want.grads, TOL, `${m.name} gradients with dropout`);
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
  const ts = await trainStep(m, { batch: 2, accumulate: 2, dropout: true });
  try {
    ts.setParams(p);
    await ts.step([b0, b1], 0, seed, { update: false });
    assertParamsClose(await ts.getGrads(), want, TOL, "A gradients, 2 micro-batches with dropout");
    // A rank holding samples [2, 4) of the global batch draws their masks: firstSample.
    const ts2 = await trainStep(m, { batch: 2, dropout: true });
    try {
      ts2.setParams(p);
      await ts2.step([b1], 0, seed, { update: false, firstSample: 2 });
      const wantB1 = referenceGrads(m, p, b1, { seed, first: 2 }).grads;
      assertParamsClose(await ts2.getGrads(), wantB1, TOL, "A gradients of samples 2-3");
    } finally {
      ts2.destroy();
    }
  } finally {
    ts.destroy();
  }
});

Deno.test("one SGD step equals the update computed from the reference gradients", async () => {
  // The kernel (compiler/kernels/sgd.ts) implements PyTorch's form of momentum SGD:
  //   g' = g + wd * w;  m = mu * m + g';  w -= lr * m
  // with wd on weights only (sgd.ts and spec.ts call it Caffe's; it is not). Caffe's form
  // (m = mu * m + lr * g'; w -= m) gives the same weights while lr is constant, with a
  // momentum buffer lr times PyTorch's, but differs after an lr change (Caffe's history keeps
  // the old lr, PyTorch's takes the new one at once); a non-zero starting momentum and lr != 1
  // tell the two apart here.
  const m = configs.A(small), mu = 0.9, wd = 5e-4, lr = 0.05;
  const p = paramsWithBiases(m, 8), b = batchOf(m, 2, 41);
  const m0: Params = new Map(
    [...p].map(([name, v], k) => [name, rand(v.length, 900 + k).map((x) => 0.01 * x)]),
  );
  const { grads } = referenceGrads(m, p, b);
  const wantM: Params = new Map(), wantW: Params = new Map();
  for (const [name, w] of p) {
    const decay = name.endsWith(".bias") ? 0 : wd, g = grads.get(name)!, mOld = m0.get(name)!;
    const mNew = Float32Array.from(w, (wi, i) => mu * mOld[i] + g[i] + decay * wi);
    wantM.set(name, mNew);
    wantW.set(name, Float32Array.from(w, (wi, i) => wi - lr * mNew[i]));
  }
  const ts = await trainStep(m, { batch: 2, dropout: false, momentum: mu, weightDecay: wd });
  try {
    ts.setParams(p);
    ts.setMomentum(m0);
    await ts.step([b], lr, 1);
    assertParamsClose(await ts.getMomentum(), wantM, TOL, "momentum after one step");
    // Judge the weights by their change: w is ~100x larger than lr * m, so comparing w' itself
    // would hide an update that is wrong by a few percent.
    const got = await ts.getParams();
    const delta = (q: Params) =>
      new Map([...q].map(([n, v]) => [n, v.map((x, i) => x - p.get(n)![i])]));
    // f32 rounding of w' (|w| <= ~0.5, ulp 3e-8) against updates of ~1e-4: 1e-3 relative.
    assertParamsClose(delta(got), delta(wantW), 1e-3, "weight change after one step");
    // The decay the kernel applied, isolated: r = m' - mu * m0 - g must be wd * w for weights
    // and 0 for biases (its noise is the gradients' f32 error, far below wd * w).
    const gotM = await ts.getMomentum();
    for (const [name, w] of p) {
      const g = grads.get(name)!, mOld = m0.get(name)!, mNew = gotM.get(name)!;
      const r = mNew.map((v, i) => v - mu * mOld[i] - g[i]);
      const want = name.endsWith(".bias") ? w.map(() => 0) : w.map((v) => wd * v);
      const err = r.reduce((e, v, i) => Math.max(e, Math.abs(v - want[i])), 0);
      const decay = w.reduce((e, v) => Math.max(e, wd * Math.abs(v)), 0);
      assert.ok(err <= 0.1 * decay, `${name}: decay term off by ${err} (wd * max|w| = ${decay})`);
    }
    // Caffe's momentum (lr folded in) is far from what the kernel keeps.
    const w0 = m.params[0].name, g0 = grads.get(w0)!, ww = p.get(w0)!;
    const caffe = m0.get(w0)!.map((v, i) => mu * v + lr * (g0[i] + wd * ww[i]));
    assert.ok(relError(gotM.get(w0)!, caffe) > 0.1, "PyTorch's form, not Caffe's");
  } finally {
    ts.destroy();
  }
});

Deno.test("accumulating 2 micro-batches of 8 equals one batch of 16 (gradients and update)", async () => {
  const m = configs.A(small), p = paramsWithBiases(m, 9), b = batchOf(m, 16, 43), lr = 0.05;
  const half = (k: number) => ({
    x: b.x.subarray(k * 8 * 3 * 32 * 32, (k + 1) * 8 * 3 * 32 * 32),
    y: b.y.subarray(k * 8, (k + 1) * 8),
  });
  const one = await trainStep(m, { batch: 16, dropout: false });
  const acc = await trainStep(m, { batch: 8, accumulate: 2, dropout: false });
  try {
    one.setParams(p);
    acc.setParams(p);
    const r1 = await one.step([b], lr, 1);
    // Twice, so that stale gradients from the first step would show: the fill must zero them.
    await acc.step([half(0), half(1)], 0, 1, { update: false });
    acc.setParams(p);
    const r2 = await acc.step([half(0), half(1)], lr, 1);
    assert.ok(Math.abs(r1.loss - r2.loss) <= TOL * r1.loss, `loss ${r2.loss} vs ${r1.loss}`);
    assert.strictEqual(r2.top1, r1.top1);
    assert.strictEqual(r2.top5, r1.top5);
    assertParamsClose(await acc.getGrads(), await one.getGrads(), TOL, "accumulated gradients");
    assertParamsClose(await acc.getMomentum(), await one.getMomentum(), TOL, "momentum");
    const [pa, p1] = [await acc.getParams(), await one.getParams()];
    const delta = (q: Params) =>
      new Map([...q].map(([n, v]) => [n, v.map((x, i) => x - p.get(n)![i])]));
    assertParamsClose(delta(pa), delta(p1), 1e-3, "weight change");
  } finally {
    one.destroy();
    acc.destroy();
  }
});

// Overfitting: 16 images of noise with random labels, memorised. Dropout off (a fixed
// function converges faster and deterministically). Plain momentum SGD on these 11- and
// 19-layer nets without normalisation is unstable above lr ~0.005 (loss spikes, then
// collapses to predicting the label frequencies at ~2.0); A reaches the target in ~100
// steps at 0.002, E in ~180 at 0.001.
for (const [name, lr] of [["A", 0.002], ["E", 0.001]] as const) {
  Deno.test(`config ${name} (width 8) overfits a fixed batch of 16: loss < 0.05 in 300 steps`, async () => {
    const m = configs[name](small), b = batchOf(m, 16, 47);
    const ts = await trainStep(m, { batch: 16, dropout: false, momentum: 0.9, weightDecay: 5e-4 });
    try {
      ts.setParams(init(m, 1));
      let loss = Infinity, first = NaN, step = 0;
      for (; step < 300 && !(loss < 0.05); step++) {
        loss = (await ts.step([b], lr, step + 1)).loss;
        if (step === 0) first = loss;
        assert.ok(Number.isFinite(loss), `loss ${loss} at step ${step}`);
      }
      assert.ok(first > 1.5, `initial loss ${first} should be near ln 10`);
      assert.ok(loss < 0.05, `loss ${loss} after ${step} steps`);
    } finally {
      ts.destroy();
    }
  });
}
