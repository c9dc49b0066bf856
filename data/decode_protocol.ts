/**
 * The messages of the decode pool (data/workers.ts), its workers (data/decode_worker.ts,
 * data/decode_bridge.ts) and the decode processes (data/decode_process.ts). Nothing here loads
 * sharp, so the pool and the bridges never do.
 */
import type { PipelineSettings } from "./augment.ts";

/** A run of samples for a worker to decode into `buffer`. */
export interface WorkerTask {
  type: "task";
  id: number;
  augment: boolean;
  cfg: PipelineSettings;
  paths: string[];
  seeds: number[];
  /** Float offset of each sample in the batch's memory. */
  offsets: number[];
  /** The batch's memory: shared with worker threads ... */
  buffer?: SharedArrayBuffer;
  /** ... or with decode processes: a file they map (data/shared_file.ts). */
  file?: { path: string; bytes: number };
}

/** A bridge's first message: the core to pin its process to (`taskset`), or null. */
export interface BridgeInit {
  type: "init";
  cpu: number | null;
}

export type WorkerMessage = WorkerTask | BridgeInit | { type: "close" };

export type WorkerReply =
  | { type: "started"; pid: number }
  | { type: "done"; id: number; failures: { index: number; message: string }[] }
  | { type: "error"; id: number; message: string }
  | { type: "closed" };

/**
 * What a worker learns of one task's samples until the last is done, and then the task's reply:
 * the files it could not read (in sample order), or the first error that is not a bad file.
 */
export class TaskTally {
  private failures: { index: number; message: string }[] = [];
  private error?: string;

  constructor(readonly id: number, private left: number) {}

  /** A bug in one sample fails the task: its other samples need not run. */
  get failed(): boolean {
    return this.error !== undefined;
  }

  badFile(index: number, message: string): void {
    this.failures.push({ index, message });
  }

  bug(message: string): void {
    this.error ??= message;
  }

  /** One sample done: the task's reply once it was the last, else null. */
  sampleDone(): WorkerReply | null {
    return --this.left > 0 ? null : this.reply();
  }

  /** The task's reply now, failed with `message` (its process is gone). */
  abort(message: string): WorkerReply {
    this.bug(message);
    this.left = 0;
    return this.reply();
  }

  reply(): WorkerReply {
    return this.error !== undefined
      ? { type: "error", id: this.id, message: this.error }
      : { type: "done", id: this.id, failures: this.failures.sort((a, b) => a.index - b.index) };
  }
}

/** A bug's message: its stack where it has one. */
export function bugMessage(e: unknown): string {
  return e instanceof Error ? e.stack ?? e.message : `${e}`;
}

/** A task as a decode process reads it: one JSON object per line of its stdin. */
export type ProcessTask = Omit<WorkerTask, "type" | "buffer">;

/** Samples decoding at once in a worker or process (measured: 1 leaves the core idle, 3 fill it). */
export const IN_FLIGHT = 3;

/**
 * A decode process answers each sample with a frame once its floats are in the batch's file (and
 * sends a task's frames together):
 * `FRAME_HEADER` bytes (little-endian u32 task id, sample index, kind, payload bytes, and 16
 * bytes reserved), then the payload: nothing for a sample, or the message of a file that could
 * not be read or of a bug.
 */
export const FRAME_HEADER = 32;

export const enum FrameKind {
  Sample = 0,
  BadFile = 1,
  Bug = 2,
}

export interface Frame {
  id: number;
  index: number;
  kind: FrameKind;
  payload: Uint8Array;
}

/** Frames as one byte string, ready to write: each header, then its payload. */
export function encodeFrames(frames: Frame[]): Uint8Array {
  const out = new Uint8Array(frames.reduce((n, f) => n + FRAME_HEADER + f.payload.length, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const f of frames) {
    [f.id, f.index, f.kind, f.payload.length].forEach((v, i) =>
      view.setUint32(at + 4 * i, v, true)
    );
    out.set(f.payload, at + FRAME_HEADER);
    at += FRAME_HEADER + f.payload.length;
  }
  return out;
}

/**
 * Cuts a byte stream into frames, whatever its chunks. `frames(stream)` reads the stream straight
 * into its own buffer (a BYOB reader: no chunk is allocated or copied on the way), `push(chunk)`
 * takes chunks from elsewhere. A frame's payload is only valid until the next read or push.
 */
export class FrameReader {
  private buf = new Uint8Array(1 << 20);
  private have = 0;

  async *frames(stream: ReadableStream<Uint8Array>): AsyncGenerator<Frame> {
    const reader = stream.getReader({ mode: "byob" });
    for (;;) {
      this.reserve(1 << 18);
      const { value, done } = await reader.read(this.buf.subarray(this.have));
      // The read took the buffer and hands it back in `value` (detached otherwise).
      if (value) this.buf = new Uint8Array(value.buffer);
      if (done || !value) return;
      yield* this.commit(value.length);
    }
  }

  *push(chunk: Uint8Array): Generator<Frame> {
    this.reserve(chunk.length);
    this.buf.set(chunk, this.have);
    yield* this.commit(chunk.length);
  }

  /** Bytes of an unfinished frame. */
  get pending(): number {
    return this.have;
  }

  private reserve(free: number): void {
    if (this.have + free <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(2 * this.buf.length, this.have + free));
    grown.set(this.buf.subarray(0, this.have));
    this.buf = grown;
  }

  private *commit(n: number): Generator<Frame> {
    this.have += n;
    let at = 0;
    try {
      while (this.have - at >= FRAME_HEADER) {
        const view = new DataView(this.buf.buffer, at, FRAME_HEADER);
        const u32 = (i: number) => view.getUint32(4 * i, true);
        const length = u32(3);
        if (this.have - at < FRAME_HEADER + length) break;
        yield {
          id: u32(0),
          index: u32(1),
          kind: u32(2),
          payload: this.buf.subarray(at + FRAME_HEADER, at + FRAME_HEADER + length),
        };
        at += FRAME_HEADER + length;
      }
    } finally {
      this.buf.copyWithin(0, at, this.have);
      this.have -= at;
    }
  }
}
