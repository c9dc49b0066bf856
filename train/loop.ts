// The training program: data, compiled step, schedule and checkpoints, with exact resume and a
// clean stop on Ctrl-C, SIGTERM or a non-finite loss. Validation is train/validate.ts; the metrics
// and the report, train/run_files.ts. Under MPI (RunContext.ranks) each rank trains on its part
// of every global batch, the gradients are summed over ranks before the update
// (runtime/train_step.ts), and rank 0 alone writes (train/distributed.ts has the rest).
import { UserError } from "../compiler/errors.ts";
import { join } from "node:path";
import { batches, type Dataset } from "../data/dataset.ts";
import { DataError } from "../data/errors.ts";
import type { MetricRow } from "../data/report.ts";
import { SkipLog } from "../data/skips.ts";
import { deriveSeed } from "../data/rng.ts";
import { init, type InitScheme, type Model, type Params } from "../dsl/mod.ts";
import type { TilePolicy } from "../compiler/lower.ts";
import type { Precision } from "../compiler/precision.ts";
import { ForwardRunner } from "../runtime/forward.ts";
import { type StepResult, TrainStep } from "../runtime/train_step.ts";
import { loadCheckpoint, saveCheckpoint, type TrainState } from "./checkpoint.ts";
import { agreeStep, agreeStop, checkSameParams, type Collective } from "./distributed.ts";
import { initFrom } from "./init_from.ts";
import { Progress } from "./progress.ts";
import { readMetrics, writeMetrics } from "./run_files.ts";
import { afterEpoch, initialSchedule, type ScheduleConfig } from "./schedule.ts";
import { evaluate } from "./validate.ts";
import { saveWeights } from "./weights.ts";

export interface TrainConfig {
  net: string;
  variant: Record<string, number | undefined>;
  data: string;
  epochs: number;
  /** Effective batch (one SGD update) and the micro-batch run per forward/backward. */
  batch: number;
  microBatch: number;
  lr: number;
  momentum: number;
  weightDecay: number;
  patience: number;
  maxDrops: number;
  dropAt?: number[];
  init: InitScheme;
  initFrom?: string;
  seed: number;
  /** Use only this many training / test images (quick runs on slow adapters). */
  trainLimit?: number;
  testLimit?: number;
  evalBatch: number;
  checkpointEveryS: number;
  /** Storage precision (compiler/precision.ts); absent in runs made before it existed: f32. */
  precision?: Precision;
  /** f16: the first loss scale (default 2^16). */
  lossScale?: number;
  /** Image folders: training scale S or [Smin, Smax], test scale Q, unreadable images fatal. */
  scale?: number | readonly [number, number];
  testScale?: number;
  strictData?: boolean;
}

export interface RunContext {
  device: GPUDevice;
  adapter: string;
  tiles: TilePolicy;
  model: Model;
  data: Dataset;
  dataDescription: string;
  out: string;
  json: boolean;
  /** When resuming: the checkpoint to continue from. */
  resume?: string;
  notes?: string[];
  /** Data-parallel training over these ranks (MPI); absent in one process. */
  ranks?: Collective;
}

export class TrainingStopped extends UserError {}

export const CHECKPOINT = "checkpoint.safetensors";

/** The signals that stop a run cleanly: Ctrl-C, and what batch schedulers and container
 *  platforms send before they kill a job (Slurm, Kubernetes, `docker stop`). */
export const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;
export type StopSignal = typeof STOP_SIGNALS[number];
/** The shell's exit status for a process ended by the signal (128 + its number). */
export const SIGNAL_EXIT: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

export interface TrainingResult {
  rows: MetricRow[];
  /** Set when a signal stopped the run after writing a checkpoint. */
  stoppedBy?: StopSignal;
}

export async function runTraining(cfg: TrainConfig, ctx: RunContext): Promise<TrainingResult> {
  const { model, data, device, ranks } = ctx;
  checkFits(model, data);
  // One writer: rank 0 writes checkpoints, metrics, the report and progress.
  const writer = !ranks || ranks.rank === 0;
  const progress = new Progress(ctx.json, !writer, ranks ? false : undefined);
  const size = ranks?.size ?? 1, local = cfg.batch / size;
  if (!Number.isInteger(local)) {
    throw new DataError(`--batch ${cfg.batch} does not divide among ${size} ranks`);
  }
  if (local % cfg.microBatch !== 0) {
    throw new DataError(
      `--batch ${cfg.batch} is not a multiple of --micro-batch ${cfg.microBatch}` +
        (size > 1 ? ` times ${size} ranks (each rank runs ${local} images a step)` : ""),
    );
  }
  const accumulate = local / cfg.microBatch;
  const trainCount = Math.min(data.train.count, cfg.trainLimit ?? Infinity);
  const perEpoch = Math.floor(trainCount / cfg.batch);
  if (perEpoch < 1) {
    throw new DataError(`--batch ${cfg.batch} is larger than the ${trainCount} training images`);
  }
  // Read (and check) the starting point before compiling: a bad file fails in a second.
  let fresh: Params | undefined;
  let copied: string[] | undefined;
  const ck = ctx.resume ? await loadCheckpoint(ctx.resume, model) : undefined;
  if (!ck) {
    fresh = init(model, cfg.seed, cfg.init);
    if (cfg.initFrom) copied = (await initFrom(model, fresh, cfg.initFrom)).copied;
  }
  const step = await TrainStep.create(device, model, {
    batch: cfg.microBatch,
    accumulate,
    momentum: cfg.momentum,
    weightDecay: cfg.weightDecay,
    tiles: ctx.tiles,
    precision: cfg.precision,
    lossScale: ck?.state.lossScale ? { from: ck.state.lossScale } : { init: cfg.lossScale },
    reduce: ranks,
  });
  const evalRunner = await ForwardRunner.create(
    device,
    model,
    cfg.evalBatch,
    ctx.tiles,
    cfg.precision,
  );
  const sched: ScheduleConfig = {
    lr0: cfg.lr,
    patience: cfg.patience,
    maxDrops: cfg.maxDrops,
    dropAt: cfg.dropAt,
  };
  const ckptPath = join(ctx.out, CHECKPOINT);

  let state: TrainState;
  let metrics: MetricRow[] = [];
  if (ck) {
    step.setParams(ck.params);
    step.setMomentum(ck.momentum);
    state = ck.state;
    // Rows past the checkpoint (metrics are written just before it) belong to redone epochs.
    metrics = (await readMetrics(join(ctx.out, "metrics.jsonl"))).filter((r) =>
      r.epoch <= state.epoch
    );
    progress.event(
      "resume",
      { ...state },
      `resuming at epoch ${state.epoch + 1}, batch ${state.batchInEpoch}`,
    );
  } else {
    if (copied) {
      progress.event(
        "init_from",
        { copied },
        `initialised from ${cfg.initFrom}: ${copied.join(", ")}`,
      );
    }
    step.setParams(fresh!);
    step.setMomentum(
      new Map(
        model.params.map((p) => [p.name, new Float32Array(p.shape.reduce((a, b) => a * b, 1))]),
      ),
    );
    state = {
      epoch: 0,
      batchInEpoch: 0,
      step: 0,
      seed: cfg.seed,
      schedule: initialSchedule(sched),
      imagesSeen: 0,
      seconds: 0,
    };
  }

  // Ctrl-C or SIGTERM: finish the step, write a checkpoint, stop. A second signal quits at once
  // (the checkpoint is written atomically, so even that never leaves a half-written file).
  // `requested`: the signal this process got; a run stops on the ranks' agreed decision.
  let requested: StopSignal | undefined;
  const handlers = STOP_SIGNALS.map((sig) => {
    const on = () => {
      if (requested) Deno.exit(SIGNAL_EXIT[sig]);
      requested = sig;
      progress.event(
        "interrupt",
        { signal: sig },
        `\n${sig === "SIGINT" ? "interrupted" : "SIGTERM received"}: finishing the step and ` +
          `writing a checkpoint (${
            sig === "SIGINT" ? "Ctrl-C" : "a second signal"
          } again to quit now)`,
      );
    };
    Deno.addSignalListener(sig, on);
    return [sig, on] as const;
  });

  if (ranks) {
    try {
      await checkSameParams(ranks, await step.getParams());
    } catch (e) {
      for (const [sig, on] of handlers) Deno.removeSignalListener(sig, on);
      throw e;
    }
  }
  // From here on a signal stops the run cleanly on every rank (each installed its handlers
  // before the collective above): say so to whoever drives the run (JSON only).
  progress.jsonEvent("ready", { step: state.step });

  // Unreadable images (image folders) are replaced by the data layer; say so once per file.
  const skips = new SkipLog((s, split) =>
    progress.event(
      "bad_image",
      { path: s.path, reason: s.reason, split, replacement: s.replacement },
      `warning: skipped unreadable ${split} image (${s.reason}); replaced by ${s.replacement}`,
    )
  );

  const classNames = data.classNames ?? data.classes;
  const meanMeta: Record<string, string> = data.name === "imagefolder"
    ? { mean_rgb: JSON.stringify(data.normalization.mean) }
    : {};
  let saved = !!ck;
  const save = async () => {
    if (!writer) return;
    await saveCheckpoint(ckptPath, model, await step.getParams(), await step.getMomentum(), state);
    saved = true;
  };
  const stopped = (signal: StopSignal): TrainingResult => {
    progress.event(
      "stopped",
      { checkpoint: ckptPath, signal },
      `stopped by ${signal}: checkpoint written to ${ckptPath}; resume with ` +
        `deno task train --resume ${ctx.out}`,
    );
    return { rows: metrics, stoppedBy: signal };
  };
  try {
    let lastSave = performance.now();
    // The ETA's rate: images since this process's first step, whose time is mostly compiling
    // (an ETA from it read hours at step 1); before a second step there is none ("?").
    let rateFrom: { t: number; images: number } | undefined;
    while (state.epoch < cfg.epochs) {
      // A run resumed mid-epoch continues the epoch's sums, so its metrics row is the same.
      const part = state.batchInEpoch > 0 ? state.partial : undefined;
      const t0 = performance.now(), secondsBefore = state.seconds, trainBefore = part?.seconds ?? 0;
      let lossSum = part?.lossSum ?? 0, correct = part?.correct ?? 0, seen = part?.seen ?? 0;
      // A run resumed mid-epoch starts at its next batch (same order) without reading the others.
      let b = state.batchInEpoch;
      // Under MPI each rank reads only its contiguous part of every global batch, every sample
      // augmented by its position in the global batch (data/dataset.ts batches).
      const it = batches(data.train, {
        batchSize: cfg.batch,
        shuffle: true,
        seed: cfg.seed,
        epoch: state.epoch,
        augment: true,
        dropLast: true,
        limit: trainCount,
        shard: ranks ? { index: ranks.rank, count: size } : undefined,
        startBatch: b,
        recycle: true, // each batch is uploaded before the next is asked for
      });
      // Counts, checks and reports a finished step (batch `done` of the epoch); returns the stop
      // signal the ranks agreed on, if any.
      const settle = async (own: StepResult, done: number) => {
        // Every rank takes the same decisions: on the global loss, and on a stop any rank got.
        const agreed = ranks ? await agreeStep(ranks, own, local, requested) : undefined;
        const r = agreed ?? own;
        if (!Number.isFinite(r.loss)) {
          throw new TrainingStopped(
            `loss is ${r.loss} at epoch ${state.epoch + 1}, step ${
              state.step + 1
            } (lr ${state.schedule.lr}); ` +
              (saved
                ? `stopped, the last good checkpoint is ${ckptPath}`
                : "stopped before any checkpoint was written") +
              ". Try a lower --lr.",
          );
        }
        state.step++;
        state.batchInEpoch = done;
        if (step.scaler) state.lossScale = step.scaler.state();
        state.imagesSeen += cfg.batch;
        lossSum += r.loss * cfg.batch;
        correct += r.top1;
        seen += cfg.batch;
        const elapsed = (performance.now() - t0) / 1000;
        state.seconds = secondsBefore + elapsed;
        state.partial = { lossSum, correct, seen, seconds: trainBefore + elapsed };
        const ips = seen / (trainBefore + elapsed);
        const remaining = (perEpoch - done) * cfg.batch +
          (cfg.epochs - state.epoch - 1) * perEpoch * cfg.batch;
        const now = performance.now();
        const rate = rateFrom
          ? (state.imagesSeen - rateFrom.images) / ((now - rateFrom.t) / 1000)
          : NaN;
        rateFrom ??= { t: now, images: state.imagesSeen };
        progress.step({
          epoch: state.epoch,
          epochs: cfg.epochs,
          batch: done,
          batches: perEpoch,
          loss: r.loss,
          acc: r.top1 / cfg.batch,
          imagesPerS: ips,
          etaS: remaining / rate,
          lr: state.schedule.lr,
        });
        return agreed ? agreed.stop : requested;
      };
      // In one process without loss scaling, a step is submitted before the one before it is
      // settled: Deno resolves a step's readback at least 10 ms after the GPU finishes
      // (runtime/forward.ts), and the next step's work fills that time. Whatever reads the
      // parameters (a checkpoint, a stop, the epoch's evaluation) first settles the step in
      // flight, so they are always those after the last step counted; a non-finite loss stops
      // the run one step later, with nothing saved after it.
      const ahead = !ranks && !step.scaler;
      const queued: { result: Promise<StepResult>; batch: number }[] = [];
      const settleAll = async () => {
        let stop: StopSignal | undefined;
        while (queued.length) {
          const q = queued.shift()!;
          stop = (await settle(await q.result, q.batch)) ?? stop;
        }
        return stop;
      };
      try {
        for await (const batch of it) {
          b++;
          skips.add(batch.skipped, "train");
          const micro = splitBatch(batch.x, batch.y, accumulate, cfg.microBatch);
          const result = step.step(
            micro,
            state.schedule.lr,
            deriveSeed(cfg.seed, state.step + queued.length, 0x44524f50),
            { firstSample: (ranks?.rank ?? 0) * local },
          );
          queued.push({ result, batch: b });
          if (ahead && queued.length < 2) continue;
          const q = queued.shift()!;
          let stopBy = await settle(await q.result, q.batch);
          const saveDue = (performance.now() - lastSave) / 1000 > cfg.checkpointEveryS;
          if (!stopBy && !saveDue) continue;
          stopBy = (await settleAll()) ?? stopBy;
          if (stopBy) {
            await save();
            return stopped(stopBy);
          }
          await save();
          lastSave = performance.now();
        }
        const stopBy = await settleAll();
        if (stopBy) {
          await save();
          return stopped(stopBy);
        }
      } finally {
        // A step left in flight by an error: let it finish before anything else uses the GPU.
        await Promise.allSettled(queued.map((q) => q.result));
      }
      const trainSeconds = trainBefore + (performance.now() - t0) / 1000;
      evalRunner.setParams(await step.getParams());
      const ev = await evaluate(evalRunner, data, cfg.testLimit, {
        ranks,
        onBatch: (t) => skips.add(t.skipped, "test"),
      });
      const row: MetricRow = {
        epoch: state.epoch + 1,
        train_loss: seen ? lossSum / seen : NaN,
        train_accuracy: seen ? correct / seen : NaN,
        test_loss: ev.loss,
        test_accuracy: ev.top1,
        test_top5_accuracy: ev.top5,
        images_per_s: seen / trainSeconds,
        lr: state.schedule.lr,
        seconds: Math.round(state.seconds),
        ...(state.lossScale
          ? { loss_scale: state.lossScale.scale, skipped_steps: state.lossScale.skipped }
          : {}),
        ...await epochSkips(skips, ranks),
      };
      metrics.push(row);
      state.schedule = afterEpoch(sched, state.schedule, state.epoch + 1, ev.top1);
      state.epoch++;
      state.batchInEpoch = 0;
      state.partial = undefined;
      // Outputs first, the checkpoint last: a kill in between redoes this epoch on resume, and
      // the resumed run drops metrics rows past its checkpoint.
      if (writer) {
        const params = await step.getParams();
        // The class names (and an image folder's mean RGB) travel with the weights for predict.
        const meta = { epoch: String(row.epoch), classes: JSON.stringify(classNames), ...meanMeta };
        await saveWeights(model, params, join(ctx.out, "weights.safetensors"), meta);
        if (ev.top1 >= state.schedule.best) {
          await saveWeights(model, params, join(ctx.out, "best.safetensors"), meta);
        }
        await writeMetrics(ctx, cfg, metrics);
      }
      await save();
      lastSave = performance.now();
      progress.event(
        "epoch",
        row,
        `epoch ${row.epoch}: train loss ${row.train_loss.toFixed(4)}, test loss ${
          ev.loss.toFixed(4)
        }, ` +
          `test accuracy ${(100 * ev.top1).toFixed(2)}% (top-5 ${(100 * ev.top5).toFixed(2)}%), ` +
          `${row.images_per_s.toFixed(1)} img/s, lr ${row.lr}` +
          (state.lossScale
            ? `, loss scale ${state.lossScale.scale}, ${state.lossScale.skipped} steps skipped`
            : ""),
      );
      // A signal during validation: the epoch's checkpoint is written, stop there.
      const stopBy = ranks ? await agreeStop(ranks, requested) : requested;
      if (stopBy && state.epoch < cfg.epochs) return stopped(stopBy);
    }
  } finally {
    for (const [sig, on] of handlers) Deno.removeSignalListener(sig, on);
    step.destroy();
    evalRunner.destroy();
  }
  return { rows: metrics };
}

/** The epoch's unreadable-image fields of the metrics row. Under MPI the counts are summed over
 *  ranks (each reads its own part of every batch); the file names are the ones this rank met
 *  (rank 0 writes the row; the other ranks' names are in their own warnings). */
async function epochSkips(skips: SkipLog, ranks?: Collective) {
  const own = skips.takeEpoch();
  if (!ranks) return own;
  const [train, test] = await ranks.sum64(
    [Number(own.skipped_images ?? 0), Number(own.test_skipped_images ?? 0)],
    "the skipped-image counts",
  );
  return train || test || (own.bad_files as string[] | undefined)?.length
    ? { ...own, skipped_images: train, test_skipped_images: test }
    : {};
}

function checkFits(m: Model, d: Dataset): void {
  const [c, h, w] = m.input;
  if (c !== d.channels || h !== d.height || w !== d.width) {
    throw new DataError(
      `net ${m.name} takes ${c}x${h}x${w} inputs but ${d.name} has ${d.channels}x${d.height}x${d.width} ` +
        `(use --channels ${d.channels} --size ${d.height})`,
    );
  }
  if (m.classes !== d.classes.length) {
    throw new DataError(
      `net ${m.name} has ${m.classes} classes but ${d.name} has ${d.classes.length} (use --classes ${d.classes.length})`,
    );
  }
}

function splitBatch(x: Float32Array, y: Int32Array, parts: number, micro: number) {
  const per = x.length / y.length;
  return Array.from({ length: parts }, (_, i) => ({
    x: x.subarray(i * micro * per, (i + 1) * micro * per),
    y: y.subarray(i * micro, (i + 1) * micro),
  }));
}

export type { Params };
