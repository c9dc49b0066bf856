// Average pooling: `avgpool(k)` and global average pooling `gap`. The gradient against finite
// differences (float64 reference), the kernels against the primitives' references on odd
// shapes (a few small GPU kernels: the suite must stay fast on OpenGL), the folds (a 2x2
// average into the conv before it, the ReLU mask into the gradient), the DSL spellings, and
// the WGSL pinned as snapshots.
import assert from "node:assert";
import { emitKernel } from "../compiler/kernels/mod.ts";
import type { ConvSpec, EpilogueOp, GemmTile } from "../compiler/kernels/spec.ts";
import { lower, printPlan } from "../compiler/lower.ts";
import { ops } from "../compiler/ops/mod.ts";
import type { AvgPoolGradSpec, AvgPoolSpec } from "../compiler/ops/avgpool.ts";
import { size } from "../compiler/ir.ts";
import {
  applyReference,
  avgpool,
  conv3,
  describe,
  fc,
  forwardGraph,
  gap,
  init,
  model,
  net,
  seq,
  trainGraph,
} from "../dsl/mod.ts";
import { runKernel } from "../runtime/kernel_runner.ts";
import { type Arg, assertCheck, checkModel, checkVjp, randn } from "./helpers/gradcheck.ts";
import { CPU_TILES, GPU_TILES } from "./helpers/gpu.ts";
import { assertSnapshot } from "./helpers/snapshot.ts";
import {
  assertClose,
  epilogueInputs,
  epilogueReference,
  getDevice,
  rand,
  t,
} from "./kernel_reference.ts";

let argSeed = 300;
const arg = (name: string, shape: number[]): Arg => ({
  name,
  shape,
  data: randn(size(shape), argSeed++),
});

Deno.test("grad avgpool: 2x2 even and floored, 3x2 windows, and the global window", () => {
  const cases: [number[], number, number][] = [
    [[2, 2, 4, 4], 2, 2],
    [[1, 3, 5, 3], 2, 2],
    [[1, 2, 7, 5], 3, 2],
    [[2, 3, 3, 4], 3, 4],
  ];
  for (const [shape, kh, kw] of cases) {
    assertCheck(
      checkVjp((b, [x]) => b.add("avgpool", [x], { kh, kw }), [arg("x", shape)]),
      1e-6,
      `avgpool ${kh}x${kw} on ${shape}`,
    );
  }
});

Deno.test("reference: the mean of each window, odd sizes floored; gap is the channel mean", () => {
  const x = t([1, 1, 3, 5], Float32Array.from({ length: 15 }, (_, i) => i));
  // Windows rows 0-1, columns 0-1 and 2-3 (row 2 and column 4 are cut off).
  assert.deepStrictEqual([...ops.avgpool.reference([x], { kh: 2, kw: 2 }).data], [3, 5]);
  const g = ops.avgpool.reference([x], { kh: 3, kw: 5 });
  assert.deepStrictEqual([g.shape, [...g.data]], [[1, 1, 1, 1], [7]]);
  const dx = ops.avgpool_grad.reference([t([1, 1, 1, 2], Float32Array.of(4, 8))], {
    kh: 2,
    kw: 2,
    h: 3,
    w: 5,
  });
  assert.deepStrictEqual([...dx.data], [1, 1, 2, 2, 0, 1, 1, 2, 2, 0, 0, 0, 0, 0, 0]);
});

Deno.test("avgpool kernel = reference: 2x2 odd sizes, 3x3, and a global window", async () => {
  for (const [n, c, h, w, k, kw] of [[3, 5, 5, 7, 2, 2], [1, 2, 7, 6, 3, 3], [2, 3, 4, 5, 4, 5]]) {
    const x = rand(n * c * h * w, 1);
    const want = ops.avgpool.reference([t([n, c, h, w], x)], { kh: k, kw });
    const spec: AvgPoolSpec = { kind: "avgpool", n, c, h, w, kh: k, kw };
    const got = await runKernel(await getDevice(), spec, [x], rand(want.data.length, 9));
    assertClose(got, want.data, `avgpool ${[n, c, h, w, k, kw]}`);
  }
});

Deno.test("avgpool_grad kernel = reference, with the ReLU mask and a bias as epilogues", async () => {
  const [n, c, h, w, kh, kw] = [2, 3, 5, 7, 2, 3];
  const ho = Math.floor(h / kh), wo = Math.floor(w / kw);
  const g = rand(n * c * ho * wo, 2);
  const dx = ops.avgpool_grad.reference([t([n, c, ho, wo], g)], { kh, kw, h, w });
  // Garbage in the output first: every element, the cut-off ones too, must be written.
  for (const epilogue of [[], [{ op: "relu_grad" }], [{ op: "bias" }]] as EpilogueOp[][]) {
    const extras = epilogueInputs(epilogue, [n, c, h, w], 5);
    const want = epilogueReference(epilogue, dx, extras);
    const spec: AvgPoolGradSpec = { kind: "avgpool_grad", n, c, h, w, kh, kw, epilogue };
    const got = await runKernel(await getDevice(), spec, [g, ...extras], rand(n * c * h * w, 3));
    assertClose(got, want.data, `avgpool_grad [${epilogue.map((e) => e.op)}]`);
  }
});

Deno.test("conv + bias + ReLU + 2x2 average in one kernel = avgpool(relu(conv + b))", async () => {
  const d = { n: 2, c: 3, h: 7, w: 9, o: 5, k: 3, pad: 1 };
  const tile: GemmTile = { variant: "direct", bm: 6, bn: 12, bk: 2, tm: 3, tn: 6, ks: 1 };
  const x = rand(d.n * d.c * d.h * d.w, 1), wt = rand(d.o * d.c * 9, 2), b = rand(d.o, 3);
  const y = ops.conv2d.reference(
    [t([d.n, d.c, d.h, d.w], x), t([d.o, d.c, 3, 3], wt)],
    { k: 3, pad: 1, flip: false },
  );
  const epilogue: EpilogueOp[] = [{ op: "bias" }, { op: "relu" }];
  const want = ops.avgpool.reference([epilogueReference(epilogue, y, [b])], { kh: 2, kw: 2 });
  const spec: ConvSpec = { kind: "conv", ...d, flip: false, epilogue, tile, pool: "avg" };
  const got = await runKernel(await getDevice(), spec, [x, wt, b], rand(want.data.length, 4));
  assertClose(got, want.data, "conv+avgpool");
});

/** A small all-convolutional net: a 2x2 average between stages, the global average as head. */
const allConv = (classes = 4) =>
  model(
    "all-conv",
    net`conv3(4) >> relu >> avgpool(2) >> conv3(6) >> relu >> conv1(${classes}) >> gap >> softmax`,
    [2, 8, 8],
  );

Deno.test("DSL: avgpool(k), bare avgpool and gap; the head ends in [N, classes]", () => {
  const m = allConv();
  assert.strictEqual(m.classes, 4);
  assert.deepStrictEqual(m.table.map((r) => r.desc), [
    "conv3-4",
    "relu",
    "avgpool2",
    "conv3-6",
    "relu",
    "conv1-4",
    "gap",
    "soft-max",
  ]);
  assert.deepStrictEqual(m.table.map((r) => r.shape).slice(-2), [[4], [4]]);
  assert.strictEqual(describe(net`avgpool >> avgpool(3)`), "avgpool2 >> avgpool3");
  assert.deepStrictEqual(avgpool(), { kind: "avgpool", k: 2 });
  assert.strictEqual(describe(seq(gap, fc(3))), "gap >> FC-3");
  assert.throws(() => net`avgpool(0)`, /avgpool size must be a positive integer/);
  assert.throws(() => model("x", seq(conv3(2), avgpool(3)), [1, 2, 2]), /3x3 average pool/);
  // A pool ends a stage (init_from counts stages by it), the global head does not.
  assert.deepStrictEqual(m.table.filter((r) => r.endsStage).map((r) => r.name), ["features.2"]);
});

Deno.test("gradient of a net with avgpool and gap against finite differences", () => {
  assertCheck(checkModel(allConv(), 2, { dropout: false }), 1e-6, "all-conv");
});

Deno.test("plans: the 2x2 average folds into its conv (CPU forward), the ReLU mask into the gradient", () => {
  const m = allConv();
  const fwd = lower(forwardGraph(m, 2), { tiles: CPU_TILES });
  const names = fwd.kernels.map((k) => k.name);
  assert.ok(names.includes("features.0:conv2d+bias+relu+avgpool"), names.join(", "));
  const pooled = fwd.kernels.find((k) => k.ops.includes("avgpool"))!.spec as ConvSpec;
  assert.strictEqual(pooled.pool, "avg");
  // GPU tiles have no row segments: the pool runs alone.
  const gpu = lower(forwardGraph(m, 2), { tiles: GPU_TILES });
  assert.strictEqual(gpu.kernels.filter((k) => k.spec.kind === "avgpool").length, 2);
  const train = lower(trainGraph(m, 2), { tiles: CPU_TILES });
  const grads = train.kernels.filter((k) => k.spec.kind === "avgpool_grad").map((k) => k.name);
  // The 2x2 pool's gradient takes the mask of the ReLU before it; the head's follows a conv.
  assert.deepStrictEqual(grads, ["features.6:avgpool_grad", "features.2:avgpool_grad+relu_grad"]);
  assertSnapshot("plans/all_conv_train.cpu.txt", printPlan(train));
});

Deno.test("the GPU forward of a net with avgpool and gap equals the reference", async () => {
  const { ForwardRunner } = await import("../runtime/forward.ts");
  const { getAdapterTraits } = await import("../runtime/device.ts");
  const { tilePolicy } = await import("../compiler/kernels/tiles.ts");
  const m = allConv(), params = init(m, 3), x = rand(3 * 2 * 8 * 8, 7);
  const r = await ForwardRunner.create(
    await getDevice(),
    m,
    3,
    tilePolicy(await getAdapterTraits()),
  );
  try {
    r.setParams(params);
    assertClose(await r.logits(x), applyReference(m, params, x), "all-conv logits");
  } finally {
    r.destroy();
  }
});

Deno.test("WGSL of avgpool and avgpool_grad (with the ReLU mask)", () => {
  const plan = lower(trainGraph(allConv(), 2), { tiles: GPU_TILES });
  for (const kind of ["avgpool", "avgpool_grad"] as const) {
    const k = plan.kernels.filter((k) => k.spec.kind === kind).at(-1)!;
    assertSnapshot(`wgsl/${kind}.wgsl`, emitKernel(k.spec).wgsl);
  }
});
