// Batch norm: the backward rule against finite differences (float64 reference), the running
// statistics' updates, the inference fold into the conv before it, every kernel against the
// primitives' references (small shapes: the suite must stay fast on OpenGL), the training step
// on the GPU against the reference, and the WGSL pinned as snapshots. The cross-check against
// PyTorch is tests/batchnorm_torch.test.ts.
import assert from "node:assert";
import { evaluate } from "../compiler/interpret.ts";
import { printGraph, size } from "../compiler/ir.ts";
import { emitKernel } from "../compiler/kernels/mod.ts";
import type { EpilogueOp, KernelSpec } from "../compiler/kernels/spec.ts";
import { tilePolicy } from "../compiler/kernels/tiles.ts";
import { lower, printPlan } from "../compiler/lower.ts";
import { ops } from "../compiler/ops/mod.ts";
import type { BnRunningAttrs } from "../compiler/ops/batchnorm.ts";
import {
  batchNorm,
  bn,
  conv3,
  describe,
  forwardGraph,
  init,
  type Model,
  model,
  net,
  paramCount,
  type Params,
  relu,
  seq,
  trainGraph,
} from "../dsl/mod.ts";
import { bnConfigs } from "../nets/mod.ts";
import { fullyConvolutional, scoreMapGraph } from "../dsl/transforms.ts";
import { getAdapterTraits } from "../runtime/device.ts";
import { ForwardRunner } from "../runtime/forward.ts";
import { runKernel } from "../runtime/kernel_runner.ts";
import { paramKernels } from "../runtime/executor.ts";
import { TrainStep } from "../runtime/train_step.ts";
import { type Arg, assertCheck, checkModel, checkVjp, randn } from "./helpers/gradcheck.ts";
import { CPU_TILES, GPU_TILES } from "./helpers/gpu.ts";
import { assertSnapshot } from "./helpers/snapshot.ts";
import { assertClose, getDevice, rand, t } from "./kernel_reference.ts";

let argSeed = 500;
const arg = (name: string, shape: number[], shift = 0): Arg => ({
  name,
  shape,
  data: randn(size(shape), argSeed++).map((v) => v + shift),
});

Deno.test("grad batchnorm (through its batch statistics) on [N,C,H,W] and [N,F]", () => {
  for (const shape of [[3, 2, 2, 3], [4, 3]]) {
    const c = shape[1];
    assertCheck(
      checkVjp(
        (b, [x, gamma, beta]) => {
          const s = b.add("bn_stats", [x], {});
          return b.add("batchnorm", [x, s, gamma, beta], { eps: 1e-5 });
        },
        // The mean far from 0: the rule must not lose the mean's own gradient.
        [arg("x", shape, 2), arg("gamma", [c], 1), arg("beta", [c])],
      ),
      1e-6,
      `batchnorm on ${shape}`,
    );
  }
});

Deno.test("autodiff refuses a batchnorm whose statistics are not its own input's", () => {
  assert.throws(
    () =>
      checkVjp((b, [x, y, gamma, beta]) => {
        const s = b.add("bn_stats", [y], {});
        return b.add("batchnorm", [x, s, gamma, beta], { eps: 1e-5 });
      }, [arg("x", [2, 2, 2]), arg("y", [2, 2, 2]), arg("g", [2]), arg("b", [2])]),
    /needs bn_stats of its input/,
  );
});

Deno.test("reference: statistics, normalisation, and PyTorch's running updates", () => {
  // Channel 0 holds 1..4, channel 1 holds 10, 10, 30, 30 (two images, 2 values each).
  const x = t([2, 2, 2], Float32Array.of(1, 2, 10, 10, 3, 4, 30, 30));
  const s = ops.bn_stats.reference([x], {});
  assert.deepStrictEqual([...s.data], [2.5, 1.25, 20, 100]);
  const y = ops.batchnorm.reference(
    [x, s, t([2], Float32Array.of(2, 1)), t([2], Float32Array.of(0, 5))],
    { eps: 0 },
  );
  assertClose(y.data, [-2.6833, -0.8944, 4, 4, 0.8944, 2.6833, 6, 6], "batchnorm", 1e-4);
  const old = t([2], Float32Array.of(1, 2));
  const upd = (
    a: Omit<BnRunningAttrs, "momentum">,
  ) => [...ops.bn_running.reference([old, s], { ...a, momentum: 0.1 }).data];
  // 0.9 r + 0.1 s; the variance unbiased: n = 4 values a channel -> * 4/3.
  assertClose(upd({ stat: "mean", count: 4 }), [0.9 + 0.25, 1.8 + 2], "mean", 1e-6);
  assertClose(upd({ stat: "var", count: 4 }), [0.9 + 0.125 * 4 / 3, 1.8 + 10 * 4 / 3], "var");
  const n = ops.bn_running.reference([t([], Float32Array.of(7))], {
    stat: "count",
    momentum: 0.1,
    count: 4,
  });
  assert.deepStrictEqual([...n.data], [8]);
});

/** A tiny conv >> BN >> ReLU net, as torchvision's VGG-BN stacks it. */
const tinyBn = () =>
  model(
    "tiny-bn",
    net`conv3-4-BN >> maxpool >> conv3-6-BN >> maxpool >> FC-8 >> FC-${5} >> soft-max`,
    [2, 8, 8],
  );

/** Parameters with running statistics away from their initial 0 and 1, and scales from 1. */
function trainedLike(m: Model, seed: number): Params {
  const p = init(m, seed);
  for (const q of m.params) {
    const v = p.get(q.name)!, r = rand(v.length, seed + q.name.length);
    if (q.role === "running_mean") v.set(r);
    if (q.role === "running_var") v.set(r.map((x) => 1 + 0.5 * x));
    if (q.role === "scale") v.set(r.map((x) => 1 + 0.3 * x));
    if (q.role === "shift" || q.role === "bias") v.set(r.map((x) => 0.1 * x));
    if (q.role === "batch_count") v.fill(3);
  }
  return p;
}

Deno.test("DSL: conv3-C-BN is conv, BN, ReLU with torchvision's names and roles", () => {
  const m = tinyBn();
  assert.deepStrictEqual(m.table.slice(0, 4).map((r) => r.desc), [
    "conv3-4",
    "BN",
    "relu",
    "maxpool",
  ]);
  assert.deepStrictEqual(
    m.params.filter((p) => p.layer === "features.1").map((p) => [p.name, p.role, p.shape]),
    [
      ["features.1.weight", "scale", [4]],
      ["features.1.bias", "shift", [4]],
      ["features.1.running_mean", "running_mean", [4]],
      ["features.1.running_var", "running_var", [4]],
      ["features.1.num_batches_tracked", "batch_count", []],
    ],
  );
  const p = init(m, 1);
  assert.deepStrictEqual([...p.get("features.1.weight")!], [1, 1, 1, 1]);
  assert.deepStrictEqual([...p.get("features.1.running_var")!], [1, 1, 1, 1]);
  assert.deepStrictEqual([...p.get("features.1.num_batches_tracked")!], [0]);
  assert.strictEqual(describe(net`bn >> BN`), "BN >> BN");
  assert.deepStrictEqual(batchNorm({ eps: 1e-3 }), { kind: "bn", eps: 1e-3 });
  assert.throws(() => net`FC-8-BN`, /only convK-C takes a '-BN' suffix/);
  assert.throws(() => batchNorm({ momentum: 2 }), /momentum must be in \[0, 1\]/);
  // Training needs more than one value a channel (as PyTorch's BatchNorm).
  const one = model("one", seq(conv3(2), bn, relu), [1, 1, 1]);
  assert.throws(() => trainGraph(one, 1), /more than one value per channel/);
});

Deno.test("the BN nets carry torchvision's vgg*_bn parameter names in order", () => {
  // The full list is checked against torchvision's state dicts in batchnorm_torch.test.ts.
  const e = bnConfigs["E-BN"]();
  assert.strictEqual(e.params.length, 118);
  assert.deepStrictEqual(e.params.slice(0, 7).map((p) => p.name), [
    "features.0.weight",
    "features.0.bias",
    "features.1.weight",
    "features.1.bias",
    "features.1.running_mean",
    "features.1.running_var",
    "features.1.num_batches_tracked",
  ]);
  assert.strictEqual(e.params.at(-1)!.name, "classifier.6.bias");
  // Trained parameters as PyTorch counts them (running statistics are buffers): vgg19_bn's.
  assert.strictEqual(paramCount(e), 143_678_248);
  assert.strictEqual(e.table[1].params, 2 * 64);
  assert.deepStrictEqual(e.table.filter((r) => r.endsStage).map((r) => r.name), [
    "features.6",
    "features.13",
    "features.26",
    "features.39",
    "features.52",
  ]);
});

Deno.test("gradient of a BN net (training mode) against finite differences", () => {
  assertCheck(checkModel(tinyBn(), 3, { dropout: false }), 1e-6, "tiny-bn");
});

Deno.test("inference folds BN into the conv before it; the logits do not change", () => {
  const m = tinyBn(), params = trainedLike(m, 2), N = 2;
  const x = rand(N * 2 * 64, 3);
  const folded = forwardGraph(m, N), plain = forwardGraph(m, N, { fold: false });
  const ir = printGraph(folded);
  assert.doesNotMatch(ir, /batchnorm_eval/);
  assert.strictEqual(ir.match(/ = bn_fold_weight /g)?.length, 2);
  assert.match(printGraph(plain), /batchnorm_eval/);
  const logits = (g: typeof folded) =>
    evaluate(g, { inputs: { x }, params }, { float64: true })[g.outputs.logits].data;
  assertClose(logits(folded), logits(plain), "folded vs unfolded", 1e-12);
  // On the GPU plan the conv takes bias, ReLU and the pool; BN is gone but for the two folds,
  // which run on the parameters alone (once per setParams), as does the packed copy of the
  // folded weight that the CPU tile reads.
  const plan = lower(folded, { tiles: CPU_TILES });
  assert.deepStrictEqual(plan.kernels.map((k) => k.name).slice(0, 4), [
    "features.0:bn_fold_weight",
    "features.0:bn_fold_bias",
    "features.0:conv2d/conv_pack",
    "features.0:conv2d+bias+relu+maxpool",
  ]);
  assert.deepStrictEqual([...paramKernels(plan)].slice(0, 3), [0, 1, 2]);
  // The dense-evaluation net (FCs as convs) folds BN the same way.
  const fcNet = fullyConvolutional(m);
  assert.doesNotMatch(printGraph(scoreMapGraph(fcNet, 1, 12, 12)), /batchnorm/);
  // BN with no conv before it stays, as an epilogue where a producer takes one.
  const after = lower(
    forwardGraph(model("fc-bn", net`fc(6) >> BN >> relu >> fc(3)`, [1, 2, 2]), 2),
    { tiles: CPU_TILES },
  );
  assert.strictEqual(after.kernels[0].name, "classifier.0:matmul+bias+batchnorm_eval+relu");
});

Deno.test("training plan: statistics, BN + ReLU in one pass, running updates as outputs", () => {
  const g = trainGraph(tinyBn(), 2);
  assert.deepStrictEqual(Object.keys(g.outputs).filter((k) => k.startsWith("running:")), [
    "running:features.1.running_mean",
    "running:features.1.running_var",
    "running:features.1.num_batches_tracked",
    "running:features.5.running_mean",
    "running:features.5.running_var",
    "running:features.5.num_batches_tracked",
  ]);
  // Running statistics take no gradient; the scale and shift do.
  assert.ok(!Object.keys(g.outputs).some((k) => /^grad:.*(running|num_batches)/.test(k)));
  assert.ok("grad:features.1.weight" in g.outputs && "grad:features.1.bias" in g.outputs);
  const plan = lower(g, { tiles: GPU_TILES });
  const names = plan.kernels.map((k) => k.name);
  assert.ok(names.includes("features.1:batchnorm+relu"), names.join(", "));
  assertSnapshot("plans/tiny_bn_train.gpu.txt", printPlan(plan));
});

// ---- Kernels against the references ------------------------------------------------------------

const [N, C, H, W] = [3, 5, 2, 3];
const shape = [N, C, H, W], n = N * C * H * W;
const xs = t(shape, rand(n, 11).map((v) => 3 + v));
const stats = ops.bn_stats.reference([xs], {});
const gamma = t([C], rand(C, 12).map((v) => 1 + 0.5 * v)), beta = t([C], rand(C, 13));
const gs = t(shape, rand(n, 14));
const sums = ops.bn_sums.reference([xs, stats, gs], { eps: 1e-5 });
const run = async (spec: KernelSpec, inputs: Float32Array[], init?: Float32Array) =>
  await runKernel(await getDevice(), spec, inputs, init);
const f32 = (x: { data: ArrayLike<number> }) => Float32Array.from(x.data);
const dims = { n: N, c: C, spatial: H * W };

Deno.test("bn_stats and bn_sums kernels = reference (workgroup reductions)", async () => {
  assertClose(await run({ kind: "bn_stats", ...dims }, [f32(xs)]), stats.data, "bn_stats");
  // One channel's 1024 values over a plane larger than a workgroup's 64 lanes.
  const big = t([2, 1, 16, 32], rand(1024, 15).map((v) => 100 + v));
  assertClose(
    await run({ kind: "bn_stats", n: 2, c: 1, spatial: 512 }, [f32(big)]),
    ops.bn_stats.reference([big], {}).data,
    "bn_stats 1024 values around 100",
  );
  assertClose(
    await run({ kind: "bn_sums", ...dims, eps: 1e-5 }, [f32(xs), f32(stats), f32(gs)]),
    sums.data,
    "bn_sums",
  );
});

Deno.test("batchnorm_grad, bn_param_grad (accumulating) and bn_running kernels = reference", async () => {
  const dx = ops.batchnorm_grad.reference([xs, stats, gamma, gs, sums], { eps: 1e-5 });
  assertClose(
    await run({ kind: "batchnorm_grad", ...dims, eps: 1e-5 }, [
      f32(xs),
      f32(stats),
      f32(gamma),
      f32(gs),
      f32(sums),
    ]),
    dx.data,
    "batchnorm_grad",
  );
  const before = rand(C, 16);
  const row1 = ops.bn_param_grad.reference([sums], { row: 1 }).data;
  assertClose(
    await run({ kind: "bn_param_grad", c: C, row: 1, accumulate: true }, [f32(sums)], before),
    Float32Array.from(row1, (v, i) => v + before[i]),
    "bn_param_grad accumulate",
  );
  for (const stat of ["mean", "var"] as const) {
    const a = { stat, momentum: 0.1, count: N * H * W };
    const old = t([C], rand(C, 17).map((v) => 1 + v));
    assertClose(
      await run({ kind: "bn_running", c: C, ...a }, [f32(old), f32(stats)]),
      ops.bn_running.reference([old, stats], a).data,
      `bn_running ${stat}`,
    );
  }
  assertClose(
    await run({ kind: "bn_running", c: 1, stat: "count", momentum: 0.1, count: 6 }, [
      Float32Array.of(41),
    ]),
    [42],
    "bn_running count",
  );
});

Deno.test("batchnorm and batchnorm_eval epilogues, and the weight fold, = reference", async () => {
  const layout = { channels: C, spatial: H * W };
  const train: EpilogueOp[] = [{ op: "batchnorm", eps: 1e-5 }, { op: "relu" }];
  assertClose(
    await run({ kind: "elementwise", size: n, layout, epilogue: train }, [
      f32(xs),
      f32(stats),
      f32(gamma),
      f32(beta),
    ]),
    ops.relu.reference([ops.batchnorm.reference([xs, stats, gamma, beta], { eps: 1e-5 })], {})
      .data,
    "batchnorm + relu",
  );
  const mean = t([C], rand(C, 18)), vr = t([C], rand(C, 19).map((v) => 1.5 + v));
  assertClose(
    await run(
      { kind: "elementwise", size: n, layout, epilogue: [{ op: "batchnorm_eval", eps: 1e-5 }] },
      [f32(xs), f32(gamma), f32(beta), f32(mean), f32(vr)],
    ),
    ops.batchnorm_eval.reference([xs, gamma, beta, mean, vr], { eps: 1e-5 }).data,
    "batchnorm_eval",
  );
  const w = t([C, 2, 3, 3], rand(C * 18, 20));
  assertClose(
    await run({ kind: "bn_fold_weight", o: C, per: 18, eps: 1e-5 }, [f32(w), f32(gamma), f32(vr)]),
    ops.bn_fold_weight.reference([w, gamma, vr], { eps: 1e-5 }).data,
    "bn_fold_weight",
  );
});

// ---- The GPU training step ---------------------------------------------------------------------

Deno.test("GPU training step of a BN net = reference: loss, gradients, running statistics", async () => {
  const m = tinyBn(), params = trainedLike(m, 4), B = 3;
  const x = rand(B * 2 * 64, 5), y = Int32Array.of(0, 3, 4);
  const g = trainGraph(m, B, { dropout: false });
  const vals = evaluate(g, { inputs: { x, labels: y, dloss: Float32Array.of(1) }, params });
  const tiles = tilePolicy(await getAdapterTraits());
  const step = await TrainStep.create(await getDevice(), m, { batch: B, tiles, dropout: false });
  try {
    step.setParams(params);
    const r = await step.step([{ x, y }], 0, 1, { update: false });
    assertClose([r.loss], vals[g.outputs.loss].data, "loss");
    for (const [name, got] of await step.getGrads()) {
      const want = vals[g.outputs[`grad:${name}`]].data;
      // A conv's bias before BN has no effect on the loss: its gradient is 0 up to rounding,
      // which no relative tolerance can judge; it must still be tiny.
      if (/^features\.(0|4)\.bias$/.test(name)) {
        assert.ok(got.every((v) => Math.abs(v) < 1e-5), `${name}: ${got}`);
        continue;
      }
      assertClose(got, want, `grad ${name}`);
    }
    const after = await step.getParams();
    for (const [k, id] of Object.entries(g.outputs)) {
      if (!k.startsWith("running:")) continue;
      assertClose(after.get(k.slice("running:".length))!, vals[id].data, k, 1e-5);
    }
    assert.deepStrictEqual([...after.get("features.1.num_batches_tracked")!], [4]);
  } finally {
    step.destroy();
  }
  // Evaluation on the GPU: the folded plan against the unfolded reference.
  const fr = await ForwardRunner.create(await getDevice(), m, B, tiles);
  try {
    fr.setParams(params);
    const plain = forwardGraph(m, B, { fold: false });
    const want = evaluate(plain, { inputs: { x }, params })[plain.outputs.logits].data;
    assertClose(await fr.logits(x), want, "eval logits");
  } finally {
    fr.destroy();
  }
});

Deno.test("micro-batches: BN normalises each by its own statistics, gradients accumulate", async () => {
  const m = tinyBn(), params = trainedLike(m, 6), B = 2;
  const xs = [rand(B * 2 * 64, 7), rand(B * 2 * 64, 8)];
  const ys = [Int32Array.of(1, 2), Int32Array.of(4, 0)];
  const g = trainGraph(m, B, { dropout: false });
  // The reference: each micro-batch alone, its loss gradient 1/2; the statistics updated by the
  // first before the second runs.
  let p = params;
  const want = new Map<string, Float64Array>();
  for (const [i, x] of xs.entries()) {
    const v = evaluate(g, { inputs: { x, labels: ys[i], dloss: Float32Array.of(0.5) }, params: p });
    for (const [k, id] of Object.entries(g.outputs)) {
      if (!k.startsWith("grad:")) continue;
      const sum = want.get(k) ?? new Float64Array(v[id].data.length);
      v[id].data.forEach((d, j) => sum[j] += d);
      want.set(k, sum);
    }
    p = new Map(p);
    for (const [k, id] of Object.entries(g.outputs)) {
      if (k.startsWith("running:")) p.set(k.slice(8), v[id].data as Float32Array);
    }
  }
  const tiles = tilePolicy(await getAdapterTraits());
  const step = await TrainStep.create(await getDevice(), m, {
    batch: B,
    accumulate: 2,
    tiles,
    dropout: false,
  });
  try {
    step.setParams(params);
    await step.step(xs.map((x, i) => ({ x, y: ys[i] })), 0, 1, { update: false });
    const grads = await step.getGrads();
    for (const name of ["features.1.weight", "features.5.bias", "classifier.0.weight"]) {
      assertClose(grads.get(name)!, want.get(`grad:${name}`)!, `accumulated grad ${name}`);
    }
    const after = await step.getParams();
    assertClose(after.get("features.5.running_var")!, p.get("features.5.running_var")!, "var");
    assert.deepStrictEqual([...after.get("features.5.num_batches_tracked")!], [5]);
  } finally {
    step.destroy();
  }
});

Deno.test("a tiny BN net trains: the loss falls on a learnable task", async () => {
  const m = model("tiny-bn-train", net`conv3-4-BN >> maxpool >> FC-${2} >> soft-max`, [1, 4, 4]);
  const tiles = tilePolicy(await getAdapterTraits());
  const step = await TrainStep.create(await getDevice(), m, { batch: 8, tiles, dropout: false });
  try {
    step.setParams(init(m, 1));
    // Class 1: a bright top half; class 0: a bright bottom half; noise elsewhere.
    const batch = (seed: number) => {
      const y = Int32Array.from({ length: 8 }, (_, i) => (i + seed) % 2);
      const x = rand(8 * 16, seed).map((v) => 0.3 * v);
      y.forEach((c, i) => {
        for (let p = 0; p < 8; p++) x[i * 16 + (c ? p : 8 + p)] += 1;
      });
      return [{ x, y }];
    };
    const losses: number[] = [];
    for (let s = 0; s < 30; s++) losses.push((await step.step(batch(s), 0.1, s)).loss);
    const first = losses.slice(0, 5).reduce((a, b) => a + b) / 5;
    const last = losses.slice(-5).reduce((a, b) => a + b) / 5;
    assert.ok(last < 0.5 * first, `loss ${first.toFixed(3)} -> ${last.toFixed(3)}`);
    const p = await step.getParams();
    assert.deepStrictEqual([...p.get("features.1.num_batches_tracked")!], [30]);
    assert.ok(p.get("features.1.running_var")!.some((v) => Math.abs(v - 1) > 1e-3));
  } finally {
    step.destroy();
  }
});

Deno.test("WGSL of the BN kernels", () => {
  const train = lower(trainGraph(tinyBn(), 2), { tiles: GPU_TILES });
  const fwd = lower(forwardGraph(tinyBn(), 2), { tiles: GPU_TILES });
  const pick = (p: typeof train, name: string, f = (_: KernelSpec) => true) => {
    const k = p.kernels.find((k) => k.name === name && f(k.spec));
    if (!k) throw new Error(`no kernel ${name}`);
    return emitKernel(k.spec).wgsl;
  };
  const isVar = (s: KernelSpec) => s.kind === "bn_running" && s.stat === "var";
  assertSnapshot("wgsl/bn/bn_stats.wgsl", pick(train, "features.5:bn_stats"));
  assertSnapshot("wgsl/bn/bn_apply_relu.wgsl", pick(train, "features.5:batchnorm+relu"));
  assertSnapshot("wgsl/bn/bn_running_var.wgsl", pick(train, "features.5:bn_running", isVar));
  assertSnapshot("wgsl/bn/bn_sums.wgsl", pick(train, "features.5:bn_sums"));
  assertSnapshot("wgsl/bn/batchnorm_grad.wgsl", pick(train, "features.5:batchnorm_grad"));
  assertSnapshot("wgsl/bn/bn_fold_weight.wgsl", pick(fwd, "features.4:bn_fold_weight"));
  assertSnapshot("wgsl/bn/bn_fold_bias.wgsl", pick(fwd, "features.4:bn_fold_bias"));
});
