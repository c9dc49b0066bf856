// Kernel benchmark: GFLOP/s (and GB/s) of each kernel kind on VGG-ish shapes at width/8,
// 32x32 input, batch 64 (the FACTS.md training setting), plus a 512^3 matmul, with the tiles
// tiles.ts picks for this adapter. Prints one JSON object.
//   XDG_RUNTIME_DIR=/tmp deno run -A bench/kernels.ts [--iters N] [--repeats N] [--only a,b]
import { emitKernel } from "../compiler/kernels/mod.ts";
import { storageSizes } from "../compiler/kernels/mod.ts";
import type { KernelSpec } from "../compiler/kernels/spec.ts";
import { tilePolicy } from "../compiler/kernels/tiles.ts";
import { describeAdapter, getAdapterTraits, getDevice } from "../runtime/device.ts";
import { timeKernel, type TypedArray } from "../runtime/kernel_runner.ts";

const args = Deno.args;
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const iters = Number(flag("iters") ?? 1);
/** Best of several runs: other processes on a shared machine only ever add time. */
const repeats = Number(flag("repeats") ?? 5);
const only = flag("only")?.split(",");

const device = await getDevice();
const tiles = tilePolicy(await getAdapterTraits());
const N = 64;
const conv = (c: number, o: number, hw: number, flip = false, k = 3): KernelSpec => {
  const d = { n: N, c, h: hw, w: hw, o, k, pad: (k - 1) / 2 };
  return {
    kind: "conv",
    ...d,
    flip,
    epilogue: flip ? [] : [{ op: "bias" }, { op: "relu" }],
    tile: tiles.conv(d),
  };
};
const matmul = (m: number, n: number, k: number, transB: boolean): KernelSpec => ({
  kind: "matmul",
  m,
  n,
  k,
  transA: false,
  transB,
  accumulate: false,
  epilogue: [],
  tile: tiles.matmul({ m, n, k }),
});
const cgw = (c: number, o: number, hw: number): KernelSpec => {
  const d = { n: N, c, h: hw, w: hw, o, k: 3 };
  return {
    kind: "conv_grad_weight",
    ...d,
    pad: 1,
    accumulate: false,
    tile: tiles.convGradWeight(d),
  };
};

// VGG at width/8: channels 8, 16, 32, 64, 64 over 32, 16, 8, 4, 2 pixels; classifier 512.
const cases: Record<string, KernelSpec> = {
  "matmul 512^3": matmul(512, 512, 512, false),
  "conv first 3->8 @32": conv(3, 8, 32),
  "conv 16->16 @16": conv(16, 16, 16),
  "conv 32->32 @8": conv(32, 32, 8),
  "conv 64->64 @2": conv(64, 64, 2),
  "conv 1x1 32->32 @16": conv(32, 32, 16, false, 1),
  "conv input-grad 16->16 @16 (flip)": conv(16, 16, 16, true),
  "conv_grad_weight 16->16 @16": cgw(16, 16, 16),
  "conv_grad_weight 3->8 @32": cgw(3, 8, 32),
  "matmul fc 64x512x64 (transB)": matmul(N, 512, 64, true),
  "matmul fc 64x512x512 (transB)": matmul(N, 512, 512, true),
  "matmul fc dW 512x512x64 (transA)": {
    ...(matmul(512, 512, N, false) as Extract<KernelSpec, { kind: "matmul" }>),
    transA: true,
    tile: tiles.matmul({ m: 512, n: 512, k: N }),
  },
  "elementwise relu 64x16x16x16": {
    kind: "elementwise",
    size: N * 16 * 256,
    layout: { channels: 16, spatial: 256 },
    epilogue: [{ op: "relu" }],
  },
  "maxpool 64x16x16x16": { kind: "maxpool", n: N, c: 16, h: 16, w: 16 },
  "maxpool_grad 64x16x16x16": { kind: "maxpool_grad", n: N, c: 16, h: 16, w: 16 },
  "lrn 64x8x32x32": {
    kind: "lrn",
    n: N,
    c: 8,
    h: 32,
    w: 32,
    size: 5,
    alpha: 1e-4,
    beta: 0.75,
    k: 2,
  },
  "bias_grad 64x16x256": { kind: "bias_grad", n: N, c: 16, spatial: 256, accumulate: false },
  "softmax_xent 64x10": { kind: "softmax_xent", rows: N, cols: 10 },
  "sgd 147k": { kind: "sgd", size: 147456, momentum: 0.9, weightDecay: 5e-4 },
};

function arraysFor(spec: KernelSpec): TypedArray[] {
  return storageSizes(spec).map((s) => {
    if (s.type === "i32") return new Int32Array(s.elems);
    if (s.type === "u32") return new Uint32Array(s.elems);
    return Float32Array.from({ length: s.elems }, (_, i) => ((i * 7919) % 997) / 997 - 0.5);
  });
}

const results = [];
for (const [name, spec] of Object.entries(cases)) {
  if (only && !only.some((o) => name.includes(o))) continue;
  const k = emitKernel(spec);
  const sec = await timeKernel(device, k, arraysFor(spec), iters, repeats);
  results.push({
    name,
    kernel: k.name,
    ms: +(sec * 1e3).toFixed(3),
    gflops: +(k.flops / sec / 1e9).toFixed(3),
    gbps: +(k.bytes / sec / 1e9).toFixed(3),
  });
}
const adapter = await describeAdapter();
console.log(JSON.stringify({ adapter: adapter.name, iters, repeats, results }, null, 2));
