// The examples build, have the parameters their design says, run on the reference interpreter
// and differentiate correctly (the residual add and the branch concat included).
import assert from "node:assert";
import { printGraph } from "../compiler/ir.ts";
import { applyReference, forwardGraph, init, paramCount, trainGraph } from "../dsl/mod.ts";
import tinyResnet, { variant } from "../examples/tiny_resnet.ts";
import { configs } from "../nets/mod.ts";
import { assertCheck, checkModel } from "./helpers/gradcheck.ts";

Deno.test("tiny_resnet builds with the parameters of its design", () => {
  const m = tinyResnet;
  assert.deepStrictEqual(m.input, [1, 32, 32]);
  assert.strictEqual(m.classes, 10);
  assert.ok(m.endsInSoftmax);
  // Weights and biases, layer by layer (k x k conv from i to o channels).
  const conv = (k: number, i: number, o: number) => o * i * k * k + o;
  const block = (c: number) => 2 * conv(3, c, c);
  const inception = conv(1, 16, 16) + conv(1, 16, 16) + conv(3, 16, 16) + conv(1, 16, 8) +
    2 * conv(3, 8, 8);
  const expected = conv(3, 1, 16) + block(16) + inception + conv(1, 40, 32) + block(32) +
    (512 * 64 + 64) + (64 * 10 + 10);
  assert.strictEqual(paramCount(m), expected);
  assert.strictEqual(expected, 62_258);
  // Members of residual bodies and branches are named by their path.
  const names = m.params.map((p) => p.name);
  for (const n of ["features.3.0.weight", "features.5.2.4.weight", "classifier.3.bias"]) {
    assert.ok(names.includes(n), `${n} in ${names}`);
  }
});

Deno.test("tiny_resnet costs no more than VGG E at width 8 on the same input", () => {
  const flops = (t: readonly { flops: number }[]) => t.reduce((s, r) => s + r.flops, 0);
  const tiny = flops(tinyResnet.table);
  const e = flops(configs.E({ width: 8, size: 32, classes: 10, channels: 1 }).table);
  assert.ok(tiny > 1e6 && tiny <= e, `tiny_resnet ${tiny} FLOPs vs E/w8 ${e}`);
});

Deno.test("tiny_resnet variants: 28x28 input, width 2, 3 channels, 100 classes", () => {
  // 28 -> 14 -> 7 -> 3 after three pools: the first FC sees 32 x 3 x 3 inputs.
  const m28 = variant({ size: 28 });
  assert.deepStrictEqual(m28.params.find((p) => p.name === "classifier.0.weight")!.shape, [
    64,
    288,
  ]);
  const half = variant({ width: 2, channels: 3, classes: 100 });
  assert.strictEqual(half.name, "tiny-resnet/w2");
  assert.deepStrictEqual(half.params.find((p) => p.name === "features.0.weight")!.shape, [
    8,
    3,
    3,
    3,
  ]);
  assert.strictEqual(half.classes, 100);
  assert.ok(paramCount(half) < paramCount(tinyResnet));
});

Deno.test("tiny_resnet IR has the residual add and the branch concat; backward slices it", () => {
  const fwd = printGraph(forwardGraph(tinyResnet, 2));
  assert.strictEqual(fwd.match(/ = add /g)?.length, 2);
  assert.strictEqual(fwd.match(/:f32\[2,40,16,16\] = concat %\d+ %\d+ %\d+ /g)?.length, 1);
  const train = printGraph(trainGraph(tinyResnet, 2));
  assert.strictEqual(train.match(/ = slice /g)?.length, 3);
});

Deno.test("tiny_resnet reference forward gives finite logits of shape [N, 10]", () => {
  const N = 3, x = new Float32Array(N * 32 * 32);
  for (let i = 0; i < x.length; i++) x[i] = Math.cos(i * 0.11) * (1 + Math.floor(i / 1024));
  const logits = applyReference(tinyResnet, init(tinyResnet, 5), x);
  assert.strictEqual(logits.length, N * 10);
  assert.ok(logits.every(Number.isFinite), `${logits}`);
  assert.notDeepStrictEqual([...logits.slice(0, 10)], [...logits.slice(10, 20)]);
});

Deno.test("tiny_resnet gradient along one random direction matches finite differences", () => {
  // float64 reference; dropout on with a fixed seed (a fixed mask), batch 2.
  assertCheck(checkModel(tinyResnet, 2, { dropout: true }), 1e-6, "tiny_resnet");
});

Deno.test("examples/tiny_resnet.ts runs as a script", async () => {
  const script = new URL("../examples/tiny_resnet.ts", import.meta.url);
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", script.pathname],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  assert.ok(out.success, new TextDecoder().decode(out.stderr));
  assert.match(text, /tiny-resnet: input \[1,32,32\], 62258 parameters/);
  assert.match(text, /^logits( -?\d+\.\d{3}){10}$/m);
});
