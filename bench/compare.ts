// deno task compare [NET] [--width N] [--size N] [--classes N] [--batch N] [--iters N]
//   [--fwd-iters N] [--warmup N] [--repeats N] [--lr X] [--peers tfjs,jax] [--json]
// This project against its two JavaScript peers, TensorFlow.js (WebGPU backend) and jax-js
// (WebGPU device), in one process on the same adapter: the same net (read from the model's IR,
// see bench/peers/spec.ts), the same batch, the same starting weights (this project's
// init(model, 1), converted to each peer's layouts) and inputs. Times forward-only passes and
// full training steps (forward + backward + SGD momentum 0.9, weight decay 5e-4 on weights),
// each after warm-up and with the device synced, in windows interleaved across the three systems
// (best window reported: a shared machine's other load only adds time), and cross-checks the
// numbers: logits of the first forward and the losses of the first two steps against ours (same
// weights, same inputs).
// Dropout is off in all three (ours: TrainStep's dropout: false; the peers have none), so the
// steps compute the same function. Prints one JSON object, then a table (--json: JSON only).
// Defaults: nets/e.ts at width 8, 32x32 input, 10 classes, batch 64. Benchmarks are not tests.
import { init, type Model, paramCount } from "../dsl/mod.ts";
import { ForwardRunner } from "../runtime/forward.ts";
import { TrainStep } from "../runtime/train_step.ts";
import { intFlag, loadNet, main, numFlag, parse, UsageError, variantOf } from "../cli/common.ts";
import { openGpu } from "../cli/gpu.ts";
import { type PeerRun, type PeerSetup } from "./peers/peer.ts";
import { maxAbsDiff, peerNet } from "./peers/spec.ts";

const PEERS = {
  tfjs: async (s: PeerSetup) => (await import("./peers/tfjs.ts")).createTfjs(s),
  jax: async (s: PeerSetup) => (await import("./peers/jaxjs.ts")).createJaxjs(s),
} as const;
type PeerName = keyof typeof PEERS;

export interface SystemResult {
  system: string;
  library?: string;
  adapter?: string;
  error?: string;
  setup_ms?: number;
  forward?: Timed & { first_ms: number; logits_max_abs_diff_vs_ours?: number };
  train?: Timed & {
    first_step_ms: number;
    loss_step1: number;
    loss_step2: number;
    loss_step1_abs_diff_vs_ours?: number;
    loss_step2_abs_diff_vs_ours?: number;
  };
  memory_bytes?: number;
}

interface Timed {
  images_per_s: number;
  ms_per_batch: number;
  /** images/s of every timed window (the best is reported). */
  windows: number[];
}

/** One window of `iters` calls, synced at both ends: images/s. */
async function timeWindow(
  run: () => Promise<unknown>,
  sync: () => Promise<void>,
  batch: number,
  iters: number,
): Promise<number> {
  await sync();
  const t = performance.now();
  for (let i = 0; i < iters; i++) await run();
  await sync();
  return batch * iters / ((performance.now() - t) / 1000);
}

/** The best window (other processes on a shared machine only ever add time). */
function best(windows: number[], batch: number): Timed {
  const b = Math.max(...windows);
  return {
    images_per_s: round(b, 2),
    ms_per_batch: round(1000 * batch / b, 1),
    windows: windows.map((w) => round(w, 2)),
  };
}

function round(v: number, d: number): number {
  return Number(v.toFixed(d));
}

/** This project's side, behind the same interface as the peers. */
async function createOurs(s: PeerSetup, m: Model) {
  const gpu = await openGpu();
  const fwd = await ForwardRunner.create(gpu.device, m, s.batch, gpu.tiles);
  fwd.setParams(s.params);
  const step = await TrainStep.create(gpu.device, m, {
    batch: s.batch,
    tiles: gpu.tiles,
    dropout: false,
    momentum: s.momentum,
    weightDecay: s.weightDecay,
  });
  step.setParams(s.params);
  let seed = 1;
  const run: PeerRun = {
    library: "vgg-wgsl (this project)",
    adapter: gpu.description,
    forward: () => fwd.logits(s.x),
    // step() resolves once its command buffer (updates included) has finished.
    step: async () => (await step.step([{ x: s.x, y: s.y }], s.lr, seed++)).loss,
    sync: () => gpu.device.queue.onSubmittedWorkDone(),
    memoryBytes: () => fwd.ex.mem.peakBytes + step.ex.mem.peakBytes,
    dispose: () => {
      fwd.destroy();
      step.destroy();
    },
  };
  return { run, peak: { forward: fwd.ex.mem.peakBytes, train: step.ex.mem.peakBytes } };
}

function firstLine(e: unknown): string {
  const err = e as Error;
  // deno-lint-ignore no-control-regex
  const msg = String(err?.message ?? e).replace(/\x1b\[[0-9;]*m/g, "");
  return `${err?.name ?? "Error"}: ${msg.split("\n").slice(0, 3).join(" | ")}`;
}

interface Live {
  res: SystemResult;
  run?: PeerRun;
  logits?: Float32Array;
  loss1?: number;
  loss2?: number;
  fwdWindows: number[];
  trainWindows: number[];
}

/**
 * Runs `f` on every system still standing; a throw marks that system failed (error text kept)
 * and drops it from the later phases, so the others still run.
 */
async function phase(systems: Live[], f: (s: Live, run: PeerRun) => Promise<void>): Promise<void> {
  for (const s of systems) {
    if (!s.run || s.res.error) continue;
    try {
      await f(s, s.run);
    } catch (e) {
      s.res.error = firstLine(e);
    }
  }
}

/**
 * All systems side by side: create them all, then each phase across all of them, the timed
 * windows interleaved (round r of every system before round r+1), so a change in the machine's
 * load hits all three alike rather than whichever ran last.
 */
async function measureAll(
  creators: [string, () => Promise<PeerRun>][],
  o: { batch: number; iters: number; fwdIters: number; warmup: number; repeats: number },
): Promise<SystemResult[]> {
  const systems: Live[] = [];
  for (const [name, create] of creators) {
    const s: Live = { res: { system: name }, fwdWindows: [], trainWindows: [] };
    systems.push(s);
    try {
      const t0 = performance.now();
      s.run = await create();
      s.res.setup_ms = round(performance.now() - t0, 1);
      s.res.library = s.run.library;
      s.res.adapter = s.run.adapter;
    } catch (e) {
      s.res.error = firstLine(e);
    }
  }
  // Forward: the first call (compiles; its logits are checked), warm-up, timed windows.
  await phase(systems, async (s, p) => {
    const t = performance.now();
    s.logits = await p.forward();
    s.res.forward = { first_ms: round(performance.now() - t, 1), ...best([0], o.batch) };
    for (let i = 0; i < o.warmup; i++) await p.forward();
  });
  for (let r = 0; r < o.repeats; r++) {
    await phase(systems, async (s, p) => {
      s.fwdWindows.push(await timeWindow(() => p.forward(), () => p.sync(), o.batch, o.fwdIters));
    });
  }
  // Training: the first two steps from the initial weights (losses checked), warm-up, timed.
  await phase(systems, async (s, p) => {
    const t = performance.now();
    s.loss1 = await p.step();
    await p.sync();
    const first = performance.now() - t;
    s.loss2 = await p.step();
    for (let i = 0; i < o.warmup; i++) await p.step();
    s.res.train = {
      first_step_ms: round(first, 1),
      loss_step1: s.loss1,
      loss_step2: s.loss2,
      ...best([0], o.batch),
    };
  });
  for (let r = 0; r < o.repeats; r++) {
    await phase(systems, async (s, p) => {
      s.trainWindows.push(await timeWindow(() => p.step(), () => p.sync(), o.batch, o.iters));
    });
  }
  await phase(systems, (s, p) => {
    s.res.memory_bytes = p.memoryBytes();
    return Promise.resolve();
  });

  const ours = systems[0];
  for (const s of systems) {
    try {
      s.run?.dispose();
    } catch { /* a failed peer may not dispose cleanly */ }
    if (s.res.error) {
      delete s.res.forward;
      delete s.res.train;
      continue;
    }
    s.res.forward = { ...s.res.forward!, ...best(s.fwdWindows, o.batch) };
    s.res.train = { ...s.res.train!, ...best(s.trainWindows, o.batch) };
    if (s !== ours && !ours.res.error) {
      s.res.forward.logits_max_abs_diff_vs_ours = maxAbsDiff(s.logits!, ours.logits!);
      s.res.train.loss_step1_abs_diff_vs_ours = Math.abs(s.loss1! - ours.loss1!);
      s.res.train.loss_step2_abs_diff_vs_ours = Math.abs(s.loss2! - ours.loss2!);
    }
  }
  return systems.map((s) => s.res);
}

function fmt(v: number | undefined, d = 1): string {
  return v === undefined ? "-" : v.toFixed(d);
}

function table(r: ReturnType<typeof report>): string {
  const rows = [[
    "system",
    "train img/s",
    "fwd img/s",
    "ours/peer train",
    "ours/peer fwd",
    "first step ms",
    "loss1",
    "|dloss1|",
    "|dloss2|",
    "max|dlogit|",
  ]];
  const us = r.systems[0];
  for (const s of r.systems) {
    if (s.error) {
      rows.push([s.system, "error", "", "", "", "", "", "", "", ""]);
      continue;
    }
    const isUs = s === us;
    rows.push([
      s.system,
      fmt(s.train?.images_per_s),
      fmt(s.forward?.images_per_s),
      isUs
        ? "1"
        : fmt(us.train && s.train ? us.train.images_per_s / s.train.images_per_s : undefined, 2),
      isUs ? "1" : fmt(
        us.forward && s.forward ? us.forward.images_per_s / s.forward.images_per_s : undefined,
        2,
      ),
      fmt(s.train?.first_step_ms, 0),
      fmt(s.train?.loss_step1, 6),
      isUs ? "" : s.train?.loss_step1_abs_diff_vs_ours?.toExponential(1) ?? "-",
      isUs ? "" : s.train?.loss_step2_abs_diff_vs_ours?.toExponential(1) ?? "-",
      isUs ? "" : s.forward?.logits_max_abs_diff_vs_ours?.toExponential(1) ?? "-",
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const lines = rows.map((row) =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")
  );
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  for (const s of r.systems) if (s.error) lines.push(`${s.system}: ${s.error}`);
  return lines.join("\n");
}

function report(head: Record<string, unknown>, systems: SystemResult[]) {
  const us = systems[0];
  const ratios: Record<string, { train?: number; forward?: number }> = {};
  for (const s of systems.slice(1)) {
    if (s.error) continue;
    ratios[s.system] = {
      train: us.train && s.train
        ? round(us.train.images_per_s / s.train.images_per_s, 2)
        : undefined,
      forward: us.forward && s.forward
        ? round(us.forward.images_per_s / s.forward.images_per_s, 2)
        : undefined,
    };
  }
  return { ...head, systems, ratios_ours_over_peer: ratios };
}

if (import.meta.main) {
  await main(async () => {
    const { values: v, positionals } = parse(Deno.args, {
      width: { type: "string" },
      size: { type: "string" },
      classes: { type: "string" },
      channels: { type: "string" },
      batch: { type: "string" },
      iters: { type: "string" },
      "fwd-iters": { type: "string" },
      warmup: { type: "string" },
      repeats: { type: "string" },
      lr: { type: "string" },
      peers: { type: "string" },
      json: { type: "boolean" },
    });
    const m = await loadNet(
      positionals[0] ?? "nets/e.ts",
      variantOf(v, { width: 8, size: 32, classes: 10 }),
    );
    const batch = intFlag(v.batch, "batch", 64)!;
    const o = {
      batch,
      iters: intFlag(v.iters, "iters", 3)!,
      fwdIters: intFlag(v["fwd-iters"], "fwd-iters", 5)!,
      warmup: v.warmup === "0" ? 0 : intFlag(v.warmup, "warmup", 1)!,
      repeats: intFlag(v.repeats, "repeats", 3)!,
    };
    const peers = (v.peers ?? "tfjs,jax").split(",").filter(Boolean) as PeerName[];
    for (const p of peers) {
      if (!(p in PEERS)) throw new UsageError(`--peers: unknown peer '${p}' (tfjs, jax)`);
    }
    const net = peerNet(m);
    const params = init(m, 1);
    const per = m.input.reduce((a, b) => a * b, 1);
    const setup: PeerSetup = {
      net,
      params,
      batch,
      // The inputs cli/bench.ts uses.
      x: new Float32Array(batch * per).map((_, i) => Math.sin(i * 0.37)),
      y: new Int32Array(batch).map((_, i) => i % m.classes),
      lr: numFlag(v.lr, "lr", 0.01),
      momentum: 0.9,
      weightDecay: 5e-4,
    };

    const t0 = performance.now();
    let peak: { forward: number; train: number } | undefined;
    const creators: [string, () => Promise<PeerRun>][] = [["vgg-wgsl", async () => {
      const r = await createOurs(setup, m);
      peak = r.peak;
      return r.run;
    }]];
    for (const p of peers) {
      creators.push([p === "tfjs" ? "tfjs-webgpu" : "jax-js-webgpu", () => PEERS[p](setup)]);
    }
    const systems = await measureAll(creators, o);
    if (systems[0].error) throw new Error(`this project's side failed: ${systems[0].error}`);
    if (peak) systems[0].memory_bytes = peak.train;
    const r = report({
      net: m.name,
      params: paramCount(m),
      input: m.input,
      classes: m.classes,
      batch,
      lr: setup.lr,
      momentum: setup.momentum,
      weight_decay: setup.weightDecay,
      dropout: "off in all systems",
      iters: o.iters,
      fwd_iters: o.fwdIters,
      warmup: o.warmup,
      repeats: o.repeats,
      our_peak_memory_bytes: peak,
      date: new Date().toISOString(),
    }, systems);
    const out = { ...r, wall_s: round((performance.now() - t0) / 1000, 1) };
    console.log(JSON.stringify(out));
    if (!v.json) {
      console.log(
        `\n${m.name}, batch ${batch}, ${
          systems[0].adapter
        }; best of ${o.repeats} interleaved windows of ${o.iters} steps / ${o.fwdIters} forwards`,
      );
      console.log(table(r));
    }
  });
  // The peers' devices keep the event loop alive.
  Deno.exit(0);
}
