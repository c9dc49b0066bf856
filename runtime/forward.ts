// Compiled forward pass of a model at a fixed batch: lower, plan memory, create pipelines up
// front, then each call writes the input, encodes every kernel in one command buffer and reads
// the logits back.
import type { Graph } from "../compiler/ir.ts";
import { type KernelPlan, lower, type TilePolicy } from "../compiler/lower.ts";
import { applyPrecision, type Precision } from "../compiler/precision.ts";
import { forwardGraph, type Model, type Params } from "../dsl/mod.ts";
import { Executor, GpuError, paramKernels, type Timing } from "./executor.ts";

/** Ids of the graph's inputs, params and outputs: the values that keep their own buffers. */
export function persistentValues(g: Graph): Set<number> {
  const s = new Set<number>(Object.values(g.outputs));
  for (const n of g.nodes) if (n.op === "input" || n.op === "param") s.add(n.id);
  return s;
}

/** The graph's parameters by name (running statistics included). */
export function paramIds(g: Graph): Map<string, number> {
  const m = new Map<string, number>();
  for (const n of g.nodes) if (n.op === "param") m.set(n.attrs.name, n.id);
  return m;
}

/** The id of the input fed by `name`, if the graph has one. */
export function findInput(g: Graph, name: string): number | undefined {
  return g.nodes.find((n) => n.op === "input" && n.attrs.name === name)?.id;
}

export function inputId(g: Graph, name: string): number {
  const id = findInput(g, name);
  if (id === undefined) throw new GpuError(`graph has no input '${name}'`);
  return id;
}

export class ForwardRunner {
  private constructor(
    readonly model: Model,
    readonly batch: number,
    readonly plan: KernelPlan,
    readonly ex: Executor,
    /** Kernels that read parameters only (the f16 weight copies): run by setParams. */
    private readonly onParams: ReadonlySet<number>,
  ) {}

  static async create(
    device: GPUDevice,
    model: Model,
    batch: number,
    tiles: TilePolicy,
    precision: Precision = "f32",
  ): Promise<ForwardRunner> {
    const { graph: g, half } = applyPrecision(forwardGraph(model, batch), precision);
    const plan = lower(g, { tiles, half });
    // What the parameter-only kernels write lives as long as the weights: its own buffers.
    const onParams = paramKernels(plan), keep = persistentValues(g);
    for (const i of onParams) keep.add(plan.kernels[i].output);
    const ex = await Executor.create(device, plan, keep);
    return new ForwardRunner(model, batch, plan, ex, onParams);
  }

  setParams(p: Params): void {
    for (const [name, id] of paramIds(this.plan.graph)) {
      const v = p.get(name);
      if (!v) throw new GpuError(`no value for parameter ${name}`);
      this.ex.write(id, v);
    }
    if (this.onParams.size) {
      // Queue order puts these after the writes above and before any later forward.
      const enc = this.ex.device.createCommandEncoder();
      this.ex.encode(enc, { only: (i) => this.onParams.has(i) });
      this.ex.device.queue.submit([enc.finish()]);
    }
  }

  /** Logits [batch, classes] for x (NCHW, exactly `batch` images). */
  async logits(x: Float32Array, timing?: Timing): Promise<Float32Array> {
    return await this.start(x, timing);
  }

  /**
   * Submits the forward of x, its logits' copy in the same submission, and returns their
   * promise without waiting for them: the next batch may be submitted at once. Deno resolves a
   * mapAsync no sooner than 10 ms after the GPU finishes (its poll loop sleeps 10 ms: ext/webgpu
   * buffer.rs), time in which the GPU would sit idle were the next batch submitted only then.
   */
  private start(x: Float32Array, timing?: Timing): Promise<Float32Array> {
    const per = this.model.input.reduce((a, b) => a * b, 1);
    if (x.length !== per * this.batch) {
      throw new GpuError(
        `forward expects ${this.batch} images (${per * this.batch} values), got ${x.length}`,
      );
    }
    const g = this.plan.graph;
    // Queue order: this write lands after every forward submitted before it has read x.
    this.ex.write(inputId(g, "x"), x);
    const enc = this.ex.device.createCommandEncoder();
    this.ex.encode(enc, { timing, only: (i) => !this.onParams.has(i) });
    const read = this.ex.encodeRead(enc, g.outputs.logits);
    const submitted = this.ex.submit(enc, `forward of ${this.model.name}`);
    return Promise.all([submitted, read()]).then(([, logits]) => logits);
  }

  /** Logits for any number of images: full batches, the last one zero-padded; each batch is
   *  submitted before the previous one's logits are waited for. */
  async logitsAll(x: Float32Array): Promise<Float32Array> {
    const per = this.model.input.reduce((a, b) => a * b, 1), n = x.length / per;
    const k = this.model.classes, out = new Float32Array(n * k);
    let previous: Promise<void> | undefined;
    for (let i = 0; i < n; i += this.batch) {
      const m = Math.min(n, i + this.batch) - i;
      const chunk = new Float32Array(per * this.batch);
      chunk.set(x.subarray(i * per, (i + m) * per));
      const done = this.start(chunk).then((l) => out.set(l.subarray(0, m * k), i * k));
      if (previous) {
        try {
          await previous;
        } catch (e) {
          // Settle the batch in flight before reporting the one that failed.
          await done.catch(() => {});
          throw e;
        }
      }
      previous = done;
    }
    await previous;
    return out;
  }

  destroy(): void {
    this.ex.destroy();
  }
}
