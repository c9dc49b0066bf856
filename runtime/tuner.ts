// The autotuner's measurement: for one GEMM-like kernel shape, every candidate tile compiled,
// its output checked against the default tile's, and the agreeing ones timed (GPU timestamps,
// wall time where the adapter has none), the finalists interleaved. `deno task tune`
// (cli/tune.ts) runs it over a net's kernels and writes the table (compiler/tuning.ts).
import { checkLimits, emitKernel, storageSizes } from "../compiler/kernels/mod.ts";
import type { EmittedKernel, GemmTile } from "../compiler/kernels/spec.ts";
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
  tile: GemmTile;
  /** ms per dispatch (best seen), or why the tile was dropped. */
  ms?: number;
  rejected?: string;
}

export interface ShapeResult {
  spec: TunableSpec;
  trials: Trial[];
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
}

const outputIndex = (k: EmittedKernel) => {
  const storage = k.bindings.filter((b) => b.access !== "uniform");
  return storage.map((b) => b.access).lastIndexOf("read_write");
};

/** Tries `tiles` for `spec` (tiles[0] is the default, the reference for outputs and times) and
 *  returns every trial and the fastest that agrees with the default. */
export async function tuneShape(
  device: GPUDevice,
  spec: TunableSpec,
  tiles: readonly GemmTile[],
  opts: TuneOptions = {},
): Promise<ShapeResult> {
  const { finalists = 4, rounds = 6, targetMs = 4 } = opts;
  const data = bindingData(spec);
  const trials: Trial[] = tiles.map((tile) => ({ tile }));
  const kernels = new Map<Trial, EmittedKernel>();
  const seen = new Set<string>();
  for (const t of trials) {
    try {
      const k = emitKernel({ ...spec, tile: t.tile });
      checkLimits(k, device.limits, k.name, storageSizes(spec).map((s) => 4 * s.elems));
      if (seen.has(k.wgsl)) t.rejected = "same code as an earlier tile";
      else kernels.set(t, k);
      seen.add(k.wgsl);
    } catch (e) {
      t.rejected = (e as Error).message.split("\n")[0];
    }
  }
  if (!kernels.has(trials[0])) {
    throw new Error(`default tile of ${shapeKey(spec)} failed: ${trials[0].rejected}`);
  }
  // Compile them all at once: the driver may use more than one core.
  await Promise.all([...kernels].map(([t, k]) =>
    pipelineFor(device, k).catch((e) => {
      t.rejected = `compile: ${(e as Error).message.split("\n")[0]}`;
      kernels.delete(t);
    })
  ));
  const outputOf = async (k: EmittedKernel) =>
    (await runKernelBindings(device, k, data))[outputIndex(k)];
  const want = await outputOf(kernels.get(trials[0])!);
  const first = await timeKernel(device, kernels.get(trials[0])!, data, 1, 1);
  const iters = Math.max(1, Math.min(50, Math.round(targetMs / (first * 1000))));
  for (const [t, k] of kernels) {
    if (t !== trials[0]) {
      const e = relError(await outputOf(k), want);
      if (!(e <= AGREEMENT)) {
        t.rejected = `output differs from the default's (${e.toExponential(1)})`;
        kernels.delete(t);
        continue;
      }
    }
    t.ms = 1000 * await timeKernel(device, k, data, iters, 3);
  }
  // Finalists and the default again, interleaved, so a burst of load elsewhere hits them all.
  const ranked = [...kernels.keys()].filter((t) => t !== trials[0])
    .sort((a, b) => a.ms! - b.ms!).slice(0, finalists);
  const final = [trials[0], ...ranked];
  for (let r = 0; r < rounds; r++) {
    for (const t of final) {
      t.ms = Math.min(t.ms!, 1000 * await timeKernel(device, kernels.get(t)!, data, iters, 2));
    }
  }
  const defaultMs = trials[0].ms!;
  const fastest = ranked.reduce<Trial | undefined>(
    (b, t) => (b && b.ms! <= t.ms! ? b : t),
    undefined,
  );
  const best = fastest && fastest.ms! < defaultMs * (1 - MIN_GAIN) ? fastest : trials[0];
  opts.log?.(
    `  ${kernels.size} of ${tiles.length} tiles ran, ${iters} dispatch(es) per timing; ` +
      `default ${fmtTile(trials[0].tile)} ${defaultMs.toFixed(3)} ms, ` +
      (best === trials[0]
        ? `kept${fastest ? ` (next ${fmtTile(fastest.tile)} ${fastest.ms!.toFixed(3)} ms)` : ""}`
        : `tuned ${fmtTile(best.tile)} ${best.ms!.toFixed(3)} ms (${
          (defaultMs / best.ms!).toFixed(2)
        }x)`),
  );
  return { spec, trials, defaultMs, best };
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
