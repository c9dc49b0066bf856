// Every differentiable primitive's backward rule against finite differences of its reference,
// in float64, along one random direction (see helpers/gradcheck.ts). Inputs are tiny: the
// reference interpreter is plain loops.
import assert from "node:assert";
import { grad } from "../compiler/autodiff.ts";
import { GraphBuilder, printGraph, size } from "../compiler/ir.ts";
import type { LrnAttrs } from "../compiler/ops/lrn.ts";
import { type Arg, assertCheck, checkVjp, directionalCheck, randn } from "./helpers/gradcheck.ts";

let argSeed = 100;
/** A random argument; `awayFrom0` keeps every value at least that far from 0. */
function arg(name: string, shape: number[], awayFrom0 = 0): Arg {
  const data = randn(size(shape), argSeed++);
  for (let i = 0; i < data.length; i++) {
    if (Math.abs(data[i]) < awayFrom0) data[i] = data[i] < 0 ? -awayFrom0 : awayFrom0;
  }
  return { name, shape, data };
}

const check = (what: string, ...a: Parameters<typeof checkVjp>) =>
  assertCheck(checkVjp(...a), 1e-6, what);

// Same-size (k=3 pad=1, k=1 pad=0, k=5 pad=2), shrinking (pad 0) and growing convs. With
// pad > k - 1 (k=1 pad=1, k=3 pad=3) the input gradient is a conv with negative padding, a
// crop, which the reference must index correctly.
const convCases = [[3, 1, 4], [1, 0, 3], [5, 2, 3], [3, 0, 5], [3, 2, 3], [1, 1, 3], [3, 3, 2]];
for (const [k, pad, hw] of convCases) {
  Deno.test(`grad conv2d k=${k} pad=${pad} on ${hw}x${hw + 1}`, () => {
    // Batch 2, 3 -> 2 channels, a non-square image so that swapped H/W indices show.
    check(
      "conv2d",
      (b, [x, w]) => b.add("conv2d", [x, w], { k, pad, flip: false }),
      [arg("x", [2, 3, hw, hw + 1]), arg("w", [2, 3, k, k])],
    );
  });
}

Deno.test("grad bias on [N,C,H,W] and [N,F]", () => {
  check("bias 4-D", (b, [x, c]) => b.add("bias", [x, c], {}), [
    arg("x", [2, 3, 2, 2]),
    arg("b", [3]),
  ]);
  check("bias 2-D", (b, [x, c]) => b.add("bias", [x, c], {}), [arg("x", [3, 4]), arg("b", [4])]);
});

Deno.test("grad relu (points kept 0.05 away from the kink at 0)", () => {
  // ReLU has no derivative at 0; a finite-difference step across it measures half of each
  // slope. Points at least 0.05 from 0 with eps = 1e-6 stay on one side (gradcheck also
  // verifies this through the kink signature).
  check("relu", (b, [x]) => b.add("relu", [x], {}), [arg("x", [2, 3, 3, 3], 0.05)]);
});

Deno.test("grad maxpool, even and odd (floored) sizes, distinct values", () => {
  // Random float64 values are distinct almost surely, so no window has a tie within eps of
  // its maximum: the argmax does not change across the step (the kink signature checks it).
  check("maxpool 4x4", (b, [x]) => b.add("maxpool", [x], {}), [arg("x", [2, 2, 4, 4])]);
  check("maxpool 5x3", (b, [x]) => b.add("maxpool", [x], {}), [arg("x", [1, 3, 5, 3])]);
});

const lrnCases: [string, LrnAttrs][] = [
  ["paper constants", { size: 5, alpha: 1e-4, beta: 0.75, k: 2 }],
  // With alpha = 1e-4 the cross-channel term is ~1e-4 of the gradient: a wrong factor there
  // misses the 1e-6 tolerance by only ~100x. A large alpha makes such a mistake fail loudly.
  ["large alpha", { size: 3, alpha: 0.5, beta: 0.75, k: 1 }],
];
for (const [what, attrs] of lrnCases) {
  Deno.test(`grad lrn (${what})`, () => {
    check(`lrn ${what}`, (b, [x]) => b.add("lrn", [x], attrs), [arg("x", [2, 7, 2, 2])]);
  });
}

Deno.test("grad reshape", () => {
  check("reshape", (b, [x]) => b.add("reshape", [x], { shape: [2, 12] }), [arg("x", [2, 3, 2, 2])]);
});

for (const transA of [false, true]) {
  for (const transB of [false, true]) {
    Deno.test(`grad matmul transA=${transA} transB=${transB}`, () => {
      // op(A) is [3,4] and op(B) is [4,2]; distinct sizes catch any swapped index.
      check(
        "matmul",
        (b, [p, q]) => b.add("matmul", [p, q], { transA, transB }),
        [arg("a", transA ? [4, 3] : [3, 4]), arg("b", transB ? [2, 4] : [4, 2])],
      );
    });
  }
}

Deno.test("grad dropout (fixed seed: a fixed linear mask)", () => {
  check(
    "dropout",
    (b, [x], f) => b.add("dropout", [x, f.seed], { p: 0.5, key: 3, sample: 16 }),
    [arg("x", [4, 16])],
    { fixed: [{ name: "seed", shape: [2], dtype: "u32", data: Uint32Array.of(42, 3) }] },
  );
});

Deno.test("grad softmax", () => {
  check("softmax", (b, [x]) => b.add("softmax", [x], {}), [arg("x", [3, 5])]);
});

Deno.test("grad softmax_xent (mean over the batch)", () => {
  check(
    "softmax_xent",
    (b, [z], f) => b.add("softmax_xent", [z, f.labels], {}),
    [arg("z", [4, 5])],
    { fixed: [{ name: "labels", shape: [4], dtype: "i32", data: Int32Array.of(0, 4, 2, 2) }] },
  );
});

Deno.test("grad add, including a value used twice (cotangents summed)", () => {
  check("add", (b, [x, y]) => b.add("add", [x, y], {}), [arg("x", [2, 3]), arg("y", [2, 3])]);
  // x + x: autodiff must sum the two cotangents of x, giving 2g.
  check("add x+x", (b, [x]) => b.add("add", [x, x], {}), [arg("x", [2, 3])]);
});

Deno.test("grad concat of three inputs", () => {
  check(
    "concat",
    (b, [x, y, z]) => b.add("concat", [x, y, z], {}),
    [arg("x", [2, 1, 2, 2]), arg("y", [2, 3, 2, 2]), arg("z", [2, 2, 2, 2])],
  );
});

Deno.test("grad of a composition: conv >> bias >> relu >> pool >> fc >> softmax_xent", () => {
  check(
    "composition",
    (b, [x, w, c, v], f) => {
      const y = b.add("bias", [b.add("conv2d", [x, w], { k: 3, pad: 1, flip: false }), c], {});
      const p = b.add("maxpool", [b.add("relu", [y], {})], {});
      const z = b.add("matmul", [b.add("reshape", [p], { shape: [2, 8] }), v], {
        transA: false,
        transB: true,
      });
      return b.add("softmax_xent", [z, f.labels], {});
    },
    [arg("x", [2, 1, 4, 4]), arg("w", [2, 1, 3, 3]), arg("c", [2]), arg("v", [3, 8])],
    { fixed: [{ name: "labels", shape: [2], dtype: "i32", data: Int32Array.of(1, 2) }] },
  );
});

Deno.test("the check itself fails for a wrong gradient", () => {
  // Guards the guard: a gradient off by 1e-4 must not pass, nor a zero gradient.
  const x = randn(10, 1);
  const loss = (p: Map<string, Float64Array>) => ({
    value: p.get("x")!.reduce((s, v) => s + Math.sin(v), 0),
    kinks: "",
  });
  const exact = new Map([["x", x.map(Math.cos)]]);
  const wrong = new Map([["x", x.map((v) => Math.cos(v) * (1 + 1e-4))]]);
  const params = new Map([["x", x]]);
  assertCheck(directionalCheck(params, exact, loss));
  assert.throws(() => assertCheck(directionalCheck(params, wrong, loss)), /finite differences/);
  const flat = () => ({ value: 1, kinks: "" });
  assert.throws(
    () => assertCheck(directionalCheck(params, new Map([["x", new Float64Array(10)]]), flat)),
    /too small/,
  );
});

Deno.test("grad of a parameter used twice: w in x.w^T.w (cotangents summed across uses)", () => {
  check(
    "shared weight",
    (b, [x, w]) => {
      const h = b.add("matmul", [x, w], { transA: false, transB: true });
      return b.add("matmul", [h, w], { transA: false, transB: false });
    },
    [arg("x", [2, 3]), arg("w", [3, 3])],
  );
});

Deno.test("autodiff: scalar loss only, no gradient for unused params, inputs undifferentiated", () => {
  const b = new GraphBuilder();
  const x = b.add("input", [], { name: "x", shape: [2, 3], dtype: "f32" });
  const w = b.add("param", [], { name: "w", shape: [4, 3], role: "weight" });
  b.add("param", [], { name: "unused", shape: [5], role: "bias" });
  const y = b.add("matmul", [x, w], { transA: false, transB: true });
  const labels = b.add("input", [], { name: "labels", shape: [2], dtype: "i32" });
  b.output("y", y);
  b.output("loss", b.add("softmax_xent", [y, labels], {}));
  const g = b.build();
  assert.throws(() => grad(g, "y"), /'y' is not a scalar/);
  assert.throws(() => grad(g, "nope"), /no output 'nope'/);
  const back = grad(g, "loss");
  assert.deepStrictEqual(Object.keys(back.outputs).sort(), ["grad:w", "loss", "y"]);
  // Nothing computes a cotangent for x (an input): no matmul producing a [2,3] value.
  assert.ok(!back.nodes.some((n) => n.op === "matmul" && `${n.shape}` === "2,3"));
  // Pruning removed the unused parameter.
  assert.ok(!printGraph(back).includes("unused"));
});
