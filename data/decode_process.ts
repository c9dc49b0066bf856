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
  type Frame,
  frameHeader,
  FrameKind,
  IN_FLIGHT,
  type ProcessTask,
} from "./decode_protocol.ts";
import { DataError } from "./errors.ts";
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

/**
 * A task's frames go out together once its last sample is done: one write, and one wake-up of
 * the bridge, per task rather than per sample. Writes stay in order and never block the decodes.
 */
let output: Promise<void> = Promise.resolve();
const held = new Map<number, { frames: Frame[]; left: number }>();

function send(frame: Frame, taskSize: number): void {
  const h = held.get(frame.id) ?? { frames: [], left: taskSize };
  held.set(frame.id, h);
  h.frames.push(frame);
  if (--h.left > 0) return;
  held.delete(frame.id);
  const bytes = new Uint8Array(h.frames.flatMap((f) => [...frameHeader(f), ...f.payload]));
  output = output.then(async () => {
    for (let done = 0; done < bytes.length;) done += await Deno.stdout.write(bytes.subarray(done));
  });
}

async function serve(): Promise<void> {
  const waiting: { task: ProcessTask; index: number }[] = [];
  let running = 0;
  let wake: (() => void) | null = null;
  const text = new TextEncoder();

  const decodeOne = async (task: ProcessTask, i: number) => {
    const frame: Frame = {
      id: task.id,
      index: i,
      kind: FrameKind.Sample,
      payload: new Uint8Array(),
    };
    try {
      const out = batchMemory(task.file!);
      await loadSample(task.paths[i], task.seeds[i], task.augment, task.cfg, out, task.offsets[i]);
    } catch (e) {
      const bad = e instanceof DataError;
      frame.kind = bad ? FrameKind.BadFile : FrameKind.Bug;
      frame.payload = text.encode(
        bad ? e.message : e instanceof Error ? e.stack ?? e.message : `${e}`,
      );
    }
    send(frame, task.paths.length);
  };
  const pump = () => {
    while (running < IN_FLIGHT && waiting.length) {
      const { task, index } = waiting.shift()!;
      running++;
      decodeOne(task, index).finally(() => {
        running--;
        pump();
        wake?.();
      });
    }
  };

  let rest = "";
  for await (const chunk of Deno.stdin.readable.pipeThrough(new TextDecoderStream())) {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop()!;
    for (const line of lines) {
      if (!line) continue;
      const task = JSON.parse(line) as ProcessTask;
      for (let i = 0; i < task.paths.length; i++) waiting.push({ task, index: i });
    }
    pump();
  }
  // stdin closed: finish what is queued, then exit.
  while (running || waiting.length) await new Promise<void>((r) => (wake = r));
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
