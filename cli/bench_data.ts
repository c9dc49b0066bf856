// deno task bench-data imagefolder:DIR [--workers N] [--batch N] [--batches N] [--rounds N]
//   [--crop N] [--scale S|SMIN,SMAX] [--test-scale Q] [--decode threads|processes] [--unpinned]
//   [--json]
// Images/s of the input pipeline alone (no GPU): the training path with the paper's
// augmentation (scale jittering in [256, 512] by default, random 224 crop, flip, PCA colour
// shift) and the test path (rescale to Q, centre crop), for 1 decode worker and every power of
// two up to N (default: one per core), in interleaved rounds; the parallel efficiency against
// one worker; and the CPU time per image of the whole process. Each run is a process of its own
// pinned (taskset) to as many cores as it has workers, so a worker's images/s is a core's.
// JSON: `images_per_s` is the training path with N workers (best round).
import { defaultTestScale, parseScale } from "../data/augment.ts";
import { parseDataSpec } from "../data/sources.ts";
import {
  allowedCpus,
  efficiency,
  measureFolder,
  measurePinned,
  type WorkerRun,
  workerSeries,
} from "../data/throughput.ts";
import { defaultDecodeMode, defaultWorkers } from "../data/workers.ts";
import { intFlag, main, parse, UsageError } from "./common.ts";
import { table } from "./format.ts";

const HELP = `usage: deno task bench-data imagefolder:DIR [--workers N] [--batch N] [--batches N]
       [--rounds N] [--crop N] [--scale S|SMIN,SMAX] [--test-scale Q]
       [--decode threads|processes] [--unpinned] [--json]
Defaults: N = one worker per core, batch 64, 8 timed batches per path after one warm-up, 3
rounds (the best is kept), crop 224, S in [256, 512] (the paper's scale jittering), Q = 384.
Each run is a process pinned (taskset) to k cores for k workers; --unpinned measures in this
process on every core instead. --decode: where workers decode (default: processes pinned to a
core each, where subprocesses and FFI are allowed; the same as VGG_DECODE).`;

await main(async () => {
  const { values: v, positionals } = parse(Deno.args, {
    workers: { type: "string" },
    batch: { type: "string" },
    batches: { type: "string" },
    rounds: { type: "string" },
    crop: { type: "string" },
    scale: { type: "string" },
    "test-scale": { type: "string" },
    unpinned: { type: "boolean" },
    decode: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (v.help) return console.log(HELP);
  const spec = parseDataSpec(positionals[0]);
  if (spec.kind !== "imagefolder" || !positionals[0]) {
    throw new UsageError(`bench-data measures image folders: give imagefolder:DIR\n${HELP}`);
  }
  const root = spec.dir!;
  if (v.decode !== undefined) {
    if (v.decode !== "threads" && v.decode !== "processes") {
      throw new UsageError(`--decode must be threads or processes, got "${v.decode}"`);
    }
    // Read by every pool, here and in the measuring processes (which inherit the environment).
    Deno.env.set("VGG_DECODE", v.decode);
  }
  const maxWorkers = intFlag(v.workers, "workers", defaultWorkers())!;
  const scale = parseScale(v.scale ?? "256,512");
  const folder = {
    crop: intFlag(v.crop, "crop", 224)!,
    scale,
    testScale: intFlag(v["test-scale"], "test-scale", defaultTestScale(scale))!,
  };
  const opts = {
    batch: intFlag(v.batch, "batch", 64)!,
    batches: intFlag(v.batches, "batches", 8)!,
    folder,
  };
  const rounds = intFlag(v.rounds, "rounds", 3)!;
  const series = workerSeries(maxWorkers);
  const load = () => Deno.loadavg()[0];
  const loadBefore = load();
  const say = (s: string) => v.json || console.log(s);
  say(
    `${root}: crop ${folder.crop}, S ${[scale].flat().join("-")}, Q ${folder.testScale}, batch ` +
      `${opts.batch}, ${opts.batches} batches per path; workers ${series.join(", ")} ` +
      `(${defaultDecodeMode()}); ` +
      `${navigator.hardwareConcurrency} cores; 1-minute load ${loadBefore.toFixed(2)}`,
  );
  // The cores to pin runs to; null once pinning is off or impossible.
  let cpus = v.unpinned ? null : allowedCpus();
  // Rounds interleave the worker counts, so a burst of load elsewhere hits them alike.
  const runs: WorkerRun[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const workers of series) {
      const pinned = cpus &&
        await measurePinned(root, workers, round, opts, cpus.slice(0, workers));
      if (cpus && !pinned) {
        say("taskset not found (util-linux): measuring unpinned, in this process");
        cpus = null;
      }
      const r = pinned || await measureFolder(root, workers, round, opts);
      runs.push(r);
      const where = r.cores === null ? "" : ` on ${r.cores} core${r.cores > 1 ? "s" : ""}`;
      say(
        `round ${round + 1}, ${workers} workers${where}: train ` +
          `${r.train.images_per_s.toFixed(1)} img/s ` +
          `(${r.train.cpu_ms_per_image.toFixed(2)} ms CPU/img), test ` +
          `${r.test.images_per_s.toFixed(1)} img/s`,
      );
    }
  }
  const best = (k: number, path: "train" | "test") =>
    Math.max(...runs.filter((r) => r.workers === k).map((r) => r[path].images_per_s));
  const cpu = (k: number, path: "train" | "test") =>
    Math.min(...runs.filter((r) => r.workers === k).map((r) => r[path].cpu_ms_per_image));
  const summary = series.map((k) => ({
    workers: k,
    /** Cores the runs were pinned to; null: unpinned, every core. */
    cores: runs.find((r) => r.workers === k)!.cores,
    train_images_per_s: best(k, "train"),
    test_images_per_s: best(k, "test"),
    train_efficiency: efficiency(best(k, "train"), k, best(1, "train")),
    test_efficiency: efficiency(best(k, "test"), k, best(1, "test")),
    train_cpu_ms_per_image: cpu(k, "train"),
    test_cpu_ms_per_image: cpu(k, "test"),
  }));
  const top = summary[summary.length - 1];
  if (v.json) {
    console.log(JSON.stringify({
      data: positionals[0],
      ...folder,
      batch: opts.batch,
      batches: opts.batches,
      rounds,
      cores: navigator.hardwareConcurrency,
      pinned: top.cores !== null,
      load_before: loadBefore,
      load_after: load(),
      workers: top.workers,
      decode: runs[0].mode,
      images_per_s: top.train_images_per_s,
      test_images_per_s: top.test_images_per_s,
      summary,
      runs,
    }));
    return;
  }
  console.log(
    `\nbest of ${rounds} rounds (efficiency: images/s per worker against 1 worker` +
      `${top.cores === null ? ", unpinned" : ", k workers on k cores"}):`,
  );
  console.log(table(
    [
      "workers",
      "cores",
      "train img/s",
      "efficiency",
      "CPU ms/img",
      "test img/s",
      "efficiency",
      "CPU ms/img",
    ],
    summary.map((s) => [
      s.workers,
      s.cores ?? "all",
      s.train_images_per_s.toFixed(1),
      `${(100 * s.train_efficiency).toFixed(0)}%`,
      s.train_cpu_ms_per_image.toFixed(2),
      s.test_images_per_s.toFixed(1),
      `${(100 * s.test_efficiency).toFixed(0)}%`,
      s.test_cpu_ms_per_image.toFixed(2),
    ]),
  ));
  console.log(`1-minute load: ${loadBefore.toFixed(2)} before, ${load().toFixed(2)} after`);
});
