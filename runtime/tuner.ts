// The autotuner's measurement: for one GEMM-like kernel shape, every candidate compiled (the
// direct kernel's tiles, and for a 3x3 pad-1 conv or weight gradient the Winograd chains), its
// output checked against the default tile's, and the agreeing ones timed (GPU timestamps, wall
// time where the adapter has none; a chain as the sum of its kernels), the finalists
// interleaved. `deno task tune` (cli/tune.ts) runs it over a net's kernels and writes the table
// (compiler/tuning.ts).
import { checkLimits, emitKernel, storageSizes } from "../compiler/kernels/mod.ts";
import {
  canonicalJson,
  type EmittedKernel,
  type GemmTile,
  type KernelSpec,
} from "../compiler/kernels/spec.ts";
import {
  choiceOptions,
  type WinogradChain,
  winogradChain,
  type WinogradChoice,
  type WinogradGradChoice,
  winogradGradWeightChain,
} from "../compiler/kernels/winograd_chain.ts";
import { WINOGRAD_TOLERANCE } from "../compiler/winograd/accuracy.ts";
import { epilogueBindings } from "../compiler/kernels/epilogue.ts";
import { packOf } from "../compiler/kernels/conv_pack.ts";
import { withPacking } from "../compiler/kernels/conv_register.ts";
import type { WinogradTile } from "../compiler/winograd/transforms.ts";
import { shapeKey, type TunableSpec, type TuningTable } from "../compiler/tuning.ts";
import { relError } from "./agreement.ts";
import { pipelineFor, runKernelBindings, timeKernel, type TypedArray } from "./kernel_runner.ts";

/** A candidate's output may differ from the default's by this much, relative to the largest
 *  |value|: the tiles sum K in different orders (split K over up to 64 lanes, K up to 64k
 *  products), which moves f32 results by ~1e-6 relative; a wrong index errs by O(1). */
export const AGREEMENT = 1e-4;
/** A candidate replaces the default only when faster by this fraction: less is within what
 *  a shared machine's noise moves the best of a few runs, and a tuned entry must earn its keep. */
export const MIN_GAIN = 0.05;

/** Seeded inputs for every storage binding (floats in [-1, 1), the dropout seed a constant);
 *  the output starts as noise too, so an element a tile fails to write shows. */
export function bindingData(spec: TunableSpec, seed = 1): TypedArray[] {
  let a = seed >>> 0;
  const next = () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 4294967296 * 2 - 1;
  };
  return storageSizes(spec).map((s) =>
    s.type === "f32"
      ? Float32Array.from({ length: s.elems }, next)
      : s.type === "u32"
      ? new Uint32Array(s.elems).fill(0x9e3779b9)
      : new Int32Array(s.elems)
  );
}

export interface Trial {
  /** The direct kernel's tile; for a Winograd candidate, its GEMM's tile. */
  tile: GemmTile;
  /** A Winograd candidate: the conv's chain (or the weight gradient's) instead of the direct
   *  kernel. */
  winograd?: WinogradChoice | WinogradGradChoice;
  /** ms per dispatch of the kernels that run per batch (best seen), or why the tile was
   *  dropped. */
  ms?: number;
  rejected?: string;
}

export interface ShapeResult {
  spec: TunableSpec;
  trials: Trial[];
  /** The policy's own choice: trials[0] (the spec's tile), or its Winograd default. */
  default: Trial;
  defaultMs: number;
  best: Trial;
}

/** On a shared machine a kernel's time is bimodal or worse: a CPU adapter's threads share the
 *  cores with other work, and a run that loses a core takes twice as long. The least of many
 *  short runs estimates the time with the cores free, so the tuner takes many short runs, and
 *  the final ones interleaved, so that no tile is measured only in a busy spell. */
export interface TuneOptions {
  /** Candidates kept for the final interleaved timing rounds (besides the default). */
  finalists?: number;
  rounds?: number;
  /** Target GPU time per timed submission, ms (sets the dispatches per submission). */
  targetMs?: number;
  log?: (line: string) => void;
  /** Winograd candidates of a 3x3 pad-1 conv (WinogradChoice) or weight gradient
   *  (WinogradGradChoice), timed as the sum of their kernels. */
  winograd?: readonly (WinogradChoice | WinogradGradChoice)[];
  /** The policy runs the shape by Winograd by default: this one of `winograd` (compared by
   *  value) is then the default the others must beat. */
  defaultWinograd?: WinogradChoice | WinogradGradChoice;
  /** Runs of the filter transform per timed batch: 1 in training (once per step: the micro
   *  batch is the step's batch), 0 for inference (once per setParams). Default 1. */
  filterRuns?: number;
}

/** How much a Winograd candidate may differ from the direct default's output: its tile's bound
 *  from the accuracy study (compiler/winograd/accuracy.ts); for a weight gradient at least the
 *  direct tiles' own AGREEMENT, as the direct reference itself sums its long K in an order of
 *  its own. */
export function winogradAgreement(spec: TunableSpec, m: WinogradTile): number {
  return spec.kind === "conv_grad_weight"
    ? Math.max(AGREEMENT, WINOGRAD_TOLERANCE[m])
    : WINOGRAD_TOLERANCE[m];
}

const outputIndex = (k: EmittedKernel) => {
  const storage = k.bindings.filter((b) => b.access !== "uniform");
  return storage.map((b) => b.access).lastIndexOf("read_write");
};

/** A candidate's kernels: each with its storage arrays by buffer name and its runs per batch. */
interface Program {
  steps: { spec: KernelSpec; kernel: EmittedKernel; buffers: string[]; runs: number }[];
  /** The buffer holding the result. */
  out: string;
}

/** The direct kernel over the shape's binding data (buffers named by position). A conv whose
 *  tile reads packed weights (conv_register.ts withPacking) gets conv_pack first, from the
 *  weight b1 to wp, run `filterRuns` times per batch as the plan runs it (once per update). */
function directProgram(unpacked: TunableSpec, filterRuns: number): Program {
  const spec = unpacked.kind === "conv" ? withPacking(unpacked) : unpacked;
  const k = emitKernel(spec);
  const n = k.bindings.filter((b) => b.access !== "uniform").length;
  const buffers = Array.from({ length: n }, (_, i) => `b${i}`);
  const out = buffers[outputIndex(k)];
  if (spec.kind !== "conv" || !spec.packed) {
    return { steps: [{ spec, kernel: k, buffers, runs: 1 }], out };
  }
  const pack = packOf(spec);
  return {
    steps: [
      { spec: pack, kernel: emitKernel(pack), buffers: ["b1", "wp"], runs: filterRuns },
      { spec, kernel: k, buffers: buffers.map((b) => b === "b1" ? "wp" : b), runs: 1 },
    ],
    out,
  };
}

/** The spec without `packed`: its bindings hold the weight as the graph stores it. */
function unpackedSpec(spec: TunableSpec): TunableSpec {
  if (spec.kind !== "conv" || !spec.packed) return spec;
  const { packed: _, ...rest } = spec;
  return rest;
}

/** A Winograd candidate's chain over the same data: x and the weight (or the output gradient)
 *  are the direct kernel's first two bindings, its epilogue's extras the next, the result its
 *  last. The chain takes the spec's epilogue and pool, as the plan's would. */
function chainProgram(
  spec: TunableSpec,
  choice: WinogradChoice | WinogradGradChoice,
  filterRuns: number,
): Program {
  const conv = { m: choice.m, n: 0, c: 0, h: 0, w: 0, o: 0 };
  let chain: WinogradChain, names: Record<string, string>;
  if (spec.kind === "conv") {
    const c = choice as WinogradChoice;
    chain = winogradChain(
      {
        ...conv,
        ...dims(spec),
        flip: spec.flip,
        epilogue: spec.epilogue,
        ...(spec.pool ? { pool: spec.pool } : {}),
        variant: c.variant,
      },
      choiceOptions(c),
    );
    const extras = epilogueBindings(spec.epilogue).map((b, i) => [b.name, `b${2 + i}`]);
    names = { x: "b0", wt: "b1", ...Object.fromEntries(extras), y: `b${2 + extras.length}` };
  } else if (spec.kind === "conv_grad_weight") {
    const { m, ...opts } = choice as WinogradGradChoice;
    chain = winogradGradWeightChain(
      { ...conv, m, ...dims(spec), accumulate: spec.accumulate },
      opts,
    );
    names = { x: "b0", g: "b1", dw: "b2" };
  } else throw new Error(`no Winograd form of ${spec.kind}`);
  const name = (b: string) => names[b] ?? b;
  return {
    steps: chain.steps.map((st) => ({
      spec: st.spec,
      kernel: emitKernel(st.spec),
      buffers: st.buffers.map(name),
      runs: st.spec.kind === "winograd_filter" ? filterRuns : 1,
    })),
    out: names[spec.kind === "conv" ? "y" : "dw"],
  };
}

const dims = (s: { n: number; c: number; h: number; w: number; o: number }) => ({
  n: s.n,
  c: s.c,
  h: s.h,
  w: s.w,
  o: s.o,
});

/** Runs a program once on copies of `given` (missing buffers zeroed, sized from the kernels'
 *  bindings); returns every buffer afterwards. */
async function runProgram(
  device: GPUDevice,
  p: Program,
  given: Record<string, TypedArray>,
): Promise<Record<string, TypedArray>> {
  const bufs: Record<string, TypedArray> = { ...given };
  for (const st of p.steps) {
    const sizes = storageSizes(st.spec);
    const arrays = st.buffers.map((b, i) =>
      bufs[b] ??= sizes[i].type === "f16"
        ? new Float16Array(sizes[i].elems)
        : new Float32Array(sizes[i].elems)
    );
    const out = await runKernelBindings(device, st.kernel, arrays);
    st.buffers.forEach((b, i) => bufs[b] = out[i]);
  }
  return bufs;
}

/** ms per batch of a program: each kernel's best time (ms per dispatch) times its runs. */
function programMs(p: Program, best: number[]): number {
  return p.steps.reduce((s, st, i) => s + st.runs * best[i], 0);
}

const sameChoice = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Tries `tiles` for `spec` (tiles[0] is the default, the reference for outputs), and the
 *  Winograd candidates in `opts.winograd`; returns every trial and the fastest that agrees
 *  with the reference and beats the policy's own choice. */
export async function tuneShape(
  device: GPUDevice,
  spec: TunableSpec,
  tiles: readonly GemmTile[],
  opts: TuneOptions = {},
): Promise<ShapeResult> {
  const { finalists = 4, rounds = 6, targetMs = 4, filterRuns = 1 } = opts;
  spec = unpackedSpec(spec);
  const data = bindingData(spec);
  const given = Object.fromEntries(data.map((a, i) => [`b${i}`, a]));
  const trials: Trial[] = [
    ...tiles.map((tile) => ({ tile })),
    ...(opts.winograd ?? []).map((w) => ({ tile: w.tile, winograd: w })),
  ];
  const programs = new Map<Trial, Program>();
  const seen = new Set<string>();
  for (const t of trials) {
    try {
      const p = t.winograd
        ? chainProgram(spec, t.winograd, filterRuns)
        : directProgram({ ...spec, tile: t.tile } as TunableSpec, filterRuns);
      for (const st of p.steps) {
        const bytes = storageSizes(st.spec).map((s) => 4 * s.elems);
        checkLimits(st.kernel, device.limits, st.kernel.name, bytes);
      }
      const code = p.steps.map((st) => st.kernel.wgsl).join("\n");
      if (seen.has(code)) t.rejected = "same code as an earlier candidate";
      else programs.set(t, p);
      seen.add(code);
    } catch (e) {
      t.rejected = (e as Error).message.split("\n")[0];
    }
  }
  if (!programs.has(trials[0])) {
    throw new Error(`default tile of ${shapeKey(spec)} failed: ${trials[0].rejected}`);
  }
  // Compile them all at once: the driver may use more than one core.
  await Promise.all(
    [...programs].flatMap(([t, p]) =>
      p.steps.map((st) =>
        pipelineFor(device, st.kernel).catch((e) => {
          t.rejected = `compile: ${(e as Error).message.split("\n")[0]}`;
          programs.delete(t);
        })
      )
    ),
  );
  // Each candidate's result on the same data, against the direct default's.
  const results = new Map<Trial, Record<string, TypedArray>>();
  for (const [t, p] of programs) results.set(t, await runProgram(device, p, given));
  const want = results.get(trials[0])![programs.get(trials[0])!.out];
  const first = await timeKernel(device, programs.get(trials[0])!.steps[0].kernel, data, 1, 1);
  const iters = Math.max(1, Math.min(50, Math.round(targetMs / (first * 1000))));
  const best = new Map<Trial, number[]>();
  const time = async (t: Trial, repeats: number) => {
    const p = programs.get(t)!, bufs = results.get(t)!;
    const prev = best.get(t) ?? p.steps.map(() => Infinity);
    const now = [];
    for (const [i, st] of p.steps.entries()) {
      const arrays = st.buffers.map((b) => bufs[b]);
      const ms = st.runs ? 1000 * await timeKernel(device, st.kernel, arrays, iters, repeats) : 0;
      now.push(Math.min(prev[i], ms));
    }
    best.set(t, now);
    t.ms = programMs(p, now);
  };
  for (const [t, p] of [...programs]) {
    if (t !== trials[0]) {
      const tol = t.winograd ? winogradAgreement(spec, t.winograd.m) : AGREEMENT;
      const e = relError(results.get(t)![p.out], want);
      if (!(e <= tol)) {
        t.rejected = `output differs from the default's (${e.toExponential(1)} > ${tol})`;
        programs.delete(t);
        continue;
      }
    }
    await time(t, 3);
  }
  const own = opts.defaultWinograd &&
    trials.find((t) => t.winograd && sameChoice(t.winograd, opts.defaultWinograd));
  const dflt = own && programs.has(own) ? own : trials[0];
  // Finalists and the default again, interleaved, so a burst of load elsewhere hits them all.
  const ranked = [...programs.keys()].filter((t) => t !== dflt)
    .sort((a, b) => a.ms! - b.ms!).slice(0, finalists);
  const final = [dflt, ...ranked];
  for (let r = 0; r < rounds; r++) for (const t of final) await time(t, 2);
  const defaultMs = dflt.ms!;
  const fastest = ranked.reduce<Trial | undefined>(
    (b, t) => (b && b.ms! <= t.ms! ? b : t),
    undefined,
  );
  const winner = fastest && fastest.ms! < defaultMs * (1 - MIN_GAIN) ? fastest : dflt;
  opts.log?.(
    `  ${programs.size} of ${trials.length} candidates ran, ${iters} dispatch(es) per timing; ` +
      `default ${fmtTrial(dflt)} ${defaultMs.toFixed(3)} ms, ` +
      (winner === dflt
        ? `kept${fastest ? ` (next ${fmtTrial(fastest)} ${fastest.ms!.toFixed(3)} ms)` : ""}`
        : `tuned ${fmtTrial(winner)} ${winner.ms!.toFixed(3)} ms (${
          (defaultMs / winner.ms!).toFixed(2)
        }x)`),
  );
  return { spec, trials, default: dflt, defaultMs, best: winner };
}

/** A trial in one phrase: the direct tile, or the Winograd tile and chain. */
export function fmtTrial(t: Trial): string {
  if (!t.winograd) return fmtTile(t.tile);
  const w = t.winograd;
  return "variant" in w
    ? `winograd F(${w.m},3) ${w.variant} ${w.tile.tm}x${w.tile.tn}`
    : `winograd F(3,${w.m}) ${w.tile.tm}x${w.tile.tn} /${w.slices}`;
}

export const fmtTile = (t: GemmTile) =>
  `${t.variant} ${t.bm}x${t.bn}x${t.bk} ${t.tm}x${t.tn}${t.ks > 1 ? ` ks${t.ks}` : ""}`;

export function describeShape(s: TunableSpec): string {
  switch (s.kind) {
    case "conv":
      return `conv ${s.n}x${s.c}x${s.h}x${s.w} -> ${s.o} k${s.k} pad${s.pad}${
        s.flip ? " flip" : ""
      }`;
    case "conv_grad_weight":
      return `conv_grad_weight ${s.n}x${s.c}x${s.h}x${s.w} -> ${s.o} k${s.k} pad${s.pad}`;
    case "matmul":
      return `matmul ${s.m}x${s.n}x${s.k}${s.transA ? " transA" : ""}${s.transB ? " transB" : ""}${
        s.accumulate ? " acc" : ""
      }`;
  }
}

/** The table as text: entries in key order, so reruns diff cleanly. */
export function tableText(t: TuningTable): string {
  const entries = Object.fromEntries(
    Object.keys(t.entries).sort().map((k) => [k, t.entries[k]]),
  );
  return JSON.stringify({ ...t, entries }, null, 2) + "\n";
}
