// Winograd against the direct conv, kernel by kernel, with GPU timestamps (timeKernel: best of
// the repeats, because a shared machine only ever adds time), interleaved: every round times
// every candidate of a shape once, and each figure is the best over the rounds. Per shape: the
// direct forward (bias + ReLU epilogue), input gradient (flip) and weight gradient with today's
// tiles (tiles.ts, or tuning/<adapter>.json where it lists the shape), and each Winograd tile
// and fusion for the same three. Effective GFLOP/s count the direct conv's FLOPs (2 * N * O * C
// * 9 * H * W) over the time of the Winograd kernels that run per batch; the filter transform
// runs once per weight update and is reported apart (`filterMs`).
//   XDG_RUNTIME_DIR=/tmp deno run -A bench/winograd_kernels.ts [--rounds 3] [--repeats 2]
//     [--only 16->16] [--tiles 2,4,6] [--variants split,fused-output,fused] [--full] [--no-grad]
// Prints a markdown table on stderr and one JSON object on stdout.
import { parseArgs } from "node:util";
import { emitKernel, storageSizes } from "../compiler/kernels/mod.ts";
import type { ConvGradWeightSpec, ConvSpec, KernelSpec } from "../compiler/kernels/spec.ts";
import {
  type WinogradChain,
  winogradChain,
  winogradGradWeightChain,
  type WinogradVariant,
} from "../compiler/kernels/winograd_chain.ts";
import type { WinogradTile } from "../compiler/winograd/transforms.ts";
import { openGpu } from "../cli/gpu.ts";
import { timeKernel, type TypedArray } from "../runtime/kernel_runner.ts";

const { values: v } = parseArgs({
  args: Deno.args,
  options: {
    rounds: { type: "string", default: "3" },
    repeats: { type: "string", default: "2" },
    iters: { type: "string", default: "1" },
    only: { type: "string" },
    tiles: { type: "string", default: "2,4,6" },
    variants: { type: "string", default: "split,fused-output,fused" },
    full: { type: "boolean", default: false },
    "no-grad": { type: "boolean", default: false },
  },
});
const rounds = Number(v.rounds), repeats = Number(v.repeats), iters = Number(v.iters);
const tiles = v.tiles.split(",").map(Number) as WinogradTile[];
const variants = v.variants.split(",") as WinogradVariant[];

interface Shape {
  name: string;
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
  /** Layers of E/w8 with this shape (0: not part of the E/w8 estimate). */
  layers: number;
}
/** VGG E at width 8 on 32x32 images, batch 64 (the training bench's setting): each distinct
 *  3x3 layer shape; with --full, layers of full-width VGG at batch 1 (224x224 input). */
/** E/w8's 3x3 layers as [C, O, side, how many layers have that shape]. */
const E_LAYERS = [
  [3, 8, 32, 1],
  [8, 8, 32, 1],
  [8, 16, 16, 1],
  [16, 16, 16, 1],
  [16, 32, 8, 1],
  [32, 32, 8, 3],
  [32, 64, 4, 1],
  [64, 64, 4, 3],
  [64, 64, 2, 4],
];
const SHAPES: Shape[] = [
  ...E_LAYERS.map(([c, o, hw, layers]) => ({
    name: `E/8 ${c}->${o} @${hw} b64`,
    n: 64,
    c,
    h: hw,
    w: hw,
    o,
    layers,
  })),
  ...(v.full
    ? [[64, 64, 112], [128, 128, 56], [256, 256, 28], [512, 512, 14]].map(([c, o, hw]) => ({
      name: `full ${c}->${o} @${hw} b1`,
      n: 1,
      c,
      h: hw,
      w: hw,
      o,
      layers: 0,
    }))
    : []),
].filter((s) => !v.only || s.name.includes(v.only));

const gpu = await openGpu();
const load = await Deno.readTextFile("/proc/loadavg").then((t) =>
  t.split(" ").slice(0, 3).join(" ")
)
  .catch(() => "unknown");

const fill = (s: { elems: number; type: string }): TypedArray => {
  if (s.type === "u32") return new Uint32Array(s.elems);
  const a = Float32Array.from({ length: s.elems }, (_, i) => ((i * 7919) % 997) / 997 - 0.5);
  return s.type === "f16" ? Float16Array.from(a) : a;
};

/** A candidate: kernels timed one by one, the filter transform's name kept apart. */
interface Candidate {
  label: string;
  pass: "forward" | "input-grad" | "weight-grad";
  kernels: { name: string; run: () => Promise<number>; perUpdate: boolean }[];
}

function direct(spec: KernelSpec, label: string, pass: Candidate["pass"]): Candidate {
  const k = emitKernel(spec), arrays = storageSizes(spec).map(fill);
  return {
    label,
    pass,
    kernels: [{
      name: k.name,
      perUpdate: false,
      run: () => timeKernel(gpu.device, k, arrays, iters, repeats),
    }],
  };
}

function chainCandidate(chain: WinogradChain, label: string, pass: Candidate["pass"]): Candidate {
  const bufs: Record<string, TypedArray> = {};
  return {
    label,
    pass,
    kernels: chain.steps.map((st) => {
      const k = emitKernel(st.spec), sizes = storageSizes(st.spec);
      const arrays = st.buffers.map((b, i) => bufs[b] ??= fill(sizes[i]));
      return {
        name: k.name,
        perUpdate: st.spec.kind === "winograd_filter",
        run: () => timeKernel(gpu.device, k, arrays, iters, repeats),
      };
    }),
  };
}

function candidates(s: Shape): Candidate[] {
  const out: Candidate[] = [];
  const d = { n: s.n, c: s.c, h: s.h, w: s.w, o: s.o };
  for (const flip of [false, true]) {
    // The input gradient of this layer: a conv from O to C channels with the flipped weight.
    const q = flip ? { ...d, c: s.o, o: s.c } : d;
    const conv: Omit<ConvSpec, "tile"> = { kind: "conv", ...q, k: 3, pad: 1, flip, epilogue: [] };
    const epilogue: ConvSpec["epilogue"] = flip ? [] : [{ op: "bias" }, { op: "relu" }];
    const pass = flip ? "input-grad" : "forward";
    out.push(direct({ ...conv, epilogue, tile: gpu.tiles.conv(conv) }, "direct", pass));
    for (const m of tiles) {
      for (const variant of variants) {
        const chain = winogradChain({ m, ...q, flip, epilogue, variant });
        out.push(chainCandidate(chain, `F(${m},3) ${variant}`, pass));
      }
    }
  }
  if (!v["no-grad"]) {
    const cgw: Omit<ConvGradWeightSpec, "tile"> = {
      kind: "conv_grad_weight",
      ...d,
      k: 3,
      pad: 1,
      accumulate: false,
    };
    out.push(direct({ ...cgw, tile: gpu.tiles.convGradWeight(cgw) }, "direct", "weight-grad"));
    for (const m of tiles) {
      const chain = winogradGradWeightChain({ m, ...d, accumulate: false });
      out.push(chainCandidate(chain, `F(3,${m})`, "weight-grad"));
    }
  }
  return out;
}

const results = [];
const table: string[] = [];
/** E/w8's conv kernel time per pass, all direct vs each layer's faster algorithm (Winograd's
 *  filter transform counted once per step). The first layer has no input gradient. */
const estimate: Record<string, { direct: number; best: number }> = {};
const f = (x: number, d = 2) => x.toFixed(d);
for (const s of SHAPES) {
  const cands = candidates(s);
  const best = cands.map((c) => c.kernels.map(() => Infinity));
  for (let r = 0; r < rounds; r++) {
    for (const [i, c] of cands.entries()) {
      for (const [j, k] of c.kernels.entries()) best[i][j] = Math.min(best[i][j], await k.run());
    }
  }
  const directFlops = 2 * s.n * s.o * s.c * 9 * s.h * s.w;
  const rows = cands.map((c, i) => {
    const perBatch = c.kernels.reduce((a, k, j) => a + (k.perUpdate ? 0 : best[i][j]), 0);
    const filter = c.kernels.reduce((a, k, j) => a + (k.perUpdate ? best[i][j] : 0), 0);
    return {
      pass: c.pass,
      algorithm: c.label,
      ms: +(perBatch * 1e3).toFixed(3),
      filterMs: +(filter * 1e3).toFixed(3),
      gflops: +(directFlops / perBatch / 1e9).toFixed(2),
      kernels: c.kernels.map((k, j) => ({ name: k.name, ms: +(best[i][j] * 1e3).toFixed(3) })),
    };
  });
  for (const pass of ["forward", "input-grad", "weight-grad"]) {
    const rs = rows.filter((r) => r.pass === pass);
    if (!rs.length) continue;
    const base = rs.find((r) => r.algorithm === "direct")!;
    const win = rs.filter((r) => r !== base).sort((a, b) => a.ms - b.ms)[0];
    if (s.layers && !(pass === "input-grad" && s.c === 3)) {
      const e = estimate[pass] ??= { direct: 0, best: 0 };
      e.direct += s.layers * base.ms;
      e.best += s.layers * Math.min(base.ms, win ? win.ms + win.filterMs : Infinity);
    }
    table.push(
      `| ${s.name} | ${pass} | ${f(base.ms)} | ${f(base.gflops, 1)} | ${win?.algorithm ?? "-"} | ${
        win ? f(win.ms) : "-"
      } | ${win ? f(win.gflops, 1) : "-"} | ${win ? f(base.ms / win.ms) : "-"} |`,
    );
  }
  results.push({ shape: s, directGflop: +(directFlops / 1e9).toFixed(4), rows });
}
const loadAfter = await Deno.readTextFile("/proc/loadavg").then((t) =>
  t.split(" ").slice(0, 3).join(" ")
)
  .catch(() => "unknown");
console.error(
  "| shape | pass | direct ms | direct GFLOP/s | best Winograd | ms | eff. GFLOP/s | speed-up |",
);
console.error("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: |");
for (const l of table) console.error(l);
for (const [pass, e] of Object.entries(estimate)) {
  console.error(
    `E/w8 ${pass}: direct ${f(e.direct)} ms, best per layer ${f(e.best)} ms (${
      f(e.direct / e.best)
    }x)`,
  );
}
console.log(
  JSON.stringify(
    {
      adapter: gpu.description,
      loadBefore: load,
      loadAfter,
      rounds,
      repeats,
      iters,
      estimate,
      results,
    },
    null,
    2,
  ),
);
