/**
 * A decode worker (data/workers.ts starts one per core): takes tasks of samples, writes each
 * sample's floats straight into the batch's SharedArrayBuffer, and answers with the files it
 * could not read.
 *
 * Tasks run one after another, and "close" is answered only once the queue is empty: ending a
 * worker while sharp still has work in flight crashes the whole process (measured with Deno
 * 2.9.6 and sharp 0.34: terminate() or self.close() during a decode gave a segmentation fault).
 */
/// <reference lib="deno.worker" />
import sharp from "sharp";
import type { PipelineSettings } from "./augment.ts";
import { DataError } from "./errors.ts";
import { loadSample } from "./sample.ts";

export interface WorkerTask {
  type: "task";
  id: number;
  augment: boolean;
  cfg: PipelineSettings;
  paths: string[];
  seeds: number[];
  /** Float offset of each sample in `buffer`. */
  offsets: number[];
  buffer: SharedArrayBuffer;
}

export type WorkerReply =
  | { type: "done"; id: number; failures: { index: number; message: string }[] }
  | { type: "error"; id: number; message: string }
  | { type: "closed" };

// One libvips thread per worker: the pool already runs one worker per core.
sharp.concurrency(1);
// Every decode is different, so libvips' operation cache only holds memory.
sharp.cache(false);

async function run(task: WorkerTask): Promise<WorkerReply> {
  const out = new Float32Array(task.buffer);
  const failures: { index: number; message: string }[] = [];
  try {
    for (let i = 0; i < task.paths.length; i++) {
      try {
        await loadSample(
          task.paths[i],
          task.seeds[i],
          task.augment,
          task.cfg,
          out,
          task.offsets[i],
        );
      } catch (e) {
        // Unreadable files are the caller's to replace; anything else is a bug and ends the task.
        if (!(e instanceof DataError)) throw e;
        failures.push({ index: i, message: e.message });
      }
    }
    return { type: "done", id: task.id, failures };
  } catch (e) {
    return {
      type: "error",
      id: task.id,
      message: e instanceof Error ? e.stack ?? e.message : `${e}`,
    };
  }
}

let queue: Promise<void> = Promise.resolve();
self.onmessage = (e: MessageEvent<WorkerTask | { type: "close" }>) => {
  const msg = e.data;
  queue = queue.then(async () => {
    self.postMessage(msg.type === "close" ? { type: "closed" } : await run(msg));
  });
};
