// Batch norm against PyTorch, without torch: tests/fixtures/ holds what PyTorch 1.13 and
// torchvision 0.14 computed (bench/torch_bn_check.py --tiny; the state-dict listing of
// torchvision's vgg*_bn). The tiny net's evaluation logits, training loss, gradients and running
// statistics after one training forward must match the reference interpreter's; the nets/*_bn.ts
// parameters must be torchvision's, name for name, shape for shape, in order. The same check on
// the real nets, GPU included: bench/torch_bn_check.{py,ts}.
import assert from "node:assert";
import { model, net } from "../dsl/mod.ts";
import { bnConfigs } from "../nets/mod.ts";
import { readSafetensors } from "../data/safetensors.ts";
import { saveWeights } from "../train/weights.ts";
import { compareReference, readTorchRun, TOLERANCE } from "../bench/torch_bn_check.ts";

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

Deno.test("nets/*_bn.ts have torchvision's vgg*_bn state dicts: names, shapes, order", async () => {
  const tv: Record<string, [string, number[], string][]> = JSON.parse(
    await Deno.readTextFile(fixture("torchvision_vgg_bn_state_dicts.json")),
  );
  const ours: Record<string, string> = {
    vgg11_bn: "A-BN",
    vgg13_bn: "B-BN",
    vgg16_bn: "D-BN",
    vgg19_bn: "E-BN",
  };
  for (const [name, config] of Object.entries(ours)) {
    const m = bnConfigs[config]();
    assert.deepStrictEqual(
      m.params.map((p) => [p.name, p.shape, p.role === "batch_count" ? "int64" : "float32"]),
      tv[name],
      `${config} vs torchvision's ${name}`,
    );
  }
});

/** The net bench/torch_bn_check.py --tiny builds with torchvision's make_layers. */
const tiny = () =>
  model(
    "tiny-bn",
    net`conv3-4-BN >> maxpool >> conv3-6-BN >> maxpool >> FC-8 >> FC-${5} >> soft-max`,
    [2, 8, 8],
  );

Deno.test("a BN net equals PyTorch: eval logits, train loss and gradients, running statistics", async () => {
  const m = tiny(), t = await readTorchRun(m, fixture("bn_torch.safetensors"));
  // Every parameter and running statistic is compared, and PyTorch's num_batches_tracked (an
  // int64 in the file) loaded as a number.
  assert.strictEqual(t.grads.size, 12);
  assert.strictEqual(t.running.size, 6);
  assert.deepStrictEqual([...t.params.get("features.1.num_batches_tracked")!], [5]);
  for (const r of compareReference(m, t)) {
    assert.ok(r.error <= TOLERANCE, `${r.what}: error ${r.error.toExponential(2)}`);
  }
});

Deno.test("weights files keep num_batches_tracked as PyTorch's int64", async () => {
  const m = tiny(), t = await readTorchRun(m, fixture("bn_torch.safetensors"));
  const dir = await Deno.makeTempDir();
  try {
    await saveWeights(m, t.params, `${dir}/w.safetensors`);
    const { tensors } = await readSafetensors(`${dir}/w.safetensors`);
    const count = tensors.get("features.5.num_batches_tracked")!;
    assert.deepStrictEqual([count.dtype, count.shape, [...count.data]], ["I64", [], [5]]);
    assert.strictEqual(tensors.get("features.5.running_var")!.dtype, "F32");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
