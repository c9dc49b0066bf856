// Weight files with torchvision's names: a wrong shape, a missing and an extra tensor are all
// listed in one clear error, through loadWeights and through the eval command; the width a file
// was trained at is read from it.
import assert from "node:assert";
import { join } from "node:path";
import { DataError } from "../data/errors.ts";
import { writeSafetensors } from "../data/safetensors.ts";
import { init } from "../dsl/mod.ts";
import { widthOf } from "../eval/weights.ts";
import { configs } from "../nets/mod.ts";
import { loadWeights, saveWeights } from "../train/weights.ts";

const root = new URL("..", import.meta.url).pathname;

/** torchvision's vgg11 state_dict keys (features: conv at 0,3,6,8,11,13,16,18; classifier 0/3/6). */
const VGG11_KEYS = [0, 3, 6, 8, 11, 13, 16, 18].map((i) => `features.${i}`)
  .concat([0, 3, 6].map((i) => `classifier.${i}`))
  .flatMap((l) => [`${l}.weight`, `${l}.bias`]);

Deno.test("A's parameters carry torchvision vgg11's state_dict names", () => {
  assert.deepStrictEqual(configs.A().params.map((p) => p.name), VGG11_KEYS);
});

Deno.test("a torchvision-named file with a wrong shape, a missing and an extra tensor: one clear error", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const m = configs.A({ width: 16, size: 32, classes: 10, channels: 1 });
    const p = init(m, 1);
    const tensors = new Map(
      m.params.map((q) => [q.name, { shape: q.shape, data: p.get(q.name)! }]),
    );
    // A 3-channel first conv (an RGB checkpoint) for a grey net, no last bias, a stray tensor.
    tensors.set("features.0.weight", { shape: [4, 3, 3, 3], data: new Float32Array(4 * 27) });
    tensors.delete("classifier.6.bias");
    tensors.set("features.99.weight", { shape: [2], data: new Float32Array(2) });
    const bad = join(dir, "bad.safetensors");
    await writeSafetensors(bad, tensors, { net: "A/w16" });
    await assert.rejects(() => loadWeights(m, bad), (e: Error) => {
      assert.ok(e instanceof DataError);
      assert.match(e.message, /does not fit net A\/w16/);
      assert.match(
        e.message,
        /features\.0\.weight has shape \[4,3,3,3\], the net needs \[4,1,3,3\]/,
      );
      assert.match(e.message, /missing classifier\.6\.bias \[10\]/);
      assert.match(e.message, /unexpected features\.99\.weight/);
      return true;
    });
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        "cli/eval.ts",
        "nets/a.ts",
        "--weights",
        bad,
        "--data",
        "fashion-mnist-embedded",
        "--cpu",
      ],
      cwd: root,
      env: { XDG_RUNTIME_DIR: "/tmp" },
    }).output();
    const err = new TextDecoder().decode(out.stderr);
    assert.strictEqual(out.code, 2, err);
    assert.strictEqual(err.trim().split("\n").length, 1, "one line, no stack");
    assert.match(
      err,
      /^error: .*bad\.safetensors does not fit net A\/w16: .*features\.0\.weight has shape/,
    );
    assert.match(err, /missing classifier\.6\.bias/);
    assert.match(err, /unexpected features\.99\.weight/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the width divisor comes from the file's net name, else from the first conv", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const m = configs.A({ width: 8, size: 32, classes: 10, channels: 1 });
    const f = join(dir, "w.safetensors");
    await saveWeights(m, init(m, 1), f);
    const { readSafetensors } = await import("../data/safetensors.ts");
    assert.strictEqual(widthOf(await readSafetensors(f)), 8);
    const t = await readSafetensors(f);
    t.metadata = {}; // a torchvision export has no metadata: 64 / 8 output channels
    assert.strictEqual(widthOf(t), 8);
    t.metadata = { net: "A" };
    assert.strictEqual(widthOf(t), 1);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
