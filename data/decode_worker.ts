/**
 * A decode worker that decodes in this process (the "threads" mode of data/workers.ts, used
 * where subprocesses or shared files are not allowed): takes tasks of samples, writes each
 * sample's floats straight into the batch's SharedArrayBuffer, and answers each task with the
 * files it could not read.
 *
 * A few samples decode at once (`IN_FLIGHT`), taken in order from every task received, so the
 * worker's core stays busy while a sample hops between threads: sharp runs each decode on a
 * Deno blocking thread that hands the pixels to libvips' own threads and back, and with one
 * sample at a time a worker left its core idle during every hop.
 *
 * "close" is answered only once every task is done: ending a worker while sharp still has work
 * in flight crashes the whole process (measured with Deno 2.9.6 and sharp 0.34: terminate() or
 * self.close() during a decode gave a segmentation fault).
 */
/// <reference lib="deno.worker" />
import sharp from "sharp";
import {
  IN_FLIGHT,
  type WorkerMessage,
  type WorkerReply,
  type WorkerTask,
} from "./decode_protocol.ts";
import { DataError } from "./errors.ts";
import { loadSample } from "./sample.ts";

// One libvips thread per decode: the pool already runs one worker per core.
sharp.concurrency(1);
// Every decode is different, so libvips' operation cache only holds memory.
sharp.cache(false);

interface Active {
  task: WorkerTask;
  out: Float32Array;
  /** Samples not finished yet. */
  left: number;
  failures: { index: number; message: string }[];
  /** The first error that is not a bad file (a bug): the task fails with it. */
  error?: string;
}

/** Samples waiting for a slot, oldest task first. */
const waiting: { active: Active; index: number }[] = [];
let running = 0;
let closing = false;

async function decodeOne(a: Active, i: number): Promise<void> {
  if (a.error !== undefined) return;
  try {
    await loadSample(
      a.task.paths[i],
      a.task.seeds[i],
      a.task.augment,
      a.task.cfg,
      a.out,
      a.task.offsets[i],
    );
  } catch (e) {
    // Unreadable files are the caller's to replace; anything else is a bug and fails the task.
    if (e instanceof DataError) a.failures.push({ index: i, message: e.message });
    else a.error ??= e instanceof Error ? e.stack ?? e.message : `${e}`;
  }
}

function finish(a: Active): void {
  if (--a.left > 0) return;
  const id = a.task.id;
  self.postMessage(
    a.error !== undefined
      ? { type: "error", id, message: a.error }
      : { type: "done", id, failures: a.failures.sort((x, y) => x.index - y.index) },
  );
}

function pump(): void {
  while (running < IN_FLIGHT && waiting.length) {
    const { active, index } = waiting.shift()!;
    running++;
    decodeOne(active, index).finally(() => {
      running--;
      finish(active);
      pump();
    });
  }
  if (closing && running === 0 && !waiting.length) {
    closing = false;
    self.postMessage({ type: "closed" } satisfies WorkerReply);
  }
}

self.onmessage = (e: MessageEvent<WorkerMessage>) => {
  const msg = e.data;
  if (msg.type === "close") closing = true;
  else if (msg.type === "task") {
    const active: Active = {
      task: msg,
      out: new Float32Array(msg.buffer!),
      left: msg.paths.length,
      failures: [],
    };
    if (active.left === 0) {
      active.left = 1;
      finish(active);
    }
    for (let i = 0; i < msg.paths.length; i++) waiting.push({ active, index: i });
  }
  pump();
};
