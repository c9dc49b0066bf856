// Tuned tiles. The autotuner (runtime/tuner.ts, `deno task tune`) times candidate tiles
// (compiler/tuning_candidates.ts) for every GEMM-like kernel of a net on one adapter and writes
// the winners to tuning/<adapter-key>.json, which ships with the repository so users do not pay
// the tuning time. Here: the table's format, its keys (derived mechanically from the spec), and
// the policy wrapper the lowering takes.
import { UserError } from "./errors.ts";
import {
  canonicalJson,
  type ConvGradWeightSpec,
  type ConvSpec,
  type GemmTile,
  type MatmulSpec,
} from "./kernels/spec.ts";
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
    winograd: (q) => policy.winograd(q),
    conv: (q) => pick(q, () => policy.conv(q)),
    convGradWeight: (q) => pick(q, () => policy.convGradWeight(q)),
    matmul: (q) => pick(q, () => policy.matmul(q)),
  };
}

export class TuningError extends UserError {}

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
