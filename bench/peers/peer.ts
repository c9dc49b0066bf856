// What every system in the comparison offers bench/compare.ts: built from the same layer chain,
// the same parameters (this project's init), the same batch and the same SGD settings.
import type { Params } from "../../dsl/mod.ts";
import type { PeerNet } from "./spec.ts";

export interface PeerSetup {
  net: PeerNet;
  /** This project's parameters (OIHW conv weights, [out, in] FC weights), by name. */
  params: Params;
  batch: number;
  /** Images [batch, C, H, W] (NCHW). */
  x: Float32Array;
  y: Int32Array;
  lr: number;
  momentum: number;
  /** L2 on weights only (not biases), added to the gradient as ours does. */
  weightDecay: number;
}

export interface PeerRun {
  /** Library and version, e.g. "@tensorflow/tfjs-backend-webgpu 4.22.0". */
  library: string;
  /** The adapter the library's own device reports. */
  adapter: string;
  /** Logits [batch, classes] of `x` with the current parameters (the initial ones until `step`). */
  forward(): Promise<Float32Array>;
  /** One SGD-momentum step on (x, y): forward, backward, update. Resolves with the loss. */
  step(): Promise<number>;
  /** Waits until every queued command (parameter updates included) has finished. */
  sync(): Promise<void>;
  /** GPU bytes the library holds now, where it says. */
  memoryBytes(): number | undefined;
  dispose(): void;
}

/** The adapter line from a GPUAdapterInfo-like object. */
export function adapterLine(info: Partial<GPUAdapterInfo> | undefined): string {
  if (!info) return "unknown";
  return info.description || info.device ||
    `${info.vendor ?? ""} ${info.architecture ?? ""}`.trim() || "unknown";
}
