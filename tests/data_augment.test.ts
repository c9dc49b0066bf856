import assert from "node:assert/strict";
import {
  centerCropBox,
  chooseScale,
  cropToCHW,
  flipHorizontalCHW,
  jacobiEigenSymmetric3,
  pcaColorShift,
  randomCropBox,
  rescaledSize,
  RgbMoments,
  samplePcaAlphas,
} from "../data/augment.ts";
import { makeRng } from "../data/rng.ts";

Deno.test("augment: S jitter stays in [Smin, Smax] and is roughly uniform", () => {
  const rng = makeRng(1);
  const [lo, hi] = [256, 512];
  const bins = new Array(8).fill(0);
  const draws = 40000;
  let sawLo = false, sawHi = false;
  for (let i = 0; i < draws; i++) {
    const s = chooseScale([lo, hi], rng);
    assert.ok(Number.isInteger(s) && s >= lo && s <= hi, `S=${s}`);
    sawLo ||= s === lo;
    sawHi ||= s === hi;
    bins[Math.min(7, Math.floor(((s - lo) / (hi - lo + 1)) * 8))]++;
  }
  assert.ok(sawLo && sawHi, "both ends reachable");
  // Chi-square with 7 degrees of freedom; 30 is far beyond the 99.99th percentile (~29.9).
  const expect = draws / 8;
  const chi2 = bins.reduce((a, b) => a + (b - expect) ** 2 / expect, 0);
  assert.ok(chi2 < 30, `chi2=${chi2}, bins=${bins}`);
  assert.equal(chooseScale(384, rng), 384);
});

Deno.test("augment: rescale keeps aspect with smaller side S; crops always inside", () => {
  assert.deepEqual(rescaledSize(500, 375, 256), { width: 341, height: 256 });
  assert.deepEqual(rescaledSize(100, 300, 50), { width: 50, height: 150 });
  const rng = makeRng(7);
  for (let i = 0; i < 5000; i++) {
    const w = 8 + rng.int(60), h = 8 + rng.int(60), crop = 1 + rng.int(Math.min(w, h));
    const b = randomCropBox(w, h, crop, rng);
    assert.ok(b.left >= 0 && b.top >= 0 && b.left + b.width <= w && b.top + b.height <= h);
    assert.equal(b.width, crop);
  }
  // Every offset is reachable: a 3-wide slack gives 4 distinct lefts.
  const lefts = new Set(Array.from({ length: 200 }, () => randomCropBox(7, 4, 4, rng).left));
  assert.deepEqual([...lefts].sort(), [0, 1, 2, 3]);
  assert.deepEqual(centerCropBox(10, 7, 4), { left: 3, top: 1, width: 4, height: 4 });
  assert.throws(() => randomCropBox(10, 3, 4, rng), /does not fit/);
});

Deno.test("augment: flip mirrors rows; cropToCHW crops, flips and biases", () => {
  const chw = Float32Array.from({ length: 2 * 2 * 3 }, (_, i) => i);
  flipHorizontalCHW(chw, 2, 2, 3);
  assert.deepEqual([...chw], [2, 1, 0, 5, 4, 3, 8, 7, 6, 11, 10, 9]);
  flipHorizontalCHW(chw, 2, 2, 3);
  assert.deepEqual([...chw], Array.from({ length: 12 }, (_, i) => i));

  // 4x3 RGB image, pixel (x, y) = [10x + y, 100 + x, 200 + y].
  const w = 4, h = 3;
  const src = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) src.set([10 * x + y, 100 + x, 200 + y], (y * w + x) * 3);
  }
  const out = new Float32Array(3 * 2 * 2);
  const box = { left: 1, top: 1, width: 2, height: 2 };
  cropToCHW(src, w, h, 3, box, false, [-1, 0, 0.5], out);
  assert.deepEqual([...out], [10, 20, 11, 21, 101, 102, 101, 102, 201.5, 201.5, 202.5, 202.5]);
  cropToCHW(src, w, h, 3, box, true, [0, 0, 0], out);
  assert.deepEqual([...out.subarray(0, 4)], [21, 11, 22, 12]);
  assert.throws(() => cropToCHW(src, w, h, 3, { ...box, left: 3 }, false, [0, 0, 0], out));
  // Grey (1 channel) and grey + alpha (2): the grey value goes to all three planes.
  const grey = Uint8Array.from({ length: w * h }, (_, i) => i);
  cropToCHW(grey, w, h, 1, box, true, [0, 1, 2], out);
  assert.deepEqual([...out], [6, 5, 10, 9, 7, 6, 11, 10, 8, 7, 12, 11]);
  const greyAlpha = Uint8Array.from({ length: 2 * w * h }, (_, i) => i % 2 ? 255 : i / 2);
  cropToCHW(greyAlpha, w, h, 2, box, false, [0, 0, 0], out);
  assert.deepEqual([...out], [5, 6, 9, 10, 5, 6, 9, 10, 5, 6, 9, 10]);
});

function matmul3(a: number[][], b: number[][]): number[][] {
  return a.map((row) => [0, 1, 2].map((j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
}

Deno.test("augment: Jacobi eigen-decomposition reconstructs the covariance", () => {
  const rng = makeRng(3);
  for (let trial = 0; trial < 200; trial++) {
    // A random covariance from correlated samples, like RGB pixels.
    const mom = new RgbMoments();
    const mix = [0, 1, 2].map(() => [0, 1, 2].map(() => rng.float()));
    for (let i = 0; i < 50; i++) {
      const z = [rng.normal(), rng.normal(), rng.normal()];
      const p = mix.map((row) => row.reduce((s, v, k) => s + v * z[k], 0));
      mom.add(p[0], p[1], p[2]);
    }
    const cov = mom.covariance();
    const { values, vectors } = jacobiEigenSymmetric3(cov);
    assert.ok(values[0] >= values[1] && values[1] >= values[2]);
    const V = [0, 1, 2].map((r) => [0, 1, 2].map((c) => vectors[c][r]));
    const D = [0, 1, 2].map((r) => [0, 1, 2].map((c) => (r === c ? values[r] : 0)));
    const VT = vectors;
    const rec = matmul3(matmul3(V, D), VT).flat();
    const scale = Math.max(...cov.map(Math.abs));
    rec.forEach((v, i) => assert.ok(Math.abs(v - cov[i]) < 1e-10 * scale, `${v} vs ${cov[i]}`));
    // Orthonormal eigenvectors.
    const I = matmul3(VT, V).flat();
    I.forEach((v, i) => assert.ok(Math.abs(v - (i % 4 === 0 ? 1 : 0)) < 1e-10));
  }
  // Diagonal and repeated-eigenvalue inputs.
  assert.deepEqual(jacobiEigenSymmetric3([1, 0, 0, 0, 3, 0, 0, 0, 2]).values, [3, 2, 1]);
  const iso = jacobiEigenSymmetric3([2, 0, 0, 0, 2, 0, 0, 0, 2]);
  assert.deepEqual(iso.values, [2, 2, 2]);
  assert.throws(() => jacobiEigenSymmetric3([1, 2, 0, 0, 1, 0, 0, 0, 1]), /not symmetric/);
});

Deno.test("augment: PCA colour shift is sum alpha_i lambda_i v_i with alpha ~ N(0, 0.1)", () => {
  const eigen = {
    values: [0.2, 0.02, 0.005],
    vectors: [[0.58, 0.58, 0.57], [-0.7, 0, 0.7], [0.4, -0.8, 0.4]],
  };
  const shift = pcaColorShift(eigen, [1, 0, 0]);
  assert.deepEqual(shift.map((v) => Number(v.toFixed(6))), [0.116, 0.116, 0.114]);
  const mixed = pcaColorShift(eigen, [0.5, -1, 2]);
  for (let c = 0; c < 3; c++) {
    const expect = 0.5 * 0.2 * eigen.vectors[0][c] - 0.02 * eigen.vectors[1][c] +
      2 * 0.005 * eigen.vectors[2][c];
    assert.ok(Math.abs(mixed[c] - expect) < 1e-12);
  }
  const rng = makeRng(11);
  let s = 0, s2 = 0;
  const n = 20000;
  for (let i = 0; i < n; i++) {
    for (const a of samplePcaAlphas(rng)) {
      s += a;
      s2 += a * a;
    }
  }
  const std = Math.sqrt(s2 / (3 * n) - (s / (3 * n)) ** 2);
  assert.ok(Math.abs(std - 0.1) < 0.003, `alpha std ${std}`);
});
