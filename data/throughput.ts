/**
 * Images per second of a dataset's input pipeline (`deno task bench-data`): the training path
 * (shuffled, augmented) and the test path, with a given number of decode workers, and the CPU
 * time per image of the whole process (every thread, workers included), which is what a core
 * can deliver whatever else the machine is doing. Benchmarks, not tests: nothing asserts a speed.
 */
import process from "node:process";
import { batches } from "./dataset.ts";
import { DataError } from "./errors.ts";
import { type ImageFolderOptions, loadImageFolder } from "./imagefolder.ts";
import type { DecodeMode } from "./workers.ts";
export { allowedCpus } from "./workers.ts";

export interface PathFigures {
  images: number;
  seconds: number;
  images_per_s: number;
  /** CPU time (user + system, all threads, decode processes included) per image, in ms. */
  cpu_ms_per_image: number;
}

export interface WorkerRun {
  workers: number;
  round: number;
  /** Where the workers decoded (data/workers.ts). */
  mode: DecodeMode;
  /** Cores the process could run on (its CPU affinity), or null when it was not pinned. */
  cores: number | null;
  train: PathFigures;
  test: PathFigures;
}

export interface ThroughputOptions {
  batch: number;
  /** Batches timed per path, after a warm-up batch (which starts the workers). */
  batches: number;
  folder: ImageFolderOptions;
}

/**
 * One warm-up batch in a pass of its own (workers start, sharp loads), then a timed pass: the
 * timed pass starts with nothing prefetched.
 */
async function timePath(
  run: (limit?: number) => AsyncGenerator<{ n: number }>,
  warmUp: number,
  childCpuMs: () => number,
): Promise<PathFigures> {
  for await (const _ of run(warmUp)) break;
  const cpuMs = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000 + childCpuMs();
  };
  const t0 = performance.now(), c0 = cpuMs();
  let images = 0;
  for await (const b of run()) images += b.n;
  const seconds = (performance.now() - t0) / 1000;
  return {
    images,
    seconds,
    images_per_s: images / seconds,
    cpu_ms_per_image: (cpuMs() - c0) / images,
  };
}

/** Both paths of an image folder with `workers` decode workers. */
export async function measureFolder(
  root: string,
  workers: number,
  round: number,
  opts: ThroughputOptions,
): Promise<WorkerRun> {
  const d = await loadImageFolder(root, { ...opts.folder, workers });
  try {
    const n = opts.batch * opts.batches;
    for (const [name, split] of [["train", d.train], ["val", d.test]] as const) {
      if (split.count < opts.batch) {
        throw new DataError(
          `${root}/${name}: ${split.count} images, less than a batch of ${opts.batch}`,
        );
      }
    }
    // A split smaller than asked is measured over what it has (whole batches only). Batch
    // arrays are recycled, as the training loop does.
    const common = { batchSize: opts.batch, dropLast: true, recycle: true };
    const train = await timePath(
      (limit = n) =>
        batches(d.train, { ...common, limit, shuffle: true, seed: 1, epoch: round, augment: true }),
      opts.batch,
      d.decodeCpuMs,
    );
    const test = await timePath(
      (limit = n) => batches(d.test, { ...common, limit }),
      opts.batch,
      d.decodeCpuMs,
    );
    return { workers, round, mode: d.decodeMode, cores: null, train, test };
  } finally {
    await d.close();
  }
}

/**
 * `measureFolder` in a child process pinned with `taskset` to `cpus`: k workers then have k
 * cores, whatever else the machine has, so images/s per worker is images/s per core and the
 * parallel efficiency compares like with like (a worker keeps several decodes in flight, and
 * one worker on an unpinned 2-core machine would use both cores). Null when `taskset` cannot run.
 */
export async function measurePinned(
  root: string,
  workers: number,
  round: number,
  opts: ThroughputOptions,
  cpus: number[],
): Promise<WorkerRun | null> {
  const args = [
    "-c",
    cpus.join(","),
    Deno.execPath(),
    "run",
    "-A",
    `--config=${new URL("../deno.json", import.meta.url).pathname}`,
    new URL("./throughput_child.ts", import.meta.url).pathname,
    JSON.stringify({ root, workers, round, opts }),
  ];
  let out: Deno.CommandOutput;
  try {
    out = await new Deno.Command("taskset", { args, stdout: "piped", stderr: "piped" }).output();
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
  const text = new TextDecoder();
  if (!out.success) {
    // The child's own message (a DataError naming the folder, say) is the one to show.
    const err = text.decode(out.stderr).trim().split("\n").filter((l) => l).pop();
    throw new DataError(
      err?.replace(/^error: (Uncaught )?(\(in promise\) )?/, "") ?? "measurement failed",
    );
  }
  const run = JSON.parse(text.decode(out.stdout).trim().split("\n").pop()!) as WorkerRun;
  return { ...run, cores: cpus.length };
}

/** 1, 2, 4, ... up to `max`, and `max` itself. */
export function workerSeries(max: number): number[] {
  const out: number[] = [];
  for (let k = 1; k < max; k *= 2) out.push(k);
  out.push(max);
  return out;
}

/** Parallel efficiency of k workers against one: (rate_k / k) / rate_1. */
export function efficiency(rate: number, workers: number, rate1: number): number {
  return rate / workers / rate1;
}
