// The fully convolutional net of dense evaluation (section 3.2): FC layers become convs that
// read the same weight arrays, and on a training-size input its class scores equal the original
// net's, in the reference interpreter and on the GPU. Feature maps larger than 1x1 (2x2, 3x3)
// make the first FC -> conv step exercise PyTorch's flatten order.
import assert from "node:assert";
import {
  applyReference,
  init,
  leaves,
  type Model,
  model,
  net,
  NetError,
  type Params,
} from "../dsl/mod.ts";
import {
  fullyConvolutional,
  fullyConvolutionalParams,
  scoreMapReference,
  scoreMapShape,
  spatialMean,
} from "../dsl/transforms.ts";
import { configs } from "../nets/mod.ts";

/** Random weights and biases (init leaves biases 0, which would hide a misplaced bias). */
function randomParams(m: Model, seed: number): Params {
  const p = init(m, seed);
  let s = seed;
  for (const [name, v] of p) {
    if (name.endsWith(".bias")) {
      for (let i = 0; i < v.length; i++) v[i] = 0.1 * Math.sin(s += 1.7);
    }
  }
  return p;
}

const randomInput = (n: number, seed = 1) =>
  Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.731 + seed) * 1.5);

function assertClose(a: Float32Array, b: Float32Array, rel: number, what: string) {
  assert.strictEqual(a.length, b.length, `${what}: lengths`);
  const scale = Math.max(1e-6, ...Array.from(a, Math.abs));
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  assert.ok(worst <= rel * scale, `${what}: max |diff| ${worst} > ${rel} x ${scale}`);
}

Deno.test("D becomes a 7x7 conv and two 1x1 convs with torchvision's names and the same sizes", () => {
  const d = configs.D(), fc = fullyConvolutional(d);
  assert.deepStrictEqual(fc.params.map((p) => p.name), d.params.map((p) => p.name));
  const shape = (n: string) => fc.params.find((p) => p.name === n)!.shape;
  assert.deepStrictEqual(shape("classifier.0.weight"), [4096, 512, 7, 7]);
  assert.deepStrictEqual(shape("classifier.3.weight"), [4096, 4096, 1, 1]);
  assert.deepStrictEqual(shape("classifier.6.weight"), [1000, 4096, 1, 1]);
  d.params.forEach((p, i) => {
    const n = (s: number[]) => s.reduce((a, b) => a * b, 1);
    assert.strictEqual(n(fc.params[i].shape), n(p.shape), p.name);
  });
  const kinds = leaves(fc.net).map((l) => l.kind);
  for (const k of ["fc", "dropout", "softmax", "flatten"]) {
    assert.ok(!kinds.includes(k as never), k);
  }
  const convs = leaves(fc.net).filter((l) => l.kind === "conv").slice(-3);
  assert.deepStrictEqual(convs.map((l) => l.kind === "conv" && [l.k, l.pad]), [[7, 0], [1, 0], [
    1,
    0,
  ]]);
  assert.strictEqual(fc.classes, 1000);
  assert.ok(!fc.endsInSoftmax);
  // Score maps: 1x1 at 224; at 384x512 the last map is 12x16, the 7x7 conv leaves 6x10.
  assert.deepStrictEqual(scoreMapShape(fc, 224, 224), [1000, 1, 1]);
  assert.deepStrictEqual(scoreMapShape(fc, 384, 512), [1000, 6, 10]);
  assert.throws(() => scoreMapShape(fc, 200, 300), /smaller than the training size/);
});

Deno.test("the converted net's params are the original's arrays (views, no copies)", () => {
  const m = configs.A({ width: 16, size: 64, classes: 10, channels: 1 });
  const fc = fullyConvolutional(m), p = init(m, 3), q = fullyConvolutionalParams(fc, p);
  assert.deepStrictEqual([...q.keys()], [...p.keys()]);
  for (const [k, v] of q) assert.strictEqual(v, p.get(k), k);
  const short = new Map(p);
  short.set("classifier.0.weight", new Float32Array(5));
  assert.throws(() => fullyConvolutionalParams(fc, short), /classifier\.0\.weight has 5 values/);
});

const cases: [string, () => Model][] = [
  // Last feature map 2x2: the first FC becomes a 2x2 conv.
  ["A/w16 at 64x64, 1 channel", () => configs.A({ width: 16, size: 64, classes: 10, channels: 1 })],
  // 3x3 map, an explicit flatten, FCs without dropout, no soft-max.
  [
    "a small net with a 3x3 map",
    () =>
      model(
        "small",
        net`conv3-4 >> maxpool >> conv3-6 >> maxpool >> flatten >> fc(12) >> relu >> fc(5)`,
        [
          3,
          12,
          12,
        ],
      ),
  ],
];

for (const [name, make] of cases) {
  Deno.test(`fully convolutional scores equal the original's at training size (reference): ${name}`, () => {
    const m = make(), fc = fullyConvolutional(m), p = randomParams(m, 5);
    const [c, h, w] = m.input, n = 3;
    const x = randomInput(n * c * h * w);
    const want = applyReference(m, p, x);
    const maps = scoreMapReference(fc, fullyConvolutionalParams(fc, p), x, h, w);
    assert.strictEqual(maps.length, n * m.classes, "a 1x1 map per image");
    assertClose(want, maps, 1e-5, name);
    // A changed first-FC weight must change the scores (the test can fail).
    const bad = new Map(p),
      w0 = p.get(
        fc.params.find((q) => q.shape.length === 4 && q.name.startsWith("classifier"))!.name,
      )!;
    const changed = w0.slice();
    changed[changed.length - 1] += 1;
    bad.set(
      fc.params.find((q) => q.shape.length === 4 && q.name.startsWith("classifier"))!.name,
      changed,
    );
    const off = scoreMapReference(fc, bad, x, h, w);
    assert.ok(off.some((v, i) => Math.abs(v - maps[i]) > 1e-4));
  });
}

Deno.test("on a larger image the score map's cells are the net at shifted windows (no padding)", () => {
  // Without conv padding the fully convolutional net is exactly the original slid over the
  // image with a stride of the pools' product: check it on a net with unpadded convs.
  const body = net`maxpool >> maxpool >> fc(6) >> relu >> fc(4)`;
  const m = model("slide", body, [2, 8, 8]), fc = fullyConvolutional(m), p = randomParams(m, 9);
  const H = 16, W = 12, x = randomInput(2 * H * W, 3);
  const maps = scoreMapReference(fc, p, x, H, W);
  const [k, oh, ow] = scoreMapShape(fc, H, W);
  assert.deepStrictEqual([k, oh, ow], [4, 3, 2]);
  for (let i = 0; i < oh; i++) {
    for (let j = 0; j < ow; j++) {
      const crop = new Float32Array(2 * 64);
      for (let c = 0; c < 2; c++) {
        for (let y = 0; y < 8; y++) {
          for (let xx = 0; xx < 8; xx++) {
            crop[(c * 8 + y) * 8 + xx] = x[(c * H + 4 * i + y) * W + 4 * j + xx];
          }
        }
      }
      const want = applyReference(m, p, crop);
      const got = Float32Array.from({ length: k }, (_, q) => maps[(q * oh + i) * ow + j]);
      assertClose(want, got, 1e-5, `cell ${i},${j}`);
    }
  }
  const avg = spatialMean(maps, 1, k, oh * ow);
  const manual = Array.from({ length: k }, (_, q) => {
    let s = 0;
    for (let a = 0; a < oh * ow; a++) s += maps[q * oh * ow + a];
    return s / (oh * ow);
  });
  assertClose(Float32Array.from(manual), avg, 1e-6, "spatial mean");
});

Deno.test("fullyConvolutional refuses nets it cannot convert", () => {
  assert.throws(
    () => fullyConvolutional(model("convs", net`conv3-4 >> relu`, [1, 8, 8])),
    NetError,
  );
  assert.throws(
    () => fullyConvolutional(model("late", net`fc(8) >> residual(relu) >> fc(3)`, [1, 4, 4])),
    /cannot convert residual\(relu\) after the first FC/,
  );
  assert.throws(
    () => fullyConvolutional(model("wide", net`maxpool >> fc(3)`, [1, 4, 6])),
    /not square/,
  );
});

Deno.test("GPU: fully convolutional score maps equal the original net's logits and the reference", async () => {
  const { openGpu } = await import("../cli/gpu.ts");
  const { ForwardRunner } = await import("../runtime/forward.ts");
  const { ScoreMapRunner } = await import("../eval/gpu_scorer.ts");
  const gpu = await openGpu();
  const m = configs.A({ width: 16, size: 32, classes: 10, channels: 1 });
  const fc = fullyConvolutional(m), p = randomParams(m, 7), q = fullyConvolutionalParams(fc, p);
  const n = 4, x = randomInput(n * 32 * 32, 2);
  const fwd = await ForwardRunner.create(gpu.device, m, n, gpu.tiles);
  const dense = await ScoreMapRunner.create(gpu.device, fc, n, 32, 32, gpu.tiles);
  const big = await ScoreMapRunner.create(gpu.device, fc, 2, 64, 48, gpu.tiles);
  try {
    fwd.setParams(p);
    dense.setParams(q);
    big.setParams(q);
    const ref = applyReference(m, p, x);
    const logits = await fwd.logits(x);
    const maps = await dense.scores(x);
    assertClose(ref, logits, 1e-4, "GPU forward vs reference");
    assertClose(ref, maps, 1e-4, "GPU score map at 32x32 vs reference");
    assertClose(logits, maps, 1e-4, "GPU score map vs GPU forward");
    const xb = randomInput(2 * 64 * 48, 4);
    assert.deepStrictEqual(big.outShape, [2, 10, 2, 1]);
    assertClose(scoreMapReference(fc, q, xb, 64, 48), await big.scores(xb), 1e-4, "64x48 map");
  } finally {
    fwd.destroy();
    dense.destroy();
    big.destroy();
  }
});
