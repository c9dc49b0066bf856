// What a readback costs on this Deno and adapter: a kernel of a few ms, then its output mapped,
// N times, three ways in one process: waiting for each map before the next submission
// ("sequential", as a plain loop does), submitting the next before waiting for the previous
// ("ahead", as the training loop and logitsAll do: runtime/forward.ts), and N submissions with
// one map at the end ("batched": the GPU time alone). Deno resolves each map at least 10 ms after
// the GPU finishes (its op sleeps 10 ms between polls), which "sequential" pays every time.
//   deno run -A bench/readback.ts [--iters N] [--rounds R] [--work N]
// --work sets the kernel's inner loop length (its time). Prints a table on stderr and one JSON
// object on stdout. A benchmark, not a test.
import { parseArgs } from "node:util";
import { openGpu } from "../cli/gpu.ts";

const { values: v } = parseArgs({
  args: Deno.args,
  options: {
    iters: { type: "string", default: "20" },
    rounds: { type: "string", default: "3" },
    work: { type: "string", default: "20000" },
  },
});
const iters = Number(v.iters), rounds = Number(v.rounds);
const gpu = await openGpu();
const d = gpu.device;
const module = d.createShaderModule({
  code: `@group(0) @binding(0) var<storage, read_write> a: array<f32>;
@compute @workgroup_size(64) fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  var s = a[id.x];
  for (var i = 0u; i < ${Number(v.work)}u; i++) { s = s * 1.0001f + 0.5f; }
  a[id.x] = s;
}`,
});
const pipeline = d.createComputePipeline({
  layout: "auto",
  compute: { module, entryPoint: "main" },
});
const data = d.createBuffer({
  size: 4 * 64 * 64,
  usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
});
const group = d.createBindGroup({
  layout: pipeline.getBindGroupLayout(0),
  entries: [{ binding: 0, resource: { buffer: data } }],
});

/** Submits the kernel and the copy of its first 256 bytes; returns the map's promise, asked for
 *  at once (after the submission, before anything else joins the queue). */
function submit(mapped = true): Promise<void> {
  const staging = d.createBuffer({
    size: 256,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  const enc = d.createCommandEncoder();
  const pass = enc.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, group);
  pass.dispatchWorkgroups(64);
  pass.end();
  enc.copyBufferToBuffer(data, 0, staging, 0, 256);
  d.queue.submit([enc.finish()]);
  if (!mapped) {
    staging.destroy();
    return Promise.resolve();
  }
  return staging.mapAsync(GPUMapMode.READ).finally(() => staging.destroy());
}

const ways: Record<string, () => Promise<void>> = {
  sequential: async () => {
    for (let i = 0; i < iters; i++) await submit();
  },
  ahead: async () => {
    let previous: Promise<void> | undefined;
    for (let i = 0; i < iters; i++) {
      const next = submit();
      await previous;
      previous = next;
    }
    await previous;
  },
  batched: async () => {
    for (let i = 1; i < iters; i++) await submit(false);
    await submit();
  },
};

await submit();
const best: Record<string, number> = {};
for (let r = 0; r < rounds; r++) {
  for (const [name, run] of Object.entries(ways)) {
    const t = performance.now();
    await run();
    const ms = (performance.now() - t) / iters;
    best[name] = Math.min(best[name] ?? Infinity, ms);
  }
}
console.error(`${gpu.description}, ${iters} kernels a round, best of ${rounds} rounds:`);
for (const [name, ms] of Object.entries(best)) {
  console.error(`  ${name.padEnd(10)} ${ms.toFixed(2)} ms per kernel`);
}
console.error(`  a readback waited for costs ${(best.sequential - best.batched).toFixed(2)} ms`);
console.log(JSON.stringify({
  adapter: gpu.description,
  deno: Deno.version.deno,
  iters,
  rounds,
  ms_per_kernel: Object.fromEntries(
    Object.entries(best).map(([k, ms]) => [k, Number(ms.toFixed(3))]),
  ),
}));
