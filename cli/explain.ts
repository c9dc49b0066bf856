// deno task explain NET [--width N] [--size N] [--classes N] [--channels N] [--batch N] [--train]
// Prints the layer table (shapes, parameters, FLOPs), the parameter count, the IR, the kernel
// plan (fused ops, shapes, FLOPs, bytes, tiles) and the memory plan's peak.
import { printGraph } from "../compiler/ir.ts";
import { lower } from "../compiler/lower.ts";
import { emitters } from "../compiler/kernels/mod.ts";
import { forwardGraph, paramCount, trainGraph } from "../dsl/mod.ts";
import { persistentValues } from "../runtime/forward.ts";
import { planMemory } from "../runtime/memory.ts";
import { intFlag, loadNet, main, parse, variantOf, variantOptions } from "./common.ts";
import { bytes, human, table, thousands } from "./format.ts";
import { tilesForAdapter } from "./gpu.ts";

await main(async () => {
  const { values: v, positionals } = parse(Deno.args, {
    ...variantOptions,
    batch: { type: "string" },
    train: { type: "boolean" },
    ir: { type: "boolean" },
    adapter: { type: "string" },
  });
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

  const g = v.train ? trainGraph(m, batch) : forwardGraph(m, batch);
  if (v.ir !== false) {
    console.log(
      `\nIR (${v.train ? "training step" : "forward"}, batch ${batch}):\n${printGraph(g)}`,
    );
  }
  const tiles = await tilesForAdapter(v.adapter);
  const plan = lower(g, { tiles: tiles.policy });
  console.log(`kernel plan (${plan.kernels.length} kernels, tiles for ${tiles.name}):`);
  console.log(table(
    ["#", "kernel", "kind", "output", "FLOPs", "bytes", "workgroups", "tile"],
    plan.kernels.map((k, i) => {
      const e = emitters[k.spec.kind](k.spec as never);
      const tile = "tile" in k.spec ? Object.values(k.spec.tile).join("/") : "";
      return [
        i,
        k.name,
        k.spec.kind,
        g.nodes[k.output].shape.join("x"),
        human(e.flops),
        bytes(e.bytes),
        e.workgroups.join("x"),
        tile,
      ];
    }),
  ));
  const mem = planMemory(plan, persistentValues(g));
  console.log(
    `\nmemory plan: peak ${bytes(mem.peakBytes)} in ${mem.slots.length} buffers ` +
      `(no reuse: ${bytes(mem.naiveBytes)}; live-value lower bound: ${bytes(mem.liveBoundBytes)})`,
  );
});
