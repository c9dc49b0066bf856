// Kernel counts of lowered plans (tinygrad's check_schedule): the fusion rules hold on whole
// nets, so a rule that silently stops firing shows up as an extra kernel. Planning needs no
// GPU; the tile policy is pinned to a GPU-class adapter so that nothing depends on the machine.
import assert from "node:assert";
import { forwardGraph, trainGraph } from "../dsl/mod.ts";
import { lower, type PlannedKernel } from "../compiler/lower.ts";
import { configs } from "../nets/mod.ts";
import { GPU_TILES } from "./helpers/gpu.ts";

const count = (ks: PlannedKernel[], f: (k: PlannedKernel) => boolean) => ks.filter(f).length;
const opsOf = (k: PlannedKernel) => k.ops.join("+");

Deno.test("forward of D (224x224, full width): one kernel per layer, nothing left unfused", () => {
  const m = configs.D();
  const plan = lower(forwardGraph(m, 1), { tiles: GPU_TILES });
  const ks = plan.kernels;
  const convLayers = m.params.filter((p) => p.name.startsWith("features.") && p.role === "weight");
  assert.strictEqual(convLayers.length, 13);
  // Each conv layer is exactly one kernel, with its bias and ReLU folded in.
  assert.strictEqual(count(ks, (k) => k.spec.kind === "conv"), 13);
  assert.strictEqual(count(ks, (k) => opsOf(k) === "conv2d+bias+relu"), 13);
  for (const p of convLayers) {
    const layer = p.name.replace(/\.weight$/, "");
    assert.strictEqual(count(ks, (k) => k.layer === layer), 1, `kernels of ${layer}`);
  }
  assert.strictEqual(count(ks, (k) => k.spec.kind === "maxpool"), 5);
  // Three FC layers, the first two with bias + ReLU, the last with bias only.
  assert.deepStrictEqual(ks.filter((k) => k.spec.kind === "matmul").map(opsOf), [
    "matmul+bias+relu",
    "matmul+bias+relu",
    "matmul+bias",
  ]);
  assert.strictEqual(count(ks, (k) => k.spec.kind === "softmax"), 1);
  assert.strictEqual(ks.length, 13 + 5 + 3 + 1);
  // No kernel does only elementwise work that could have folded into its producer.
  for (const k of ks) {
    assert.ok(!k.ops.every((o) => o === "relu" || o === "bias"), `unfused ${k.name}`);
  }
});

Deno.test("training plan of E: ReLU gradients fold into conv kernels except after a max-pool", () => {
  const m = configs.E({ width: 8, size: 32, classes: 10 });
  const plan = lower(trainGraph(m, 2, { dropout: false }), { tiles: GPU_TILES });
  const ks = plan.kernels;
  const producer = new Map(ks.map((k) => [k.output, k]));
  const withMask = ks.filter((k) => k.ops.includes("relu_grad"));
  const inConv = withMask.filter((k) => opsOf(k) === "conv2d+relu_grad");
  const inMatmul = withMask.filter((k) => opsOf(k) === "matmul+relu_grad");
  const inPool = withMask.filter((k) => opsOf(k) === "maxpool_grad+relu_grad");
  const alone = withMask.filter((k) => opsOf(k) === "relu_grad");
  // E: 16 conv layers, each followed by a ReLU; 5 of them feed a max-pool. 2 FC + ReLU.
  // A ReLU gradient g * (y > 0) folds into the kernel producing g when that kernel can host an
  // epilogue: the input-gradient conv of the next layer (11 ReLUs), or the next FC's input
  // gradient matmul (2). For the 5 ReLUs before a pool, g comes from maxpool_grad, which
  // routes each window's gradient to its argmax: a kernel that hosts no epilogue leaves
  // their mask to a standalone kernel right after it; one that does (lower.ts lists
  // maxpool_grad among the epilogue kinds) takes it in. Either way those 5 are the only ReLU
  // gradients not folded into a conv or matmul.
  assert.strictEqual(inConv.length, 11);
  assert.strictEqual(inMatmul.length, 2);
  assert.strictEqual(alone.length + inPool.length, 5);
  assert.strictEqual(withMask.length, 18, withMask.map((k) => k.name).join(", "));
  for (const k of alone) {
    const g = producer.get(k.inputs[0]);
    assert.strictEqual(g?.spec.kind, "maxpool_grad", `${k.name} reads ${g?.name}`);
  }
  // ...and every maxpool_grad is followed by (or carries) such a mask: 5 pools.
  const poolGrads = ks.filter((k) => k.spec.kind === "maxpool_grad");
  assert.strictEqual(poolGrads.length, 5);
  for (const p of poolGrads) {
    assert.ok(
      p.ops.includes("relu_grad") || alone.some((k) => k.inputs[0] === p.output),
      `${p.name}: no ReLU mask after it`,
    );
  }
  // The fused ones compute the next layer's input gradient: a conv with flip.
  for (const k of inConv) assert.ok(k.spec.kind === "conv" && k.spec.flip, k.name);
});

Deno.test("training plan of E: no gradient for the input image (dead code pruned)", () => {
  const m = configs.E({ width: 8, size: 32, classes: 10 });
  const plan = lower(trainGraph(m, 2, { dropout: false }), { tiles: GPU_TILES });
  const ks = plan.kernels;
  const flips = ks.filter((k) => k.spec.kind === "conv" && k.spec.flip);
  // 16 conv layers; every one but the first needs its input gradient.
  assert.strictEqual(flips.length, 15);
  assert.ok(!flips.some((k) => k.layer === "features.0"), "input gradient of the first conv");
  // The first layer runs its forward, its bias gradient and its weight gradient: nothing else.
  assert.deepStrictEqual(ks.filter((k) => k.layer === "features.0").map((k) => k.spec.kind), [
    "conv",
    "bias_grad",
    "conv_grad_weight",
  ]);
  // No kernel writes an image-shaped value (the only one is the input x itself).
  for (const k of ks) {
    assert.notDeepStrictEqual(plan.graph.nodes[k.output].shape, [2, 3, 32, 32], k.name);
  }
});
