// deno task tune NET [--width N] [--size N] [--classes N] [--channels N] [--batch N] [--train]
//   [--out FILE] [--quick] [--no-winograd]
// The autotuner. Collects every distinct GEMM-like kernel (conv, conv_grad_weight, matmul) of the
// net's forward pass (with --train, of the whole training step), tries the candidate tiles that
// suit this adapter (compiler/tuning.ts) and, for 3x3 pad-1 convs and weight gradients, the
// Winograd chains (each timed as the sum of its kernels per batch; the filter transform counted
// once per step with --train, not at all for the forward, which makes it once per setParams),
// rejects those whose output differs from the direct default tile's by more than the candidate's
// tolerance, times the rest with GPU timestamps (wall time where the adapter has none), and writes
// the shapes where a candidate beat the policy's own choice to tuning/<adapter-key>.json (merged
// into what the file already holds; a tuned conv records its algorithm, direct or Winograd).
// openGpu() (cli/gpu.ts) reads that file, so every command uses it.
import { dirname } from "node:path";
import { lower } from "../compiler/lower.ts";
import { tilePolicy } from "../compiler/kernels/tiles.ts";
import {
  adapterKey,
  checkTable,
  isTunable,
  shapeKey,
  type TunableSpec,
  TUNING_FORMAT,
  type TuningEntry,
  type TuningTable,
} from "../compiler/tuning.ts";
import {
  candidateTiles,
  winogradCandidates,
  winogradGradCandidates,
} from "../compiler/tuning_candidates.ts";
import { forwardGraph, trainGraph } from "../dsl/mod.ts";
import { describeAdapter, getAdapter, getAdapterTraits, getDevice } from "../runtime/device.ts";
import { describeShape, fmtTrial, tableText, tuneShape } from "../runtime/tuner.ts";
import { intFlag, loadNet, main, parse, UsageError, variantOf, variantOptions } from "./common.ts";

/** A merged table's source: every run that wrote it, oldest first, each once (a rerun of the
 *  same command moves to the end). */
function mergedSource(before: string | undefined, run: string): string {
  const runs = (before ?? "").split("; then ").filter((r) => r && r !== run);
  return [...runs, run].join("; then ");
}

await main(async () => {
  const { values: v, positionals } = parse(Deno.args, {
    ...variantOptions,
    batch: { type: "string" },
    train: { type: "boolean" },
    out: { type: "string" },
    quick: { type: "boolean" },
    "no-winograd": { type: "boolean" },
  });
  const m = await loadNet(positionals[0], variantOf(v));
  const batch = intFlag(v.batch, "batch", 1)!;
  const adapter = await getAdapter();
  const device = await getDevice();
  const info = await describeAdapter(adapter);
  // The defaults are tiles.ts's own, never an earlier table's: a rerun measures against them.
  const traits = await getAdapterTraits(adapter);
  const key = adapterKey(info);
  const out = v.out ?? new URL(`../tuning/${key}.json`, import.meta.url).pathname;
  const g = v.train ? trainGraph(m, batch) : forwardGraph(m, batch);
  // Every conv as the direct kernel, to collect the shapes; the policy's own algorithm per
  // shape is asked below.
  const policy = tilePolicy(traits);
  const plan = lower(g, {
    tiles: { ...policy, winograd: () => undefined, winogradGradWeight: () => undefined },
  });
  const shapes = new Map<string, { spec: TunableSpec; kernels: string[] }>();
  for (const k of plan.kernels) {
    if (!isTunable(k.spec)) continue;
    const sk = shapeKey(k.query ?? k.spec);
    if (!shapes.has(sk)) shapes.set(sk, { spec: k.spec, kernels: [] });
    shapes.get(sk)!.kernels.push(k.name);
  }
  if (shapes.size === 0) throw new UsageError(`${m.name} has no conv or matmul kernels`);
  const clock = device.features.has("timestamp-query") ? "GPU timestamps" : "wall time";
  console.log(
    `tuning ${shapes.size} kernel shapes of ${m.name} ${v.train ? "training step" : "forward"}` +
      `, batch ${batch}, on ${info.name} (${clock})`,
  );

  let existing: TuningTable | undefined;
  try {
    existing = checkTable(JSON.parse(await Deno.readTextFile(out)), out);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  const entries: Record<string, TuningEntry> = { ...existing?.entries };
  let before = 0, after = 0, i = 0;
  const t0 = performance.now();
  for (const [sk, { spec, kernels }] of shapes) {
    i++;
    console.log(`[${i}/${shapes.size}] ${describeShape(spec)}: ${kernels.join(", ")}`);
    const tiles = candidateTiles(spec, traits);
    const wino = v["no-winograd"]
      ? []
      : spec.kind === "conv"
      ? winogradCandidates(spec, traits)
      : winogradGradCandidates(spec);
    const own = spec.kind === "conv"
      ? policy.winograd(spec)
      : spec.kind === "conv_grad_weight"
      ? policy.winogradGradWeight(spec)
      : undefined;
    const r = await tuneShape(device, spec, v.quick ? tiles.slice(0, 6) : tiles, {
      log: (l) => console.log(l),
      rounds: v.quick ? 1 : 6,
      // --quick: the policy's own Winograd choice and two others.
      winograd: v.quick ? [...(own ? [own] : []), ...wino.slice(0, 2)] : wino,
      defaultWinograd: own,
      filterRuns: v.train ? 1 : 0,
    });
    before += r.defaultMs * kernels.length;
    after += r.best.ms! * kernels.length;
    delete entries[sk];
    if (r.best !== r.default) {
      const round = (x: number) => Number(x.toFixed(4));
      // The direct tile to keep: the best direct trial's when Winograd won (the GPU plans and
      // tests still run the direct kernel of this shape with it).
      const direct = r.best.winograd ? spec.tile : r.best.tile;
      entries[sk] = {
        tile: direct,
        default: spec.tile,
        defaultMs: round(r.defaultMs),
        tunedMs: round(r.best.ms!),
        ...(wino.length || own
          ? {
            algorithm: r.best.winograd ? "winograd" as const : "direct" as const,
            ...(r.best.winograd ? { winograd: r.best.winograd } : {}),
            defaultChoice: fmtTrial(r.default),
          }
          : {}),
        kernels,
      };
    }
  }
  const table: TuningTable = {
    format: TUNING_FORMAT,
    adapter: { name: info.name, vendor: info.vendor, architecture: info.architecture, key },
    source: mergedSource(
      existing && Object.keys(existing.entries).length ? existing.source : undefined,
      `deno task tune ${Deno.args.join(" ")} (${clock}, best of interleaved runs)`,
    ),
    entries,
  };
  await Deno.mkdir(dirname(out), { recursive: true });
  await Deno.writeTextFile(out, tableText(table));
  const tuned = Object.keys(entries).length;
  console.log(
    `\nGEMM kernels per ${v.train ? "step" : "pass"}: ${before.toFixed(2)} ms with the ` +
      `policy's own choices, ${after.toFixed(2)} ms tuned (${(before / after).toFixed(2)}x); ` +
      `${tuned} tuned shape(s) in ${out} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
});
