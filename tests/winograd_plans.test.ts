// Whole plans with Winograd chosen, on the GPU: a small net whose every 3x3 conv runs by
// Winograd (each tile size, the split, fused and fused-output chains, the weight gradient by
// F(3 x 3, m x m), partial tiles on 9x9 and 4x4 maps, max and average pools folded into output
// transforms) against the reference interpreter, forward and gradients; a training step with
// gradient accumulation against the direct plan's; the forward under f16 storage. (The VGG nets
// run Winograd in tests/gpu_forward.test.ts and gpu_train.test.ts too wherever the adapter's
// policy picks it: on CPU adapters for every 3x3 layer of 16 channels and more.)
//
// Tolerance, max|gpu - ref| / max|ref| per tensor: the direct plans' 1e-4 (f32 sums in other
// orders) plus, for each conv run by Winograd, its tile's bound from the accuracy study
// (compiler/winograd/accuracy.ts: F(2,3) 1e-5, F(4,3) 4e-5, F(6,3) 1.5e-4, 4x or more of the
// worst error measured up to 512 channels): to first order each layer adds its own relative
// error. A wrong index, matrix entry or fold errs by 1e-3 and more.
import assert from "node:assert";
import { convAlgorithms } from "../compiler/algorithms.ts";
import { tilePolicy } from "../compiler/kernels/tiles.ts";
import {
  type WinogradChoice,
  winogradDefaults,
  winogradGradDefaults,
} from "../compiler/kernels/winograd_chain.ts";
import { type KernelPlan, lower, type TilePolicy } from "../compiler/lower.ts";
import { WINOGRAD_TOLERANCE } from "../compiler/winograd/accuracy.ts";
import { evaluate } from "../compiler/interpret.ts";
import { avgpool, conv3, fc, pool, relu, seq, softmax } from "../dsl/layers.ts";
import { forwardGraph, model, type Params, trainGraph } from "../dsl/mod.ts";
import { ForwardRunner } from "../runtime/forward.ts";
import { TrainStep } from "../runtime/train_step.ts";
import {
  assertParamsClose,
  batchOf,
  gpu,
  paramsWithBiases,
  referenceForward,
  referenceGrads,
  relError,
} from "./helpers/gpu.ts";
import { HAS_F16, NO_F16 } from "./helpers/half.ts";
import { RUN_WORKGROUP_BYTES } from "./helpers/tiles.ts";

// 8 -> 16 channels on 9x9 (3x3 tiles of F(4,3), the last ones partial), max-pool to 4x4, 16 ->
// 16 and 16 -> 24 on 4x4, 2x2 average, FC.
const NET = model(
  "winograd-net",
  seq(conv3(16), relu, pool, conv3(16), relu, conv3(24), relu, avgpool(2), fc(10), softmax),
  [8, 9, 9],
);

const direct = tilePolicy({
  cpu: true,
  maxWorkgroupStorage: RUN_WORKGROUP_BYTES,
  maxInvocations: 256,
});

/** Every 3x3 conv of NET by Winograd, each layer and pass another tile or chain. */
const WINOGRAD: TilePolicy = {
  ...direct,
  winograd: (q): WinogradChoice => {
    const [m, variant]: [2 | 4 | 6, WinogradChoice["variant"]] = !q.flip
      ? q.c === 8 ? [4, "split"] : q.o === 16 ? [2, "split"] : [6, "split"]
      : q.c === 24
      ? [4, "fused"]
      : [2, "fused-output"];
    return winogradDefaults(q, m, variant);
  },
  // The first layer's and the 16 -> 16 layer's weight gradients; the last stays direct.
  winogradGradWeight: (q) =>
    q.c === 8 ? winogradGradDefaults(q, 4) : q.o === 16 ? winogradGradDefaults(q, 2) : undefined,
};
const DIRECT: TilePolicy = { ...direct, winograd: () => undefined };
const LR = 0.05;

/** The smallest |pre-activation| of the net's ReLUs on a batch (reference interpreter). A
 *  gradient comparison needs it well above the plans' differences (~1e-7 of the scale here):
 *  an input within rounding of ReLU's kink may fall on either side in either plan, and its
 *  mask then moves that element's gradient by O(1). The seeds below keep it above 1e-5. */
function kinkMargin(p: Params, x: Float32Array): number {
  const g = forwardGraph(NET, 2), vals = evaluate(g, { inputs: { x }, params: p });
  let m = Infinity;
  for (const n of g.nodes) {
    if (n.op !== "relu") continue;
    for (const v of vals[n.inputs[0]].data) m = Math.min(m, Math.abs(v));
  }
  return m;
}
const MARGIN = 1e-5;

/** The direct plans' bound plus each Winograd conv's (see the header). */
function tolerance(plan: KernelPlan): number {
  return convAlgorithms(plan).reduce((t, a) => {
    const m = /^winograd F\((\d)x\d,3x3\)|^winograd F\(3x3,(\d)x\d\)/.exec(a.algorithm);
    return t + (m ? WINOGRAD_TOLERANCE[Number(m[1] ?? m[2]) as 2 | 4 | 6] : 0);
  }, 1e-4);
}

Deno.test("the test net's plans run every 3x3 conv by Winograd, as intended", () => {
  const algos = (p: KernelPlan) => convAlgorithms(p).map((a) => `${a.pass} ${a.algorithm}`);
  assert.deepStrictEqual(algos(lower(forwardGraph(NET, 2), { tiles: WINOGRAD })), [
    "forward winograd F(4x4,3x3) split 8x16",
    "forward winograd F(2x2,3x3) split 8x16",
    "forward winograd F(6x6,3x3) split 8x16",
  ]);
  const train = lower(trainGraph(NET, 2), { tiles: WINOGRAD });
  assert.deepStrictEqual(algos(train).filter((a) => !a.startsWith("forward")).sort(), [
    "input-grad winograd F(2x2,3x3) fused-output 4x2",
    "input-grad winograd F(4x4,3x3) fused 2x1",
    "weight-grad direct 8x8 (register)",
    "weight-grad winograd F(3x3,2x2) 8x8 /1",
    "weight-grad winograd F(3x3,4x4) 8x8 /1",
  ]);
  // Both pools fold into the output transforms of forward plans.
  const fwd = lower(forwardGraph(NET, 2), { tiles: WINOGRAD });
  assert.deepStrictEqual(
    fwd.kernels.filter((k) => k.spec.kind === "winograd_output").map((k) => k.ops.join("+")),
    ["conv2d+bias+relu+maxpool", "conv2d+bias+relu", "conv2d+bias+relu+avgpool"],
  );
});

Deno.test("forward with Winograd equals the reference", async () => {
  const { device } = await gpu();
  const p = paramsWithBiases(NET, 3), { x } = batchOf(NET, 2, 17);
  const want = referenceForward(NET, p, x, 2);
  const r = await ForwardRunner.create(device, NET, 2, WINOGRAD);
  try {
    r.setParams(p);
    const tol = tolerance(r.plan);
    const e = relError(await r.logits(x), want.logits);
    assert.ok(e <= tol, `logits relative error ${e.toExponential(2)} > ${tol}`);
    // Again on other weights: the filter transforms run again with setParams.
    const p2 = paramsWithBiases(NET, 4);
    r.setParams(p2);
    const e2 = relError(await r.logits(x), referenceForward(NET, p2, x, 2).logits);
    assert.ok(e2 <= tol, `after setParams: ${e2.toExponential(2)} > ${tol}`);
  } finally {
    r.destroy();
  }
});

Deno.test("gradients with Winograd (input and weight gradients) equal the reference", async () => {
  const { device } = await gpu();
  const p = paramsWithBiases(NET, 5), b = batchOf(NET, 2, 23);
  assert.ok(kinkMargin(p, b.x) >= MARGIN, "a ReLU input near its kink: pick other seeds");
  const want = referenceGrads(NET, p, b);
  const ts = await TrainStep.create(device, NET, { batch: 2, dropout: false, tiles: WINOGRAD });
  try {
    ts.setParams(p);
    const tol = tolerance(ts.ex.plan);
    const r = await ts.step([b], 0, 1, { update: false });
    assert.ok(Math.abs(r.loss - want.loss) <= tol * want.loss, `loss ${r.loss} vs ${want.loss}`);
    assertParamsClose(await ts.getGrads(), want.grads, tol, "Winograd gradients");
  } finally {
    ts.destroy();
  }
});

Deno.test("a training step with Winograd equals the direct plan's (two micro-batches)", async () => {
  // Accumulation runs the filter transforms in the first micro-batch only: the second reads U
  // from buffers kept for it. Momentum and weight decay as in training.
  const { device } = await gpu();
  const p0 = paramsWithBiases(NET, 10);
  const micro = [batchOf(NET, 2, 31), batchOf(NET, 2, 37)];
  // Away from ReLU's kinks at both steps' weights (the second's: the reference's first update,
  // plain SGD from zero momentum, close enough to what the step does).
  const g = micro.map((b) => referenceGrads(NET, p0, b, { dloss: 0.5 }).grads);
  const p1: Params = new Map([...p0].map(([k, v]) => [
    k,
    v.map((x, i) => x - LR * (g[0].get(k)![i] + g[1].get(k)![i])),
  ]));
  for (const p of [p0, p1]) {
    for (const b of micro) {
      assert.ok(kinkMargin(p, b.x) >= MARGIN, "a ReLU input near its kink: pick other seeds");
    }
  }
  const run = async (tiles: TilePolicy) => {
    const ts = await TrainStep.create(device, NET, { batch: 2, accumulate: 2, tiles });
    try {
      ts.setParams(p0);
      const losses = [];
      for (const seed of [1, 2]) losses.push((await ts.step(micro, LR, seed)).loss);
      return { losses, params: await ts.getParams(), tol: tolerance(ts.ex.plan) };
    } finally {
      ts.destroy();
    }
  };
  const w = await run(WINOGRAD), d = await run(DIRECT);
  const delta = (p: Params): Params =>
    new Map([...p].map(([k, v]) => [k, v.map((x, i) => x - p0.get(k)![i])]));
  for (let i = 0; i < 2; i++) {
    assert.ok(
      Math.abs(w.losses[i] - d.losses[i]) <= w.tol * d.losses[i],
      `step ${i + 1} loss ${w.losses[i]} vs ${d.losses[i]}`,
    );
  }
  // Two steps' updates (the second from the first's weights: its filter transforms must see
  // them), each parameter's change against the direct plan's.
  assertParamsClose(delta(w.params), delta(d.params), w.tol, "updates after two steps");
});

Deno.test({
  name: `f16 storage with Winograd: the forward within f16 rounding of the f32 reference${NO_F16}`,
  ignore: !HAS_F16,
  fn: async () => {
    const { device } = await gpu();
    const p = paramsWithBiases(NET, 3), { x } = batchOf(NET, 2, 17);
    const want = referenceForward(NET, p, x, 2);
    const r = await ForwardRunner.create(device, NET, 2, WINOGRAD, "f16");
    try {
      r.setParams(p);
      // f16's 2^-11 rounding of every stored activation dominates (gpu_half.test.ts: 2e-2);
      // U, V and M stay f32.
      const e = relError(await r.logits(x), want.logits);
      assert.ok(e <= 2e-2, `f16 logits relative error ${e.toExponential(2)}`);
    } finally {
      r.destroy();
    }
  },
});
