// The pure parts of bench/compare.ts: the layer chain the peers rebuild from a model's IR, and
// the layout conversions that hand this project's parameters to them. Checked against direct
// index arithmetic and against a tiny CPU conv / FC in both layouts. No GPU, no peer library,
// no timing (benchmarks are not tests).
import assert from "node:assert";
import { conv3, fc, model, net, pool, relu, seq } from "../dsl/mod.ts";
import { variant } from "../nets/e.ts";
import {
  fcAfterNchwFlattenToNhwcInOut,
  fcToInOut,
  maxAbsDiff,
  nchwToNhwc,
  oihwToHwio,
  oneHot,
  peerNet,
} from "../bench/peers/spec.ts";

const seq01 = (n: number) => new Float32Array(n).map((_, i) => i);

Deno.test("OIHW to HWIO moves every element to [kh][kw][i][o]", () => {
  const [O, I, KH, KW] = [3, 2, 3, 2];
  const w = seq01(O * I * KH * KW);
  const t = oihwToHwio(w, O, I, KH, KW);
  for (let o = 0; o < O; o++) {
    for (let i = 0; i < I; i++) {
      for (let y = 0; y < KH; y++) {
        for (let x = 0; x < KW; x++) {
          assert.strictEqual(t[((y * KW + x) * I + i) * O + o], w[((o * I + i) * KH + y) * KW + x]);
        }
      }
    }
  }
  assert.throws(() => oihwToHwio(w, O, I, KH, 3), /OIHW weight/);
});

Deno.test("a conv gives the same outputs in NCHW/OIHW and NHWC/HWIO after conversion", () => {
  const [N, C, H, W, O, K, P] = [2, 3, 4, 5, 4, 3, 1];
  const x = new Float32Array(N * C * H * W).map((_, i) => Math.sin(i * 0.7));
  const w = new Float32Array(O * C * K * K).map((_, i) => Math.cos(i * 1.3));
  const xh = nchwToNhwc(x, N, C, H, W), wh = oihwToHwio(w, O, C, K, K);
  for (let n = 0; n < N; n++) {
    for (let o = 0; o < O; o++) {
      for (let y = 0; y < H; y++) {
        for (let xx = 0; xx < W; xx++) {
          let a = 0, b = 0;
          for (let c = 0; c < C; c++) {
            for (let ky = 0; ky < K; ky++) {
              for (let kx = 0; kx < K; kx++) {
                const iy = y + ky - P, ix = xx + kx - P;
                if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
                a += x[((n * C + c) * H + iy) * W + ix] * w[((o * C + c) * K + ky) * K + kx];
                b += xh[((n * H + iy) * W + ix) * C + c] * wh[((ky * K + kx) * C + c) * O + o];
              }
            }
          }
          assert.ok(Math.abs(a - b) < 1e-5, `conv mismatch at ${n},${o},${y},${xx}: ${a} vs ${b}`);
        }
      }
    }
  }
});

Deno.test("FC weights: [out, in] to [in, out], and the row order for an NHWC flatten", () => {
  const [OUT, C, H, W] = [3, 2, 2, 3];
  const IN = C * H * W;
  const w = new Float32Array(OUT * IN).map((_, i) => Math.sin(i + 0.5));
  const t = fcToInOut(w, OUT, IN);
  for (let o = 0; o < OUT; o++) {
    for (let i = 0; i < IN; i++) assert.strictEqual(t[i * OUT + o], w[o * IN + i]);
  }
  // One image: ours flattens NCHW and computes x W^T; the peer flattens NHWC and computes x W'.
  const x = new Float32Array(IN).map((_, i) => Math.cos(i * 0.9));
  const xh = nchwToNhwc(x, 1, C, H, W);
  const wh = fcAfterNchwFlattenToNhwcInOut(w, OUT, C, H, W);
  for (let o = 0; o < OUT; o++) {
    let a = 0, b = 0;
    for (let i = 0; i < IN; i++) {
      a += x[i] * w[o * IN + i];
      b += xh[i] * wh[i * OUT + o];
    }
    assert.ok(Math.abs(a - b) < 1e-6, `FC output ${o}: ${a} vs ${b}`);
  }
  // With a 1x1 map the two flattens agree, so the permuted weight is the plain transpose.
  assert.deepStrictEqual(fcAfterNchwFlattenToNhwcInOut(w, OUT, IN, 1, 1), t);
});

Deno.test("NCHW to NHWC, one-hot labels and the max-difference helper", () => {
  const x = seq01(2 * 3 * 2 * 2);
  const t = nchwToNhwc(x, 2, 3, 2, 2);
  assert.strictEqual(t[((1 * 2 + 1) * 2 + 0) * 3 + 2], x[((1 * 3 + 2) * 2 + 1) * 2 + 0]);
  assert.deepStrictEqual([...oneHot(new Int32Array([2, 0]), 3)], [0, 0, 1, 1, 0, 0]);
  assert.throws(() => oneHot(new Int32Array([3]), 3), /label 3/);
  assert.strictEqual(maxAbsDiff([1, 2, 3], [1, 2.5, 2]), 1);
  assert.strictEqual(maxAbsDiff([1], [1, 2]), Infinity);
  assert.strictEqual(maxAbsDiff([NaN], [1]), Infinity);
});

Deno.test("peerNet reads E at width 8 as 16 conv+relu, 5 pools, a flatten and 3 FC", () => {
  const p = peerNet(variant({ width: 8, size: 32, classes: 10 }));
  assert.deepStrictEqual(p.input, [3, 32, 32]);
  assert.strictEqual(p.classes, 10);
  const convs = p.layers.filter((l) => l.kind === "conv");
  assert.deepStrictEqual(convs.map((l) => l.cout), [
    8,
    8,
    16,
    16,
    32,
    32,
    32,
    32,
    64,
    64,
    64,
    64,
    64,
    64,
    64,
    64,
  ]);
  assert.ok(
    convs.every((l) =>
      l.kind === "conv" && l.relu && l.k === 3 && l.pad === 1 && l.bias.endsWith(".bias")
    ),
  );
  assert.strictEqual(p.layers.filter((l) => l.kind === "pool").length, 5);
  const fcs = p.layers.filter((l) => l.kind === "fc");
  assert.deepStrictEqual(fcs.map((l) => l.kind === "fc" && [l.inF, l.outF, l.relu]), [
    [64, 512, true],
    [512, 512, true],
    [512, 10, false],
  ]);
  assert.deepStrictEqual(p.layers.find((l) => l.kind === "flatten"), {
    kind: "flatten",
    c: 64,
    h: 1,
    w: 1,
  });
  assert.strictEqual(p.layers[0].kind === "conv" && p.layers[0].weight, "features.0.weight");
});

Deno.test("peerNet keeps a spatial flatten's shape and refuses layers the peers lack", () => {
  const m = model("tiny", seq(conv3(4), relu, pool, fc(5)), [2, 6, 6]);
  const p = peerNet(m);
  assert.deepStrictEqual(p.layers.map((l) => l.kind), ["conv", "pool", "flatten", "fc"]);
  assert.deepStrictEqual(p.layers[2], { kind: "flatten", c: 4, h: 3, w: 3 });
  const lrnNet = model("lrn", net`conv3-4 >> LRN >> FC-3`, [1, 4, 4]);
  assert.throws(() => peerNet(lrnNet), /got lrn/);
});
