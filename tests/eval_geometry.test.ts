// Test-time geometry: the bilinear resize used for in-memory data, the 5x5 multi-crop grid
// (every crop inside, the grid touching all four edges, every pixel covered), and flips.
import assert from "node:assert";
import { centerCrop, cropInto, flipped, gridCrops, gridOffsets } from "../eval/crops.ts";
import { type Image, rescaleSmallestSide, resizeBilinear } from "../eval/resize.ts";
import { cropPosteriors } from "../eval/posteriors.ts";
import type { Scorer } from "../eval/scorer.ts";
import type { Model } from "../dsl/mod.ts";

const ramp = (c: number, h: number, w: number): Image => ({
  data: Float32Array.from({ length: c * h * w }, (_, i) => i),
  channels: c,
  height: h,
  width: w,
});

Deno.test("multi-crop grid: 25 crops inside the image, touching every edge, covering it", () => {
  for (const [w, h, crop] of [[50, 40, 32], [224, 224, 224], [256, 341, 224], [97, 33, 32]]) {
    const boxes = gridCrops(w, h, crop);
    assert.strictEqual(boxes.length, 25);
    const covered = new Uint8Array(w * h);
    for (const b of boxes) {
      assert.strictEqual(b.width, crop);
      assert.strictEqual(b.height, crop);
      assert.ok(
        b.left >= 0 && b.top >= 0 && b.left + crop <= w && b.top + crop <= h,
        JSON.stringify(b),
      );
      for (let y = b.top; y < b.top + crop; y++) {
        covered.fill(1, y * w + b.left, y * w + b.left + crop);
      }
    }
    assert.strictEqual(covered.reduce((a, b) => a + b, 0), w * h, `${w}x${h} not covered`);
    assert.strictEqual(Math.min(...boxes.map((b) => b.left)), 0);
    assert.strictEqual(Math.max(...boxes.map((b) => b.left + b.width)), w);
    assert.strictEqual(Math.min(...boxes.map((b) => b.top)), 0);
    assert.strictEqual(Math.max(...boxes.map((b) => b.top + b.height)), h);
    // A regular grid: rows share their tops, columns their lefts, steps differ by at most 1.
    const lefts = boxes.slice(0, 5).map((b) => b.left);
    for (let r = 0; r < 5; r++) {
      assert.deepStrictEqual(boxes.slice(5 * r, 5 * r + 5).map((b) => b.left), lefts);
    }
    const steps = lefts.slice(1).map((x, i) => x - lefts[i]);
    assert.ok(Math.max(...steps) - Math.min(...steps) <= 1, `${steps}`);
  }
  assert.deepStrictEqual(gridOffsets(100, 20, 5), [0, 20, 40, 60, 80]);
  assert.deepStrictEqual(gridOffsets(32, 32, 5), [0, 0, 0, 0, 0]);
  assert.throws(() => gridCrops(31, 40, 32), /does not fit/);
});

Deno.test("crops copy the right pixels, and a flipped crop mirrors the crop", () => {
  const img = ramp(2, 6, 7);
  const box = { left: 2, top: 1, width: 3, height: 3 };
  const out = new Float32Array(2 * 9), mirrored = new Float32Array(2 * 9);
  cropInto(img, box, false, out);
  cropInto(img, box, true, mirrored);
  for (let c = 0; c < 2; c++) {
    for (let y = 0; y < 3; y++) {
      for (let x = 0; x < 3; x++) {
        const src = img.data[(c * 6 + 1 + y) * 7 + 2 + x];
        assert.strictEqual(out[(c * 3 + y) * 3 + x], src);
        assert.strictEqual(mirrored[(c * 3 + y) * 3 + (2 - x)], src);
      }
    }
  }
  const f = flipped(img);
  assert.strictEqual(f.data[0], img.data[6]);
  assert.deepStrictEqual(flipped(f).data, img.data);
  assert.deepStrictEqual(centerCrop(img, 4), { left: 1, top: 1, width: 4, height: 4 });
  assert.throws(
    () => cropInto(img, { left: 5, top: 0, width: 3, height: 3 }, false, out),
    /outside/,
  );
});

Deno.test("multi-crop scores 25 crops x 2 flips per image; flipped views mirror their twins", async () => {
  const seen: Float32Array[] = [];
  const model = { input: [1, 4, 4], classes: 3 } as unknown as Model;
  // A fake net: logits are the crop's mean, its first pixel and a constant, recorded per view.
  const scorer: Scorer = {
    model,
    logits(x, n) {
      const out = new Float32Array(n * 3);
      for (let i = 0; i < n; i++) {
        const v = x.slice(i * 16, (i + 1) * 16);
        seen.push(v);
        out[i * 3] = v.reduce((a, b) => a + b, 0) / 16;
        out[i * 3 + 1] = v[0];
      }
      return Promise.resolve(out);
    },
    scoreMaps: () => Promise.reject(new Error("not used")),
    destroy() {},
  };
  const img = ramp(1, 9, 12);
  const p = await cropPosteriors(scorer, [img, img], (i) => gridCrops(i.width, i.height, 4), [
    false,
    true,
  ]);
  assert.strictEqual(seen.length, 2 * 50);
  for (let v = 0; v < 50; v += 2) {
    const a = seen[v], b = seen[v + 1];
    for (let y = 0; y < 4; y++) {
      for (let x = 0; x < 4; x++) assert.strictEqual(b[y * 4 + 3 - x], a[y * 4 + x]);
    }
  }
  // Both images are the same, so their averaged posteriors are too, and each sums to 1.
  assert.deepStrictEqual(p.slice(0, 3), p.slice(3, 6));
  assert.ok(Math.abs(p[0] + p[1] + p[2] - 1) < 1e-6);
});

Deno.test("bilinear resize: identity at the same size, exact pair means at half size", () => {
  const img = ramp(3, 8, 6);
  assert.deepStrictEqual(resizeBilinear(img, 8, 6).data, img.data);
  const half = resizeBilinear(img, 4, 3);
  // Half-pixel centres: output (y, x) samples source (2y + 0.5, 2x + 0.5), the mean of 4 pixels.
  for (let c = 0; c < 3; c++) {
    for (let y = 0; y < 4; y++) {
      for (let x = 0; x < 3; x++) {
        const at = (yy: number, xx: number) => img.data[(c * 8 + yy) * 6 + xx];
        const want = (at(2 * y, 2 * x) + at(2 * y, 2 * x + 1) + at(2 * y + 1, 2 * x) +
          at(2 * y + 1, 2 * x + 1)) / 4;
        assert.ok(Math.abs(half.data[(c * 4 + y) * 3 + x] - want) < 1e-4);
      }
    }
  }
  // A constant image stays constant; a horizontal ramp stays monotone when enlarged.
  const flat = { data: new Float32Array(2 * 5 * 5).fill(-0.7), channels: 2, height: 5, width: 5 };
  assert.ok(resizeBilinear(flat, 13, 9).data.every((v) => Math.abs(v + 0.7) < 1e-6));
  const big = resizeBilinear(ramp(1, 1, 4), 1, 10).data;
  for (let i = 1; i < 10; i++) assert.ok(big[i] >= big[i - 1]);
  assert.strictEqual(big[0], 0);
  assert.strictEqual(big[9], 3);
  const r = rescaleSmallestSide(ramp(1, 30, 40), 48);
  assert.deepStrictEqual([r.height, r.width], [48, 64]);
});
