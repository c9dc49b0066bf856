/**
 * The decode pool: image samples decoded and augmented by workers, one per core by default, so
 * the thread that drives WebGPU only hands batches over.
 *
 * A job (one batch, or one shard of it) is cut into small tasks that idle workers take in order,
 * so every worker helps with the oldest batch first and a batch is ready as soon as possible.
 * Workers write each sample straight into the batch's memory: nothing is copied or transferred on
 * the way back, and the array goes to `GPUQueue.writeBuffer` as it is. Which worker decodes which
 * sample does not matter: a sample's result depends only on its file, its seed and the settings
 * (data/sample.ts).
 *
 * Two kinds of workers (`DecodeMode`): Deno Workers that each run a decode process pinned to one
 * core, writing into batch memory shared through /dev/shm (data/decode_bridge.ts,
 * data/decode_process.ts, data/shared_file.ts), or Deno Workers that decode themselves into a
 * SharedArrayBuffer (data/decode_worker.ts).
 *
 * Workers start on first use and stop after `idleMs` without work (or at `close()`), so a
 * process never stays alive for idle workers. Stopping waits for the worker's tasks to finish
 * (see data/decode_worker.ts: ending a worker while sharp decodes crashes the process).
 */
import type { PipelineSettings } from "./augment.ts";
import type { BridgeInit, WorkerReply, WorkerTask } from "./decode_protocol.ts";
import { DataError } from "./errors.ts";
import { forEachConcurrent } from "./pool.ts";
import { loadSample } from "./sample.ts";
import {
  canShare,
  createShared,
  removeShared,
  SHARED_DIR,
  sharedSpace,
  SharedSpaceError,
} from "./shared_file.ts";

export interface DecodeJob {
  augment: boolean;
  cfg: PipelineSettings;
  paths: string[];
  /** Each sample's random stream (ignored by the test pipeline). */
  seeds: number[];
  /** Float offset of each sample in `out`. */
  offsets: number[];
  /** From `allocate()`: shared with the workers. */
  out: Float32Array;
}

/** A file of the job that could not be read; `index` is its position in the job's arrays. */
export interface DecodeFailure {
  index: number;
  message: string;
}

/** One worker per core (the main thread mostly waits on the GPU). */
export function defaultWorkers(): number {
  return Math.max(1, navigator.hardwareConcurrency || 1);
}

/**
 * Where workers decode. "processes": each worker's decodes run in a process of its own pinned to
 * one core (data/decode_bridge.ts), writing into batch memory shared through /dev/shm; the
 * default when the program may run subprocesses and use FFI. "threads": every worker decodes in
 * this process (data/decode_worker.ts), where sharp's threads, shared by all workers, hop between
 * the cores and cost more per image (bench/RESULTS.md has both). `VGG_DECODE=threads` or
 * `processes` overrides the default.
 */
export type DecodeMode = "processes" | "threads";

export function defaultDecodeMode(): DecodeMode {
  const asked = Deno.env.get("VGG_DECODE");
  if (asked === "threads" || asked === "processes") return asked;
  if (asked) throw new DataError(`VGG_DECODE must be "threads" or "processes", got "${asked}"`);
  const run = Deno.permissions.querySync({ name: "run" }).state === "granted";
  // The decode process is started from this checkout's files (not from a remote import).
  const local = new URL(import.meta.url).protocol === "file:";
  return run && local && canShare() ? "processes" : "threads";
}

/** The CPUs a process (this one by default) may run on (Linux: /proc/PID/status), or null. */
export function allowedCpus(pid: number | "self" = "self"): number[] | null {
  try {
    const line = Deno.readTextFileSync(`/proc/${pid}/status`).match(/^Cpus_allowed_list:\s*(.+)$/m);
    if (!line) return null;
    return line[1].trim().split(",").flatMap((part) => {
      const [a, b = a] = part.split("-").map(Number);
      return Array.from({ length: b - a + 1 }, (_, i) => a + i);
    });
  } catch {
    return null;
  }
}

interface JobState {
  remaining: number;
  failures: DecodeFailure[];
  failed: boolean;
  resolve: (f: DecodeFailure[]) => void;
  reject: (e: unknown) => void;
}

interface Task {
  job: JobState;
  /** Index of the task's first sample in the job. */
  start: number;
  msg: Omit<WorkerTask, "id">;
}

interface Slot {
  worker: Worker;
  /** The decode process's pid ("processes" mode), once started. */
  pid?: number;
  /** Tasks sent and not answered yet, by id. */
  tasks: Map<number, Task>;
  closed?: () => void;
}

/**
 * Tasks a worker holds at once: the next is there when one ends, so the worker's samples in
 * flight (data/decode_worker.ts) never drain at a task's end.
 */
const TASKS_PER_WORKER = 2;

export class DecodePool {
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private nextId = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private stopping = new Set<Promise<void>>();
  private spares: Float32Array[] = [];

  private cpus: number[] | null = null;
  /** The shared file behind each batch array (processes mode). */
  private files = new WeakMap<ArrayBufferLike, string>();
  private filePaths = new Set<string>();

  private decodeMode: DecodeMode;
  private readonly idleMs: number;
  private readonly firstCpu: number;

  /**
   * `workers` 0 decodes in the calling thread (a few samples in flight at once). Options: `idleMs`
   * before idle workers stop (10 s), `mode` (defaultDecodeMode()), `firstCpu`: worker k's process
   * is pinned to core firstCpu + k of those this process may use, modulo their count (0).
   */
  constructor(
    readonly workers: number,
    opts: { idleMs?: number; mode?: DecodeMode; firstCpu?: number } = {},
  ) {
    this.idleMs = opts.idleMs ?? 10_000;
    this.decodeMode = opts.mode ?? defaultDecodeMode();
    this.firstCpu = opts.firstCpu ?? 0;
    if (!Number.isInteger(workers) || workers < 0) {
      throw new DataError(`--workers must be a non-negative integer, got ${workers}`);
    }
  }

  /** Where the workers decode; "processes" may turn into "threads" at the first allocate(). */
  get mode(): DecodeMode {
    return this.decodeMode;
  }

  /** Workers alive, stopping ones included. */
  get running(): number {
    return this.slots.length + this.stopping.size;
  }

  /**
   * A float array the workers can write into: memory shared with worker threads, or with
   * decode processes through a file (data/shared_file.ts), or plain without workers.
   */
  allocate(floats: number): Float32Array {
    const i = this.spares.findIndex((a) => a.length >= floats);
    if (i >= 0) return this.spares.splice(i, 1)[0].subarray(0, floats);
    if (this.workers === 0) return new Float32Array(floats);
    if (this.mode === "processes" && !this.filePaths.size && !this.slots.length) {
      // Room for the prefetched batches and the spares, or decode in threads.
      const free = sharedSpace();
      if (free !== null && free < 8 * floats * 4) {
        console.warn(
          `warning: ${SHARED_DIR} has ${(free / 2 ** 20).toFixed(0)} MiB free, less than 8 ` +
            `batches of ${(floats * 4 / 2 ** 20).toFixed(1)} MiB: decoding in threads (enlarge ` +
            `it, e.g. Docker's --shm-size, for decode processes)`,
        );
        this.decodeMode = "threads";
      }
    }
    if (this.mode === "threads") return new Float32Array(new SharedArrayBuffer(floats * 4));
    let shared: { path: string; array: Float32Array };
    try {
      shared = createShared(floats);
    } catch (e) {
      throw e instanceof SharedSpaceError ? new DataError(e.message) : e;
    }
    const { path, array } = shared;
    this.files.set(array.buffer, path);
    this.filePaths.add(path);
    return array;
  }

  /** True when the workers can write into `array`'s memory (or any plain array without them). */
  private ours(array: Float32Array): boolean {
    if (this.workers === 0) return !(array.buffer instanceof SharedArrayBuffer);
    if (this.mode === "threads") return array.buffer instanceof SharedArrayBuffer;
    return this.files.has(array.buffer);
  }

  /**
   * Keeps arrays from allocate() that the caller is done with, for later allocations: writing
   * into fresh memory costs its page faults (about 2 ms per 224x224 sample measured here).
   */
  recycle(array: Float32Array): void {
    if (this.reusable(array, 0) === null) return;
    const whole = new Float32Array(array.buffer, 0, array.buffer.byteLength / 4);
    if (!this.spares.some((a) => a.buffer === whole.buffer)) this.spares.push(whole);
    // The prefetch window's worth (3 ahead and 1 in hand), so memory stays bounded.
    if (this.spares.length > 4) this.spares.shift();
  }

  /** `floats` of `array` when the workers can write into it (see allocate), else null. */
  reusable(array: Float32Array | undefined, floats: number): Float32Array | null {
    if (!array || array.length < floats || array.byteOffset !== 0) return null;
    return this.ours(array) ? array.subarray(0, floats) : null;
  }

  /** The pids of the running decode processes ("processes" mode). */
  processIds(): number[] {
    return this.slots.flatMap((s) => (s.pid === undefined ? [] : [s.pid]));
  }

  /**
   * CPU time (user + system) the running decode processes have used, in ms (Linux /proc); 0 in
   * "threads" mode, where it counts in this process's own.
   */
  processCpuMs(): number {
    let ticks = 0;
    for (const pid of this.processIds()) {
      try {
        const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
        const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        ticks += Number(f[11]) + Number(f[12]);
      } catch { /* gone */ }
    }
    // Linux counts in clock ticks of 1/100 s (USER_HZ on every mainstream architecture).
    return ticks * 10;
  }

  /** Decodes every sample of the job; resolves with the files that could not be read. */
  decode(job: DecodeJob): Promise<DecodeFailure[]> {
    const n = job.paths.length;
    if (n === 0) return Promise.resolve([]);
    if (this.workers === 0) return this.decodeHere(job);
    if (!this.ours(job.out) || job.out.byteOffset !== 0) {
      throw new Error("DecodePool.decode: `out` must come from allocate()");
    }
    const memory = this.mode === "threads"
      ? { buffer: job.out.buffer as SharedArrayBuffer }
      : { file: { path: this.files.get(job.out.buffer)!, bytes: job.out.buffer.byteLength } };
    return new Promise((resolve, reject) => {
      // Small tasks keep every worker busy until the end of a batch: about four per worker.
      const chunk = Math.max(1, Math.min(8, Math.ceil(n / (4 * this.workers))));
      const state: JobState = {
        remaining: Math.ceil(n / chunk),
        failures: [],
        failed: false,
        resolve,
        reject,
      };
      for (let start = 0; start < n; start += chunk) {
        const end = Math.min(n, start + chunk);
        this.queue.push({
          job: state,
          start,
          msg: {
            type: "task",
            augment: job.augment,
            cfg: job.cfg,
            paths: job.paths.slice(start, end),
            seeds: job.seeds.slice(start, end),
            offsets: job.offsets.slice(start, end),
            ...memory,
          },
        });
      }
      this.pump();
    });
  }

  /** Stops the workers once their current task is done; queued work is rejected. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    for (const t of this.queue.splice(0)) this.fail(t.job, new DataError("decode pool closed"));
    this.stopAll();
    await Promise.all(this.stopping);
    // The arrays stay valid (mapped here) for whoever holds them; no process can map them again.
    for (const path of this.filePaths) removeShared(path);
    this.filePaths.clear();
    this.spares = [];
  }

  private async decodeHere(job: DecodeJob): Promise<DecodeFailure[]> {
    const failures: DecodeFailure[] = [];
    await forEachConcurrent(job.paths.length, 2, async (i) => {
      try {
        await loadSample(job.paths[i], job.seeds[i], job.augment, job.cfg, job.out, job.offsets[i]);
      } catch (e) {
        if (!(e instanceof DataError)) throw e;
        failures.push({ index: i, message: e.message });
      }
    });
    return failures.sort((a, b) => a.index - b.index);
  }

  private start(): void {
    const module = this.mode === "processes" ? "./decode_bridge.ts" : "./decode_worker.ts";
    this.cpus ??= allowedCpus() ?? [];
    while (this.slots.length < this.workers) {
      const worker = new Worker(new URL(module, import.meta.url), { type: "module" });
      if (this.mode === "processes") {
        // Worker k's process on the k-th core this process may use (unpinned if unknown).
        const k = this.firstCpu + this.slots.length;
        const cpu = this.cpus.length ? this.cpus[k % this.cpus.length] : null;
        worker.postMessage({ type: "init", cpu } satisfies BridgeInit);
      }
      const slot: Slot = { worker, tasks: new Map() };
      worker.onmessage = (e: MessageEvent<WorkerReply>) => this.reply(slot, e.data);
      worker.onerror = (e: ErrorEvent) => {
        // A worker that cannot even start (sharp missing, say) fails all work; no retry.
        e.preventDefault();
        const err = new DataError(`decode worker failed: ${e.message}`);
        for (const t of this.queue.splice(0)) this.fail(t.job, err);
        for (const t of slot.tasks.values()) this.fail(t.job, err);
        slot.tasks.clear();
        this.slots = this.slots.filter((s) => s !== slot);
        worker.terminate();
      };
      this.slots.push(slot);
    }
  }

  private pump(): void {
    clearTimeout(this.idleTimer);
    // Drop the tasks of jobs that already failed.
    this.queue = this.queue.filter((t) => !t.job.failed);
    if (this.queue.length) this.start();
    // Round by round, so each worker gets one task before any gets a second.
    for (let round = 0; round < TASKS_PER_WORKER; round++) {
      for (const slot of this.slots) {
        if (slot.tasks.size > round || slot.closed || !this.queue.length) continue;
        const task = this.queue.shift()!, id = this.nextId++;
        slot.tasks.set(id, task);
        slot.worker.postMessage({ ...task.msg, id } satisfies WorkerTask);
      }
    }
    if (!this.queue.length && this.slots.every((s) => !s.tasks.size)) {
      const timer = setTimeout(() => this.stopAll(), this.idleMs);
      Deno.unrefTimer(timer);
      this.idleTimer = timer;
    }
  }

  private reply(slot: Slot, msg: WorkerReply): void {
    if (msg.type === "started") {
      slot.pid = msg.pid;
      return;
    }
    if (msg.type === "closed") {
      slot.worker.terminate();
      slot.closed?.();
      return;
    }
    const task = slot.tasks.get(msg.id)!;
    slot.tasks.delete(msg.id);
    const job = task.job;
    if (msg.type === "error") this.fail(job, new Error(`decode worker: ${msg.message}`));
    else if (!job.failed) {
      for (const f of msg.failures) {
        job.failures.push({ index: task.start + f.index, message: f.message });
      }
      if (--job.remaining === 0) job.resolve(job.failures.sort((a, b) => a.index - b.index));
    }
    this.pump();
  }

  private fail(job: JobState, e: unknown): void {
    if (job.failed) return;
    job.failed = true;
    job.reject(e);
  }

  /** Asks every worker to stop; a busy one stops after its tasks (see the worker). */
  private stopAll(): void {
    for (const slot of this.slots) {
      const stopped: Promise<void> = new Promise<void>((resolve) => (slot.closed = resolve))
        .then(() => void this.stopping.delete(stopped));
      this.stopping.add(stopped);
      slot.worker.postMessage({ type: "close" });
    }
    this.slots = [];
  }
}
