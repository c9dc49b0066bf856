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
  bugMessage,
  IN_FLIGHT,
  TaskTally,
  type WorkerMessage,
  type WorkerReply,
} from "./decode_protocol.ts";
import { DataError } from "./errors.ts";
import { JobQueue } from "./pool.ts";
import { loadSample } from "./sample.ts";

// One libvips thread per decode: the pool already runs one worker per core.
sharp.concurrency(1);
// Every decode is different, so libvips' operation cache only holds memory.
sharp.cache(false);

/** Samples decoding at once, oldest task first. */
const samples = new JobQueue(IN_FLIGHT);

self.onmessage = (e: MessageEvent<WorkerMessage>) => {
  const msg = e.data;
  if (msg.type === "close") {
    samples.idle().then(() => self.postMessage({ type: "closed" } satisfies WorkerReply));
    return;
  }
  if (msg.type !== "task") return;
  const tally = new TaskTally(msg.id, msg.paths.length);
  if (!msg.paths.length) return self.postMessage(tally.reply());
  const out = new Float32Array(msg.buffer!);
  for (let i = 0; i < msg.paths.length; i++) {
    samples.push(async () => {
      if (!tally.failed) {
        try {
          await loadSample(msg.paths[i], msg.seeds[i], msg.augment, msg.cfg, out, msg.offsets[i]);
        } catch (e) {
          // Unreadable files are the caller's to replace; anything else is a bug: the task fails.
          if (e instanceof DataError) tally.badFile(i, e.message);
          else tally.bug(bugMessage(e));
        }
      }
      const reply = tally.sampleDone();
      if (reply) self.postMessage(reply);
    });
  }
};
