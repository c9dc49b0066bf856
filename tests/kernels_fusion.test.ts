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
import type { EpilogueOp, PoolSpec } from "../compiler/kernels/spec.ts";
import { trainGraph } from "../dsl/mod.ts";
import { configs } from "../nets/mod.ts";
import { runKernel } from "../runtime/kernel_runner.ts";
import {
  assertClose,
  epilogueInputs,
  epilogueReference,
  getDevice,
  rand,
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
  [{ op: "mask" }],
  [{ op: "mask" }, { op: "dropout", p: 0.5, key: 11 }],
  [{ op: "add" }],
  [{ op: "bias" }, { op: "mask" }],
];

async function checkFused(dims: number[], epilogue: EpilogueOp[], reluInput: boolean) {
  const [n, c, h, w] = dims;
  const x = coarse(n * c * h * w, 3, reluInput), xs = t(dims, x);
  const y = ops.maxpool.reference([xs], {});
  const g = rand(y.data.length, 4);
  const extras = epilogueInputs(epilogue, dims, 9);
  // The fold's real case: the mask is the pool's own input (the ReLU output).
  if (reluInput && epilogue[0].op === "mask") extras[0] = x;
  const dx = ops.maxpool_grad.reference([xs, t([...y.shape], g)], {});
  const want = epilogueReference(epilogue, dx, extras);
  const spec: PoolSpec = { kind: "maxpool_grad", n, c, h, w, epilogue };
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
    epilogue: [{ op: "mask" }],
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
      assert.deepStrictEqual((k.spec as PoolSpec).epilogue, [{ op: "mask" }], k.name);
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
  assert.strictEqual((apart.kernels[1].spec as PoolSpec).epilogue, undefined);
});
