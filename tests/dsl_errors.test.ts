// Errors a user meets while writing a net: each shape mismatch names the layer (torchvision
// name and paper spelling), its position in the chain and the shapes involved; template
// syntax errors point at the line and column with a caret; bad arguments are refused where
// they are written.
import assert from "node:assert";
import { GraphBuilder, ShapeError } from "../compiler/ir.ts";
import {
  applyReference,
  branch,
  conv1,
  conv3,
  dropout,
  fc,
  forwardGraph,
  init,
  lrn,
  model,
  net,
  NetError,
  pool,
  relu,
  repeat,
  residual,
  seq,
  softmax,
  TemplateSyntaxError,
} from "../dsl/mod.ts";
import { configs } from "../nets/mod.ts";

/** Asserts `f` throws a NetError whose message contains every fragment, in order. */
function assertNetError(f: () => unknown, ...fragments: string[]): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof NetError, `expected a NetError, got ${e}`);
    let from = 0;
    for (const frag of fragments) {
      const at = e.message.indexOf(frag, from);
      assert.ok(at >= 0, `message lacks ${JSON.stringify(frag)} (after ${from}): ${e.message}`);
      from = at + frag.length;
    }
    return true;
  });
}

const small = [1, 4, 4];

Deno.test("FC whose declared input size does not match", () => {
  // conv3(4) >> relu >> pool leaves [4,2,2] = 16 values; the FC was declared for 5.
  assertNetError(
    () => model("t", seq(conv3(4), relu, pool, fc(10, { in: 5 })), small),
    "layer classifier.0",
    "FC-10",
    "position 4",
    "FC declared 5 inputs, got 16",
    "[1,4,2,2]",
  );
});

Deno.test("conv whose declared input channels do not match", () => {
  assertNetError(
    () => model("t", seq(conv3(4), relu, conv3(8, { in: 3 })), small),
    "layer features.2",
    "conv3-8",
    "position 3",
    "declared 3 input channels, got 4",
    "[1,4,4,4]",
  );
  // The first conv against the model's input channels.
  assertNetError(
    () => model("t", conv1(8, { in: 3 }), small),
    "layer features.0",
    "conv1-8",
    "position 1",
    "declared 3 input channels, got 1",
  );
});

Deno.test("conv after an FC (rank 2 where a [N,C,H,W] map is needed)", () => {
  assertNetError(
    () => model("t", seq(conv3(4), fc(8), relu, conv3(8)), small),
    "conv3-8",
    "position 4",
    "conv needs a [N,C,H,W] input, got [1,8]",
  );
});

Deno.test("too many pools for a small input: E at 16x16 pools a 1x1 map", () => {
  // 16 -> 8 -> 4 -> 2 -> 1 after four pools; the fifth (the 37th layer: 16 convs, 16 ReLUs,
  // 5 pools) has nothing to pool.
  assertNetError(
    () => configs.E({ size: 16 }),
    "layer features.36",
    "maxpool",
    "position 37",
    "2x2 max-pool needs at least 2x2 input, got [1,512,1,1]",
  );
  assertNetError(() => model("t", seq(pool, pool, pool, fc(2)), small), "position 3", "[1,1,1,1]");
});

Deno.test("residual body that changes the shape (add mismatch)", () => {
  assertNetError(
    () => model("t", seq(conv3(4), residual(conv3(8), relu), fc(2)), small),
    "layer features.1",
    "residual(conv3-8 >> relu)",
    "position 3",
    "add needs equal shapes, got [1,4,4,4] and [1,8,4,4]",
  );
  // A pool inside the body changes the spatial size instead.
  assertNetError(
    () => model("t", seq(conv3(4), residual(pool)), small),
    "residual(maxpool)",
    "[1,4,4,4] and [1,4,2,2]",
  );
});

Deno.test("branches with different spatial sizes (concat mismatch)", () => {
  assertNetError(
    () => model("t", seq(conv3(4), branch(conv3(2), seq(conv3(2), pool)), fc(2)), small),
    "layer features.1",
    "branch(conv3-2, conv3-2 >> maxpool)",
    "position 4",
    "concat inputs differ outside the channel axis: [1,2,4,4] vs [1,2,2,2]",
  );
});

Deno.test("soft-max on a 4-D map", () => {
  assertNetError(
    () => model("t", seq(conv3(4), softmax), small),
    "layer features.1",
    "soft-max",
    "position 2",
    "softmax input must have rank 2, got [1,4,4,4]",
  );
});

Deno.test("a net whose output is not [N, classes] cannot give a forward graph", () => {
  const m = model("t", conv3(4), small);
  assertNetError(() => forwardGraph(m, 2), "model t", "output [2,4,4,4] is not [N, classes]");
});

Deno.test("bad model input shapes and bad inputs to the reference", () => {
  const body = seq(conv3(4), fc(2));
  for (const input of [[1, 4], [0, 4, 4], [1.5, 4, 4], [1, -4, 4], [1, 4, 4, 4]]) {
    assertNetError(
      () => model("t", body, input),
      "model t: input must be [C,H,W] positive integers",
      `[${input}]`,
    );
  }
  const m = model("t", body, small);
  assert.throws(
    () => applyReference(m, init(m, 1), new Float32Array(17)),
    /input length 17 is not a multiple of 16/,
  );
});

/** Asserts a TemplateSyntaxError at `line`:`col` whose caret sits under `token`. */
function assertSyntax(f: () => unknown, line: number, col: number, token: string, msg: RegExp) {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof TemplateSyntaxError, `expected a TemplateSyntaxError, got ${e}`);
    const [head, src, caret] = e.message.split("\n");
    assert.match(head, new RegExp(`line ${line}, column ${col}: `));
    assert.match(head, msg);
    // The caret line points at the token in the echoed source line.
    const at = caret.indexOf("^");
    assert.ok(at >= 0 && caret.trim() === "^", `caret line ${JSON.stringify(caret)}`);
    assert.strictEqual(src.slice(at, at + token.length), token, e.message);
    assert.strictEqual(at - 2, col - 1, "the caret is under the reported column");
    return true;
  });
}

Deno.test("template: unknown layer, with the known names listed", () => {
  assertSyntax(
    () => net`conv3(64) >> relux >> pool`,
    1,
    14,
    "relux",
    /unknown layer 'relux' \(known: .*relu.*\)/,
  );
  assertSyntax(() => net`conv5(64)`, 1, 1, "conv5", /unknown layer 'conv5'/);
  assertSyntax(() => net`conv3-64 >> FC-10 >> softmx`, 1, 22, "softmx", /unknown layer/);
});

Deno.test("template: errors on later lines give that line and column", () => {
  assertSyntax(
    () =>
      net`
    conv3-64 >> maxpool >>
    conv3-128 >> maxpol >> FC-10`,
    3,
    18,
    "maxpol",
    /unknown layer 'maxpol'/,
  );
});

Deno.test("template: missing '>>'", () => {
  assertSyntax(() => net`conv3(64) relu`, 1, 11, "relu", /expected '>>' or the end/);
  assertSyntax(() => net`conv3(64) >>`, 1, 13, "", /expected a layer, found the end/);
});

Deno.test("template: a character the notation does not use", () => {
  assertSyntax(() => net`conv3(64) >> relu; pool`, 1, 18, ";", /unexpected character ';'/);
  assertSyntax(() => net`conv3(64) > relu`, 1, 11, ">", /unexpected character '>'/);
});

Deno.test("template: unbalanced parentheses", () => {
  assertSyntax(() => net`(conv3(64) >> relu`, 1, 19, "", /expected '\)'/);
  assertSyntax(() => net`conv3(64) >> relu) >> pool`, 1, 18, ")", /expected '>>' or the end/);
  assertSyntax(() => net`residual(conv3(8) >> relu`, 1, 26, "", /expected '\)'|expected ','/);
});

Deno.test("template: interpolating something that is not a layer", () => {
  for (const [v, type] of [["relu", "string"], [{}, "object"], [undefined, "undefined"]]) {
    assertSyntax(
      () => net`conv3(64) >> ${v} >> pool`,
      1,
      14,
      "${",
      new RegExp(`interpolated value is not a layer \\(${type}\\)`),
    );
  }
  // A common slip: the combinator itself instead of a call of it.
  assertSyntax(() => net`${conv3} >> relu`, 1, 1, "${", /not a layer \(function\)/);
});

Deno.test("bad widths: 0, negative, non-integer, in every spelling", () => {
  for (const [f, what] of [[conv3, "conv3"], [conv1, "conv1"], [fc, "fc"]] as const) {
    for (const w of [0, -3, 2.5, NaN]) {
      assert.throws(() => f(w), new RegExp(`${what} width must be a positive integer, got ${w}`));
    }
  }
  assert.throws(() => repeat(0, relu), /repeat count must be a positive integer, got 0/);
  assertSyntax(() => net`conv3(0)`, 1, 1, "conv3", /conv3 width must be a positive integer, got 0/);
  assertSyntax(() => net`fc(2.5)`, 1, 1, "fc", /fc width must be a positive integer, got 2.5/);
  assertSyntax(() => net`conv3-0 >> pool`, 1, 7, "0", /conv3 width must be a positive/);
  assertSyntax(() => net`FC-${-8}`, 1, 4, "${", /fc width must be a positive integer, got -8/);
  assertSyntax(() => net`relu * 0`, 1, 8, "0", /repeat count must be a positive integer, got 0/);
  assertSyntax(() => net`relu * 1.5`, 1, 8, "1.5", /repeat count must be a positive integer/);
  assertSyntax(() => net`relu * relu`, 1, 8, "relu", /expected a count after '\*'/);
});

Deno.test("dropout p outside [0, 1)", () => {
  for (const p of [1, 1.5, -0.1, NaN]) {
    assert.throws(() => dropout(p), new RegExp(`dropout p must be in \\[0, 1\\), got ${p}`));
  }
  assertSyntax(() => net`dropout(1.5)`, 1, 1, "dropout", /dropout p must be in \[0, 1\), got 1.5/);
  // The primitive's shape rule refuses it too, for graphs built without the DSL.
  const b = new GraphBuilder();
  const x = b.add("input", [], { name: "x", shape: [2, 3], dtype: "f32" });
  const s = b.add("input", [], { name: "seed", shape: [2], dtype: "u32" });
  assert.throws(() => b.add("dropout", [x, s], { p: 1, key: 0, sample: 3 }), ShapeError);
  // LRN's window must be odd.
  assert.throws(() => model("t", seq(lrn({ size: 4 }), fc(2)), small), /LRN size must be odd/);
});
