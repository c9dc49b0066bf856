/**
 * The decode pool: image samples decoded and augmented by Deno Workers (data/decode_worker.ts),
 * one per core by default, so the thread that drives WebGPU only hands batches over.
 *
 * A job (one batch, or one shard of it) is cut into small tasks that idle workers take in order,
 * so every worker helps with the oldest batch first and a batch is ready as soon as possible.
 * Workers write each sample straight into the batch's SharedArrayBuffer: nothing is copied or
 * transferred on the way back, and the buffer goes to `GPUQueue.writeBuffer` as it is. Which
 * worker decodes which sample does not matter: a sample's result depends only on its file, its
 * seed and the settings (data/sample.ts).
 *
 * Workers start on first use and stop after `idleMs` without work (or at `close()`), so a
 * process never stays alive for idle workers. Stopping waits for the worker's queue to empty
 * (see data/decode_worker.ts: ending a worker while sharp decodes crashes the process).
 */
import type { PipelineSettings } from "./augment.ts";
import type { WorkerReply, WorkerTask } from "./decode_worker.ts";
import { DataError } from "./errors.ts";
import { forEachConcurrent } from "./pool.ts";
import { loadSample } from "./sample.ts";

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

  /** `workers` 0 decodes in the calling thread (a few samples in flight at once). */
  constructor(readonly workers: number, private readonly idleMs = 10_000) {
    if (!Number.isInteger(workers) || workers < 0) {
      throw new DataError(`--workers must be a non-negative integer, got ${workers}`);
    }
  }

  /** Workers alive, stopping ones included. */
  get running(): number {
    return this.slots.length + this.stopping.size;
  }

  /** A float array the workers can write into (shared memory when there are workers). */
  allocate(floats: number): Float32Array {
    const i = this.spares.findIndex((a) => a.length >= floats);
    if (i >= 0) return this.spares.splice(i, 1)[0].subarray(0, floats);
    return this.workers > 0
      ? new Float32Array(new SharedArrayBuffer(floats * 4))
      : new Float32Array(floats);
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

  /** `floats` of `array` when it is one of ours (shared memory when there are workers), else null. */
  reusable(array: Float32Array | undefined, floats: number): Float32Array | null {
    if (!array || array.length < floats) return null;
    const shared = array.buffer instanceof SharedArrayBuffer;
    return shared === this.workers > 0 ? array.subarray(0, floats) : null;
  }

  /** Decodes every sample of the job; resolves with the files that could not be read. */
  decode(job: DecodeJob): Promise<DecodeFailure[]> {
    const n = job.paths.length;
    if (n === 0) return Promise.resolve([]);
    if (this.workers === 0) return this.decodeHere(job);
    if (!(job.out.buffer instanceof SharedArrayBuffer)) {
      throw new Error("DecodePool.decode: `out` must come from allocate()");
    }
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
            buffer: job.out.buffer as SharedArrayBuffer,
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
    while (this.slots.length < this.workers) {
      const worker = new Worker(new URL("./decode_worker.ts", import.meta.url), {
        type: "module",
      });
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
