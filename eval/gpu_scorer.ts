// The GPU scorer: the net's compiled forward for crops (runtime/forward.ts), and the fully
// convolutional net compiled once per image size for dense evaluation. Compiled score-map nets
// are cached by size (a few at a time: image folders can hold many sizes).
import type { Graph } from "../compiler/ir.ts";
import { type KernelPlan, lower, type TilePolicy } from "../compiler/lower.ts";
import type { Model, Params } from "../dsl/mod.ts";
import { fullyConvolutional, fullyConvolutionalParams, scoreMapGraph } from "../dsl/transforms.ts";
import { Executor, GpuError, paramKernels } from "../runtime/executor.ts";
import { ForwardRunner, inputId, paramIds, persistentValues } from "../runtime/forward.ts";
import type { ScoreMaps, Scorer } from "./scorer.ts";

/** The fully convolutional net compiled for `batch` images of height x width. */
export class ScoreMapRunner {
  private constructor(
    readonly model: Model,
    readonly batch: number,
    readonly height: number,
    readonly width: number,
    readonly plan: KernelPlan,
    readonly ex: Executor,
    /** Kernels that read parameters only (batch norm folded into the convs, the f16 weight
     *  copies): run by setParams, not per batch. */
    private readonly onParams: ReadonlySet<number>,
  ) {}

  static async create(
    device: GPUDevice,
    fc: Model,
    batch: number,
    height: number,
    width: number,
    tiles: TilePolicy,
  ): Promise<ScoreMapRunner> {
    const g: Graph = scoreMapGraph(fc, batch, height, width);
    const plan = lower(g, { tiles });
    const onParams = paramKernels(plan), keep = persistentValues(g);
    for (const i of onParams) keep.add(plan.kernels[i].output);
    const ex = await Executor.create(device, plan, keep);
    return new ScoreMapRunner(fc, batch, height, width, plan, ex, onParams);
  }

  /** [batch, classes, H', W'] output shape. */
  get outShape(): readonly number[] {
    return this.plan.graph.nodes[this.plan.graph.outputs.scores].shape;
  }

  setParams(p: Params): void {
    for (const [name, id] of paramIds(this.plan.graph)) {
      const v = p.get(name);
      if (!v) throw new GpuError(`no value for parameter ${name}`);
      this.ex.write(id, v);
    }
    if (this.onParams.size) {
      const enc = this.ex.device.createCommandEncoder();
      this.ex.encode(enc, { only: (i) => this.onParams.has(i) });
      this.ex.device.queue.submit([enc.finish()]);
    }
  }

  /** Score maps for exactly `batch` images. */
  async scores(x: Float32Array): Promise<Float32Array> {
    const per = this.model.input[0] * this.height * this.width;
    if (x.length !== per * this.batch) {
      throw new GpuError(`score map expects ${this.batch} images (${per * this.batch} values)`);
    }
    const g = this.plan.graph;
    this.ex.write(inputId(g, "x"), x);
    const enc = this.ex.device.createCommandEncoder();
    this.ex.encode(enc, { only: (i) => !this.onParams.has(i) });
    await this.ex.submit(enc, `score map of ${this.model.name} at ${this.width}x${this.height}`);
    return await this.ex.read(g.outputs.scores) as Float32Array;
  }

  destroy(): void {
    this.ex.destroy();
  }
}

export interface GpuContext {
  device: GPUDevice;
  tiles: TilePolicy;
}

/** Compiled score-map nets kept at once (each holds its activations' buffers). */
const CACHE = 3;

export class GpuScorer implements Scorer {
  private crops?: Promise<ForwardRunner>;
  private readonly maps = new Map<string, Promise<ScoreMapRunner>>();
  private fc?: { model: Model; params: Params };

  constructor(
    readonly gpu: GpuContext,
    readonly model: Model,
    readonly params: Params,
    /** Crops per forward; dense batches hold about as many pixels. */
    readonly batch: number,
  ) {}

  async logits(x: Float32Array, n: number): Promise<Float32Array> {
    this.crops ??= ForwardRunner.create(this.gpu.device, this.model, this.batch, this.gpu.tiles)
      .then((r) => (r.setParams(this.params), r));
    const r = await this.crops;
    const per = this.model.input.reduce((a, b) => a * b, 1);
    return await r.logitsAll(x.subarray(0, n * per));
  }

  async scoreMaps(x: Float32Array, n: number, height: number, width: number): Promise<ScoreMaps> {
    const r = await this.runner(height, width);
    const [, k, oh, ow] = r.outShape, per = this.model.input[0] * height * width;
    const area = oh * ow, maps = new Float32Array(n * k * area);
    for (let i = 0; i < n; i += r.batch) {
      const m = Math.min(r.batch, n - i);
      const chunk = new Float32Array(per * r.batch);
      chunk.set(x.subarray(i * per, (i + m) * per));
      const s = await r.scores(chunk);
      maps.set(s.subarray(0, m * k * area), i * k * area);
    }
    return { maps, area };
  }

  private runner(height: number, width: number): Promise<ScoreMapRunner> {
    const key = `${height}x${width}`;
    const hit = this.maps.get(key);
    if (hit) {
      this.maps.delete(key); // most recently used goes last
      this.maps.set(key, hit);
      return hit;
    }
    if (this.maps.size >= CACHE) {
      const [oldKey, old] = this.maps.entries().next().value!;
      this.maps.delete(oldKey);
      old.then((r) => r.destroy(), () => {});
    }
    if (!this.fc) {
      const model = fullyConvolutional(this.model);
      this.fc = { model, params: fullyConvolutionalParams(model, this.params) };
    }
    // About as many pixels per batch as a batch of crops, so dense memory stays comparable.
    const [, h0, w0] = this.model.input;
    const batch = Math.max(
      1,
      Math.min(this.batch, Math.floor((this.batch * h0 * w0) / (height * width))),
    );
    const fc = this.fc;
    const p = ScoreMapRunner.create(this.gpu.device, fc.model, batch, height, width, this.gpu.tiles)
      .then((r) => (r.setParams(fc.params), r));
    this.maps.set(key, p);
    return p;
  }

  destroy(): void {
    this.crops?.then((r) => r.destroy(), () => {});
    for (const p of this.maps.values()) p.then((r) => r.destroy(), () => {});
    this.maps.clear();
  }
}
