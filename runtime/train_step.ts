// The compiled SGD training step: forward, loss, backward (all generated kernels), then one
// fused update kernel per parameter buffer (momentum, weight decay). Gradients of several
// micro-batches accumulate in place, so the effective batch can exceed what fits on the GPU.
// Per step only the loss and the accuracy counts come back to the CPU.
import { lower, type TilePolicy } from "../compiler/lower.ts";
import type { KernelSpec } from "../compiler/kernels/spec.ts";
import { type Model, type Params, trainGraph } from "../dsl/mod.ts";
import { Executor, type PreparedExtra, readBuffer, type Timing } from "./executor.ts";
import { inputId, paramIds, persistentValues } from "./forward.ts";

export interface TrainOptions {
  /** Images per micro-batch (one forward/backward). */
  batch: number;
  /** Micro-batches accumulated per SGD update (effective batch = batch * accumulate). */
  accumulate?: number;
  momentum?: number;
  /** L2 on weights only (biases are not decayed, as in the paper's Caffe setup). */
  weightDecay?: number;
  /** Dropout on (training) or off (gradient checks). */
  dropout?: boolean;
  tiles: TilePolicy;
}

export interface StepResult {
  /** Mean loss over the effective batch. */
  loss: number;
  /** Correct top-1 / top-5 predictions over the effective batch. */
  top1: number;
  top5: number;
}

const USAGE = () => GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;

export class TrainStep {
  readonly accumulate: number;
  private momentum = new Map<string, GPUBuffer>();
  private metrics!: GPUBuffer;
  private fills: PreparedExtra[] = [];
  private updates: PreparedExtra[] = [];
  private metric: PreparedExtra[] = [];
  private readonly ids: Map<string, number>;

  private constructor(readonly model: Model, readonly ex: Executor, readonly opts: TrainOptions) {
    this.accumulate = opts.accumulate ?? 1;
    this.ids = paramIds(ex.plan.graph);
  }

  static async create(device: GPUDevice, model: Model, opts: TrainOptions): Promise<TrainStep> {
    const g = trainGraph(model, opts.batch, { dropout: opts.dropout ?? true });
    const acc = (opts.accumulate ?? 1) > 1;
    const plan = lower(g, { tiles: opts.tiles, accumulateGrads: acc });
    const ex = await Executor.create(device, plan, persistentValues(g));
    const t = new TrainStep(model, ex, opts);
    await t.prepare(device, acc);
    return t;
  }

  private async prepare(device: GPUDevice, acc: boolean): Promise<void> {
    const g = this.ex.plan.graph, o = this.opts;
    const rows = o.batch, cols = this.model.classes;
    this.metrics = device.createBuffer({ label: "metrics", size: 16, usage: USAGE() });
    const specs: { name: string; spec: KernelSpec; buffers: GPUBuffer[] }[] = [];
    for (const [name, id] of this.ids) {
      const size = g.nodes[id].shape.reduce((a, b) => a * b, 1);
      const m = device.createBuffer({
        label: `momentum:${name}`,
        size: Math.max(16, size * 4),
        usage: USAGE(),
      });
      this.momentum.set(name, m);
      const grad = this.ex.buffer(g.outputs[`grad:${name}`]);
      const isBias = name.endsWith(".bias");
      specs.push({
        name: `${name}:sgd`,
        spec: {
          kind: "sgd",
          size,
          momentum: o.momentum ?? 0.9,
          weightDecay: isBias ? 0 : o.weightDecay ?? 5e-4,
        },
        buffers: [this.ex.buffer(id), m, grad],
      });
      if (acc) {
        this.fills.push(
          ...await this.ex.prepareExtra([{
            name: `${name}:zero`,
            spec: { kind: "fill", size, value: 0 },
            buffers: [grad],
          }]),
        );
      }
    }
    this.updates = await this.ex.prepareExtra(specs);
    this.metric = await this.ex.prepareExtra([{
      name: "metrics:topk",
      spec: { kind: "topk_correct", rows, cols },
      buffers: [
        this.ex.buffer(g.outputs.logits),
        this.ex.buffer(inputId(g, "labels")),
        this.metrics,
      ],
    }]);
    this.ex.write(inputId(g, "dloss"), new Float32Array([1 / this.accumulate]));
  }

  setParams(p: Params): void {
    for (const [name, id] of this.ids) {
      const v = p.get(name);
      if (!v) throw new Error(`no value for parameter ${name}`);
      this.ex.write(id, v);
    }
  }

  async getParams(): Promise<Params> {
    const out: Params = new Map();
    for (const [name, id] of this.ids) out.set(name, await this.ex.read(id) as Float32Array);
    return out;
  }

  async getMomentum(): Promise<Params> {
    const out: Params = new Map();
    for (const [name, id] of this.ids) {
      const n = this.ex.plan.graph.nodes[id].shape.reduce((a, b) => a * b, 1);
      out.set(
        name,
        await readBuffer(this.ex.device, this.momentum.get(name)!, n * 4) as Float32Array,
      );
    }
    return out;
  }

  setMomentum(p: Params): void {
    for (const [name] of this.ids) {
      const v = p.get(name);
      if (v) {
        this.ex.device.queue.writeBuffer(this.momentum.get(name)!, 0, v as unknown as BufferSource);
      }
    }
  }

  /** Reads the current gradients (after `step` with `lr = 0`, for checks and `grad`). */
  async getGrads(): Promise<Params> {
    const out: Params = new Map();
    for (const [name] of this.ids) {
      out.set(name, await this.ex.read(this.ex.plan.graph.outputs[`grad:${name}`]) as Float32Array);
    }
    return out;
  }

  /**
   * One SGD update over `micro.length` (= accumulate) micro-batches. `seed` drives dropout;
   * each micro-batch gets its own stream. With `update: false` only gradients are computed.
   */
  async step(
    micro: { x: Float32Array; y: Int32Array }[],
    lr: number,
    seed: number,
    opts: { update?: boolean; timing?: Timing } = {},
  ): Promise<StepResult> {
    if (micro.length !== this.accumulate) {
      throw new Error(`step expects ${this.accumulate} micro-batches, got ${micro.length}`);
    }
    const g = this.ex.plan.graph, dev = this.ex.device;
    const xId = inputId(g, "x"), yId = inputId(g, "labels");
    const seedId = g.nodes.find((n) =>
      n.op === "input" && (n.attrs as { name: string }).name === "seed"
    )?.id;
    this.ex.writeStep(seed, lr);
    let loss = 0, top1 = 0, top5 = 0;
    const pending: Promise<[number, number, number]>[] = [];
    for (let i = 0; i < micro.length; i++) {
      this.ex.write(xId, micro[i].x);
      this.ex.write(yId, micro[i].y);
      // Math.imul, not `*`: step seeds are full 32-bit hashes (data/rng.ts), whose float
      // product with the constant exceeds 2^53 and drops the low bits, `+ i` included, which
      // gave every micro-batch of a step the same dropout mask.
      if (seedId !== undefined) {
        this.ex.write(seedId, new Uint32Array([(Math.imul(seed, 0x9e3779b1) + i) >>> 0]));
      }
      const enc = dev.createCommandEncoder();
      if (i === 0) this.ex.encodeExtra(enc, this.fills, opts.timing);
      this.ex.encode(enc, { timing: opts.timing });
      this.ex.encodeExtra(enc, this.metric, opts.timing);
      if (i === micro.length - 1 && opts.update !== false) {
        this.ex.encodeExtra(enc, this.updates, opts.timing);
      }
      // Loss and counts of this micro-batch into a small readback buffer.
      const staging = dev.createBuffer({
        size: 16,
        usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ,
      });
      enc.copyBufferToBuffer(this.ex.buffer(g.outputs.loss), 0, staging, 0, 4);
      enc.copyBufferToBuffer(this.metrics, 0, staging, 4, 8);
      await this.ex.submit(enc, `training step of ${this.model.name}`);
      pending.push(
        staging.mapAsync(GPUMapMode.READ).then(() => {
          const f = new Float32Array(staging.getMappedRange().slice(0));
          staging.destroy();
          return [f[0], f[1], f[2]];
        }),
      );
    }
    for (const [l, a, b] of await Promise.all(pending)) {
      loss += l / micro.length;
      top1 += a;
      top5 += b;
    }
    return { loss, top1, top5 };
  }

  destroy(): void {
    this.ex.destroy();
    for (const m of this.momentum.values()) m.destroy();
    this.metrics.destroy();
  }
}
