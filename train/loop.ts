// The training program: data, compiled step, schedule and checkpoints, with exact resume and a
// clean stop on Ctrl-C or a non-finite loss. Validation is train/validate.ts; the metrics and
// the report, train/run_files.ts.
import { UserError } from "../compiler/errors.ts";
import { join } from "node:path";
import { batches, type Dataset } from "../data/dataset.ts";
import { DataError } from "../data/errors.ts";
import type { MetricRow } from "../data/report.ts";
import { deriveSeed } from "../data/rng.ts";
import { init, type InitScheme, type Model, type Params } from "../dsl/mod.ts";
import type { TilePolicy } from "../compiler/lower.ts";
import type { Precision } from "../compiler/precision.ts";
import { ForwardRunner } from "../runtime/forward.ts";
import { TrainStep } from "../runtime/train_step.ts";
import { loadCheckpoint, saveCheckpoint, type TrainState } from "./checkpoint.ts";
import { initFromA } from "./init_from.ts";
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
}

export class TrainingStopped extends UserError {}

export const CHECKPOINT = "checkpoint.safetensors";

export async function runTraining(cfg: TrainConfig, ctx: RunContext): Promise<MetricRow[]> {
  const { model, data, device } = ctx;
  checkFits(model, data);
  const progress = new Progress(ctx.json);
  if (cfg.batch % cfg.microBatch !== 0) {
    throw new DataError(
      `--batch ${cfg.batch} is not a multiple of --micro-batch ${cfg.microBatch}`,
    );
  }
  const accumulate = cfg.batch / cfg.microBatch;
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
    if (cfg.initFrom) copied = (await initFromA(model, fresh, cfg.initFrom)).copied;
  }
  const step = await TrainStep.create(device, model, {
    batch: cfg.microBatch,
    accumulate,
    momentum: cfg.momentum,
    weightDecay: cfg.weightDecay,
    tiles: ctx.tiles,
    precision: cfg.precision,
    lossScale: ck?.state.lossScale ? { from: ck.state.lossScale } : { init: cfg.lossScale },
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

  // Ctrl-C: finish the step, write a checkpoint, exit cleanly. A second Ctrl-C quits at once.
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) Deno.exit(130);
    interrupted = true;
    progress.event(
      "interrupt",
      {},
      "\ninterrupted: finishing the step and writing a checkpoint (Ctrl-C again to quit now)",
    );
  };
  Deno.addSignalListener("SIGINT", onSigint);

  let saved = !!ck;
  const save = async () => {
    await saveCheckpoint(ckptPath, model, await step.getParams(), await step.getMomentum(), state);
    saved = true;
  };
  try {
    let lastSave = performance.now();
    while (state.epoch < cfg.epochs) {
      // A run resumed mid-epoch continues the epoch's sums, so its metrics row is the same.
      const part = state.batchInEpoch > 0 ? state.partial : undefined;
      const t0 = performance.now(), secondsBefore = state.seconds, trainBefore = part?.seconds ?? 0;
      let lossSum = part?.lossSum ?? 0, correct = part?.correct ?? 0, seen = part?.seen ?? 0, b = 0;
      const it = batches(data.train, {
        batchSize: cfg.batch,
        shuffle: true,
        seed: cfg.seed,
        epoch: state.epoch,
        augment: true,
        dropLast: true,
        limit: trainCount,
      });
      for await (const batch of it) {
        if (b++ < state.batchInEpoch) continue; // resumed mid-epoch: same order, skip done work
        const micro = splitBatch(batch.x, batch.y, accumulate, cfg.microBatch);
        const r = await step.step(
          micro,
          state.schedule.lr,
          deriveSeed(cfg.seed, state.step, 0x44524f50),
        );
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
        state.batchInEpoch = b;
        if (step.scaler) state.lossScale = step.scaler.state();
        state.imagesSeen += cfg.batch;
        lossSum += r.loss * cfg.batch;
        correct += r.top1;
        seen += cfg.batch;
        const elapsed = (performance.now() - t0) / 1000;
        state.seconds = secondsBefore + elapsed;
        state.partial = { lossSum, correct, seen, seconds: trainBefore + elapsed };
        const ips = seen / (trainBefore + elapsed);
        const remaining = (perEpoch - b) * cfg.batch +
          (cfg.epochs - state.epoch - 1) * perEpoch * cfg.batch;
        progress.step({
          epoch: state.epoch,
          epochs: cfg.epochs,
          batch: b,
          batches: perEpoch,
          loss: r.loss,
          acc: r.top1 / cfg.batch,
          imagesPerS: ips,
          etaS: remaining / ips,
          lr: state.schedule.lr,
        });
        if (interrupted) {
          await save();
          progress.event(
            "stopped",
            { checkpoint: ckptPath },
            `checkpoint written to ${ckptPath}; resume with --resume ${ctx.out}`,
          );
          return metrics;
        }
        if ((performance.now() - lastSave) / 1000 > cfg.checkpointEveryS) {
          await save();
          lastSave = performance.now();
        }
      }
      const trainSeconds = trainBefore + (performance.now() - t0) / 1000;
      evalRunner.setParams(await step.getParams());
      const ev = await evaluate(evalRunner, data, cfg.testLimit);
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
      };
      metrics.push(row);
      state.schedule = afterEpoch(sched, state.schedule, state.epoch + 1, ev.top1);
      state.epoch++;
      state.batchInEpoch = 0;
      state.partial = undefined;
      // Outputs first, the checkpoint last: a kill in between redoes this epoch on resume, and
      // the resumed run drops metrics rows past its checkpoint.
      const params = await step.getParams();
      await saveWeights(model, params, join(ctx.out, "weights.safetensors"), {
        epoch: String(row.epoch),
      });
      if (ev.top1 >= state.schedule.best) {
        await saveWeights(model, params, join(ctx.out, "best.safetensors"), {
          epoch: String(row.epoch),
        });
      }
      await writeMetrics(ctx, cfg, metrics);
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
    }
  } finally {
    Deno.removeSignalListener("SIGINT", onSigint);
    step.destroy();
    evalRunner.destroy();
  }
  return metrics;
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
