/**
 * A decode worker that decodes in a process of its own (data/decode_process.ts), pinned to one
 * core: data/workers.ts starts one per core when the program may run subprocesses and share
 * memory with them. It takes the same messages as data/decode_worker.ts, forwards each task to
 * its process, which writes the samples into the batch's shared file, and answers each task once
 * a frame has come back for each of its samples. sharp is never loaded in this process.
 *
 * The first message is `BridgeInit`: the core to pin the process to (`taskset`), or null. "close"
 * ends the process's stdin: it finishes its tasks and exits, and the bridge answers "closed"
 * then. A process that dies fails every task it had, and every later one.
 */
/// <reference lib="deno.worker" />
import {
  FrameKind,
  FrameReader,
  type ProcessTask,
  TaskTally,
  type WorkerMessage,
  type WorkerReply,
} from "./decode_protocol.ts";

/** The tasks sent to the process and not answered yet, by id. */
const active = new Map<number, TaskTally>();
let stdin: WritableStreamDefaultWriter<Uint8Array> | null = null;
/** Set once the process is gone, to why. */
let dead: string | null = null;
let closing = false;
let stderrTail = "";
/** Writes to the process's stdin, in order. */
let writes: Promise<void> = Promise.resolve();

function reply(msg: WorkerReply): void {
  self.postMessage(msg);
}

/** The process is gone: the tasks it still had fail, unless it ended because we closed it. */
function die(why: string): void {
  if (dead !== null) return;
  dead = why;
  const tail = stderrTail.trim();
  const message = `decode process ${why}${tail ? `: ${tail}` : ""}`;
  for (const tally of active.values()) reply(tally.abort(message));
  active.clear();
  if (closing) reply({ type: "closed" });
}

function spawn(cpu: number | null): void {
  const deno = [
    Deno.execPath(),
    "run",
    "-A",
    "-q",
    `--config=${new URL("../deno.json", import.meta.url).pathname}`,
    new URL("./decode_process.ts", import.meta.url).pathname,
  ];
  const start = (cmd: string[]) =>
    new Deno.Command(cmd[0], {
      args: cmd.slice(1),
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
  let child: Deno.ChildProcess;
  try {
    child = start(cpu === null ? deno : ["taskset", "-c", String(cpu), ...deno]);
  } catch (e) {
    // No taskset (it comes with util-linux): the process runs unpinned.
    if (!(e instanceof Deno.errors.NotFound) || cpu === null) throw e;
    child = start(deno);
  }
  stdin = child.stdin.getWriter();
  reply({ type: "started", pid: child.pid });
  const stderr = (async () => {
    const text = new TextDecoder();
    for await (const chunk of child.stderr) {
      stderrTail = (stderrTail + text.decode(chunk, { stream: true })).slice(-2000);
    }
  })();
  const frames = readFrames(child.stdout);
  // Every frame is read before the exit counts (the status can come before the last bytes).
  Promise.allSettled([frames, stderr]).then(async ([f]) => {
    const s = await child.status;
    if (f.status === "rejected") die(`sent unreadable output (${f.reason})`);
    else if (!s.success) die(`exited with code ${s.code}${s.signal ? ` (${s.signal})` : ""}`);
    else die(closing ? "closed" : "ended unasked");
  });
}

/** The process's answers: one frame per sample, once its floats are in the batch's file. */
async function readFrames(stream: ReadableStream<Uint8Array>): Promise<void> {
  const text = new TextDecoder();
  const reader = new FrameReader();
  for await (const f of reader.frames(stream)) {
    const tally = active.get(f.id);
    if (!tally) throw new Error(`a frame of task ${f.id}, which it does not have`);
    if (f.kind === FrameKind.BadFile) tally.badFile(f.index, text.decode(f.payload));
    else if (f.kind === FrameKind.Bug) tally.bug(`decode process: ${text.decode(f.payload)}`);
    const done = tally.sampleDone();
    if (done) {
      active.delete(f.id);
      reply(done);
    }
  }
  if (reader.pending) throw new Error(`${reader.pending} bytes of an unfinished frame`);
}

self.onmessage = (e: MessageEvent<WorkerMessage>) => {
  const msg = e.data;
  if (msg.type === "init") spawn(msg.cpu);
  else if (msg.type === "close") {
    if (closing) return;
    closing = true;
    if (dead !== null) reply({ type: "closed" });
    else writes = writes.then(() => stdin!.close()).catch(() => {});
  } else {
    const tally = new TaskTally(msg.id, msg.paths.length);
    if (dead !== null) return reply(tally.abort(`decode process ${dead}`));
    if (!msg.paths.length) return reply(tally.reply());
    active.set(msg.id, tally);
    const task: ProcessTask = {
      id: msg.id,
      augment: msg.augment,
      cfg: msg.cfg,
      paths: msg.paths,
      seeds: msg.seeds,
      offsets: msg.offsets,
      file: msg.file,
    };
    const line = new TextEncoder().encode(JSON.stringify(task) + "\n");
    // A write fails only when the process is gone; its exit then fails the task, with the reason.
    writes = writes.then(() => stdin!.write(line)).catch(() => {});
  }
};
