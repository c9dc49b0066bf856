// deno run -A bench/first_dispatch.ts [NET] [--width N ...] [--batch N] [--train]
//   [--workgroup-probe]
// Where a cold start goes: each distinct kernel of the plan is dispatched once on zeroed buffers
// and timed, slowest first. Some backends (wgpu's OpenGL) compile at the first dispatch rather
// than at pipeline creation, so this is the figure that counts there; run it with
// MESA_SHADER_CACHE_DISABLE=true to see cold compiles. --workgroup-probe times instead a trivial
// kernel holding one workgroup array of 256, 1024 and 4096 floats (bench/RESULTS.md: the OpenGL
// path's compile time grows faster than the array).
import { lower } from "../compiler/lower.ts";
import { emitKernel, storageSizes } from "../compiler/kernels/mod.ts";
import { forwardGraph, trainGraph } from "../dsl/mod.ts";
import { runKernelBindings } from "../runtime/kernel_runner.ts";
import { intFlag, loadNet, main, parse, variantOf, variantOptions } from "../cli/common.ts";
import { openGpu } from "../cli/gpu.ts";

await main(async () => {
  const { values: v, positionals } = parse(Deno.args, {
    ...variantOptions,
    batch: { type: "string" },
    train: { type: "boolean" },
    "workgroup-probe": { type: "boolean" },
  });
  const gpu = await openGpu();
  console.log(`adapter: ${gpu.description}`);
  const time = async (f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    return (performance.now() - t) / 1000;
  };
  if (v["workgroup-probe"]) {
    for (const n of [256, 1024, 4096]) {
      const code = `@group(0) @binding(0) var<storage, read_write> y: array<f32>;
var<workgroup> partial: array<f32, ${n}>;
@compute @workgroup_size(32) fn main(@builtin(local_invocation_index) li: u32) {
  partial[li] = f32(li);
  workgroupBarrier();
  y[li] = partial[(li + 1u) % 32u];
}`;
      const k = {
        name: `workgroup array of ${n} floats`,
        wgsl: code,
        workgroupSize: [32, 1, 1] as const,
        workgroups: [1, 1, 1] as const,
        bindings: [{ name: "y", access: "read_write" as const, elemType: "f32" as const }],
        workgroupStorageBytes: 4 * n,
        flops: 0,
        bytes: 0,
      };
      const s = await time(() => runKernelBindings(gpu.device, k, [new Float32Array(32)]));
      console.log(`${s.toFixed(2).padStart(8)} s  ${k.name}`);
    }
    return;
  }
  const m = await loadNet(positionals[0] ?? "nets/e.ts", variantOf(v));
  const batch = intFlag(v.batch, "batch", 8)!;
  const g = v.train ? trainGraph(m, batch) : forwardGraph(m, batch);
  const seen = new Set<string>(), rows: [number, string][] = [];
  for (const k of lower(g, { tiles: gpu.tiles }).kernels) {
    const e = emitKernel(k.spec);
    if (seen.has(e.wgsl)) continue;
    seen.add(e.wgsl);
    const arrays = storageSizes(k.spec).map((s) =>
      s.type === "f32" ? new Float32Array(s.elems) : new Int32Array(s.elems)
    );
    const s = await time(() => runKernelBindings(gpu.device, e, arrays));
    rows.push([s, `${k.name} (${e.name}, ${e.workgroupStorageBytes} B of workgroup memory)`]);
  }
  rows.sort((a, b) => b[0] - a[0]);
  for (const [s, name] of rows) console.log(`${s.toFixed(2).padStart(8)} s  ${name}`);
  console.log(`total ${rows.reduce((a, r) => a + r[0], 0).toFixed(1)} s, ${rows.length} kernels`);
});
