// Exact resume: a run stopped at an epoch boundary, or by Ctrl-C or SIGTERM mid-epoch, and
// resumed takes the same SGD steps (same batches, dropout masks, momentum, learning rate) as one
// that never stopped, so its per-step losses and its metrics rows are the same.
import assert from "node:assert";
import { join } from "node:path";
import { loadCheckpoint } from "../train/checkpoint.ts";
import { configs } from "../nets/mod.ts";
import { jsonEvents, runTrain, tinyRun, trainCommand } from "./helpers/cli.ts";

/** A tiny A (width /16) on 256 embedded images: 8 steps an epoch, seconds a run. */
const TINY = ["nets/a.ts", ...tinyRun(256)];
const MODEL = () => configs.A({ width: 16, size: 32, classes: 10, channels: 1 });

type Event = Record<string, unknown> & { event: string };
interface Run {
  code: number;
  stderr: string;
  events: Event[];
}

const command = (args: string[]) => trainCommand([...args, "--json"]);

async function train(args: string[]): Promise<Run> {
  const r = await runTrain([...args, "--json"]);
  assert.strictEqual(r.code, 0, `train ${args.join(" ")} failed:\n${r.stderr}`);
  return { code: r.code, stderr: r.stderr, events: jsonEvents(r.stdout) as Event[] };
}

const steps = (r: Run) => r.events.filter((e) => e.event === "step");
const losses = (r: Run) => steps(r).map((e) => e.loss as number);

async function metrics(dir: string): Promise<Record<string, number>[]> {
  const text = await Deno.readTextFile(join(dir, "metrics.jsonl"));
  return text.trim().split("\n").map((l) => JSON.parse(l));
}

function sameLosses(got: number[], want: number[], what: string) {
  assert.strictEqual(
    got.length,
    want.length,
    `${what}: ${got.length} steps, expected ${want.length}`,
  );
  got.forEach((l, i) => {
    assert.ok(Number.isFinite(l), `${what}: step ${i + 1} loss ${l}`);
    assert.ok(
      Math.abs(l - want[i]) <= 1e-6,
      `${what}: step ${i + 1} loss ${l}, uninterrupted ${want[i]}`,
    );
  });
}

/** Same metrics rows as the uninterrupted run, but for timings. */
function sameRows(got: Record<string, number>[], want: Record<string, number>[], what: string) {
  assert.strictEqual(got.length, want.length, `${what}: ${got.length} metrics rows`);
  const keys = [
    "epoch",
    "train_loss",
    "train_accuracy",
    "test_loss",
    "test_accuracy",
    "test_top5_accuracy",
    "lr",
  ];
  got.forEach((row, i) => {
    for (const k of keys) {
      assert.ok(
        Math.abs(row[k] - want[i][k]) <= 1e-6,
        `${what}: epoch ${i + 1} ${k} ${row[k]}, uninterrupted ${want[i][k]}`,
      );
    }
  });
}

const tmp = await Deno.makeTempDir({ prefix: "train_resume_" });
let reference: Promise<{ run: Run; rows: Record<string, number>[] }> | undefined;
/** The uninterrupted 2-epoch run, shared by the tests below. */
function uninterrupted() {
  reference ??= (async () => {
    const dir = join(tmp, "full");
    const run = await train([...TINY, "--epochs", "2", "--out", dir]);
    assert.strictEqual(steps(run).length, 16);
    return { run, rows: await metrics(dir) };
  })();
  return reference;
}

Deno.test("resume at an epoch boundary reproduces the uninterrupted losses", async () => {
  const ref = await uninterrupted();
  const dir = join(tmp, "boundary");
  const first = await train([...TINY, "--epochs", "1", "--out", dir]);
  sameLosses(losses(first), losses(ref.run).slice(0, 8), "epoch 1");
  const state = (await loadCheckpoint(join(dir, "checkpoint.safetensors"), MODEL())).state;
  assert.deepStrictEqual([state.epoch, state.batchInEpoch, state.step], [1, 0, 8]);

  const second = await train(["--resume", dir, "--epochs", "2"]);
  const resume = second.events.find((e) => e.event === "resume");
  assert.ok(resume, "no resume event");
  assert.strictEqual(resume.epoch, 1);
  assert.ok(steps(second).every((e) => e.epoch === 1), "the resumed run redid epoch 1");
  sameLosses(losses(second), losses(ref.run).slice(8), "epoch 2 after resume");
  sameRows(await metrics(dir), ref.rows, "metrics.jsonl");
});

/**
 * Stops a run with `signal` after its second step, then resumes it: the checkpoint is written
 * after the last reported step, the command exits as the signal's process would (130 / 143: a
 * scheduler must not read a stopped run as finished), and the resumed run takes the steps the
 * uninterrupted run took.
 */
async function stopAndResume(signal: "SIGINT" | "SIGTERM", exitCode: number) {
  const ref = await uninterrupted();
  const dir = join(tmp, signal);
  const child = command([...TINY, "--epochs", "2", "--out", dir]).spawn();
  const stderr = new Response(child.stderr).text();
  const events: Event[] = [];
  let buf = "", sent = false;
  for await (const chunk of child.stdout.pipeThrough(new TextDecoderStream())) {
    buf += chunk;
    let nl;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line.trim()) continue;
      events.push(JSON.parse(line));
      if (!sent && events.filter((e) => e.event === "step").length === 2) {
        sent = true;
        try {
          child.kill(signal);
        } catch (e) {
          throw new Error(`the run ended before it could be interrupted (${e})`);
        }
      }
    }
  }
  const status = await child.status;
  const err = await stderr;
  assert.ok(sent, "the run ended before two steps");
  assert.strictEqual(status.code, exitCode, `interrupted run exited ${status.code}:\n${err}`);
  assert.doesNotMatch(err, /^\s+at /m);
  const stopped = events.find((e) => e.event === "stopped");
  assert.ok(stopped, `no 'stopped' event: ${events.map((e) => e.event).join(" ")}`);
  assert.strictEqual(stopped.signal, signal);
  assert.match(String(stopped.checkpoint), /checkpoint\.safetensors$/);
  assert.ok(
    !events.some((e) => e.event === "info" && /^done/.test(String(e.message))),
    "an interrupted run says done",
  );
  const before = { code: 0, stderr: err, events };
  const n = steps(before).length;
  assert.ok(n >= 2 && n < 16, `interrupted after ${n} steps`);

  const ck = await loadCheckpoint(join(dir, "checkpoint.safetensors"), MODEL());
  assert.strictEqual(ck.state.step, n, "checkpoint after the last reported step");
  assert.strictEqual(ck.state.epoch * 8 + ck.state.batchInEpoch, n);

  const after = await train(["--resume", dir]);
  assert.ok(steps(after).length > 0);
  sameLosses([...losses(before), ...losses(after)], losses(ref.run), "interrupted + resumed");
  // Step events carry the same (epoch, batch) positions as the uninterrupted run's.
  assert.deepStrictEqual(
    [...steps(before), ...steps(after)].map((e) => [e.epoch, e.batch]),
    steps(ref.run).map((e) => [e.epoch, e.batch]),
  );
  // The epoch that was cut in two reports the whole epoch's train loss and accuracy.
  sameRows(await metrics(dir), ref.rows, "metrics.jsonl");
}

Deno.test("Ctrl-C mid-epoch writes a checkpoint, exits 130, and the resumed run continues exactly", () =>
  stopAndResume("SIGINT", 130));

Deno.test("SIGTERM mid-epoch writes a checkpoint, exits 143, and the resumed run continues exactly", () =>
  stopAndResume("SIGTERM", 143));

Deno.test({
  name: "resume: cleanup",
  sanitizeResources: false,
  fn: async () => {
    await reference?.catch(() => {});
    await Deno.remove(tmp, { recursive: true });
  },
});
