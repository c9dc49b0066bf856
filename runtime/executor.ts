// The executor: turns a kernel plan into GPU objects (buffers by the memory plan, pipelines
// created asynchronously up front through the one pipeline cache, bind groups made once) and
// encodes the kernels into command buffers. Math never happens here; only plumbing.
import type { KernelPlan, PlannedKernel } from "../compiler/lower.ts";
import type { EmittedKernel, KernelSpec } from "../compiler/kernels/spec.ts";
import { emitKernel } from "../compiler/kernels/mod.ts";
import { checkLimits } from "../compiler/kernels/limits.ts";
import { STEP_BYTES, stepBytes, type StepValues } from "../compiler/kernels/step.ts";
import { GpuError } from "./errors.ts";
import { type MemoryPlan, planMemory } from "./memory.ts";
import { pipelineFor } from "./pipelines.ts";
import { writable } from "./kernel_runner.ts";

export { GpuError };

export interface CompiledKernel extends PlannedKernel {
  emitted: EmittedKernel;
}

/** A kernel bound to explicit buffers (fills, SGD updates, metrics) outside the plan. */
export interface ExtraKernel {
  name: string;
  spec: KernelSpec;
  /** Buffers in binding order, except the step uniform (bound automatically). */
  buffers: GPUBuffer[];
}

type Typed = Float32Array | Float16Array | Int32Array | Uint32Array;

const USAGE = () => GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
const align4 = (n: number) => Math.max(16, Math.ceil(n / 16) * 16);

export class Executor {
  readonly kernels: CompiledKernel[];
  readonly mem: MemoryPlan;
  readonly stepBuffer: GPUBuffer;
  private readonly buffers: GPUBuffer[];
  private prepared: PreparedExtra[] = [];

  private constructor(
    readonly device: GPUDevice,
    readonly plan: KernelPlan,
    persistent: Set<number>,
  ) {
    this.mem = planMemory(plan, persistent);
    this.kernels = plan.kernels.map((k) => ({ ...k, emitted: emitKernel(k.spec) }));
    this.buffers = this.mem.slots.map((s, i) =>
      device.createBuffer({ label: `slot${i}`, size: align4(s.bytes), usage: USAGE() })
    );
    this.stepBuffer = device.createBuffer({
      label: "step",
      size: STEP_BYTES,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
  }

  /** Compiles the plan; `persistent` values (inputs, params, outputs) keep their own buffers. */
  static async create(
    device: GPUDevice,
    plan: KernelPlan,
    persistent: Set<number>,
  ): Promise<Executor> {
    const ex = new Executor(device, plan, persistent);
    ex.watchLoss();
    ex.prepared = await Promise.all(
      ex.kernels.map((k) =>
        ex.prepare(k.name, k.emitted, [...k.inputs, k.output].map((v) => ex.buffer(v)))
      ),
    );
    return ex;
  }

  buffer(value: number): GPUBuffer {
    const s = this.mem.slotOf.get(value);
    if (s === undefined) throw new GpuError(`no buffer for value %${value}`);
    return this.buffers[s];
  }

  has(value: number): boolean {
    return this.mem.slotOf.has(value);
  }

  /** Whether `value` is stored as f16 (compiler/precision.ts). */
  isHalf(value: number): boolean {
    return this.plan.half.has(this.plan.alias.get(value) ?? value);
  }

  /** Writes a value; f32 data for an f16 value is converted (rounded) on the way. */
  write(value: number, data: Typed): void {
    const d = this.isHalf(value) && data instanceof Float32Array ? Float16Array.from(data) : data;
    this.device.queue.writeBuffer(this.buffer(value), 0, writable(d));
  }

  /** Writes the per-step uniform (compiler/kernels/step.ts). */
  writeStep(v: StepValues): void {
    this.device.queue.writeBuffer(this.stepBuffer, 0, stepBytes(v));
  }

  /** Pipelines for kernels outside the plan, compiled before they are first encoded. */
  async prepareExtra(extra: ExtraKernel[]): Promise<PreparedExtra[]> {
    return await Promise.all(extra.map((x) => this.prepare(x.name, emitKernel(x.spec), x.buffers)));
  }

  /** Checks a kernel against the adapter's limits, compiles it (or finds it compiled) and binds
   *  its buffers (the step uniform automatically). */
  private async prepare(
    name: string,
    emitted: EmittedKernel,
    buffers: GPUBuffer[],
  ): Promise<PreparedExtra> {
    checkLimits(emitted, this.device.limits, name, buffers.map((b) => b.size));
    const pipeline = await pipelineFor(this.device, emitted, name);
    return { name, emitted, pipeline, group: this.bindGroup(name, emitted, pipeline, buffers) };
  }

  /** Encodes plan kernels [from, to), those `only` accepts (all by default), into one compute
   *  pass (or one pass each when timing). */
  encode(
    enc: GPUCommandEncoder,
    opts: { from?: number; to?: number; timing?: Timing; only?: (i: number) => boolean } = {},
  ): void {
    const from = opts.from ?? 0, to = opts.to ?? this.kernels.length;
    const items = this.prepared.slice(from, to).filter((_, i) => opts.only?.(from + i) ?? true);
    this.encodeItems(enc, items, opts.timing);
  }

  encodeExtra(enc: GPUCommandEncoder, items: PreparedExtra[], timing?: Timing): void {
    this.encodeItems(enc, items, timing);
  }

  private encodeItems(enc: GPUCommandEncoder, items: PreparedExtra[], timing?: Timing): void {
    if (!items.length) return;
    if (timing) {
      for (const it of items) {
        const q = timing.next(it.name);
        const pass = enc.beginComputePass({
          timestampWrites: {
            querySet: timing.querySet,
            beginningOfPassWriteIndex: q,
            endOfPassWriteIndex: q + 1,
          },
        });
        this.dispatch(pass, it);
        pass.end();
      }
      return;
    }
    const pass = enc.beginComputePass();
    for (const it of items) this.dispatch(pass, it);
    pass.end();
  }

  private dispatch(pass: GPUComputePassEncoder, it: PreparedExtra): void {
    pass.setPipeline(it.pipeline);
    pass.setBindGroup(0, it.group);
    const [x, y, z] = it.emitted.workgroups;
    pass.dispatchWorkgroups(x, y, z);
  }

  /** Submits encoded work, surfacing validation errors with the label that caused them. */
  async submit(enc: GPUCommandEncoder, what: string): Promise<void> {
    if (this.lost) throw new GpuError(`the GPU device was lost before ${what}: ${this.lost}`);
    this.device.pushErrorScope("validation");
    this.device.pushErrorScope("out-of-memory");
    this.inFlight = what;
    this.device.queue.submit([enc.finish()]);
    // Both scopes popped before any await: a submission made meanwhile (a pipelined forward)
    // pushes its own pair only after these are gone.
    const scopes = [this.device.popErrorScope(), this.device.popErrorScope()];
    const [oom, err] = await Promise.all(scopes);
    // Pipelines and bind groups carry their kernel's name as label, so the message names it.
    if (err) throw new GpuError(`WebGPU validation error in ${what}: ${err.message}`);
    if (oom) throw new GpuError(`GPU out of memory in ${what}: ${oom.message}`);
  }

  /** Set when the device is lost (driver reset, GPU removed): later submits fail clearly. */
  private lost: string | undefined;
  private inFlight: string | undefined;
  private watchLoss(): void {
    this.device.lost.then((info) => {
      if (info.reason === "destroyed") return;
      this.lost = `${info.reason}: ${info.message}`;
      console.error(
        `error: GPU device lost (${this.lost}) while running ${this.inFlight ?? "nothing"}`,
      );
    });
  }

  /** Adds to `enc` the copy of `value` into a new staging buffer. Call the returned function
   *  right after `enc` is submitted: it maps the copy and resolves to the value (f16 widened to
   *  f32), without holding up what is submitted after it. */
  encodeRead(enc: GPUCommandEncoder, value: number): () => Promise<Float32Array> {
    const n = Math.max(1, this.plan.graph.nodes[value].shape.reduce((a, b) => a * b, 1));
    const half = this.isHalf(value);
    const size = Math.ceil((n * (half ? 2 : 4)) / 4) * 4;
    const staging = this.device.createBuffer({
      size,
      usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ,
    });
    enc.copyBufferToBuffer(this.buffer(value), 0, staging, 0, size);
    return async () => {
      try {
        await staging.mapAsync(GPUMapMode.READ);
        const copy = staging.getMappedRange().slice(0);
        return half ? Float32Array.from(new Float16Array(copy, 0, n)) : new Float32Array(copy);
      } finally {
        staging.destroy();
      }
    };
  }

  /** Reads a value back (waits for the queue). */
  async read(value: number, type: "f32" | "i32" = "f32"): Promise<Float32Array | Int32Array> {
    const src = this.buffer(value),
      n = Math.max(1, this.plan.graph.nodes[value].shape.reduce((a, b) => a * b, 1));
    if (!this.isHalf(value)) return await readBuffer(this.device, src, n * 4, type);
    const raw = await readBuffer(this.device, src, n * 2, "f32");
    return Float32Array.from(new Float16Array(raw.buffer, 0, n));
  }

  private bindGroup(
    name: string,
    e: EmittedKernel,
    pipe: GPUComputePipeline,
    buffers: GPUBuffer[],
  ): GPUBindGroup {
    let bi = 0;
    const entries = e.bindings.map((b, i) => ({
      binding: i,
      resource: { buffer: b.access === "uniform" ? this.stepBuffer : buffers[bi++] },
    }));
    if (bi !== buffers.length) {
      throw new GpuError(`kernel ${name}: ${buffers.length} buffers for ${bi} storage bindings`);
    }
    return this.device.createBindGroup({
      label: name,
      layout: pipe.getBindGroupLayout(0),
      entries,
    });
  }

  destroy(): void {
    for (const b of this.buffers) b.destroy();
    this.stepBuffer.destroy();
  }
}

/** Kernels of a plan that read parameters only, directly or through other such kernels (the f16
 *  weight copies, Winograd filter transforms, batch-norm folds): a forward pass needs them once
 *  per set of weights, a training step once per step, not once per batch. A kernel that writes
 *  a graph output is not one of them, though it read parameters only: the training step reads
 *  that output after every micro-batch (batch norm's num_batches_tracked, counted per
 *  micro-batch as PyTorch counts forwards). */
export function paramKernels(plan: KernelPlan): Set<number> {
  const g = plan.graph, root = (v: number) => plan.alias.get(v) ?? v;
  const fromParams = new Set(g.nodes.filter((n) => n.op === "param").map((n) => n.id));
  const outputs = new Set(Object.values(g.outputs).map(root));
  const out = new Set<number>();
  plan.kernels.forEach((k, i) => {
    if (outputs.has(root(k.output))) return;
    if (k.inputs.length && k.inputs.every((v) => fromParams.has(root(v)))) {
      out.add(i);
      fromParams.add(k.output);
    }
  });
  return out;
}

/** A kernel ready to encode: compiled, its buffers bound. */
export interface PreparedExtra {
  name: string;
  emitted: EmittedKernel;
  pipeline: GPUComputePipeline;
  group: GPUBindGroup;
}

export async function readBuffer(
  device: GPUDevice,
  src: GPUBuffer,
  bytes: number,
  type: "f32" | "i32" = "f32",
): Promise<Float32Array | Int32Array> {
  const size = Math.ceil(bytes / 4) * 4;
  const staging = device.createBuffer({
    size,
    usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ,
  });
  const enc = device.createCommandEncoder();
  enc.copyBufferToBuffer(src, 0, staging, 0, size);
  device.queue.submit([enc.finish()]);
  await staging.mapAsync(GPUMapMode.READ);
  const copy = staging.getMappedRange().slice(0);
  staging.unmap();
  staging.destroy();
  return type === "f32" ? new Float32Array(copy) : new Int32Array(copy);
}

/** GPU timestamps, one pair per kernel, when the adapter has `timestamp-query`. */
export class Timing {
  readonly querySet: GPUQuerySet;
  readonly names: string[] = [];
  private readonly resolveBuf: GPUBuffer;
  constructor(readonly device: GPUDevice, readonly capacity: number) {
    this.querySet = device.createQuerySet({ type: "timestamp", count: capacity * 2 });
    this.resolveBuf = device.createBuffer({
      size: capacity * 16,
      usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC,
    });
  }
  next(name: string): number {
    if (this.names.length >= this.capacity) throw new GpuError("timing: out of query slots");
    this.names.push(name);
    return (this.names.length - 1) * 2;
  }
  /** Resolves the queries; returns [name, milliseconds] per kernel in order. */
  async read(): Promise<[string, number][]> {
    const n = this.names.length;
    const enc = this.device.createCommandEncoder();
    enc.resolveQuerySet(this.querySet, 0, n * 2, this.resolveBuf, 0);
    this.device.queue.submit([enc.finish()]);
    const raw = await readBuffer(this.device, this.resolveBuf, n * 16, "i32");
    const t = new BigInt64Array(raw.buffer);
    return this.names.map((name, i) => [name, Number(t[2 * i + 1] - t[2 * i]) / 1e6]);
  }
  reset(): void {
    this.names.length = 0;
  }
  destroy(): void {
    this.querySet.destroy();
    this.resolveBuf.destroy();
  }
}
