// Backward fusions: maxpool_grad with an epilogue (the ReLU mask of the layer before the pool,
// folded in by compiler/lower.ts) against the primitives' references composed
// (relu_grad(maxpool_grad(x, g), y)), on odd shapes with ties; and the fold itself, counted
// in the training plan (tinygrad's check_schedule: a fusion is asserted as a kernel count).
// Tolerance: TOLERANCE in kernel_reference.ts; the fused kernel does the same f32 operations
// as the two kernels it replaces, so it matches to the last bit in practice.
import assert from "node:assert";
import { ops } from "../compiler/ops/mod.ts";
import { GraphBuilder } from "../compiler/ir.ts";
import { lower } from "../compiler/lower.ts";
import { tilePolicy } from "../compiler/kernels/tiles.ts";
import { emitKernel } from "../compiler/kernels/mod.ts";
import type { ConvSpec, EpilogueOp, GemmTile } from "../compiler/kernels/spec.ts";
import type { MaxpoolGradSpec } from "../compiler/ops/pool.ts";
import { forwardGraph, trainGraph } from "../dsl/mod.ts";
import { configs } from "../nets/mod.ts";
import { runKernel } from "../runtime/kernel_runner.ts";
import { wholeImages, withPacking } from "../compiler/kernels/conv_register.ts";
import { packWeights } from "../compiler/kernels/conv_pack.ts";
import {
  assertClose,
  dropoutOp,
  epilogueInputs,
  epilogueReference,
  getDevice,
  rand,
  sampled,
  t,
} from "./kernel_reference.ts";

/** Values on a coarse grid, so windows contain exact ties; ReLU-like (>= 0, many exact zeros)
 *  when `relu`, as a pool's input after a ReLU is. */
const coarse = (n: number, seed: number, relu = false) =>
  rand(n, seed).map((v) => Math.max(relu ? 0 : -1, Math.round(v * 4) / 4));

const SHAPES = [[3, 5, 5, 7], [1, 2, 4, 6], [2, 3, 3, 2], [1, 13, 7, 3]];

// The mask epilogue takes the sparse path (ops run at each window's maximum only); add and
// bias move zeros and take the per-element path, cut-off windows included.
const EPILOGUES: EpilogueOp[][] = [
  [{ op: "relu_grad" }],
  [{ op: "relu_grad" }, dropoutOp(0.5, 11)],
  [{ op: "add" }],
  [{ op: "bias" }, { op: "relu_grad" }],
];

async function checkFused(dims: number[], ops0: EpilogueOp[], reluInput: boolean) {
  const [n, c, h, w] = dims, epilogue = sampled(ops0, dims);
  const x = coarse(n * c * h * w, 3, reluInput), xs = t(dims, x);
  const y = ops.maxpool.reference([xs], {});
  const g = rand(y.data.length, 4);
  const extras = epilogueInputs(epilogue, dims, 9);
  // The fold's real case: the mask is the pool's own input (the ReLU output).
  if (reluInput && epilogue[0].op === "relu_grad") extras[0] = x;
  const dx = ops.maxpool_grad.reference([xs, t([...y.shape], g)], {});
  const want = epilogueReference(epilogue, dx, extras);
  const spec: MaxpoolGradSpec = { kind: "maxpool_grad", n, c, h, w, epilogue };
  // Start from garbage: every dx element must be written, cut-off windows included.
  const got = await runKernel(await getDevice(), spec, [x, g, ...extras], rand(x.length, 5));
  assertClose(got, want.data, `maxpool_grad [${epilogue.map((e) => e.op)}] ${dims}`);
}

Deno.test("maxpool_grad + epilogue = relu_grad(maxpool_grad) and others: odd sizes, ties", async () => {
  for (const dims of SHAPES) {
    for (const epi of EPILOGUES) {
      await checkFused(dims, epi, false);
      await checkFused(dims, epi, true);
    }
  }
});

Deno.test("maxpool_grad without an epilogue emits what it did before the fusion existed", () => {
  const plain = emitKernel({ kind: "maxpool_grad", n: 1, c: 2, h: 5, w: 5 });
  const empty = emitKernel({ kind: "maxpool_grad", n: 1, c: 2, h: 5, w: 5, epilogue: [] });
  assert.strictEqual(empty.wgsl, plain.wgsl);
  assert.strictEqual(plain.bindings.length, 3);
  const masked = emitKernel({
    kind: "maxpool_grad",
    n: 1,
    c: 2,
    h: 5,
    w: 5,
    epilogue: [{ op: "relu_grad" }],
  });
  assert.deepStrictEqual(masked.bindings.map((b) => b.name), ["x", "g", "ep0_mask", "dx"]);
});

const tiles = tilePolicy({ cpu: true, maxWorkgroupStorage: 32768, maxInvocations: 256 });

Deno.test("lowering folds the ReLU mask before every max-pool into maxpool_grad", () => {
  for (
    const m of [
      configs.A({ width: 8, size: 32, classes: 10 }),
      configs.E({ width: 8, size: 32, classes: 10 }),
    ]
  ) {
    const plan = lower(trainGraph(m, 2), { tiles });
    const pools = plan.kernels.filter((k) => k.spec.kind === "maxpool_grad");
    assert.strictEqual(pools.length, 5, m.name);
    for (const k of pools) {
      assert.deepStrictEqual(k.ops, ["maxpool_grad", "relu_grad"], k.name);
      assert.deepStrictEqual((k.spec as MaxpoolGradSpec).epilogue, [{ op: "relu_grad" }], k.name);
      // The mask is the pool's input (the ReLU output): the same value bound twice, read-only.
      assert.strictEqual(k.inputs[2], k.inputs[0], k.name);
    }
    // relu_grad survives only where it can fold nowhere else: no standalone one is left.
    const alone = plan.kernels.filter((k) => k.ops.length === 1 && k.ops[0] === "relu_grad");
    assert.deepStrictEqual(alone.map((k) => k.name), [], m.name);
  }
});

/** relu -> maxpool and the backward pair by hand; `shareDx` gives dx a second reader. */
function poolBackward(shareDx: boolean) {
  const b = new GraphBuilder();
  const x = b.add("input", [], { name: "x", shape: [2, 3, 5, 7], dtype: "f32" });
  const g = b.add("input", [], { name: "g", shape: [2, 3, 2, 3], dtype: "f32" });
  const y = b.add("relu", [x], {});
  const dx = b.add("maxpool_grad", [y, g], {});
  b.output("dz", b.add("relu_grad", [dx, y], {}));
  if (shareDx) b.output("dx", dx);
  return lower(b.build(), { tiles });
}

Deno.test("the fold needs maxpool_grad's output to have no other reader", () => {
  const fused = poolBackward(false);
  assert.deepStrictEqual(fused.kernels.map((k) => k.name), [":relu", ":maxpool_grad+relu_grad"]);
  const apart = poolBackward(true);
  assert.deepStrictEqual(apart.kernels.map((k) => k.name), [
    ":relu",
    ":maxpool_grad",
    ":relu_grad",
  ]);
  assert.strictEqual((apart.kernels[1].spec as MaxpoolGradSpec).epilogue, undefined);
});

// Forward: the 2x2 max-pool folded into the conv before it ("direct" tiles, forward plans).

/** Odd and even conv outputs (odd sizes floor), rows split unevenly by the segment, segments
 *  longer than the pooled row, 3x3 same and valid, and a 1x1. */
const POOLED_CONVS = [
  { n: 2, c: 3, h: 6, w: 8, o: 5, k: 3, pad: 1 },
  { n: 1, c: 4, h: 7, w: 9, o: 3, k: 3, pad: 1 },
  { n: 3, c: 2, h: 8, w: 7, o: 9, k: 3, pad: 0 },
  { n: 1, c: 5, h: 5, w: 6, o: 4, k: 1, pad: 0 },
];
const POOL_TILES: GemmTile[] = [
  { variant: "direct", bm: 6, bn: 8, bk: 1, tm: 3, tn: 4, ks: 1 },
  { variant: "direct", bm: 8, bn: 16, bk: 1, tm: 8, tn: 8, ks: 1 },
  { variant: "direct", bm: 2, bn: 12, bk: 1, tm: 1, tn: 6, ks: 1 },
];

Deno.test("conv + bias + ReLU + maxpool in one kernel = maxpool(relu(conv + b))", async () => {
  for (const d of POOLED_CONVS) {
    const x = rand(d.n * d.c * d.h * d.w, 1), wt = rand(d.o * d.c * d.k * d.k, 2);
    const b = rand(d.o, 3);
    const y = ops.conv2d.reference(
      [t([d.n, d.c, d.h, d.w], x), t([d.o, d.c, d.k, d.k], wt)],
      { k: d.k, pad: d.pad, flip: false },
    );
    for (const epilogue of [[], [{ op: "bias" }, { op: "relu" }]] as EpilogueOp[][]) {
      const extras = epilogue.length ? [b] : [];
      const want = ops.maxpool.reference([epilogueReference(epilogue, y, extras)], {});
      for (const tile of POOL_TILES) {
        const spec: ConvSpec = { kind: "conv", ...d, flip: false, epilogue, tile, pool: "max" };
        // Start from garbage: every pooled value must be written.
        const got = await runKernel(
          await getDevice(),
          spec,
          [x, wt, ...extras],
          rand(want.data.length, 4),
        );
        assert.strictEqual(got.length, want.data.length);
        assertClose(
          got,
          want.data,
          `conv+pool ${JSON.stringify(d)} tn=${tile.tn} [${epilogue.map((e) => e.op)}]`,
        );
      }
    }
  }
});

Deno.test("conv on whole small maps + bias + ReLU + pool: windows pooled in registers", async () => {
  // 4x4, 2x2 and 3x3 maps (3x3 floors to one window), a batch that leaves the last block's
  // maps past it (stored nowhere), max and mean, packed weights (tm 4) and plain (tm 3).
  const cases: [{ n: number; c: number; h: number; w: number; o: number }, GemmTile][] = [
    [{ n: 3, c: 4, h: 4, w: 4, o: 6 }, {
      variant: "register",
      bm: 8,
      bn: 32,
      bk: 4,
      tm: 4,
      tn: 16,
      ks: 1,
    }],
    [{ n: 5, c: 3, h: 2, w: 2, o: 5 }, {
      variant: "register",
      bm: 3,
      bn: 16,
      bk: 4,
      tm: 3,
      tn: 8,
      ks: 1,
    }],
    [{ n: 2, c: 2, h: 3, w: 3, o: 4 }, {
      variant: "register",
      bm: 4,
      bn: 9,
      bk: 4,
      tm: 4,
      tn: 9,
      ks: 1,
    }],
  ];
  for (const [d, tile] of cases) {
    const q = { ...d, k: 3, pad: 1 };
    const x = rand(d.n * d.c * d.h * d.w, 1), wt = rand(d.o * d.c * 9, 2), b = rand(d.o, 3);
    const y = ops.conv2d.reference(
      [t([d.n, d.c, d.h, d.w], x), t([d.o, d.c, 3, 3], wt)],
      { k: 3, pad: 1, flip: false },
    );
    const epilogue: EpilogueOp[] = [{ op: "bias" }, { op: "relu" }];
    const act = epilogueReference(epilogue, y, [b]);
    for (const pool of ["max", "avg"] as const) {
      const want = pool === "max"
        ? ops.maxpool.reference([act], {})
        : ops.avgpool.reference([act], { kh: 2, kw: 2 });
      const spec = withPacking({ kind: "conv", ...q, flip: false, epilogue, tile, pool });
      assert.ok(wholeImages(spec));
      const w = spec.packed ? packWeights(wt, { ...q, flip: false }) : wt;
      const got = await runKernel(await getDevice(), spec, [x, w, b], rand(want.data.length, 4));
      assertClose(got, want.data, `whole-map conv+${pool}pool ${JSON.stringify(d)}`);
    }
  }
});

Deno.test("lowering folds each max-pool into its conv in forward plans on CPU tiles only", () => {
  const gpuTiles = tilePolicy({ cpu: false, maxWorkgroupStorage: 32768, maxInvocations: 256 });
  for (const size of [32, 40]) {
    const m = configs.E({ width: 8, size, classes: 10 });
    // Batch 64: the untuned rule keeps convs under 8 M multiply-adds direct.
    const plain = lower(forwardGraph(m, 64), { tiles: gpuTiles });
    const fused = lower(forwardGraph(m, 64), { tiles });
    const pools = (p: typeof plain) => p.kernels.filter((k) => k.ops.includes("maxpool"));
    assert.strictEqual(pools(plain).length, 5);
    assert.ok(pools(plain).every((k) => k.spec.kind === "maxpool"));
    // Every stage folds. The first ends in a direct conv (8 channels): row segments. The
    // middle ones end in Winograd convs (16 channels and more), whose output transform owns
    // whole even tiles. Maps of 16 pixels or fewer (4x4, 2x2) run direct with whole maps per
    // invocation, which pool in registers. At 40 the 20-, 10- and 5-pixel rows get odd
    // segments (5), which the fold grows to 6.
    const folded = pools(fused).filter((k) => k.spec.kind !== "maxpool");
    assert.strictEqual(folded.length, 5, `${size}: ${folded.map((k) => k.name)}`);
    assert.deepStrictEqual(
      folded.map((k) => k.spec.kind),
      size === 32
        ? ["conv", "winograd_output", "winograd_output", "conv", "conv"]
        : ["conv", "winograd_output", "winograd_output", "winograd_output", "conv"],
    );
    for (const k of folded) {
      assert.deepStrictEqual(k.ops, ["conv2d", "bias", "relu", "maxpool"], k.name);
      assert.strictEqual((k.spec as { pool?: string }).pool, "max", k.name);
      if (k.spec.kind === "conv") assert.strictEqual(k.spec.tile.tn % 2, 0, k.name);
    }
    const directOnly = lower(forwardGraph(m, 64), {
      tiles: { ...tiles, winograd: () => undefined },
    });
    // Direct only, every stage folds too: row segments, or whole maps on the 2x2 ones.
    const directFolds = pools(directOnly).filter((k) => k.spec.kind === "conv");
    assert.strictEqual(directFolds.length, 5);
    assert.ok(directFolds.every((k) => (k.spec as ConvSpec).pool === "max"));
    assert.strictEqual((directFolds[4].spec as ConvSpec).tile.variant, "register");
    // The plan has the GPU plan's kernels less the folded pools, plus the CPU tiles' weight
    // copies (one per conv).
    const packs = directOnly.kernels.filter((k) => k.spec.kind === "conv_pack").length;
    assert.strictEqual(packs, 16);
    assert.strictEqual(
      directOnly.kernels.length,
      plain.kernels.length - directFolds.length + packs,
    );
  }
  // Training plans never fold: the backward reads the full-resolution ReLU output.
  const train = lower(trainGraph(configs.E({ width: 8, size: 32, classes: 10 }), 2), { tiles });
  assert.ok(train.kernels.every((k) => !("pool" in k.spec && k.spec.pool)));
  assert.strictEqual(train.kernels.filter((k) => k.spec.kind === "maxpool").length, 5);
});
