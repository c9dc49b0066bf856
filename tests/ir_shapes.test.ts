// Every primitive's shape rule: what it derives, and what it refuses. The builder runs the
// rule as each node is added, and verify() runs it again, so a graph with a bad shape cannot
// exist; these tests make sure each rule refuses what its reference could not evaluate.
import assert from "node:assert";
import { type DType, GraphBuilder, type Shape, ShapeError } from "../compiler/ir.ts";
import type { Attrs, Prim } from "../compiler/ops/types.ts";

/** The shape and dtype `op` gives for inputs of these shapes (f32 unless `dtypes` says). */
function shapeOf<P extends Prim>(op: P, shapes: Shape[], attrs: Attrs[P], dtypes: DType[] = []) {
  const b = new GraphBuilder();
  const ids = shapes.map((s, i) =>
    b.add("input", [], { name: `i${i}`, shape: [...s], dtype: dtypes[i] ?? "f32" })
  );
  const n = b.node(b.add(op, ids, attrs));
  return `${n.dtype}[${n.shape}]`;
}

function refuses<P extends Prim>(
  op: P,
  shapes: Shape[],
  attrs: Attrs[P],
  msg: RegExp,
  dtypes: DType[] = [],
) {
  assert.throws(() => shapeOf(op, shapes, attrs, dtypes), (e: unknown) => {
    assert.ok(e instanceof ShapeError, `${op}: expected a ShapeError, got ${e}`);
    assert.match(e.message, msg);
    return true;
  });
}

const conv = (k: number, pad: number, flip = false) => ({ k, pad, flip });

Deno.test("conv2d: output size, flip, and refusals", () => {
  assert.strictEqual(shapeOf("conv2d", [[2, 3, 8, 6], [4, 3, 3, 3]], conv(3, 1)), "f32[2,4,8,6]");
  assert.strictEqual(shapeOf("conv2d", [[2, 3, 8, 6], [4, 3, 3, 3]], conv(3, 0)), "f32[2,4,6,4]");
  // flip reads w as [C,O,k,k].
  assert.strictEqual(
    shapeOf("conv2d", [[2, 3, 8, 6], [3, 4, 3, 3]], conv(3, 1, true)),
    "f32[2,4,8,6]",
  );
  refuses("conv2d", [[2, 3, 8, 6], [4, 2, 3, 3]], conv(3, 1), /expects 2 input channels, got 3/);
  refuses("conv2d", [[2, 3, 8, 6], [4, 3, 1, 1]], conv(3, 1), /is not 3x3/);
  refuses("conv2d", [[2, 3, 2, 2], [4, 3, 3, 3]], conv(3, 0), /does not fit input \[2,3,2,2\]/);
  refuses("conv2d", [[2, 3], [4, 3, 3, 3]], conv(3, 1), /conv input must have rank 4/);
});

Deno.test("conv2d_grad_weight: the gradient must be the conv's output", () => {
  assert.strictEqual(
    shapeOf("conv2d_grad_weight", [[2, 3, 8, 6], [2, 4, 8, 6]], { k: 3, pad: 1 }),
    "f32[4,3,3,3]",
  );
  refuses("conv2d_grad_weight", [[2, 3, 8, 6], [1, 4, 8, 6]], { k: 3, pad: 1 }, /batch 2 vs 1/);
  refuses(
    "conv2d_grad_weight",
    [[2, 3, 8, 6], [2, 4, 8, 8]],
    { k: 3, pad: 1 },
    /gradient \[2,4,8,8\] is not the output of a 3x3 conv \(pad 1\) of \[2,3,8,6\]/,
  );
});

Deno.test("elementwise: bias, relu_grad, add", () => {
  assert.strictEqual(shapeOf("bias", [[2, 3, 4, 4], [3]], {}), "f32[2,3,4,4]");
  refuses("bias", [[2, 3, 4, 4], [4]], {}, /bias \[4\] does not match 3 channels/);
  assert.strictEqual(shapeOf("bias_grad", [[2, 3, 4, 4]], {}), "f32[3]");
  refuses("relu_grad", [[2, 3], [3, 2]], {}, /relu_grad shapes/);
  refuses("add", [[2, 3], [2, 4]], {}, /add needs equal shapes, got \[2,3\] and \[2,4\]/);
});

Deno.test("maxpool and its gradient", () => {
  assert.strictEqual(shapeOf("maxpool", [[1, 2, 5, 4]], {}), "f32[1,2,2,2]");
  refuses("maxpool", [[1, 2, 1, 4]], {}, /needs at least 2x2 input/);
  assert.strictEqual(shapeOf("maxpool_grad", [[1, 2, 5, 4], [1, 2, 2, 2]], {}), "f32[1,2,5,4]");
  refuses("maxpool_grad", [[1, 2, 4, 4], [1, 3, 2, 2]], {}, /gradient \[1,3,2,2\] does not match/);
  refuses("maxpool_grad", [[1, 2, 4, 4], [2, 2, 2, 2]], {}, /does not match/);
});

Deno.test("lrn and its gradient", () => {
  const a = { size: 5, alpha: 1e-4, beta: 0.75, k: 2 };
  assert.strictEqual(shapeOf("lrn", [[1, 7, 2, 2]], a), "f32[1,7,2,2]");
  refuses("lrn", [[1, 7, 2, 2]], { ...a, size: 4 }, /LRN size must be odd/);
  refuses("lrn", [[1, 7]], a, /LRN input must have rank 4/);
  refuses("lrn_grad", [[1, 7, 2, 2], [1, 7, 2, 3]], a, /lrn_grad shapes/);
});

Deno.test("layout: reshape, concat, slice", () => {
  assert.strictEqual(shapeOf("reshape", [[2, 3, 2, 2]], { shape: [2, 12] }), "f32[2,12]");
  assert.strictEqual(shapeOf("reshape", [[1, 1]], { shape: [] }), "f32[]");
  refuses("reshape", [[2, 3]], { shape: [5] }, /cannot reshape \[2,3\] \(6 values\) to \[5\]/);
  refuses("reshape", [[4]], { shape: [-2, -2] }, /positive integer sizes/);
  assert.strictEqual(shapeOf("concat", [[2, 1, 3, 3], [2, 4, 3, 3]], {}), "f32[2,5,3,3]");
  refuses("concat", [[2, 1, 3, 3], [2, 4, 2, 3]], {}, /differ outside the channel axis/);
  refuses("concat", [[2, 1, 3, 3], [1, 1, 3, 3]], {}, /differ outside the channel axis/);
  assert.strictEqual(shapeOf("slice", [[2, 5, 3, 3]], { start: 1, size: 4 }), "f32[2,4,3,3]");
  refuses("slice", [[2, 5, 3, 3]], { start: 2, size: 4 }, /slice \[2, 6\) is outside 5 channels/);
  refuses("slice", [[2, 5, 3, 3]], { start: 0, size: 0 }, /outside/);
});

Deno.test("matmul with transpose flags", () => {
  const mm = (a: Shape, b: Shape, transA: boolean, transB: boolean) =>
    shapeOf("matmul", [a, b], { transA, transB });
  assert.strictEqual(mm([2, 3], [3, 4], false, false), "f32[2,4]");
  assert.strictEqual(mm([3, 2], [3, 4], true, false), "f32[2,4]");
  assert.strictEqual(mm([2, 3], [4, 3], false, true), "f32[2,4]");
  assert.strictEqual(mm([3, 2], [4, 3], true, true), "f32[2,4]");
  refuses("matmul", [[2, 3], [4, 3]], { transA: false, transB: false }, /\(3 vs 4\)/);
  refuses("matmul", [[2, 3, 1], [3, 4]], { transA: false, transB: false }, /rank 2/);
});

Deno.test("dropout, softmax and the loss", () => {
  const seed: DType[] = ["f32", "u32"];
  // The seed input: (seed, first sample of the tensor in the global batch).
  assert.strictEqual(
    shapeOf("dropout", [[2, 8], [2]], { p: 0.5, key: 0, sample: 8 }, seed),
    "f32[2,8]",
  );
  refuses("dropout", [[2, 8], [2]], { p: 0.5, key: 0, sample: 8 }, /seed is u32\[2\]/, [
    "f32",
    "i32",
  ]);
  refuses("dropout", [[2, 8], [1]], { p: 0.5, key: 0, sample: 8 }, /seed is u32\[2\]/, seed);
  refuses("dropout", [[2, 8], [2]], { p: 0.5, key: 0, sample: 16 }, /sample is 16/, seed);
  refuses("dropout", [[2, 8], [2]], { p: -0.5, key: 0, sample: 8 }, /p must be in \[0, 1\)/, seed);
  assert.strictEqual(shapeOf("softmax", [[2, 8]], {}), "f32[2,8]");
  refuses("softmax", [[2, 8, 1, 1]], {}, /rank 2/);
  refuses("softmax_grad", [[2, 8], [2, 7]], {}, /softmax_grad shapes/);
  const lbl: DType[] = ["f32", "i32"];
  assert.strictEqual(shapeOf("softmax_xent", [[2, 8], [2]], {}, lbl), "f32[]");
  refuses("softmax_xent", [[2, 8], [3]], {}, /labels must be i32\[2\], got i32\[3\]/, lbl);
  refuses("softmax_xent", [[2, 8], [2]], {}, /labels must be i32\[2\], got f32\[2\]/);
  refuses(
    "softmax_xent_grad",
    [[2, 8], [2], [1]],
    {},
    /cotangent must be a scalar/,
    ["f32", "i32", "f32"],
  );
});
