// The f16 storage plan (compiler/precision.ts) without a GPU: which values become f16, how the
// lowering marks kernel bindings, what the memory plan saves, and the interpreter's rounding.
import assert from "node:assert";
import { evaluate } from "../compiler/interpret.ts";
import { lower } from "../compiler/lower.ts";
import { applyPrecision } from "../compiler/precision.ts";
import { forwardGraph, trainGraph } from "../dsl/mod.ts";
import { configs } from "../nets/mod.ts";
import { persistentValues } from "../runtime/forward.ts";
import { planMemory } from "../runtime/memory.ts";
import { batchOf, CPU_TILES, GPU_TILES, paramsWithBiases } from "./helpers/gpu.ts";

const e8 = () => configs.E({ width: 8, size: 32, classes: 10 });

Deno.test("precision f32 changes nothing: same graph, no f16 in any spec", () => {
  const g = trainGraph(e8(), 4);
  const p = applyPrecision(g, "f32");
  assert.strictEqual(p.graph, g);
  assert.strictEqual(p.half.size, 0);
  for (const k of lower(g, { tiles: GPU_TILES }).kernels) assert.ok(!("f16" in k.spec), k.name);
});

for (const [name, tiles] of [["GPU", GPU_TILES], ["CPU", CPU_TILES]] as const) {
  Deno.test(`precision f16, E training plan (${name} tiles): what is stored as f16`, () => {
    const m = e8();
    // Batch 64: the untuned rule keeps convs under 8 M multiply-adds direct.
    const { graph: g, half } = applyPrecision(trainGraph(m, 64), "f16");
    const plan = lower(g, { tiles, half });
    const weights = m.params.filter((p) => p.role === "weight");
    // One f16 copy per weight (16 convs + 3 FC layers), made by one kernel each where a kernel
    // reads it: every one on GPU tiles. On CPU tiles every conv reads the f32 master weight:
    // the 5 layers run by Winograd both ways (16 channels and more, maps of 8x8 and up) through
    // their filter transforms, the others through their packed copies (conv_pack); only the 3
    // FC layers keep their f16 copies.
    assert.strictEqual(weights.length, 19);
    assert.strictEqual(g.nodes.filter((n) => n.op === "half").length, 19);
    const copies = plan.kernels.filter((k) => k.ops.join() === "half");
    assert.strictEqual(copies.length, name === "GPU" ? 19 : 3);
    const read = new Set(plan.kernels.flatMap((k) => k.inputs));
    assert.ok(copies.every((k) => read.has(k.output)));
    const fromMaster = (kind: string) => plan.kernels.filter((k) => k.spec.kind === kind);
    for (const k of [...fromMaster("winograd_filter"), ...fromMaster("conv_pack")]) {
      assert.strictEqual(g.nodes[k.inputs[0]].op, "param", k.name);
      assert.ok(!("f16" in k.spec), `${k.name}: from the f32 master weight, stored f32`);
    }
    if (name === "CPU") {
      assert.strictEqual(fromMaster("winograd_filter").length, 10);
      // Every other conv pass of the 16 layers (forward, and input gradient but the first's).
      assert.strictEqual(fromMaster("conv_pack").length, 31 - 10);
    }
    // What the CPU writes or reads stays f32: inputs, params, every named output.
    for (const n of g.nodes) {
      if (n.op === "input" || n.op === "param") assert.ok(!half.has(n.id), `${n.op} %${n.id}`);
    }
    for (const [k, v] of Object.entries(g.outputs)) assert.ok(!half.has(v), k);
    // Weight gradients: f16 inputs, f32 output. Convs: f16 input, weight copy and output,
    // except the first conv's input (the images) and the f32 bias.
    for (const k of plan.kernels) {
      const f16 = "f16" in k.spec ? k.spec.f16 ?? [] : [];
      const last = k.inputs.length;
      const images = g.nodes[k.inputs[0]]?.op === "input";
      if (k.spec.kind === "conv_grad_weight") {
        assert.deepStrictEqual(f16, images ? [1] : [0, 1], k.name);
      }
      if (k.spec.kind === "conv" && !k.spec.flip && !images) {
        // The weight in f16 unless packed (conv_pack's f32 copy of the master weight).
        assert.ok(f16.includes(0) && f16.includes(1) !== !!k.spec.packed, k.name);
        assert.ok(f16.includes(last), k.name);
      }
      if (k.spec.kind === "conv" && k.ops.includes("bias")) {
        assert.ok(!f16.includes(2), `${k.name}: the bias is read from the f32 master`);
      }
    }
  });
}

Deno.test("precision f16 halves the activations' memory: E training plan at batch 64", () => {
  const m = e8();
  const peak = (p: "f32" | "f16") => {
    const { graph, half } = applyPrecision(trainGraph(m, 64), p);
    return planMemory(lower(graph, { tiles: GPU_TILES, half }), persistentValues(graph)).peakBytes;
  };
  const f32 = peak("f32"), f16 = peak("f16");
  // Parameters, momentum-free weight gradients and the f32 inputs keep 4 bytes an element, so
  // the plan shrinks by less than half; measured 18.0 -> 12.5 MiB.
  assert.ok(f16 < 0.75 * f32, `f16 peak ${f16} vs f32 ${f32}`);
});

Deno.test("the interpreter rounds exactly the f16 values, and f16 logits stay near f32", () => {
  const m = configs.A({ width: 8, size: 32, classes: 10 });
  const p = paramsWithBiases(m, 2), b = batchOf(m, 2, 3);
  const { graph, half } = applyPrecision(forwardGraph(m, 2), "f16");
  const vals = evaluate(graph, { inputs: { x: b.x }, params: p }, { half });
  let rounded = 0, notRounded = 0;
  graph.nodes.forEach((n, i) => {
    if (n.dtype !== "f32" || n.op === "reshape") return;
    const d = vals[i].data as Float32Array;
    const exact = d.every((v) => Math.f16round(v) === v);
    if (half.has(i)) assert.ok(exact, `%${i} ${n.op} is f16 but holds a non-f16 value`);
    exact ? rounded++ : notRounded++;
  });
  assert.ok(rounded > 10 && notRounded > 0, `${rounded} f16-exact, ${notRounded} not`);
  const f32 = evaluate(forwardGraph(m, 2), { inputs: { x: b.x }, params: p });
  const a = vals[graph.outputs.logits].data as Float32Array;
  const w = f32[forwardGraph(m, 2).outputs.logits].data as Float32Array;
  const scale = Math.max(...w.map(Math.abs));
  const err = Math.max(...a.map((v, i) => Math.abs(v - w[i])));
  assert.ok(err < 2e-2 * scale, `f16 logits differ from f32 by ${err} (max |logit| ${scale})`);
});
