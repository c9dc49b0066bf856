// deno task explain NET [--width N] [--size N] [--classes N] [--channels N] [--batch N] [--train]
//   [--precision f32|f16]
// Prints the layer table (shapes, parameters, FLOPs), the parameter count, the IR, the kernel
// plan (fused ops, shapes, FLOPs, bytes, tiles), each convolution's algorithm (direct or
// Winograd) and the memory plan's peak.
import { printGraph } from "../compiler/ir.ts";
import { lower, valueShape } from "../compiler/lower.ts";
import { emitKernel } from "../compiler/kernels/mod.ts";
import { applyPrecision } from "../compiler/precision.ts";
import { forwardGraph, paramCount, trainGraph } from "../dsl/mod.ts";
import { persistentValues } from "../runtime/forward.ts";
import { planMemory } from "../runtime/memory.ts";
import { paramKernels } from "../runtime/executor.ts";
import { convAlgorithms } from "../compiler/algorithms.ts";
import {
  intFlag,
  loadNet,
  main,
  parse,
  precisionFlag,
  variantOf,
  variantOptions,
} from "./common.ts";
import { bytes, human, table, thousands } from "./format.ts";
import { tilesForAdapter } from "./gpu.ts";

await main(async () => {
  const { values: v, positionals } = parse(Deno.args, {
    ...variantOptions,
    batch: { type: "string" },
    train: { type: "boolean" },
    ir: { type: "boolean" },
    adapter: { type: "string" },
    precision: { type: "string" },
  });
  const precision = precisionFlag(v.precision);
  const m = await loadNet(positionals[0], variantOf(v));
  const batch = intFlag(v.batch, "batch", 1)!;
  console.log(`net ${m.name}: input ${m.input.join("x")}, ${m.classes} classes\n`);
  console.log(table(
    ["layer", "kind", "output", "params", "FLOPs"],
    m.table.map((r) => [r.name, r.desc, r.shape.join("x"), thousands(r.params), human(r.flops)]),
  ));
  const flops = m.table.reduce((s, r) => s + r.flops, 0);
  console.log(`\ntotal parameters: ${thousands(paramCount(m))}`);
  console.log(
    `forward FLOPs per image: ${human(flops)} (training step about 3x: ${human(3 * flops)})`,
  );

  const { graph: g, half } = applyPrecision(
    v.train ? trainGraph(m, batch) : forwardGraph(m, batch),
    precision,
  );
  if (v.ir !== false) {
    console.log(
      `\nIR (${v.train ? "training step" : "forward"}, batch ${batch}):\n${printGraph(g)}`,
    );
  }
  const tiles = await tilesForAdapter(v.adapter);
  const plan = lower(g, { tiles: tiles.policy, half });
  console.log(
    `kernel plan (${plan.kernels.length} kernels, tiles for ${tiles.name}${
      precision === "f16" ? "; f16: bindings stored as f16, by position" : ""
    }):`,
  );
  console.log(table(
    ["#", "kernel", "kind", "output", "FLOPs", "bytes", "workgroups", "tile"],
    plan.kernels.map((k, i) => {
      const e = emitKernel(k.spec);
      const tile = "tile" in k.spec ? Object.values(k.spec.tile).join("/") : "";
      const f16 = "f16" in k.spec && k.spec.f16 ? ` f16@${k.spec.f16.join(",")}` : "";
      return [
        i,
        k.name,
        k.spec.kind + f16,
        valueShape(plan, k.output).join("x"),
        human(e.flops),
        bytes(e.bytes),
        e.workgroups.join("x"),
        tile,
      ];
    }),
  ));
  const algos = convAlgorithms(plan);
  if (algos.length) {
    console.log(
      `\nconvolutions (${tiles.name}): algorithm, and FLOPs of the direct conv / of the kernels that run`,
    );
    console.log(table(
      ["layer", "pass", "input", "out", "algorithm", "kernels", "direct FLOPs", "kernel FLOPs"],
      algos.map((a) => [
        a.layer,
        a.pass,
        `${a.n}x${a.c}x${a.h}x${a.w}`,
        a.o,
        a.algorithm,
        a.kernels.length,
        human(a.directFlops),
        human(a.kernels.reduce((s, k) => s + emitKernel(k.spec).flops, 0)),
      ]),
    ));
  }
  // As the runners keep them: the forward's parameter-only kernels (f16 weight copies, Winograd
  // filter transforms) write buffers of their own, made once per setParams.
  const keep = persistentValues(g);
  if (!v.train) { for (const i of paramKernels(plan)) keep.add(plan.kernels[i].output); }
  const mem = planMemory(plan, keep);
  console.log(
    `\nmemory plan: peak ${bytes(mem.peakBytes)} in ${mem.slots.length} buffers ` +
      `(no reuse: ${bytes(mem.naiveBytes)}; live-value lower bound: ${bytes(mem.liveBoundBytes)})`,
  );
});
