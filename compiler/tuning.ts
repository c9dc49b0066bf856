// Tuned tiles and algorithms. The autotuner (runtime/tuner.ts, `deno task tune`) times candidate
// tiles (compiler/tuning_candidates.ts) for every GEMM-like kernel of a net on one adapter, and
// for each 3x3 pad-1 conv and weight gradient the Winograd chains against the direct kernel, and
// writes the winners to tuning/<adapter-key>.json, which ships with the repository so users do
// not pay the tuning time. Here: the table's format, its keys (derived mechanically from the
// spec), and the policy wrapper the lowering takes.
import { UserError } from "./errors.ts";
import {
  canonicalJson,
  type ConvGradWeightSpec,
  type ConvSpec,
  type GemmTile,
  type MatmulSpec,
} from "./kernels/spec.ts";
import type { TilePolicy } from "./lower.ts";
import {
  WINOGRAD_VARIANTS,
  type WinogradChoice,
  type WinogradGradChoice,
} from "./kernels/winograd_chain.ts";
import { TILES } from "./winograd/transforms.ts";

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

/** The table key of a kernel: what the lowering asks the policy, i.e. its spec less the tile,
 *  with the epilogue as the lowering has it when it picks the tile (none: folds come after) and
 *  the pool that will fold into it (a pooled conv costs differently from the same conv in a
 *  training plan, where no pool folds). Any other field that changes, changes the key; nothing
 *  is listed by hand. Pass a plan kernel's `query ?? spec`. */
export function shapeKey(spec: TunableSpec | TileQuery): string {
  // A conv's `packed` follows from its tile (conv_register.ts withPacking): not part of the key.
  const { tile: _tile, packed: _packed, ...rest } = spec as TunableSpec & { packed?: true };
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
  /** The direct kernel's tile to use, and the policy's own tile, with the measured ms per
   *  dispatch of the choice and of the policy's own choice (for a Winograd chain, the sum of its
   *  kernels per batch). */
  tile: GemmTile;
  default: GemmTile;
  defaultMs: number;
  tunedMs: number;
  /** Format 2, 3x3 pad-1 conv and conv_grad_weight: the algorithm measured fastest, which
   *  overrides the policy's rule ("direct": the tile above), and for Winograd its chain. */
  algorithm?: "direct" | "winograd";
  winograd?: WinogradChoice | WinogradGradChoice;
  /** What the policy's own choice was, in words (readers of the file). */
  defaultChoice?: string;
  /** Where the shape was met (plan kernel names), for readers of the file. */
  kernels: string[];
}

export interface TuningTable {
  format: typeof TUNING_FORMAT | typeof TUNING_FORMAT_1;
  adapter: AdapterId & { key: string };
  /** How the table was measured (the tune command line, the clock). */
  source: string;
  /** shapeKey -> entry. */
  entries: Record<string, TuningEntry>;
}

/** Format 2 adds the algorithm of 3x3 pad-1 convs and weight gradients (Winograd or direct).
 *  Format 1 tables (tiles only) still load: their entries leave the algorithm to the policy. */
export const TUNING_FORMAT = "vgg-wgsl-tuning-2";
export const TUNING_FORMAT_1 = "vgg-wgsl-tuning-1";

/** The policy with the table's tiles and algorithms where it lists the shape, the policy's own
 *  elsewhere. */
export function withTuning(policy: TilePolicy, table: TuningTable | undefined): TilePolicy {
  if (!table) return policy;
  const pick = (q: TileQuery, own: () => GemmTile): GemmTile =>
    table.entries[shapeKey(q)]?.tile ?? own();
  /** The table's algorithm for q where it measured one, else the policy's. */
  const algorithm = <C>(q: TileQuery, own: () => C | undefined): C | undefined => {
    const e = table.entries[shapeKey(q)];
    if (!e?.algorithm) return own();
    return e.algorithm === "winograd" ? e.winograd as C : undefined;
  };
  return {
    winograd: (q) => algorithm(q, () => policy.winograd(q)),
    winogradGradWeight: (q) => algorithm(q, () => policy.winogradGradWeight(q)),
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

/** What is wrong with an entry's algorithm (empty when nothing). */
function winogradProblems(e: TuningEntry): string[] {
  if (e.algorithm === undefined || e.algorithm === "direct") return [];
  if (e.algorithm !== "winograd") return [`unknown algorithm ${JSON.stringify(e.algorithm)}`];
  const w = e.winograd;
  if (!w || typeof w !== "object") return ["winograd without its choice"];
  const p: string[] = [];
  if (!(TILES as readonly number[]).includes(w.m)) {
    p.push(`tile F(${w.m},3) is not one of ${TILES}`);
  }
  p.push(...tileProblems(w.tile).map((x) => `GEMM tile: ${x}`));
  if (!Number.isInteger(w.inputTiles) || w.inputTiles < 1) p.push("inputTiles must be >= 1");
  if ("variant" in w) {
    if (!WINOGRAD_VARIANTS.includes(w.variant)) p.push(`unknown variant ${w.variant}`);
    if (w.outputTiles !== 1 && w.outputTiles !== 4) p.push("outputTiles must be 1 or 4");
  } else if (!Number.isInteger(w.slices) || w.slices < 1) p.push("slices must be >= 1");
  return p;
}

/** The shipped tables' folder. */
export const TUNING_DIR = new URL("../tuning/", import.meta.url);

/** Checks a parsed table; throws a TuningError naming `where` and the first problem. */
export function checkTable(t: TuningTable, where: string): TuningTable {
  const fail = (m: string) => {
    throw new TuningError(`${where}: ${m}`);
  };
  if (t?.format !== TUNING_FORMAT && t?.format !== TUNING_FORMAT_1) {
    fail(`format is not ${TUNING_FORMAT} (nor ${TUNING_FORMAT_1})`);
  }
  if (typeof t.entries !== "object" || !t.entries) fail("no entries object");
  for (const [key, e] of Object.entries(t.entries)) {
    const problems = tileProblems(e?.tile);
    if (problems.length) fail(`tile of ${key}: ${problems.join("; ")}`);
    const w = winogradProblems(e);
    if (w.length) fail(`algorithm of ${key}: ${w.join("; ")}`);
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
