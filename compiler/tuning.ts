// Tuned tiles. The autotuner (cli/tune.ts) times candidate tiles for every GEMM-like kernel of
// a net on one adapter and writes the winners to tuning/<adapter-key>.json, which ships with the
// repository so users do not pay the tuning time. Here: the table's format, its keys (derived
// mechanically from the spec, as the pipeline cache key is), the policy wrapper the lowering
// takes, and the candidate tiles the tuner tries.
import { convDims } from "./kernels/conv.ts";
import { convGradWeightDims } from "./kernels/conv_grad_weight.ts";
import { workgroupTileBytes } from "./kernels/gemm.ts";
import {
  canonicalJson,
  type ConvGradWeightSpec,
  type ConvSpec,
  type GemmTile,
  type MatmulSpec,
} from "./kernels/spec.ts";
import type { AdapterTraits } from "./kernels/tiles.ts";
import type { TilePolicy } from "./lower.ts";

/** The kernels that take a tile. */
export type TunableSpec = ConvSpec | ConvGradWeightSpec | MatmulSpec;
/** What a TilePolicy is asked: the spec as the lowering builds it, less its tile. */
export type TileQuery =
  | Omit<ConvSpec, "tile">
  | Omit<ConvGradWeightSpec, "tile">
  | Omit<MatmulSpec, "tile">;

export const TUNABLE_KINDS: ReadonlySet<string> = new Set(["conv", "conv_grad_weight", "matmul"]);

export function isTunable(spec: { kind: string }): spec is TunableSpec {
  return TUNABLE_KINDS.has(spec.kind);
}

/** The table key of a kernel: its spec less the tile, with the epilogue (and pool) as the
 *  lowering has them when it picks the tile (none: folds come after). Any other field that
 *  changes, changes the key; nothing is listed by hand. */
export function shapeKey(spec: TunableSpec | TileQuery): string {
  const { tile: _tile, pool: _pool, ...rest } = spec as TunableSpec & { pool?: true };
  return canonicalJson("epilogue" in rest ? { ...rest, epilogue: [] } : rest);
}

export interface AdapterId {
  name: string;
  vendor: string;
  architecture: string;
}

/** The file name of an adapter's table: name, vendor and architecture, slugged. */
export function adapterKey(a: AdapterId): string {
  const slug = [a.name, a.vendor, a.architecture].join(" ").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug || "unknown-adapter";
}

export interface TuningEntry {
  /** The tile to use, and the policy's own tile it beat, with their measured ms per dispatch. */
  tile: GemmTile;
  default: GemmTile;
  defaultMs: number;
  tunedMs: number;
  /** Where the shape was met (plan kernel names), for readers of the file. */
  kernels: string[];
}

export interface TuningTable {
  format: typeof TUNING_FORMAT;
  adapter: AdapterId & { key: string };
  /** How the table was measured (the tune command line, the clock). */
  source: string;
  /** shapeKey -> entry. */
  entries: Record<string, TuningEntry>;
}

export const TUNING_FORMAT = "vgg-wgsl-tuning-1";

/** The policy with the table's tiles where it lists the shape, the policy's own elsewhere. */
export function withTuning(policy: TilePolicy, table: TuningTable | undefined): TilePolicy {
  if (!table) return policy;
  const pick = (q: TileQuery, own: () => GemmTile): GemmTile =>
    table.entries[shapeKey(q)]?.tile ?? own();
  return {
    conv: (q) => pick(q, () => policy.conv(q)),
    convGradWeight: (q) => pick(q, () => policy.convGradWeight(q)),
    matmul: (q) => pick(q, () => policy.matmul(q)),
  };
}

export class TuningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TuningError";
  }
}

const VARIANTS = new Set(["register", "direct", "workgroup", "splitk"]);

/** What is wrong with a tile read from a file (empty when nothing). Limits are the adapter's
 *  business: the executor checks every kernel against them before it runs. */
export function tileProblems(t: GemmTile): string[] {
  const p: string[] = [];
  if (!VARIANTS.has(t?.variant)) p.push(`unknown variant ${JSON.stringify(t?.variant)}`);
  for (const f of ["bm", "bn", "bk", "tm", "tn", "ks"] as const) {
    if (!Number.isInteger(t?.[f]) || t[f] < 1) p.push(`${f} must be a positive integer`);
  }
  if (p.length) return p;
  if (t.bm % t.tm) p.push(`bm ${t.bm} is not a multiple of tm ${t.tm}`);
  if (t.bn % t.tn) p.push(`bn ${t.bn} is not a multiple of tn ${t.tn}`);
  return p;
}

/** The shipped tables' folder. */
export const TUNING_DIR = new URL("../tuning/", import.meta.url);

/** Checks a parsed table; throws a TuningError naming `where` and the first problem. */
export function checkTable(t: TuningTable, where: string): TuningTable {
  const fail = (m: string) => {
    throw new TuningError(`${where}: ${m}`);
  };
  if (t?.format !== TUNING_FORMAT) fail(`format is not ${TUNING_FORMAT}`);
  if (typeof t.entries !== "object" || !t.entries) fail("no entries object");
  for (const [key, e] of Object.entries(t.entries)) {
    const problems = tileProblems(e?.tile);
    if (problems.length) fail(`tile of ${key}: ${problems.join("; ")}`);
  }
  return t;
}

/** tuning/<key>.json if it exists (undefined otherwise); a malformed file is an error. */
export async function loadTuning(
  key: string,
  dir: URL = TUNING_DIR,
): Promise<TuningTable | undefined> {
  const url = new URL(`${key}.json`, dir);
  let text: string;
  try {
    text = await Deno.readTextFile(url);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return undefined;
    throw e;
  }
  let parsed: TuningTable;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new TuningError(`${url.pathname}: ${(e as Error).message}`);
  }
  return checkTable(parsed, url.pathname);
}

// ---- Candidates -------------------------------------------------------------------------------

/** The GEMM a kernel is: rows M, columns N, reduction K. */
export function gemmDims(s: TunableSpec): { m: number; n: number; k: number } {
  switch (s.kind) {
    case "conv": {
      const { m, n, k } = convDims(s);
      return { m, n, k };
    }
    case "conv_grad_weight": {
      const { m, n, k } = convGradWeightDims(s);
      return { m, n, k };
    }
    case "matmul":
      return { m: s.m, n: s.n, k: s.k };
  }
}

const pow2AtMost = (n: number, cap: number): number => {
  let p = 1;
  while (p * 2 <= Math.min(n, cap)) p *= 2;
  return p;
};
const uniq = (xs: number[]) => [...new Set(xs)].filter((x) => x >= 1);

/** A register tile: tm x tn per invocation, `lanes` invocations per workgroup at most, spread
 *  over N first (tiles.ts's layout, with the lane count free). */
function registerBlock(
  m: number,
  n: number,
  tm: number,
  tn: number,
  lanes: number,
  bk: number,
): GemmTile {
  const wx = pow2AtMost(Math.ceil(n / tn), lanes);
  const wy = pow2AtMost(Math.ceil(m / tm), lanes / wx);
  return { variant: "register", bm: wy * tm, bn: wx * tn, bk, tm, tn, ks: 1 };
}

/** Register rows per invocation worth trying for M rows: 2, 4, 8, and M itself when smaller. */
const rowChoices = (m: number) => uniq([2, 4, 8].map((t) => Math.min(t, m)));

/** Most accumulators of a plain tm x tn register block (more spilled in the first session's
 *  measurements). Blocks that reuse each load more hold a multiple of it and were measured
 *  faster on llvmpipe all the same: the direct conv's row pairs (2x), the weight gradient's
 *  rows of taps (k x, 192 accumulators at 8 x 8 x 3). */
const MAX_BLOCK = 64;
/** Workgroup sizes tried on CPU rasterizers: one SIMD row (llvmpipe runs 8 lanes together), and
 *  four, which gives each thread longer runs between workgroup switches. */
const CPU_LANES = [8, 32];

function cpuCandidates(s: TunableSpec, t: AdapterTraits): GemmTile[] {
  const { m, n } = gemmDims(s);
  const out: GemmTile[] = [];
  if (s.kind === "conv_grad_weight") {
    // One (o, c) block per workgroup and tap (bk 1) or row of taps (bk k), its long K split
    // over ks lanes (tiles.ts).
    for (const tm of uniq([4, 8].map((x) => Math.min(x, s.o)))) {
      for (const tn of uniq([4, 8].map((x) => Math.min(x, s.c)))) {
        for (const taps of uniq([1, s.k])) {
          for (const ks of [8, 16, 32, 64]) {
            const bytes = 4 * ks * tm * tn * taps;
            if (ks > t.maxInvocations || bytes > t.maxWorkgroupStorage) continue;
            out.push({ variant: "register", bm: tm, bn: tn, bk: taps, tm, tn, ks });
          }
        }
      }
    }
    return out;
  }
  for (const lanes of CPU_LANES) {
    if (lanes > t.maxInvocations) continue;
    for (const tm of rowChoices(m)) {
      for (const tn of [4, 8]) {
        if (tm * tn > MAX_BLOCK) continue;
        // bk: matmul's K unroll (4 reads vec4 along K where the layout allows); conv ignores it.
        for (const bk of s.kind === "matmul" ? [1, 4] : [4]) {
          out.push(registerBlock(m, n, tm, tn, lanes, bk));
        }
      }
      if (s.kind !== "conv" || s.k === 1) continue;
      // "direct": tn pixels of one output row; the row split evenly into segments of <= 8.
      const { wo } = convDims(s);
      const even = Math.ceil(wo / Math.ceil(wo / 8));
      // bk: output rows per invocation (two share k + 1 input rows; the accumulators per
      // row stay within MAX_BLOCK, 2 x 64 measured faster than 1 x 64 on llvmpipe).
      for (const tn of uniq([4, 8, even, wo].filter((x) => x <= Math.min(8, wo)))) {
        if (tm * tn > MAX_BLOCK) continue;
        for (const rows of convDims(s).ho >= 2 ? [1, 2] : [1]) {
          out.push({ ...registerBlock(m, n, tm, tn, lanes, rows), variant: "direct" });
        }
      }
    }
  }
  return out;
}

function gpuCandidates(s: TunableSpec, t: AdapterTraits): GemmTile[] {
  const { m, n, k } = gemmDims(s);
  const out: GemmTile[] = [];
  // Workgroup-memory tiles: block shapes from 16x64 to 128x128, 1 to 8 outputs a side per
  // invocation; blocks far larger than the problem only idle, so they are left out.
  const blocks: [number, number, number, number][] = [
    [128, 128, 8, 8],
    [128, 64, 8, 4],
    [64, 128, 4, 8],
    [64, 64, 4, 4],
    [64, 64, 8, 8],
    [32, 64, 2, 4],
    [64, 32, 4, 2],
    [32, 32, 2, 2],
    [16, 64, 1, 4],
  ];
  for (const [bm, bn, tm, tn] of blocks) {
    if ((bm >= 2 * m && bm > 16) || (bn >= 2 * n && bn > 32)) continue;
    if ((bm / tm) * (bn / tn) > t.maxInvocations) continue;
    for (const bk of [8, 16, 32]) {
      const tile: GemmTile = { variant: "workgroup", bm, bn, bk, tm, tn, ks: 1 };
      if (workgroupTileBytes(tile, "k", "k") <= t.maxWorkgroupStorage) out.push(tile);
    }
  }
  // Split-K for a long K: (bm/tm) x (bn/tn) invocations per K slice, ks slices.
  if (k >= 64) {
    const shapes: [number, number, number, number][] = [
      [Math.min(4, m), m <= 4 ? 1 : 4, 4, 4],
      [2, 2, 2, 8],
      [1, 1, 4, 16],
    ];
    for (const [tm, wy, tn, wx] of shapes) {
      for (const ks of [4, 8, 16, 32, 64]) {
        const bm = tm * wy, bn = tn * wx;
        if (ks * wx * wy > t.maxInvocations || 4 * ks * bm * bn > t.maxWorkgroupStorage) continue;
        out.push({ variant: "splitk", bm, bn, bk: 1, tm, tn, ks });
      }
    }
  }
  return out;
}

/** The tiles the tuner tries for a kernel on an adapter: the spec's own (the policy's default)
 *  first, then the variants that suit the adapter, within its workgroup limits; each once. */
export function candidateTiles(s: TunableSpec, t: AdapterTraits): GemmTile[] {
  const all = [s.tile, ...(t.cpu ? cpuCandidates(s, t) : gpuCandidates(s, t))];
  const seen = new Set<string>();
  return all.filter((tile) => {
    const key = canonicalJson(tile);
    if (seen.has(key) || tileProblems(tile).length) return false;
    seen.add(key);
    return true;
  });
}
