// Winograd as the compiler's choice, without a GPU: the untuned rule of the tile policy, the
// tuning table's algorithm overriding it (format 2) or not (format 1), the conv's lowering into
// the chain (kernels, scratch values U, V, M and their sizes, folds into the last kernel, the
// filter transform reading the f32 master weight), the weight gradient's chain, the memory plan
// and parameter-only kernels, `explain`'s algorithm per conv, and the tuner's candidates.
import assert from "node:assert";
import { convAlgorithms } from "../compiler/algorithms.ts";
import { GraphBuilder } from "../compiler/ir.ts";
import type { ConvGradWeightSpec, ConvSpec } from "../compiler/kernels/spec.ts";
import { type AdapterTraits, tilePolicy } from "../compiler/kernels/tiles.ts";
import { wholeImages } from "../compiler/kernels/conv_register.ts";
import {
  type WinogradChoice,
  winogradDefaults,
  winogradGradDefaults,
} from "../compiler/kernels/winograd_chain.ts";
import { lower, type TilePolicy } from "../compiler/lower.ts";
import { applyPrecision } from "../compiler/precision.ts";
import {
  checkTable,
  shapeKey,
  TUNING_FORMAT,
  TUNING_FORMAT_1,
  TuningError,
  type TuningTable,
  withTuning,
} from "../compiler/tuning.ts";
import { winogradCandidates, winogradGradCandidates } from "../compiler/tuning_candidates.ts";
import { forwardGraph, trainGraph } from "../dsl/mod.ts";
import { configs } from "../nets/mod.ts";
import { paramKernels } from "../runtime/executor.ts";
import { persistentValues } from "../runtime/forward.ts";
import { planMemory } from "../runtime/memory.ts";

const CPU: AdapterTraits = { cpu: true, maxWorkgroupStorage: 32768, maxInvocations: 256 };
const GPU: AdapterTraits = { cpu: false, maxWorkgroupStorage: 32768, maxInvocations: 256 };
const cpu = tilePolicy(CPU), gpu = tilePolicy(GPU);

const conv = (c: number, o: number, side: number, extra: Partial<ConvSpec> = {}) =>
  ({
    kind: "conv",
    n: 64,
    c,
    h: side,
    w: side,
    o,
    k: 3,
    pad: 1,
    flip: false,
    epilogue: [],
    ...extra,
  }) as Omit<ConvSpec, "tile">;

/** A policy that runs every 3x3 pad-1 conv by Winograd with tile m and `variant`. */
const force = (m: 2 | 4 | 6, variant: WinogradChoice["variant"] = "split"): TilePolicy => ({
  ...cpu,
  winograd: (q) => winogradDefaults(q, m, variant),
});

Deno.test("the untuned rule: F(4,3) on maps of 8 and more, F(2,3) below, direct on maps of 16 pixels or fewer and under 16 channels", () => {
  const m = (q: Omit<ConvSpec, "tile">) => cpu.winograd(q)?.m;
  // E/w8's layers: the first layer and the 8-channel ones direct.
  assert.strictEqual(m(conv(3, 8, 32)), undefined);
  assert.strictEqual(m(conv(8, 8, 32)), undefined);
  assert.strictEqual(m(conv(8, 16, 16)), undefined);
  assert.strictEqual(m(conv(16, 8, 16, { flip: true })), undefined);
  assert.strictEqual(m(conv(16, 16, 16)), 4);
  assert.strictEqual(m(conv(16, 32, 8)), 4);
  assert.strictEqual(m(conv(32, 32, 8, { flip: true })), 4);
  assert.strictEqual(m(conv(64, 64, 7)), 2);
  assert.strictEqual(m(conv(512, 512, 14)), 4);
  // 4x4 and 2x2 maps: the direct conv, whole maps per invocation (1 of 4x4, 4 of 2x2).
  for (const side of [4, 2]) {
    const q = conv(side === 4 ? 32 : 64, 64, side);
    assert.strictEqual(m(q), undefined);
    const tile = cpu.conv(q);
    assert.ok(wholeImages({ ...q, tile }), `${side}x${side}: ${JSON.stringify(tile)}`);
    assert.strictEqual(tile.tn, 16);
    assert.strictEqual(tile.tm, 4);
  }
  // Small convs stay direct: under 8 M multiply-adds the chain's dispatches cost more.
  assert.strictEqual(m({ ...conv(16, 16, 16), n: 8 }), undefined);
  assert.strictEqual(m({ ...conv(64, 64, 2), n: 8 }), undefined);
  assert.strictEqual(m({ ...conv(128, 128, 14), n: 1 }), 4);
  // Only 3x3 with padding 1; GPUs keep their workgroup tiles; weight gradients stay direct.
  assert.strictEqual(m(conv(64, 64, 8, { k: 1, pad: 0 })), undefined);
  assert.strictEqual(m(conv(64, 64, 8, { pad: 0 })), undefined);
  assert.strictEqual(gpu.winograd(conv(64, 64, 8)), undefined);
  const cgw = { ...conv(64, 64, 8), kind: "conv_grad_weight", accumulate: false };
  assert.strictEqual(cpu.winogradGradWeight(cgw as Omit<ConvGradWeightSpec, "tile">), undefined);
  // The rule's answer is the split chain with its defaults, every field explicit.
  assert.deepStrictEqual(
    cpu.winograd(conv(16, 16, 16)),
    winogradDefaults(conv(16, 16, 16), 4, "split"),
  );
});

Deno.test("a conv run by Winograd lowers to its chain; U, V, M are scratch values; folds go last", () => {
  const b = new GraphBuilder();
  const x = b.add("input", [], { name: "x", shape: [2, 16, 10, 10], dtype: "f32" });
  const w = b.add("param", [], { name: "w", shape: [24, 16, 3, 3], role: "weight" });
  const bias = b.add("param", [], { name: "b", shape: [24], role: "bias" });
  const y = b.add("conv2d", [x, w], { k: 3, pad: 1, flip: false });
  const r = b.add("relu", [b.add("bias", [y, bias], {})], {});
  b.output("y", b.add("maxpool", [r], {}));
  const g = b.build();
  for (const m of [2, 4, 6] as const) {
    const plan = lower(g, { tiles: force(m) });
    assert.deepStrictEqual(
      plan.kernels.map((k) => k.spec.kind),
      ["winograd_filter", "winograd_input", "winograd_gemm", "winograd_output"],
    );
    const [filter, input, gemm, out] = plan.kernels;
    // 10x10 maps: ceil(10 / m)^2 tiles an image.
    const a2 = (m + 2) ** 2, p = 2 * Math.ceil(10 / m) ** 2;
    assert.deepStrictEqual(filter.inputs, [w]);
    assert.strictEqual(plan.scratch.get(filter.output)!.elems, a2 * 16 * 24);
    assert.strictEqual(plan.scratch.get(input.output)!.elems, a2 * 16 * p);
    assert.deepStrictEqual(gemm.inputs, [input.output, filter.output]);
    assert.strictEqual(plan.scratch.get(gemm.output)!.elems, a2 * 24 * p);
    assert.deepStrictEqual(out.ops, ["conv2d", "bias", "relu", "maxpool"]);
    assert.deepStrictEqual(out.inputs, [gemm.output, bias]);
    assert.strictEqual(out.output, g.outputs.y);
    assert.ok(out.spec.kind === "winograd_output" && out.spec.pool === "max");
    assert.deepStrictEqual(
      plan.kernels.map((k) => k.name),
      [
        "conv2d/winograd_filter",
        "conv2d/winograd_input",
        "conv2d/winograd_gemm",
        "conv2d+bias+relu+maxpool/winograd_output",
      ].map((n) => `:${n}`),
    );
    // The filter transform reads parameters only: run once per set of weights.
    assert.deepStrictEqual([...paramKernels(plan)], [0]);
  }
  // The fused chain: the GEMM transforms its input itself and takes the folds.
  const fused = lower(g, { tiles: force(4, "fused") });
  assert.deepStrictEqual(fused.kernels.map((k) => k.spec.kind), [
    "winograd_filter",
    "winograd_gemm",
  ]);
  assert.ok(fused.kernels[1].spec.kind === "winograd_gemm" && fused.kernels[1].spec.pool);
  // Direct where the policy says so: the weight copy (CPU tiles read packed weights), then one
  // kernel with the pool folded into its row segments.
  const direct = lower(g, { tiles: { ...cpu, winograd: () => undefined } });
  assert.deepStrictEqual(direct.kernels.map((k) => k.spec.kind), ["conv_pack", "conv"]);
  assert.deepStrictEqual(direct.kernels[0].inputs, [w]);
  assert.deepStrictEqual(direct.kernels[1].inputs, [x, direct.kernels[0].output, bias]);
  assert.ok(direct.kernels[1].spec.kind === "conv" && direct.kernels[1].spec.packed);
  assert.deepStrictEqual([...paramKernels(direct)], [0]);
  // GPU tiles read the weight as it is stored (and keep the pool apart).
  assert.deepStrictEqual(
    lower(g, { tiles: { ...gpu, winograd: () => undefined } }).kernels.map((k) => k.spec.kind),
    ["conv", "maxpool"],
  );
});

Deno.test("training plans: input gradients by Winograd with the ReLU mask folded; f16 reads the master weight", () => {
  const m = configs.E({ width: 8, size: 32, classes: 10 });
  const plan = lower(trainGraph(m, 64), { tiles: cpu });
  const algos = convAlgorithms(plan);
  const of = (layer: string, pass: string) =>
    algos.find((a) => a.layer === layer && a.pass === pass)!.algorithm;
  assert.strictEqual(of("features.0", "forward"), "direct 8x8 (direct, packed weights)");
  assert.strictEqual(of("features.7", "forward"), "winograd F(4x4,3x3) split 8x16");
  assert.strictEqual(of("features.7", "input-grad"), "winograd F(4x4,3x3) split 8x16");
  // 4x4 maps: the direct conv on whole maps, both directions.
  assert.strictEqual(of("features.21", "forward"), "direct 4x16 (register, packed weights)");
  assert.strictEqual(of("features.21", "input-grad"), "direct 4x16 (register, packed weights)");
  assert.match(of("features.21", "weight-grad"), /^direct/);
  // The 5 layers of 16 channels and more on maps of 8x8 and up, in both directions; 16
  // forward convs, 15 input gradients.
  assert.strictEqual(algos.filter((a) => a.algorithm.startsWith("winograd")).length, 10);
  assert.strictEqual(algos.filter((a) => a.pass === "input-grad").length, 15);
  // The input gradient's output transform takes the mask of the ReLU below it.
  const flip = algos.find((a) => a.layer === "features.7" && a.pass === "input-grad")!;
  assert.deepStrictEqual(flip.kernels.at(-1)!.ops, ["conv2d", "relu_grad"]);
  // FLOPs: the kernels' own are a third of the direct conv's for F(4,3) here.
  const fwd = algos.find((a) => a.layer === "features.12" && a.pass === "forward")!;
  assert.strictEqual(fwd.directFlops, 2 * 64 * 32 * 32 * 9 * 8 * 8);

  // --precision f16: the filter transform reads the f32 parameter, the copy is dropped.
  const p = applyPrecision(trainGraph(m, 64), "f16");
  const half = lower(p.graph, { tiles: cpu, half: p.half });
  for (const k of half.kernels.filter((k) => k.spec.kind === "winograd_filter")) {
    assert.strictEqual(p.graph.nodes[k.inputs[0]].op, "param", k.name);
  }
  // Only the 3 FC layers keep an f16 copy: the filter transforms (5 layers) and the weight
  // copies of the direct convs (11) read the master weight.
  assert.strictEqual(half.kernels.filter((k) => k.ops.join() === "half").length, 19 - 16);
  const input = half.kernels.find((k) => k.spec.kind === "winograd_input")!;
  assert.deepStrictEqual("f16" in input.spec && input.spec.f16, [0], "x in f16, V in f32");
});

Deno.test("the weight gradient by Winograd where the policy says so, accumulating", () => {
  const m = configs.E({ width: 8, size: 32, classes: 10 });
  const tiles: TilePolicy = {
    ...cpu,
    winogradGradWeight: (q) => q.c >= 64 ? winogradGradDefaults(q, 2) : undefined,
  };
  const plan = lower(trainGraph(m, 2), { tiles, accumulateGrads: true });
  const grads = convAlgorithms(plan).filter((a) => a.pass === "weight-grad");
  assert.strictEqual(grads.filter((a) => a.algorithm.startsWith("winograd F(3x3,2x2)")).length, 7);
  const chain = grads.find((a) => a.algorithm.startsWith("winograd"))!.kernels;
  assert.deepStrictEqual(chain.map((k) => k.spec.kind), [
    "winograd_grad_g",
    "winograd_input",
    "winograd_grad_gemm",
    "winograd_grad_out",
  ]);
  const out = chain.at(-1)!;
  assert.ok(out.spec.kind === "winograd_grad_out" && out.spec.accumulate);
  assert.strictEqual(
    out.output,
    plan.graph.outputs[`grad:${plan.graph.nodes[out.node].layer}.weight`],
  );
});

Deno.test("memory: V and M in pooled buffers; the forward runner keeps U with the weights", () => {
  const m = configs.E({ width: 8, size: 32, classes: 10 });
  const plan = lower(forwardGraph(m, 64), { tiles: cpu });
  const keep = persistentValues(plan.graph);
  const onParams = paramKernels(plan);
  // The filter transforms of the 5 convs of 16 channels and more on maps of 8x8 and up, and
  // the weight copies of the 11 direct convs (4x4 and 2x2 maps among them).
  assert.strictEqual(onParams.size, 16);
  const kinds = [...onParams].map((i) => plan.kernels[i].spec.kind);
  assert.strictEqual(kinds.filter((k) => k === "winograd_filter").length, 5);
  assert.strictEqual(kinds.filter((k) => k === "conv_pack").length, 11);
  for (const i of onParams) keep.add(plan.kernels[i].output);
  const mem = planMemory(plan, keep);
  const vm = [...plan.scratch.keys()].filter((v) => !keep.has(v));
  assert.strictEqual(vm.length, 10, "V and M of 5 convs");
  const slots = new Set(vm.map((v) => mem.slotOf.get(v)!));
  // Reused from conv to conv (and with the activations' buffers).
  assert.ok(slots.size < vm.length / 2, `${slots.size} buffers for ${vm.length} V and M`);
  for (const i of onParams) {
    const s = mem.slotOf.get(plan.kernels[i].output)!;
    assert.deepStrictEqual(mem.slots[s].tenants, [plan.kernels[i].output], "U owns its buffer");
  }
});

Deno.test("tuning tables: format 2 entries decide the algorithm, format 1 entries leave it to the rule", () => {
  const q = conv(16, 16, 16);
  const f2 = winogradDefaults(q, 2, "fused");
  const table = (entries: TuningTable["entries"], format: TuningTable["format"] = TUNING_FORMAT) =>
    checkTable(
      {
        format,
        adapter: { name: "", vendor: "", architecture: "", key: "t" },
        source: "",
        entries,
      },
      "test",
    );
  const entry = (e: Partial<TuningTable["entries"][string]>) => ({
    tile: cpu.conv(q),
    default: cpu.conv(q),
    defaultMs: 2,
    tunedMs: 1,
    kernels: [],
    ...e,
  });
  const wino = withTuning(
    cpu,
    table({ [shapeKey(q)]: entry({ algorithm: "winograd", winograd: f2 }) }),
  );
  assert.deepStrictEqual(wino.winograd(q), f2);
  assert.deepStrictEqual(wino.winograd(conv(32, 32, 8)), cpu.winograd(conv(32, 32, 8)));
  const direct = withTuning(cpu, table({ [shapeKey(q)]: entry({ algorithm: "direct" }) }));
  assert.strictEqual(direct.winograd(q), undefined);
  const old = withTuning(cpu, table({ [shapeKey(q)]: entry({}) }, TUNING_FORMAT_1));
  assert.deepStrictEqual(old.winograd(q), cpu.winograd(q));
  // The key is the spec less its tile, as for tiles: the flipped conv is another shape.
  assert.deepStrictEqual(wino.winograd(conv(16, 16, 16, { flip: true })), cpu.winograd(q));
  // A lowering with the table runs the table's chain.
  const b = new GraphBuilder();
  const x = b.add("input", [], { name: "x", shape: [64, 16, 16, 16], dtype: "f32" });
  const w = b.add("param", [], { name: "w", shape: [16, 16, 3, 3], role: "weight" });
  b.output("y", b.add("conv2d", [x, w], { k: 3, pad: 1, flip: false }));
  const kinds = (t: TilePolicy) => lower(b.build(), { tiles: t }).kernels.map((k) => k.spec.kind);
  assert.deepStrictEqual(kinds(wino), ["winograd_filter", "winograd_gemm"]);
  assert.deepStrictEqual(kinds(direct), ["conv_pack", "conv"]);
  // Malformed choices are errors naming the entry.
  const bad = (w: unknown) =>
    assert.throws(
      () =>
        table({ [shapeKey(q)]: entry({ algorithm: "winograd", winograd: w as WinogradChoice }) }),
      (e) => e instanceof TuningError && /algorithm of/.test(e.message),
    );
  bad({ ...f2, m: 3 });
  bad({ ...f2, variant: "sideways" });
  bad({ ...f2, outputTiles: 2 });
  bad({ ...f2, tile: { ...f2.tile, tm: 0 } });
  bad(undefined);
});

Deno.test("tuner candidates: the rule's choice among them, each once; none for other convs", () => {
  const q = { ...conv(16, 16, 16), tile: cpu.conv(conv(16, 16, 16)) };
  const c = winogradCandidates(q, CPU);
  const keys = c.map((x) => JSON.stringify(x));
  assert.strictEqual(new Set(keys).size, keys.length);
  assert.ok(keys.includes(JSON.stringify(cpu.winograd(q))));
  assert.deepStrictEqual([...new Set(c.map((x) => x.m))], [2, 4, 6]);
  assert.ok(!c.some((x) => x.variant === "fused-output"), "3-8x slower on llvmpipe");
  assert.ok(winogradCandidates(q, GPU).some((x) => x.variant === "fused-output"));
  assert.deepStrictEqual(winogradCandidates({ ...q, k: 1, pad: 0 }, CPU), []);
  const cgw = { ...q, kind: "conv_grad_weight" as const, accumulate: false };
  const { flip: _f, epilogue: _e, ...g } = cgw;
  assert.deepStrictEqual(winogradGradCandidates(g).map((x) => x.m), [2, 4, 6]);
});
