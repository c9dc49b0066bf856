// The printed IR, pinned by snapshots (tests/snapshots/ir/): a change to lowering, naming,
// autodiff or the printer shows up as a readable diff. After an intended change, run
// `deno task snapshots` and review the diff before committing. Also: verify() refuses
// malformed graphs, and the snapshot helper's own failure modes.
import assert from "node:assert";
import { type Graph, GraphBuilder, type Node, printGraph, verify } from "../compiler/ir.ts";
import { forwardGraph, trainGraph } from "../dsl/mod.ts";
import { variant as vggA } from "../nets/a.ts";
import { variant as vggE } from "../nets/e.ts";
import { assertSnapshot, lineDiff } from "./helpers/snapshot.ts";

const small = { width: 8, size: 32, classes: 10 };
const updating = Deno.env.get("UPDATE_SNAPSHOTS") === "1";

Deno.test("printed forward IR of A (width 8, 32x32, 10 classes, batch 2)", () => {
  const text = printGraph(forwardGraph(vggA(small), 2));
  // Deterministic within a run as well as across runs (the snapshot).
  assert.strictEqual(printGraph(forwardGraph(vggA(small), 2)), text);
  assertSnapshot("ir/a_w8_s32_forward.txt", text);
});

Deno.test("printed forward IR of E (width 8, 32x32, 10 classes, batch 2)", () => {
  assertSnapshot("ir/e_w8_s32_forward.txt", printGraph(forwardGraph(vggE(small), 2)));
});

Deno.test("printed training-step IR of E (forward, loss, backward; dropout on)", () => {
  const g = trainGraph(vggE(small), 2);
  const text = printGraph(g);
  // Every parameter gets a gradient output, and the step has loss and logits outputs.
  const m = vggE(small);
  for (const p of m.params) assert.ok(`grad:${p.name}` in g.outputs, p.name);
  assert.ok("loss" in g.outputs && "logits" in g.outputs);
  assertSnapshot("ir/e_w8_s32_train.txt", text);
});

Deno.test("the printer's line format", () => {
  const b = new GraphBuilder();
  b.layer = "features.0";
  const x = b.add("input", [], { name: "x", shape: [2, 3], dtype: "f32" });
  b.layer = "";
  const y = b.add("relu", [x], {});
  b.output("y", y);
  assert.strictEqual(
    printGraph(b.build()),
    '%0:f32[2,3] = input {name="x", shape=[2,3], dtype="f32"}  # features.0\n' +
      "%1:f32[2,3] = relu %0\n" +
      "out y = %1\n",
  );
});

/** A small valid graph to break in different ways. */
function valid(): Graph {
  const b = new GraphBuilder();
  const x = b.add("input", [], { name: "x", shape: [2, 3], dtype: "f32" });
  const w = b.add("param", [], { name: "w", shape: [4, 3], role: "weight" });
  b.output("y", b.add("matmul", [x, w], { transA: false, transB: true }));
  return b.build();
}
const withNode = (g: Graph, i: number, n: Partial<Node>): Graph => ({
  nodes: g.nodes.map((m, j) => (j === i ? { ...m, ...n } as Node : m)),
  outputs: g.outputs,
});

Deno.test("verify accepts a valid graph and rejects malformed ones", () => {
  const g = valid();
  verify(g);
  assert.throws(() => verify(withNode(g, 1, { id: 5 })), /node at 1 has id 5/);
  assert.throws(() => verify(withNode(g, 2, { inputs: [0, 2] })), /%2 uses %2 out of order/);
  assert.throws(() => verify(withNode(g, 2, { inputs: [0, -1] })), /out of order/);
  assert.throws(() => verify(withNode(g, 2, { shape: [2, 5] })), /%2 matmul has f32\[2,5\]/);
  assert.throws(() => verify(withNode(g, 2, { dtype: "i32" })), /%2 matmul has i32\[2,4\]/);
  // Attributes that the shape rule refuses (w is not transposed: [2,3] x [4,3]).
  assert.throws(
    () => verify(withNode(g, 2, { attrs: { transA: false, transB: false } })),
    /inner sizes differ/,
  );
  assert.throws(
    () => verify({ nodes: g.nodes, outputs: { y: 7 } }),
    /output y names missing node %7/,
  );
  // The builder refuses a node whose input does not exist yet.
  assert.throws(() => new GraphBuilder().add("relu", [0], {}), /no node %0/);
});

Deno.test({
  name: "snapshot helper: a missing snapshot fails and says how to create it" +
    (updating ? " (ignored while UPDATE_SNAPSHOTS rewrites the snapshots)" : ""),
  ignore: updating,
  fn() {
    assert.throws(
      () => assertSnapshot("ir/does-not-exist.txt", "x"),
      /does not exist.*deno task snapshots/,
    );
  },
});

Deno.test({
  name: "snapshot helper: a difference fails with a line diff" +
    (updating ? " (ignored while UPDATE_SNAPSHOTS rewrites the snapshots)" : ""),
  ignore: updating,
  fn() {
    const text = printGraph(forwardGraph(vggA(small), 2));
    const changed = text.replace("%5:f32", "%5:f16");
    assert.throws(
      () => assertSnapshot("ir/a_w8_s32_forward.txt", changed),
      (e: Error) =>
        e.message.includes("differs") && /^-\s*6 %5:f32/m.test(e.message) &&
        /^\+\s*6 %5:f16/m.test(e.message),
    );
  },
});

Deno.test("lineDiff: changed, inserted and removed lines with line numbers", () => {
  assert.strictEqual(lineDiff("a\nb\nc", "a\nB\nc"), "@@ line 2 @@\n-2 b\n+2 B");
  assert.strictEqual(lineDiff("a\nc", "a\nb\nc"), "@@ line 2 @@\n+2 b");
  assert.strictEqual(lineDiff("a\nb\nc", "a\nc"), "@@ line 2 @@\n-2 b");
  // Long differences are cut after `limit` lines, with a count of the rest.
  const many = (c: string) => Array.from({ length: 50 }, (_, i) => `${c}${i}`).join("\n");
  const d = lineDiff(many("x"), many("y"), 40).split("\n");
  assert.strictEqual(d.length, 1 + 80 + 1);
  assert.strictEqual(d[d.length - 1], "... (10 more lines)");
});
