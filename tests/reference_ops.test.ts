// The reference interpreter (each primitive's plain TypeScript evaluation) against values
// worked out by hand on tiny inputs. These references are the oracle for every WGSL kernel,
// so they are pinned here independently of any other code. Values are fed as Float64Array
// where an exact comparison is wanted (the references keep the input's precision).
import assert from "node:assert";
import { run } from "../compiler/interpret.ts";
import { type DType, GraphBuilder } from "../compiler/ir.ts";
import { dropoutBits, dropoutIndex, dropoutThreshold } from "../compiler/ops/dropout_hash.ts";
import type { Attrs, Prim, Tensor } from "../compiler/ops/types.ts";
import { applyReference, forwardGraph, init } from "../dsl/mod.ts";
import { variant as vggE } from "../nets/e.ts";

interface In {
  shape: number[];
  data: number[] | Tensor["data"];
  dtype?: DType;
}

/** Runs one primitive through a graph (its shape rule, then the interpreter). */
function apply<P extends Prim>(op: P, ins: In[], attrs: Attrs[P]): Tensor {
  const b = new GraphBuilder();
  const feeds: Record<string, Tensor["data"]> = {};
  const ids = ins.map((x, i) => {
    const dtype = x.dtype ?? "f32";
    feeds[`i${i}`] = Array.isArray(x.data)
      ? (dtype === "i32" ? Int32Array : dtype === "u32" ? Uint32Array : Float64Array).from(x.data)
      : x.data;
    return b.add("input", [], { name: `i${i}`, shape: x.shape, dtype });
  });
  b.output("y", b.add(op, ids, attrs));
  return run(b.build(), { inputs: feeds, params: new Map() }).y;
}

function assertClose(actual: Tensor, shape: number[], expected: number[], tol = 1e-12) {
  assert.deepStrictEqual([...actual.shape], shape);
  assert.strictEqual(actual.data.length, expected.length);
  actual.data.forEach((v, i) => {
    assert.ok(
      Math.abs(v - expected[i]) <= tol * Math.max(1, Math.abs(expected[i])),
      `element ${i}: got ${v}, expected ${expected[i]} (all: ${[...actual.data]})`,
    );
  });
}

const conv = (k: number, pad: number, flip = false) => ({ k, pad, flip });
const x3 = { shape: [1, 1, 3, 3], data: [1, 2, 3, 4, 5, 6, 7, 8, 9] };

Deno.test("conv2d 3x3: identity kernel returns the input", () => {
  const x = { shape: [1, 1, 4, 4], data: Array.from({ length: 16 }, (_, i) => i + 1) };
  const w = { shape: [1, 1, 3, 3], data: [0, 0, 0, 0, 1, 0, 0, 0, 0] };
  assertClose(apply("conv2d", [x, w], conv(3, 1)), [1, 1, 4, 4], x.data);
});

Deno.test("conv2d 3x3: all-ones kernel sums neighbourhoods, zero padding at the borders", () => {
  const w = { shape: [1, 1, 3, 3], data: Array(9).fill(1) };
  // Corners see 4 values, edges 6, the centre all 9 (1 + ... + 9 = 45).
  // deno-fmt-ignore
  assertClose(apply("conv2d", [x3, w], conv(3, 1)), [1, 1, 3, 3], [
    1 + 2 + 4 + 5, 1 + 2 + 3 + 4 + 5 + 6, 2 + 3 + 5 + 6,
    1 + 2 + 4 + 5 + 7 + 8, 45, 2 + 3 + 5 + 6 + 8 + 9,
    4 + 5 + 7 + 8, 4 + 5 + 6 + 7 + 8 + 9, 5 + 6 + 8 + 9,
  ]);
});

Deno.test("conv2d 3x3: an edge kernel is cross-correlation (not flipped), as in PyTorch", () => {
  // y[i,j] = x[i,j+1] - x[i,j-1], with 0 outside the image.
  const w = { shape: [1, 1, 3, 3], data: [0, 0, 0, -1, 0, 1, 0, 0, 0] };
  // deno-fmt-ignore
  assertClose(apply("conv2d", [x3, w], conv(3, 1)), [1, 1, 3, 3], [
    2 - 0, 3 - 1, 0 - 2,
    5 - 0, 6 - 4, 0 - 5,
    8 - 0, 9 - 7, 0 - 8,
  ]);
});

Deno.test("conv2d 3x3 without padding shrinks the map", () => {
  const x = { shape: [1, 1, 4, 4], data: Array.from({ length: 16 }, (_, i) => i) };
  const w = { shape: [1, 1, 3, 3], data: Array(9).fill(1) };
  // Top-left window: rows 0-2, cols 0-2 of 0..15 = (0+1+2) + (4+5+6) + (8+9+10) = 45.
  assertClose(apply("conv2d", [x, w], conv(3, 0)), [1, 1, 2, 2], [45, 54, 81, 90]);
});

Deno.test("conv2d 1x1 mixes channels per pixel, over a batch", () => {
  // Two images of two channels, 1x2 pixels; out = [c0, c1, c0 - c1].
  const x = { shape: [2, 2, 1, 2], data: [1, 2, 3, 4, 10, 20, 30, 40] };
  const w = { shape: [3, 2, 1, 1], data: [1, 0, 0, 1, 1, -1] };
  // deno-fmt-ignore
  assertClose(apply("conv2d", [x, w], conv(1, 0)), [2, 3, 1, 2], [
    1, 2, 3, 4, -2, -2,
    10, 20, 30, 40, -20, -20,
  ]);
});

Deno.test("conv2d 3x3 sums over input channels", () => {
  // Channel 0 through the identity kernel plus 10x channel 1 through the identity kernel.
  const x = { shape: [1, 2, 2, 2], data: [1, 2, 3, 4, 5, 6, 7, 8] };
  const id = [0, 0, 0, 0, 1, 0, 0, 0, 0];
  const w = { shape: [1, 2, 3, 3], data: [...id, ...id.map((v) => 10 * v)] };
  assertClose(apply("conv2d", [x, w], conv(3, 1)), [1, 1, 2, 2], [51, 62, 73, 84]);
});

Deno.test("conv2d flip reads the kernel transposed ([C,O,k,k]) and spatially flipped", () => {
  // Flipping the edge kernel negates it: y[i,j] = x[i,j-1] - x[i,j+1].
  const w = { shape: [1, 1, 3, 3], data: [0, 0, 0, -1, 0, 1, 0, 0, 0] };
  // deno-fmt-ignore
  assertClose(apply("conv2d", [x3, w], conv(3, 1, true)), [1, 1, 3, 3], [
    0 - 2, 1 - 3, 2 - 0,
    0 - 5, 4 - 6, 5 - 0,
    0 - 8, 7 - 9, 8 - 0,
  ]);
  // w stored as [C=1, O=2, 1, 1]: one input channel into two outputs, scaled 2 and 3.
  const x = { shape: [1, 1, 1, 2], data: [1, 2] };
  const w2 = { shape: [1, 2, 1, 1], data: [2, 3] };
  assertClose(apply("conv2d", [x, w2], conv(1, 0, true)), [1, 2, 1, 2], [2, 4, 3, 6]);
});

Deno.test("bias adds per channel (axis 1) on NCHW and [N,F]", () => {
  const x = { shape: [2, 2, 1, 2], data: [1, 2, 3, 4, 5, 6, 7, 8] };
  assertClose(
    apply("bias", [x, { shape: [2], data: [10, 20] }], {}),
    [2, 2, 1, 2],
    [11, 12, 23, 24, 15, 16, 27, 28],
  );
  const f = { shape: [2, 3], data: [0, 0, 0, 1, 1, 1] };
  assertClose(apply("bias", [f, { shape: [3], data: [1, 2, 3] }], {}), [2, 3], [1, 2, 3, 2, 3, 4]);
});

Deno.test("relu, and its gradient is 0 at 0 (PyTorch's convention)", () => {
  const x = { shape: [1, 5], data: [-1, 0, 2, -0.5, 1e-30] };
  assertClose(apply("relu", [x], {}), [1, 5], [0, 0, 2, 0, 1e-30]);
  // relu_grad(g, y): passes g where the ReLU's output is positive.
  const g = { shape: [1, 5], data: [1, 1, 1, 1, 1] };
  const y = { shape: [1, 5], data: [0, 0, 2, 0, 1e-30] };
  assertClose(apply("relu_grad", [g, y], {}), [1, 5], [0, 0, 1, 0, 1]);
});

Deno.test("add and reshape", () => {
  const a = { shape: [1, 3], data: [1, 2, 3] }, b = { shape: [1, 3], data: [10, 20, 30] };
  assertClose(apply("add", [a, b], {}), [1, 3], [11, 22, 33]);
  const x = { shape: [1, 2, 1, 3], data: [1, 2, 3, 4, 5, 6] };
  assertClose(apply("reshape", [x], { shape: [3, 2] }), [3, 2], [1, 2, 3, 4, 5, 6]);
  assertClose(apply("reshape", [{ shape: [1, 1], data: [7] }], { shape: [] }), [], [7]);
});

Deno.test("maxpool 2x2 stride 2 on an even map, including negative values", () => {
  const x = {
    shape: [1, 1, 2, 4],
    data: [-3, -1, 5, 5, -2, -5, 5, 5],
  };
  assertClose(apply("maxpool", [x], {}), [1, 1, 1, 2], [-1, 5]);
});

Deno.test("maxpool floors odd sizes: the last row and column are dropped", () => {
  // 5x5 of 0..24: windows start at rows/cols 0 and 2; row 4 and column 4 (which hold the
  // largest values, up to 24) are never read.
  const x = { shape: [1, 1, 5, 5], data: Array.from({ length: 25 }, (_, i) => i) };
  assertClose(apply("maxpool", [x], {}), [1, 1, 2, 2], [6, 8, 16, 18]);
  const y = { shape: [1, 1, 3, 2], data: [1, 2, 3, 4, 99, 99] };
  assertClose(apply("maxpool", [y], {}), [1, 1, 1, 1], [4]);
});

Deno.test("maxpool gradient goes to the first maximum of the window (row-major ties)", () => {
  // Window 1: all equal -> top-left. Window 2: top-right and bottom-left tie -> top-right.
  const x = { shape: [1, 1, 2, 4], data: [7, 7, 1, 3, 7, 7, 3, 2] };
  const g = { shape: [1, 1, 1, 2], data: [10, 20] };
  assertClose(apply("maxpool_grad", [x, g], {}), [1, 1, 2, 4], [10, 0, 0, 20, 0, 0, 0, 0]);
  // Odd sizes: the dropped row and column get no gradient.
  const x3 = { shape: [1, 1, 3, 3], data: [1, 2, 9, 3, 4, 9, 9, 9, 9] };
  const g1 = { shape: [1, 1, 1, 1], data: [5] };
  assertClose(apply("maxpool_grad", [x3, g1], {}), [1, 1, 3, 3], [0, 0, 0, 0, 5, 0, 0, 0, 0]);
});

Deno.test("LRN with the paper's constants on a 1x7x1x1 input, by hand", () => {
  // y_c = x_c / (2 + 1e-4 * sum_{j=c-2..c+2} x_j^2)^0.75 over the channels that exist.
  // x = 10, 20, ..., 70, so the window sums of squares are (in hundreds):
  //   c0: 1+4+9 = 14        c1: 1+4+9+16 = 30      c2: 1+4+9+16+25 = 55
  //   c3: 4+9+16+25+36 = 90 c4: 9+16+25+36+49 = 135 c5: 16+25+36+49 = 126
  //   c6: 25+36+49 = 110
  const x = [10, 20, 30, 40, 50, 60, 70];
  const sums = [1400, 3000, 5500, 9000, 13500, 12600, 11000];
  const expected = x.map((v, c) => v / Math.pow(2 + 1e-4 * sums[c], 0.75));
  const attrs = { size: 5, alpha: 1e-4, beta: 0.75, k: 2 };
  assertClose(apply("lrn", [{ shape: [1, 7, 1, 1], data: x }], attrs), [1, 7, 1, 1], expected);
  // Spot check of one value written out in full: c3 = 40 / (2 + 0.9)^0.75.
  assert.ok(Math.abs(expected[3] - 40 / Math.pow(2.9, 0.75)) < 1e-12);
});

Deno.test("LRN normalises each pixel separately", () => {
  // Two pixels, 3 channels, window 3, alpha 1, beta 1, k 0: y_c = x_c / sum of squares.
  const x = { shape: [1, 3, 1, 2], data: [1, 0, 1, 2, 1, 0] };
  const attrs = { size: 3, alpha: 1, beta: 1, k: 0 };
  // Pixel 0: x = (1,1,1), sums 2, 3, 2. Pixel 1: x = (0,2,0), sums 4, 4, 4.
  assertClose(apply("lrn", [x], attrs), [1, 3, 1, 2], [1 / 2, 0, 1 / 3, 2 / 4, 1 / 2, 0]);
});

Deno.test("softmax over the last axis, stable for large logits", () => {
  const x = { shape: [2, 3], data: [0, Math.log(2), Math.log(3), 1000, 1000, -Infinity] };
  assertClose(apply("softmax", [x], {}), [2, 3], [1 / 6, 2 / 6, 3 / 6, 0.5, 0.5, 0]);
});

Deno.test("softmax cross-entropy: ln 2 for equal logits, batch mean, stable", () => {
  const labels = (...v: number[]) => ({ shape: [v.length], data: v, dtype: "i32" as const });
  const xent = (z: number[][], y: number[]) =>
    apply("softmax_xent", [{ shape: [z.length, z[0].length], data: z.flat() }, labels(...y)], {});
  assertClose(xent([[0, 0]], [0]), [], [Math.LN2]);
  // Row 2: logsumexp(0, ln 3) - ln 3 = ln 4 - ln 3.
  assertClose(xent([[0, 0], [0, Math.log(3)]], [0, 1]), [], [
    (Math.LN2 + Math.log(4 / 3)) / 2,
  ]);
  assertClose(xent([[1000, 0]], [1]), [], [1000]);
  assert.throws(() => xent([[0, 0]], [2]), /label 2 of row 0 is outside \[0, 2\)/);
  // Its gradient: (softmax - onehot) * g / N.
  const z = { shape: [2, 2], data: [0, 0, 0, Math.log(3)] };
  assertClose(apply("softmax_xent_grad", [z, labels(0, 1), { shape: [], data: [2] }], {}), [
    2,
    2,
  ], [-0.5, 0.5, 0.25, -0.25]);
});

Deno.test("matmul: all four transpose flags give the same product", () => {
  // A = [[1,2,3],[4,5,6]], B = [[1,0],[0,1],[1,1]]; AB = [[4,5],[10,11]].
  const A = { shape: [2, 3], data: [1, 2, 3, 4, 5, 6] };
  const At = { shape: [3, 2], data: [1, 4, 2, 5, 3, 6] };
  const B = { shape: [3, 2], data: [1, 0, 0, 1, 1, 1] };
  const Bt = { shape: [2, 3], data: [1, 0, 1, 0, 1, 1] };
  for (const transA of [false, true]) {
    for (const transB of [false, true]) {
      const y = apply("matmul", [transA ? At : A, transB ? Bt : B], { transA, transB });
      assertClose(y, [2, 2], [4, 5, 10, 11]);
    }
  }
  // Shapes that do not chain are refused by the shape rule.
  assert.throws(
    () => apply("matmul", [A, A], { transA: false, transB: false }),
    /inner sizes differ/,
  );
});

Deno.test("concat along channels, and slice takes it apart again", () => {
  const x = { shape: [2, 1, 1, 2], data: [1, 2, 3, 4] };
  const y = { shape: [2, 2, 1, 2], data: [5, 6, 7, 8, 9, 10, 11, 12] };
  const c = apply("concat", [x, y], {});
  assertClose(c, [2, 3, 1, 2], [1, 2, 5, 6, 7, 8, 3, 4, 9, 10, 11, 12]);
  const s = apply("slice", [{ shape: [2, 3, 1, 2], data: c.data }], { start: 1, size: 2 });
  assertClose(s, [2, 2, 1, 2], y.data);
  const s0 = apply("slice", [{ shape: [2, 3, 1, 2], data: c.data }], { start: 0, size: 1 });
  assertClose(s0, [2, 1, 1, 2], x.data);
});

// Dropout ------------------------------------------------------------------------------------

const seedIn = (s: number, first = 0) => ({
  shape: [2],
  data: [s, first],
  dtype: "u32" as const,
});
function drop(n: number, p: number, seed: number, key = 0): Tensor {
  return apply("dropout", [{ shape: [1, n], data: new Float64Array(n).fill(1) }, seedIn(seed)], {
    p,
    key,
    sample: n,
  });
}

Deno.test("dropout: a slice of the batch given its first sample draws that slice's mask", () => {
  // Micro-batches and data-parallel ranks hold samples [first, first + n) of the global batch:
  // each slice must get exactly the rows of the whole batch's mask.
  const rows = 6,
    feat = 35,
    x = { shape: [rows, feat], data: new Float64Array(rows * feat).fill(1) };
  const whole = apply("dropout", [x, seedIn(77)], { p: 0.5, key: 2, sample: feat }).data;
  for (const [first, n] of [[0, 2], [2, 3], [5, 1]]) {
    const part = { shape: [n, feat], data: new Float64Array(n * feat).fill(1) };
    const got = apply("dropout", [part, seedIn(77, first)], { p: 0.5, key: 2, sample: feat }).data;
    assert.deepStrictEqual([...got], [...whole.subarray(first * feat, (first + n) * feat)]);
  }
  // The same rows read as sample 0 (the old per-tensor keying) draw another mask.
  const asFirst =
    apply("dropout", [{ shape: [1, feat], data: x.data.subarray(0, feat) }, seedIn(77)], {
      p: 0.5,
      key: 2,
      sample: feat,
    }).data;
  assert.notDeepStrictEqual([...asFirst], [...whole.subarray(2 * feat, 3 * feat)]);
});

Deno.test("dropoutIndex wraps mod 2^32 as WGSL's u32 arithmetic does", () => {
  for (const [first, per, i] of [[0, 4096, 7], [255, 4096, 4095], [70_000, 100_000, 99_999]]) {
    const want = Number((BigInt(first) * BigInt(per) + BigInt(i)) % 2n ** 32n);
    assert.strictEqual(dropoutIndex(first, per, i), want, `${first} * ${per} + ${i}`);
  }
});

Deno.test("dropout: deterministic per seed, kept values scaled by 1/(1-p)", () => {
  const a = drop(1000, 0.5, 42), b = drop(1000, 0.5, 42);
  assert.deepStrictEqual([...a.data], [...b.data]);
  for (const v of a.data) assert.ok(v === 0 || v === 2, `value ${v}`);
  for (const v of drop(1000, 0.25, 1).data) assert.ok(v === 0 || v === 1 / 0.75, `value ${v}`);
  // p = 0 keeps everything unscaled.
  assert.ok(drop(1000, 0, 3).data.every((v) => v === 1));
});

Deno.test("dropout: the fraction kept is 1 - p over many elements", () => {
  // 100k Bernoulli draws: the standard deviation of the kept fraction is <= 0.0016, so a
  // 0.01 margin is over 6 sigma.
  for (const p of [0.1, 0.5, 0.9]) {
    const y = drop(100_000, p, 7, 1);
    const kept = y.data.filter((v) => v !== 0).length / y.data.length;
    assert.ok(Math.abs(kept - (1 - p)) < 0.01, `p = ${p}: kept ${kept}`);
  }
});

Deno.test("dropout: different seeds and different layers (keys) give different masks", () => {
  const mask = (t: Tensor) => Array.from(t.data, (v) => (v ? 1 : 0)).join("");
  const base = mask(drop(256, 0.5, 1, 0));
  assert.notStrictEqual(mask(drop(256, 0.5, 2, 0)), base);
  assert.notStrictEqual(mask(drop(256, 0.5, 1, 1)), base);
  // The masks of two seeds agree on about half the elements, as independent coins would.
  const other = mask(drop(4096, 0.5, 2, 0)), first = mask(drop(4096, 0.5, 1, 0));
  const agree = [...first].filter((c, i) => c === other[i]).length / 4096;
  assert.ok(Math.abs(agree - 0.5) < 0.05, `agreement ${agree}`);
});

/** lowbias32 written again with exact BigInt arithmetic mod 2^32: an independent check of the
 *  Math.imul / >>> 0 version the reference and the WGSL kernel must both match. */
function lowbias32Big(v: number): number {
  const M = 0xffffffffn;
  let x = BigInt(v >>> 0);
  x ^= x >> 16n;
  x = (x * 0x7feb352dn) & M;
  x ^= x >> 15n;
  x = (x * 0x846ca68bn) & M;
  return Number(x ^ (x >> 16n));
}
const bitsBig = (seed: number, key: number, i: number) =>
  lowbias32Big((i ^ lowbias32Big((seed ^ lowbias32Big(key)) >>> 0)) >>> 0);

Deno.test("dropoutBits matches an exact BigInt version, is stable across calls, and pinned", () => {
  for (const seed of [0, 1, 42, 0x7fffffff, 0xffffffff]) {
    for (const key of [0, 1, 5]) {
      for (let i = 0; i < 200; i += 7) {
        assert.strictEqual(dropoutBits(seed, key, i), bitsBig(seed, key, i), `${seed},${key},${i}`);
        assert.strictEqual(dropoutBits(seed, key, i), dropoutBits(seed, key, i));
      }
    }
  }
  // Pinned values: changing the hash changes every training run's masks (and must change the
  // WGSL copy in step), so it should show up here.
  assert.deepStrictEqual(
    [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1234, 5, 678], [0xffffffff, 7, 1e6]].map(([s, k, i]) =>
      dropoutBits(s, k, i)
    ),
    [1492470133, 604019821, 1753845952, 2273776696, 434027872],
  );
  assert.strictEqual(dropoutThreshold(0), 0);
  assert.strictEqual(dropoutThreshold(0.5), 2 ** 31);
});

Deno.test("dropout reference keeps exactly the elements whose bits reach the threshold", () => {
  const y = drop(500, 0.3, 99, 4), t = dropoutThreshold(0.3);
  y.data.forEach((v, i) => assert.strictEqual(v !== 0, dropoutBits(99, 4, i) >= t, `element ${i}`));
});

// A whole net --------------------------------------------------------------------------------

Deno.test("reference forward of E (width 8, 32x32, 10 classes): finite [N,10] logits", () => {
  const m = vggE({ width: 8, size: 32, classes: 10 });
  const params = init(m, 1);
  const N = 2, x = new Float32Array(N * 3 * 32 * 32);
  for (let i = 0; i < x.length; i++) x[i] = Math.sin(i * 0.37) + (i < x.length / 2 ? 0 : 0.5);
  const logits = applyReference(m, params, x);
  assert.strictEqual(logits.length, N * 10);
  assert.ok(logits.every(Number.isFinite), `logits ${logits}`);
  // Different images give different logits (the net is not collapsed to a constant).
  assert.notDeepStrictEqual([...logits.slice(0, 10)], [...logits.slice(10)]);
  // The graph's shapes, and soft-max probabilities that sum to 1 per row.
  const g = forwardGraph(m, N);
  assert.deepStrictEqual([...g.nodes[g.outputs.logits].shape], [N, 10]);
  const { probs } = run(g, { inputs: { x }, params });
  for (let r = 0; r < N; r++) {
    const s = Array.from(probs.data.slice(r * 10, r * 10 + 10)).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(s - 1) < 1e-5, `row ${r} sums to ${s}`);
  }
});
