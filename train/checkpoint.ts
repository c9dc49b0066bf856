// Checkpoints: one safetensors file holding the parameters (torchvision names; batch norm's
// running statistics among them), the momentum buffers of the trained ones
// (`optimizer.momentum.<name>`) and the training state as JSON metadata. One file, so
// one atomic rename keeps weights and state consistent: a crash or a kill between writes
// leaves the previous checkpoint whole.
import type { LossScaleState } from "../runtime/loss_scale.ts";
import { DataError } from "../data/errors.ts";
import { readSafetensors, type TensorInput, writeSafetensors } from "../data/safetensors.ts";
import { ROLES } from "../compiler/ops/leaves.ts";
import type { Model, ParamInfo, Params } from "../dsl/mod.ts";
import type { ScheduleState } from "./schedule.ts";
import { paramsFromTensors, paramTensor } from "./weights.ts";

export const MOMENTUM_PREFIX = "optimizer.momentum.";

/** Parameters SGD updates, which have momentum (running statistics have none). */
const trained = (p: ParamInfo) => ROLES[p.role].trainable;

export interface TrainState {
  /** Epoch in progress (0-based) and batches of it already done. */
  epoch: number;
  batchInEpoch: number;
  /** SGD updates done in total. */
  step: number;
  seed: number;
  schedule: ScheduleState;
  imagesSeen: number;
  /** Training seconds so far (for throughput across resumes). */
  seconds: number;
  /** Sums over the done batches of the epoch in progress (mid-epoch checkpoints only), so a
   *  resumed epoch reports the same train loss, accuracy and throughput. */
  partial?: { lossSum: number; correct: number; seen: number; seconds: number };
  /** f16 runs: the dynamic loss scale's state (scale, good steps, steps skipped so far). */
  lossScale?: LossScaleState;
}

export async function saveCheckpoint(
  path: string,
  m: Model,
  params: Params,
  momentum: Params,
  state: TrainState,
): Promise<void> {
  const tensors = new Map<string, TensorInput>();
  for (const p of m.params) tensors.set(p.name, paramTensor(p, params.get(p.name)!));
  for (const p of m.params.filter(trained)) {
    tensors.set(MOMENTUM_PREFIX + p.name, { shape: p.shape, data: momentum.get(p.name)! });
  }
  await writeSafetensors(path, tensors, {
    format: "pt",
    net: m.name,
    state: JSON.stringify(state, (_k, v) => v === -Infinity ? "-Infinity" : v),
  });
}

export async function loadCheckpoint(path: string, m: Model) {
  const { tensors, metadata } = await readSafetensors(path);
  if (!metadata.state) throw new DataError(`${path} is a weights file, not a training checkpoint`);
  const momentum: Params = new Map();
  const weights = new Map(tensors);
  for (const [k, t] of tensors) {
    if (!k.startsWith(MOMENTUM_PREFIX)) continue;
    weights.delete(k);
    momentum.set(k.slice(MOMENTUM_PREFIX.length), t.data as Float32Array);
  }
  const params = paramsFromTensors(m, weights, path);
  // Without every momentum buffer a resume would silently restart SGD's velocity.
  const bad = m.params.filter(trained).filter((p) =>
    momentum.get(p.name)?.length !== params.get(p.name)!.length
  );
  if (bad.length) {
    throw new DataError(
      `${path}: momentum missing or mis-shaped for ${
        bad.slice(0, 4).map((p) => p.name).join(", ")
      }${bad.length > 4 ? ", ..." : ""}`,
    );
  }
  let state: TrainState;
  try {
    state = JSON.parse(metadata.state, (_k, v) => v === "-Infinity" ? -Infinity : v) as TrainState;
  } catch {
    throw new DataError(`${path}: corrupt training state (metadata "state" is not JSON)`);
  }
  return { params, momentum, state };
}
