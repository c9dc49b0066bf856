/**
 * A decode process: what data/decode_bridge.ts runs, one per decode worker, pinned to a core.
 *
 * Reads tasks from stdin, one JSON object per line (`ProcessTask`), decodes `IN_FLIGHT` samples
 * at once, writes each sample's floats straight into the batch's shared file (mapped here, see
 * data/shared_file.ts) and answers with a frame on stdout (data/decode_protocol.ts), in the
 * order the samples finish. At the end of stdin it finishes what it has and exits.
 *
 * Why a process: sharp runs each decode on a Deno blocking thread that hands the pixels to
 * libvips' threads and back. In one process those threads are shared by all workers and hop
 * between the cores; a process pinned to one core keeps every hop on it (bench/RESULTS.md).
 */
import sharp from "sharp";
import {
  bugMessage,
  encodeFrames,
  type Frame,
  FrameKind,
  IN_FLIGHT,
  type ProcessTask,
} from "./decode_protocol.ts";
import { DataError } from "./errors.ts";
import { JobQueue } from "./pool.ts";
import { loadSample } from "./sample.ts";
import { mapFile } from "./shared_file.ts";

/** Batch files mapped here, most recently used last; a few stay mapped (the batches recycle). */
const mapped = new Map<string, Float32Array>();
const KEEP_MAPPED = 16;

function batchMemory(file: { path: string; bytes: number }): Float32Array {
  let array = mapped.get(file.path);
  if (array) mapped.delete(file.path);
  else array = mapFile(file.path, file.bytes);
  mapped.set(file.path, array);
  // Dropped mappings are unmapped when collected (data/shared_file.ts).
  if (mapped.size > KEEP_MAPPED) mapped.delete(mapped.keys().next().value!);
  return array;
}

/** Writes to stdout, whole and in order; they never block the decodes. */
let output: Promise<void> = Promise.resolve();
function write(bytes: Uint8Array): void {
  output = output.then(async () => {
    for (let done = 0; done < bytes.length;) done += await Deno.stdout.write(bytes.subarray(done));
  });
}

/** One sample into the batch's file; its frame says how it went. */
async function decodeOne(task: ProcessTask, i: number): Promise<Frame> {
  const frame: Frame = { id: task.id, index: i, kind: FrameKind.Sample, payload: new Uint8Array() };
  try {
    const out = batchMemory(task.file!);
    await loadSample(task.paths[i], task.seeds[i], task.augment, task.cfg, out, task.offsets[i]);
  } catch (e) {
    const bad = e instanceof DataError;
    frame.kind = bad ? FrameKind.BadFile : FrameKind.Bug;
    frame.payload = new TextEncoder().encode(bad ? e.message : bugMessage(e));
  }
  return frame;
}

async function serve(): Promise<void> {
  const samples = new JobQueue(IN_FLIGHT);
  let rest = "";
  for await (const chunk of Deno.stdin.readable.pipeThrough(new TextDecoderStream())) {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop()!;
    for (const line of lines.filter((l) => l)) {
      const task = JSON.parse(line) as ProcessTask;
      // A task's frames go out together once its last sample is done: one write, and one
      // wake-up of the bridge, per task rather than per sample.
      const frames: Frame[] = [];
      for (let i = 0; i < task.paths.length; i++) {
        samples.push(async () => {
          frames.push(await decodeOne(task, i));
          if (frames.length === task.paths.length) write(encodeFrames(frames));
        });
      }
    }
  }
  // stdin closed: finish what is queued, then exit.
  await samples.idle();
  await output;
}

if (import.meta.main) {
  // Ctrl-C reaches the whole process group: the training process stops cleanly at the end of
  // its step and then closes our stdin, which is what ends this process (as does its death).
  for (const signal of ["SIGINT", "SIGTERM"] as const) Deno.addSignalListener(signal, () => {});
  // One libvips thread per decode: the process has one core.
  sharp.concurrency(1);
  // Every decode is different, so libvips' operation cache only holds memory.
  sharp.cache(false);
  await serve();
}
