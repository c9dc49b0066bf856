// The compiled SGD training step: forward, loss, backward (all generated kernels), then one
// fused update kernel per parameter buffer (momentum, weight decay). Gradients of several
// micro-batches accumulate in place, so the effective batch can exceed what fits on the GPU.
// Per step only the loss and the accuracy counts come back to the CPU; in data-parallel training
// the gradients also leave the GPU, bucket by bucket, to be summed over the ranks before the
// update (runtime/grad_exchange.ts).
import { lower, type TilePolicy } from "../compiler/lower.ts";
import { applyPrecision, type Precision } from "../compiler/precision.ts";
import { type LossScaleOptions, LossScaler } from "./loss_scale.ts";
import type { KernelSpec } from "../compiler/kernels/spec.ts";
import { type Model, type Params, trainGraph } from "../dsl/mod.ts";
import { size } from "../compiler/ir.ts";
import type { Graph } from "../compiler/ir.ts";
import { ROLES } from "../compiler/ops/leaves.ts";
import { Executor, paramKernels, type PreparedExtra, readBuffer, type Timing } from "./executor.ts";
import { findInput, inputId, paramIds, persistentValues } from "./forward.ts";
import { GradientExchange, type GradientSum, type StepBreakdown } from "./grad_exchange.ts";

export type { GradientSum, StepBreakdown };

export interface TrainOptions {
  /** Images per micro-batch (one forward/backward). */
  batch: number;
  /** Micro-batches accumulated per SGD update (effective batch = batch * accumulate). */
  accumulate?: number;
  momentum?: number;
  /** L2 on the parameters whose role takes it: weights, not biases (the paper's Caffe setup;
   *  compiler/ops/leaves.ts). */
  weightDecay?: number;
  /** Dropout on (training) or off (gradient checks). */
  dropout?: boolean;
  tiles: TilePolicy;
  /** "f16": activations, their gradients and the GEMMs' weight copies stored as f16, with f32
   *  master weights, f32 arithmetic and dynamic loss scaling (compiler/precision.ts). */
  precision?: Precision;
  lossScale?: LossScaleOptions;
  /** Data-parallel training: this process computes its shard's gradients, which are summed
   *  over the ranks before the update, so the step equals one over the global batch of
   *  `reduce.size` shards. */
  reduce?: GradientSum;
  /** Gradient bucket size in float32 elements (default: DDP's 25 MiB, first bucket 1 MiB). */
  bucketElems?: number;
}

export interface StepResult {
  /** Mean loss over the effective batch. */
  loss: number;
  /** Correct top-1 / top-5 predictions over the effective batch. */
  top1: number;
  top5: number;
  /** f16 only: the step's gradients overflowed, so no weight changed (the scale was halved). */
  skipped?: boolean;
  /** f16 only: the loss scale the step ran with. */
  lossScale?: number;
  /** Data-parallel steps: where the time of the gradient exchange went. */
  breakdown?: StepBreakdown;
}

const USAGE = () => GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;

export class TrainStep {
  readonly accumulate: number;
  private momentum = new Map<string, GPUBuffer>();
  private metrics!: GPUBuffer;
  private fills: PreparedExtra[] = [];
  private updates: PreparedExtra[] = [];
  private metric: PreparedExtra[] = [];
  private checks: PreparedExtra[] = [];
  /** Every parameter by name (running statistics included), and the SGD-trained ones. */
  private readonly ids: Map<string, number>;
  private readonly trained: Map<string, number>;
  /** Running statistics: the buffer of the updated value, copied over the parameter after each
   *  micro-batch (a training forward updates them, as PyTorch's does). */
  private readonly running: { param: number; updated: number; bytes: number }[];
  /** f16: the loss scale, and the flag buffer the overflow checks set. */
  readonly scaler?: LossScaler;
  private flag?: GPUBuffer;
  private exchange?: GradientExchange;

  private constructor(
    readonly model: Model,
    readonly ex: Executor,
    readonly opts: TrainOptions,
    /** Parameter-only kernels that run in a step's first micro-batch only (accumulation). */
    private readonly onParams: ReadonlySet<number>,
  ) {
    this.accumulate = opts.accumulate ?? 1;
    const g = ex.plan.graph;
    this.ids = paramIds(g);
    this.trained = new Map([...this.ids].filter(([, id]) => roleOf(g, id).trainable));
    this.running = [...this.ids].flatMap(([name, id]) => {
      const updated = g.outputs[`running:${name}`];
      if (updated === undefined) return [];
      return [{ param: id, updated, bytes: 4 * Math.max(1, size(g.nodes[id].shape)) }];
    });
    if (opts.precision === "f16") this.scaler = new LossScaler(opts.lossScale);
  }

  static async create(device: GPUDevice, model: Model, opts: TrainOptions): Promise<TrainStep> {
    const p = applyPrecision(
      trainGraph(model, opts.batch, { dropout: opts.dropout ?? true }),
      opts.precision ?? "f32",
    );
    const g = p.graph, acc = (opts.accumulate ?? 1) > 1;
    const plan = lower(g, { tiles: opts.tiles, accumulateGrads: acc, half: p.half });
    // Kernels that read parameters only (f16 weight copies, Winograd filter transforms) run in
    // the first micro-batch of a step, after the previous step's update, and their outputs
    // keep their buffers for the others. With one micro-batch they run once per step anyway,
    // and their outputs stay pooled.
    const onParams = acc ? paramKernels(plan) : new Set<number>();
    const keep = persistentValues(g);
    for (const i of onParams) keep.add(plan.kernels[i].output);
    const ex = await Executor.create(device, plan, keep);
    const t = new TrainStep(model, ex, opts, onParams);
    await t.prepare(device, acc);
    return t;
  }

  private async prepare(device: GPUDevice, acc: boolean): Promise<void> {
    const g = this.ex.plan.graph, o = this.opts;
    const rows = o.batch, cols = this.model.classes;
    this.metrics = device.createBuffer({ label: "metrics", size: 16, usage: USAGE() });
    const specs: { name: string; spec: KernelSpec; buffers: GPUBuffer[] }[] = [];
    const checks: typeof specs = [];
    const flag = this.scaler
      ? this.flag = device.createBuffer({ label: "overflow", size: 16, usage: USAGE() })
      : undefined;
    for (const [name, id] of this.trained) {
      const size = g.nodes[id].shape.reduce((a, b) => a * b, 1);
      const m = device.createBuffer({
        label: `momentum:${name}`,
        size: Math.max(16, size * 4),
        usage: USAGE(),
      });
      this.momentum.set(name, m);
      const grad = this.ex.buffer(g.outputs[`grad:${name}`]);
      specs.push({
        name: `${name}:sgd`,
        spec: {
          kind: "sgd",
          size,
          momentum: o.momentum ?? 0.9,
          weightDecay: roleOf(g, id).decay ? o.weightDecay ?? 5e-4 : 0,
          ...(flag ? { lossScale: true as const } : {}),
        },
        buffers: [this.ex.buffer(id), m, grad, ...(flag ? [flag] : [])],
      });
      if (flag) {
        checks.push({
          name: `${name}:nonfinite`,
          spec: { kind: "nonfinite", size },
          buffers: [grad, flag],
        });
      }
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
    this.checks = await this.ex.prepareExtra(checks);
    this.metric = await this.ex.prepareExtra([{
      name: "metrics:topk",
      spec: { kind: "topk_correct", rows, cols },
      buffers: [
        this.ex.buffer(g.outputs.logits),
        this.ex.buffer(inputId(g, "labels")),
        this.metrics,
      ],
    }]);
    if (o.reduce) {
      const grads = new Map([...this.trained].map(([name, id]) => {
        const v = g.outputs[`grad:${name}`];
        if (this.ex.isHalf(v)) throw new Error(`gradient of ${name} is not f32`);
        const size = g.nodes[id].shape.reduce((a, b) => a * b, 1);
        return [name, { buffer: this.ex.buffer(v), size }];
      }));
      this.exchange = new GradientExchange(this.ex, grads, o.reduce, o.bucketElems);
    }
    this.writeLossGradient();
  }

  /** The loss gradient fed to the backward pass: 1 / (accumulate x ranks), times the loss
   *  scale, so the sum over micro-batches and ranks is the mean over the global batch. */
  private writeLossGradient(): void {
    const scale = this.scaler?.scale ?? 1, ranks = this.opts.reduce?.size ?? 1;
    this.ex.write(
      inputId(this.ex.plan.graph, "dloss"),
      new Float32Array([scale / (this.accumulate * ranks)]),
    );
  }

  /** The gradient buckets of data-parallel training (none in one process). */
  get buckets(): number {
    return this.exchange?.buckets.length ?? 0;
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

  /** SGD's momentum buffers, by parameter name (trained parameters only). */
  async getMomentum(): Promise<Params> {
    const out: Params = new Map();
    for (const [name, id] of this.trained) {
      const n = this.ex.plan.graph.nodes[id].shape.reduce((a, b) => a * b, 1);
      out.set(
        name,
        await readBuffer(this.ex.device, this.momentum.get(name)!, n * 4) as Float32Array,
      );
    }
    return out;
  }

  setMomentum(p: Params): void {
    for (const [name] of this.trained) {
      const v = p.get(name);
      if (v) {
        this.ex.device.queue.writeBuffer(this.momentum.get(name)!, 0, v as unknown as BufferSource);
      }
    }
  }

  /** Reads the current gradients (after `step` with `lr = 0`, for checks and `grad`). */
  async getGrads(): Promise<Params> {
    const out: Params = new Map();
    const unscale = 1 / (this.scaler?.scale ?? 1);
    for (const [name] of this.trained) {
      const g = await this.ex.read(this.ex.plan.graph.outputs[`grad:${name}`]) as Float32Array;
      out.set(name, unscale === 1 ? g : g.map((v) => v * unscale));
    }
    return out;
  }

  /**
   * One SGD update over `micro.length` (= accumulate) micro-batches. `seed` drives dropout,
   * whose masks are keyed by each sample's position in the global batch: micro-batch i starts
   * at `firstSample + i * batch` (`firstSample`: where this process's slice of the global batch
   * starts; 0 in one process). With `update: false` only gradients are computed.
   */
  async step(
    micro: { x: Float32Array; y: Int32Array }[],
    lr: number,
    seed: number,
    opts: { update?: boolean; timing?: Timing; firstSample?: number; overlap?: boolean } = {},
  ): Promise<StepResult> {
    if (micro.length !== this.accumulate) {
      throw new Error(`step expects ${this.accumulate} micro-batches, got ${micro.length}`);
    }
    const g = this.ex.plan.graph, dev = this.ex.device;
    const xId = inputId(g, "x"), yId = inputId(g, "labels");
    const seedId = findInput(g, "seed");
    const scale = this.scaler?.scale;
    if (scale !== undefined) {
      this.writeLossGradient();
      this.ex.device.queue.writeBuffer(this.flag!, 0, new Uint32Array(4));
    }
    this.ex.writeStep({ seed, lr, scale: 1 / (scale ?? 1) });
    let loss = 0, top1 = 0, top5 = 0, overflow = false;
    let breakdown: StepBreakdown | undefined;
    const pending: Promise<[number, number, number, number]>[] = [];
    for (let i = 0; i < micro.length; i++) {
      this.ex.write(xId, micro[i].x);
      this.ex.write(yId, micro[i].y);
      // Dropout: the step's seed, and where this micro-batch starts in the global batch (masks
      // are keyed by the sample's position there: compiler/ops/dropout_hash.ts).
      if (seedId !== undefined) {
        const first = (opts.firstSample ?? 0) + i * this.opts.batch;
        this.ex.write(seedId, new Uint32Array([seed >>> 0, first >>> 0]));
      }
      const last = i === micro.length - 1, update = last && opts.update !== false;
      // Loss and counts of this micro-batch into a small readback buffer.
      const staging = dev.createBuffer({
        size: 16,
        usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ,
      });
      const head = (enc: GPUCommandEncoder) => {
        if (i === 0) this.ex.encodeExtra(enc, this.fills, opts.timing);
      };
      const tail = (enc: GPUCommandEncoder) => {
        this.ex.encodeExtra(enc, this.metric, opts.timing);
        // Batch norm's running statistics, updated by this micro-batch's forward. Under MPI each
        // rank updates them from its own part of the batch (as PyTorch's DDP without
        // SyncBatchNorm); rank 0's are the ones saved.
        for (const r of this.running) {
          enc.copyBufferToBuffer(this.ex.buffer(r.updated), 0, this.ex.buffer(r.param), 0, r.bytes);
        }
        enc.copyBufferToBuffer(this.ex.buffer(g.outputs.loss), 0, staging, 0, 4);
        enc.copyBufferToBuffer(this.metrics, 0, staging, 4, 8);
      };
      const what = `training step of ${this.model.name}`;
      // The weights do not change between micro-batches: what is made of them alone is made once.
      const only = i === 0 ? undefined : (k: number) => !this.onParams.has(k);
      let enc: GPUCommandEncoder;
      if (last && this.exchange) {
        // The summed gradients are back on the GPU; the checks and updates read them.
        breakdown = await this.exchange.run(head, tail, {
          timing: opts.timing,
          overlap: opts.overlap,
          what,
          only,
        });
        enc = dev.createCommandEncoder();
      } else {
        enc = dev.createCommandEncoder();
        head(enc);
        this.ex.encode(enc, { timing: opts.timing, only });
        tail(enc);
      }
      if (update) {
        this.ex.encodeExtra(enc, this.checks, opts.timing);
        this.ex.encodeExtra(enc, this.updates, opts.timing);
      }
      if (last && this.flag) enc.copyBufferToBuffer(this.flag, 0, staging, 12, 4);
      // The map is asked for right after the submission, before anything else joins the queue:
      // Deno waits for the GPU when asked, then resolves at least 10 ms later (runtime/forward.ts),
      // time in which a caller may already have submitted its next step.
      const submitted = this.ex.submit(enc, what);
      pending.push(
        Promise.all([submitted, staging.mapAsync(GPUMapMode.READ)]).then(() => {
          const raw = staging.getMappedRange().slice(0);
          const f = new Float32Array(raw);
          return [f[0], f[1], f[2], new Uint32Array(raw)[3]] as [number, number, number, number];
        }).finally(() => staging.destroy()),
      );
    }
    for (const [l, a, b, flagged] of await Promise.all(pending)) {
      loss += l / micro.length;
      top1 += a;
      top5 += b;
      overflow ||= flagged !== 0;
    }
    if (!this.scaler || scale === undefined) return { loss, top1, top5, breakdown };
    // Only an applied update may move the scale (gradient-only steps leave it as it is).
    if (opts.update !== false) this.scaler.update(overflow);
    return { loss, top1, top5, skipped: overflow, lossScale: scale, breakdown };
  }

  destroy(): void {
    this.ex.destroy();
    for (const m of this.momentum.values()) m.destroy();
    this.metrics.destroy();
    this.flag?.destroy();
    this.exchange?.destroy();
  }
}

/** The role facts of parameter node `id` (compiler/ops/leaves.ts). */
function roleOf(g: Graph, id: number) {
  const n = g.nodes[id];
  if (n.op !== "param") throw new Error(`train step: %${id} is not a parameter`);
  return ROLES[n.attrs.role];
}
