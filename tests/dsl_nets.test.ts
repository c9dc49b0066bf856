// The Table 1 nets as the DSL builds them: parameter counts (torchvision's), parameter names,
// width variants, and the two spellings (tagged template, combinators) giving the same IR.
import assert from "node:assert";
import { printGraph } from "../compiler/ir.ts";
import {
  branch,
  conv1,
  conv3,
  divideWidth,
  dropout,
  fc,
  forwardGraph,
  type Layer,
  lrn,
  model,
  net,
  paramCount,
  pool,
  relu,
  repeat,
  residual,
  seq,
  softmax,
} from "../dsl/mod.ts";
import { configs } from "../nets/mod.ts";

Deno.test("parameter counts of A, A-LRN, B, C, D, E match torchvision", () => {
  // LRN has no parameters, so A-LRN counts the same as A; C's 1x1 convs add 0.8M over B.
  const expected: Record<string, number> = {
    A: 132_863_336,
    "A-LRN": 132_863_336,
    B: 133_047_848,
    C: 133_638_952,
    D: 138_357_544,
    E: 143_667_240,
  };
  assert.deepStrictEqual(Object.keys(configs).sort(), Object.keys(expected).sort());
  for (const [name, factory] of Object.entries(configs)) {
    assert.strictEqual(paramCount(factory()), expected[name], name);
  }
});

Deno.test("D's parameters are named and shaped as torchvision's vgg16", () => {
  const m = configs.D();
  const convs = [0, 2, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28];
  const names = [
    ...convs.map((i) => `features.${i}`),
    ...[0, 3, 6].map((i) => `classifier.${i}`),
  ].flatMap((l) => [`${l}.weight`, `${l}.bias`]);
  assert.deepStrictEqual(m.params.map((p) => p.name), names);
  const shape = (n: string) => m.params.find((p) => p.name === n)!.shape;
  assert.deepStrictEqual(shape("features.0.weight"), [64, 3, 3, 3]);
  assert.deepStrictEqual(shape("features.28.weight"), [512, 512, 3, 3]);
  assert.deepStrictEqual(shape("classifier.0.weight"), [4096, 512 * 7 * 7]);
  assert.deepStrictEqual(shape("classifier.3.bias"), [4096]);
  assert.deepStrictEqual(shape("classifier.6.weight"), [1000, 4096]);
  assert.deepStrictEqual(m.input, [3, 224, 224]);
  assert.strictEqual(m.classes, 1000);
  assert.ok(m.endsInSoftmax);
});

Deno.test("width variants build: width 8, 32x32, 10 classes, 1 channel", () => {
  for (const [name, factory] of Object.entries(configs)) {
    const m = factory({ width: 8, size: 32, classes: 10, channels: 1 });
    assert.deepStrictEqual(m.input, [1, 32, 32], name);
    assert.strictEqual(m.classes, 10, name);
    assert.strictEqual(m.name, `${name}/w8`);
    // Same layers, same names as the full net; widths divided by 8 except the classes.
    assert.deepStrictEqual(m.params.map((p) => p.name), factory().params.map((p) => p.name));
    const w = (n: string) => m.params.find((p) => p.name === n)!.shape;
    assert.deepStrictEqual(w("features.0.weight"), [8, 1, 3, 3], name);
    const last = m.params[m.params.length - 2];
    assert.deepStrictEqual(last.shape, [10, 512], name);
    // After five pools a 32x32 input is 1x1: the first FC sees 512 / 8 = 64 inputs.
    assert.deepStrictEqual(w("classifier.0.weight"), [512, 64], name);
  }
  // E at width 8 by hand: convs 1-8, 8-8 | 8-16, 16-16 | 16-32, 3x 32-32 | 32-64, 3x 64-64 |
  // 4x 64-64; FCs 64-512, 512-512, 512-10 (weights + biases).
  const conv = (i: number, o: number) => o * i * 9 + o;
  const e = conv(1, 8) + conv(8, 8) + conv(8, 16) + conv(16, 16) + conv(16, 32) +
    3 * conv(32, 32) + conv(32, 64) + 3 * conv(64, 64) + 4 * conv(64, 64) +
    (64 * 512 + 512) + (512 * 512 + 512) + (512 * 10 + 10);
  assert.strictEqual(paramCount(configs.E({ width: 8, size: 32, classes: 10, channels: 1 })), e);
});

// The six nets in combinator form, as a user would write them without the template: one
// stage per line (seq flattens nested seqs, so the grouping leaves no trace in the tree).
const head = (classes: number) =>
  seq(fc(4096), relu, dropout(0.5), fc(4096), relu, dropout(0.5), fc(classes), softmax);
const combinators: Record<string, (classes: number) => Layer> = {
  A: (k) =>
    seq(
      seq(conv3(64), relu, pool),
      seq(conv3(128), relu, pool),
      seq(repeat(2, conv3(256), relu), pool),
      seq(repeat(2, conv3(512), relu), pool),
      seq(repeat(2, conv3(512), relu), pool),
      head(k),
    ),
  "A-LRN": (k) =>
    seq(
      seq(conv3(64), relu, lrn(), pool),
      seq(conv3(128), relu, pool),
      seq(repeat(2, conv3(256), relu), pool),
      seq(repeat(2, conv3(512), relu), pool),
      seq(repeat(2, conv3(512), relu), pool),
      head(k),
    ),
  B: (k) =>
    seq(
      seq(repeat(2, conv3(64), relu), pool),
      seq(repeat(2, conv3(128), relu), pool),
      seq(repeat(2, conv3(256), relu), pool),
      seq(repeat(2, conv3(512), relu), pool),
      seq(repeat(2, conv3(512), relu), pool),
      head(k),
    ),
  C: (k) =>
    seq(
      seq(repeat(2, conv3(64), relu), pool),
      seq(repeat(2, conv3(128), relu), pool),
      seq(repeat(2, conv3(256), relu), conv1(256), relu, pool),
      seq(repeat(2, conv3(512), relu), conv1(512), relu, pool),
      seq(repeat(2, conv3(512), relu), conv1(512), relu, pool),
      head(k),
    ),
  D: (k) =>
    seq(
      seq(repeat(2, conv3(64), relu), pool),
      seq(repeat(2, conv3(128), relu), pool),
      seq(repeat(3, conv3(256), relu), pool),
      seq(repeat(3, conv3(512), relu), pool),
      seq(repeat(3, conv3(512), relu), pool),
      head(k),
    ),
  // E spelled out flat, without helpers.
  E: (k) =>
    seq(
      repeat(2, conv3(64), relu),
      pool,
      repeat(2, conv3(128), relu),
      pool,
      repeat(4, conv3(256), relu),
      pool,
      repeat(4, conv3(512), relu),
      pool,
      repeat(4, conv3(512), relu),
      pool,
      fc(4096),
      relu,
      dropout(0.5),
      fc(4096),
      relu,
      dropout(0.5),
      fc(k),
      softmax,
    ),
};

for (const name of Object.keys(configs)) {
  Deno.test(`${name}: template and combinator forms print the same IR`, () => {
    for (const v of [{}, { width: 8, size: 32, classes: 10, channels: 1 }]) {
      const { width = 1, size = 224, classes = 1000, channels = 3 } = v as Record<string, number>;
      const fromTemplate = configs[name](v);
      const fromCombinators = model(
        name,
        divideWidth(combinators[name](classes), width),
        [channels, size, size],
      );
      // Eval mode (no dropout nodes) and train mode (dropout with its seed input).
      for (const mode of ["eval", "train"] as const) {
        const a = printGraph(forwardGraph(fromTemplate, 2, { mode }));
        const b = printGraph(forwardGraph(fromCombinators, 2, { mode }));
        assert.strictEqual(a, b, `${name} ${JSON.stringify(v)} ${mode}`);
        if (mode === "train") assert.match(a, /= dropout .*\{p=0\.5, key=1, sample=\d+\}/);
      }
    }
  });
}

Deno.test("template: interpolated blocks, combinator calls and numbers", () => {
  const block = seq(conv3(64), relu, conv3(64), relu);
  const w = 64;
  const t = net`conv3(64) >> relu >> ${block} >> pool >> conv3(${w}) >> fc(10)`;
  assert.deepStrictEqual(
    t,
    seq(conv3(64), relu, conv3(64), relu, conv3(64), relu, pool, conv3(64), fc(10)),
  );
  // Layers themselves can be interpolated too.
  assert.deepStrictEqual(net`${conv3(8)} >> ${relu}`, seq(conv3(8), relu));
  assert.deepStrictEqual(
    net`dropout(0.25) >> dropout >> lrn`,
    seq(dropout(0.25), dropout(0.5), lrn()),
  );
});

Deno.test("template: '* n' repeats, parentheses group", () => {
  assert.deepStrictEqual(net`(conv3(8) >> relu) * 3 >> pool`, seq(repeat(3, conv3(8), relu), pool));
  // '*' binds tighter than '>>': only the atom before it repeats.
  assert.deepStrictEqual(net`conv3(8) >> relu * 2`, seq(conv3(8), relu, relu));
  const n = 2;
  assert.deepStrictEqual(net`(conv3-16) * ${n}`, repeat(2, conv3(16), relu));
  assert.deepStrictEqual(net`((relu))`, relu);
});

Deno.test("template: paper spelling adds ReLU to convs, ReLU + dropout to hidden FCs", () => {
  assert.deepStrictEqual(
    net`conv3-64 >> conv1-64 >> maxpool >> FC-4096 >> FC-10 >> soft-max`,
    seq(conv3(64), relu, conv1(64), relu, pool, fc(4096), relu, dropout(0.5), fc(10), softmax),
  );
  // An FC that ends the net is the output layer even without soft-max.
  assert.deepStrictEqual(net`FC-8 >> FC-10`, seq(fc(8), relu, dropout(0.5), fc(10)));
  // Paper and combinator spellings mix.
  assert.deepStrictEqual(net`conv3-8 >> LRN >> pool`, seq(conv3(8), relu, lrn(), pool));
});

Deno.test("template: residual and branch, multi-line", () => {
  const t = net`
    conv3(8) >> relu >>
    residual(conv3(8) >> relu >> conv3(8)) >> relu >>
    branch(conv1(4), conv3(4) >> relu, (conv1(2) >> relu) * 2) >> pool >> fc(10)`;
  const c = seq(
    conv3(8),
    relu,
    residual(conv3(8), relu, conv3(8)),
    relu,
    branch(conv1(4), seq(conv3(4), relu), repeat(2, conv1(2), relu)),
    pool,
    fc(10),
  );
  assert.deepStrictEqual(t, c);
  // It lowers: the residual is an add, the branch a concat of 4 + 4 + 2 channels.
  const m = model("t", t, [1, 8, 8]);
  const ir = printGraph(forwardGraph(m, 2));
  assert.match(ir, /:f32\[2,8,8,8\] = add %\d+ %\d+ {2}# features\.2/);
  assert.match(ir, /:f32\[2,10,8,8\] = concat %\d+ %\d+ %\d+ {2}# features\.4/);
  // Branch members are named by their position inside the branch.
  assert.deepStrictEqual(
    m.params.map((p) => p.name).filter((n) => n.endsWith("weight")),
    [
      "features.0.weight",
      "features.2.0.weight",
      "features.2.2.weight",
      "features.4.0.weight",
      "features.4.1.0.weight",
      "features.4.2.0.weight",
      "features.4.2.2.weight",
      "classifier.0.weight",
    ],
  );
});

Deno.test("the layer table: per-sample shapes, params and FLOPs", () => {
  const m = model("t", net`conv3(4) >> relu >> pool >> fc(3)`, [2, 4, 4]);
  assert.deepStrictEqual(m.table.map((r) => [r.name, r.desc, r.shape, r.params, r.flops]), [
    // conv: 4x4 outputs x 4 channels, 2 * (2 channels x 9) multiply-adds each.
    ["features.0", "conv3-4", [4, 4, 4], 4 * 2 * 9 + 4, 2 * 64 * 18],
    ["features.1", "relu", [4, 4, 4], 0, 0],
    ["features.2", "maxpool", [4, 2, 2], 0, 0],
    ["classifier.0", "FC-3", [3], 3 * 16 + 3, 2 * 3 * 16],
  ]);
});
