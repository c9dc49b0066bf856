// What the page computes, without the DOM (so it runs under Deno too): a net file's model from
// the variant fields, weights from safetensors bytes, the compiled forward on the page's WebGPU
// device, top-5 classes, and per-kernel timings.
import type { TilePolicy } from "../compiler/lower.ts";
import { tilePolicy } from "../compiler/kernels/tiles.ts";
import { parseSafetensors, type Safetensors } from "../data/safetensors.ts";
import { init, type Model, NetError, type Params } from "../dsl/mod.ts";
import { classNames, topK } from "../eval/labels.ts";
import { widthOf } from "../eval/weights.ts";
import type { Factory, Variant } from "../nets/vgg.ts";
import { describeAdapter, getAdapter, getAdapterTraits, getDevice } from "../runtime/device.ts";
import { GpuError, Timing } from "../runtime/executor.ts";
import { ForwardRunner, inputId } from "../runtime/forward.ts";
import { softmaxRows } from "../train/evaluate.ts";
import { paramsFromTensors } from "../train/weights.ts";

/** A net file built into the bundle; `load` imports it on first use. */
export interface NetEntry {
  /** Path in the repository, e.g. "nets/a.ts". */
  path: string;
  /** The file's first comment line. */
  title: string;
  load(): Promise<Record<string, unknown>>;
}

/** What a net file offers: a variant factory, or only a fixed default model. */
export interface NetModule {
  factory?: Factory;
  fixed?: Model;
}

/** The exports a net file must have, as `loadNet` in cli/common.ts checks them. */
export function netModule(path: string, mod: Record<string, unknown>): NetModule {
  if (typeof mod.variant === "function") return { factory: mod.variant as Factory };
  const d = mod.default as Model | undefined;
  if (d && typeof d === "object" && "net" in d && "params" in d) return { fixed: d };
  throw new NetError(`${path} does not export a net (export variant(opts) or a default Model)`);
}

export function buildModel(path: string, net: NetModule, v: Variant): Model {
  const given = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
  if (net.factory) {
    try {
      return net.factory(given);
    } catch (e) {
      throw new NetError(`${path}: ${(e as Error).message}`);
    }
  }
  if (Object.keys(given).length) {
    throw new NetError(`${path} exports no variant(); width/size/classes/channels need one`);
  }
  return net.fixed!;
}

export interface WeightFile extends Safetensors {
  name: string;
}

export function readWeights(bytes: Uint8Array, name: string): WeightFile {
  return { name, ...parseSafetensors(bytes, name) };
}

/** The parameters in `file` for `m` (every missing, extra or mis-shaped tensor listed). */
export function weightsFor(m: Model, file: WeightFile): Params {
  return paramsFromTensors(m, file.tensors, file.name);
}

/** Paper-style random weights, as `deno task predict` without --weights. */
export function seededWeights(m: Model, seed: number): Params {
  return init(m, seed, "glorot");
}

const shapeOf = (f: WeightFile, name: string) => f.tensors.get(name)?.shape;
const SIZES = [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 384, 448, 512];

/**
 * The variant fields a weight file implies, for the fields the user left empty: width from the
 * file (eval/weights.ts), channels from the first conv, classes from the last layer, and the input
 * size as the first of the usual sizes whose model the file fits.
 */
export function variantFromWeights(net: NetModule, file: WeightFile, given: Variant): Variant {
  if (!net.factory) return given;
  const v: Variant = { ...given };
  v.width ??= widthOf(file);
  v.channels ??= shapeOf(file, "features.0.weight")?.[1];
  const last = [...file.tensors.keys()].filter((k) => k.endsWith(".weight")).sort(
    (a, b) => layerIndex(a) - layerIndex(b),
  ).at(-1);
  v.classes ??= last ? shapeOf(file, last)?.[0] : undefined;
  if (v.size === undefined) {
    v.size = SIZES.find((size) => {
      try {
        const m = net.factory!({ ...clean(v), size });
        return m.params.every((p) => shapeOf(file, p.name)?.join(",") === p.shape.join(","));
      } catch {
        return false;
      }
    });
  }
  return v;
}

/** features.N before classifier.N, by N: the order torchvision's VGG runs its layers. */
function layerIndex(name: string): number {
  const [part, n] = name.split(".");
  return (part === "classifier" ? 1e6 : 0) + Number(n);
}

const clean = (v: Variant): Variant =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as Variant;

export interface WebGpu {
  device: GPUDevice;
  /** e.g. "google swiftshader (software)". */
  description: string;
  timestamps: boolean;
  tiles: TilePolicy;
}

/** The page's device, through runtime/device.ts as the commands get theirs. */
export async function openWebGpu(): Promise<WebGpu> {
  const adapter = await getAdapter();
  const device = await getDevice();
  const info = await describeAdapter(adapter);
  const traits = await getAdapterTraits(adapter);
  // Browsers often hide the description; vendor and architecture still tell the adapter.
  const name = info.name !== "unknown adapter"
    ? info.name
    : [info.vendor, info.architecture].filter((s) => s).join(" ") || info.name;
  return {
    device,
    description: `${name}${info.isFallbackAdapter || traits.cpu ? " (software)" : ""}`,
    timestamps: device.features.has("timestamp-query"),
    tiles: tilePolicy(traits),
  };
}

export interface Prediction {
  class: number;
  label: string;
  probability: number;
}

export interface Classification {
  logits: Float32Array;
  probs: Float32Array;
  top: Prediction[];
  /** Wall time of the forward pass: write input, one submission, read logits. */
  wallMs: number;
}

export interface KernelTimings {
  /** GPU timestamps per compute pass, or wall time of one submission per kernel. */
  method: "timestamps" | "wall";
  rows: { name: string; ms: number }[];
  totalMs: number;
}

/** A model compiled for one image on the page's device. */
export class Classifier {
  private constructor(
    readonly gpu: WebGpu,
    readonly model: Model,
    readonly runner: ForwardRunner,
  ) {}

  static async create(gpu: WebGpu, model: Model): Promise<Classifier> {
    return new Classifier(gpu, model, await ForwardRunner.create(gpu.device, model, 1, gpu.tiles));
  }

  get kernelCount(): number {
    return this.runner.plan.kernels.length;
  }

  setParams(p: Params): void {
    this.runner.setParams(p);
  }

  async classify(x: Float32Array, k = 5): Promise<Classification> {
    const t0 = performance.now();
    const logits = await this.runner.logits(x);
    const wallMs = performance.now() - t0;
    const probs = softmaxRows(logits, this.model.classes), labels = classNames(this.model);
    const top = topK(probs, Math.min(k, this.model.classes)).map((t) => ({
      ...t,
      label: labels[t.class],
    }));
    return { logits, probs, top, wallMs };
  }

  /**
   * Per-kernel times for input x: GPU timestamps around each kernel's compute pass when the
   * device has `timestamp-query`; otherwise each kernel is submitted alone and timed from submit
   * to the queue going idle, which adds the submission's own overhead to every kernel.
   */
  async timeKernels(x: Float32Array): Promise<KernelTimings> {
    const { device } = this.gpu, n = this.kernelCount;
    if (this.gpu.timestamps) {
      const timing = new Timing(device, n);
      try {
        await this.runner.logits(x, timing);
        const rows = (await timing.read()).map(([name, ms]) => ({ name, ms }));
        return { method: "timestamps", rows, totalMs: rows.reduce((s, r) => s + r.ms, 0) };
      } finally {
        timing.destroy();
      }
    }
    const ex = this.runner.ex;
    ex.write(inputId(this.runner.plan.graph, "x"), x);
    await device.queue.onSubmittedWorkDone();
    const rows: { name: string; ms: number }[] = [];
    device.pushErrorScope("validation");
    for (let i = 0; i < n; i++) {
      const enc = device.createCommandEncoder();
      ex.encode(enc, { from: i, to: i + 1 });
      const t0 = performance.now();
      device.queue.submit([enc.finish()]);
      await device.queue.onSubmittedWorkDone();
      rows.push({ name: ex.kernels[i].name, ms: performance.now() - t0 });
    }
    const err = await device.popErrorScope();
    if (err) throw new GpuError(`WebGPU validation error while timing kernels: ${err.message}`);
    return { method: "wall", rows, totalMs: rows.reduce((s, r) => s + r.ms, 0) };
  }

  destroy(): void {
    this.runner.destroy();
  }
}
