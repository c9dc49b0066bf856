// The gradient exchange of data-parallel training, GPU side: runs the last micro-batch's
// forward and backward in one submission per gradient bucket (runtime/grad_buckets.ts), each
// ending with the copy of that bucket's gradients into one mapped staging buffer; sums each
// bucket over the ranks as soon as its readback arrives, while the GPU runs the layers below;
// writes the sums back into the gradient buffers, where the fused SGD kernels find them.
// WebGPU has no way to signal the CPU in the middle of a submission, so a submission boundary
// per bucket is where the all-reduce of one bucket can start before the backward has ended.
import type { Executor, Timing } from "./executor.ts";
import { type Bucket, planBuckets } from "./grad_buckets.ts";

/** The ranks' sum, as the runtime needs it (parallel/comm.ts implements it over MPI). */
export interface GradientSum {
  /** Ranks taking part. */
  readonly size: number;
  /** Sums float32 `send` over ranks, element-wise, into `recv`. */
  sum(send: Float32Array, recv: Float32Array, what: string): Promise<void>;
}

/** Where a step's time went (milliseconds on this rank's clock). With overlap, `compute`
 *  is the wait for the backward beyond what the all-reduces already covered. */
export interface StepBreakdown {
  /** Forward, backward and, without overlap, nothing else. */
  computeMs: number;
  /** Copy of the gradients to staging buffers and their mapping. */
  readbackMs: number;
  /** In MPI_Allreduce (with overlap, this includes waiting for slower ranks). */
  allreduceMs: number;
  /** Without overlap: waiting for the slowest rank to reach the all-reduce (load imbalance),
   *  taken out of `allreduceMs` by a one-element sum first. */
  waitMs: number;
  /** Writing the sums back to the GPU. */
  uploadMs: number;
  buckets: number;
  overlap: boolean;
}

interface Grad {
  buffer: GPUBuffer;
  size: number;
}

interface Staged extends Bucket {
  staging: GPUBuffer;
  recv: Float32Array<ArrayBuffer>;
}

export class GradientExchange {
  readonly buckets: Staged[];

  constructor(
    private readonly ex: Executor,
    private readonly grads: Map<string, Grad>,
    readonly reduce: GradientSum,
    bucketElems?: number,
  ) {
    // A gradient is final after the last plan kernel that writes its buffer.
    const ready = new Map<string, number>();
    ex.kernels.forEach((k, i) => {
      const out = ex.buffer(k.output);
      for (const [name, g] of grads) if (g.buffer === out) ready.set(name, i);
    });
    const slots = [...grads].map(([name, g]) => {
      const r = ready.get(name);
      if (r === undefined) throw new Error(`no kernel writes the gradient of ${name}`);
      return { name, size: g.size, ready: r };
    });
    const plan = bucketElems ? planBuckets(slots, bucketElems, bucketElems) : planBuckets(slots);
    this.buckets = plan.map((b, k) => ({
      ...b,
      staging: ex.device.createBuffer({
        label: `gradient bucket ${k}`,
        size: b.size * 4,
        usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ,
      }),
      recv: new Float32Array(b.size),
    }));
  }

  /**
   * Encodes and submits the plan's kernels with each bucket's readback where its gradients are
   * final, sums the buckets over ranks and writes the sums back. `head` encodes first (the
   * gradient zeroing of accumulation), `tail` last (metrics and the loss readback).
   */
  async run(
    head: (enc: GPUCommandEncoder) => void,
    tail: (enc: GPUCommandEncoder) => void,
    opts: { timing?: Timing; overlap?: boolean; what: string; only?: (i: number) => boolean },
  ): Promise<StepBreakdown> {
    return opts.overlap === false
      ? await this.sequential(head, tail, opts)
      : await this.overlapped(head, tail, opts);
  }

  private async overlapped(
    head: (enc: GPUCommandEncoder) => void,
    tail: (enc: GPUCommandEncoder) => void,
    opts: { timing?: Timing; what: string; only?: (i: number) => boolean },
  ): Promise<StepBreakdown> {
    const dev = this.ex.device, n = this.buckets.length;
    const mapped: Promise<void>[] = [];
    let from = 0;
    for (const [k, b] of this.buckets.entries()) {
      const enc = dev.createCommandEncoder();
      if (k === 0) head(enc);
      const to = k === n - 1 ? this.ex.kernels.length : b.ready + 1;
      this.ex.encode(enc, { from, to, timing: opts.timing, only: opts.only });
      from = to;
      this.copyOut(enc, b);
      if (k === n - 1) tail(enc);
      await this.ex.submit(enc, `${opts.what} (gradient bucket ${k + 1} of ${n})`);
      mapped.push(b.staging.mapAsync(GPUMapMode.READ));
    }
    const t: StepBreakdown = {
      computeMs: 0,
      readbackMs: 0,
      allreduceMs: 0,
      uploadMs: 0,
      waitMs: 0,
      buckets: n,
      overlap: true,
    };
    for (const [k, b] of this.buckets.entries()) {
      let t0 = performance.now();
      await mapped[k];
      t.computeMs += performance.now() - t0;
      t0 = performance.now();
      await this.sum(b, k);
      t.allreduceMs += performance.now() - t0;
      t0 = performance.now();
      this.writeBack(b);
      t.uploadMs += performance.now() - t0;
    }
    return t;
  }

  /** Without overlap: compute, then read back, then all-reduce, then upload, each timed (the
   *  breakdown `bench --train` reports, and the baseline the overlap is measured against). */
  private async sequential(
    head: (enc: GPUCommandEncoder) => void,
    tail: (enc: GPUCommandEncoder) => void,
    opts: { timing?: Timing; what: string; only?: (i: number) => boolean },
  ): Promise<StepBreakdown> {
    const dev = this.ex.device;
    let t0 = performance.now();
    const enc = dev.createCommandEncoder();
    head(enc);
    this.ex.encode(enc, { timing: opts.timing, only: opts.only });
    tail(enc);
    await this.ex.submit(enc, opts.what);
    await dev.queue.onSubmittedWorkDone();
    const computeMs = performance.now() - t0;
    t0 = performance.now();
    const copy = dev.createCommandEncoder();
    for (const b of this.buckets) this.copyOut(copy, b);
    await this.ex.submit(copy, `${opts.what} (gradient readback)`);
    await Promise.all(this.buckets.map((b) => b.staging.mapAsync(GPUMapMode.READ)));
    const readbackMs = performance.now() - t0;
    t0 = performance.now();
    await this.reduce.sum(new Float32Array(1), new Float32Array(1), "the ranks' meeting point");
    const waitMs = performance.now() - t0;
    t0 = performance.now();
    for (const [k, b] of this.buckets.entries()) await this.sum(b, k);
    const allreduceMs = performance.now() - t0;
    t0 = performance.now();
    for (const b of this.buckets) this.writeBack(b);
    await dev.queue.onSubmittedWorkDone();
    const uploadMs = performance.now() - t0;
    return {
      computeMs,
      readbackMs,
      allreduceMs,
      uploadMs,
      waitMs,
      buckets: this.buckets.length,
      overlap: false,
    };
  }

  private copyOut(enc: GPUCommandEncoder, b: Staged): void {
    for (const g of b.grads) {
      enc.copyBufferToBuffer(
        this.grads.get(g.name)!.buffer,
        0,
        b.staging,
        g.offset * 4,
        g.size * 4,
      );
    }
  }

  /** Sums the mapped bucket over ranks into its `recv` and unmaps it. */
  private async sum(b: Staged, k: number): Promise<void> {
    const view = new Float32Array(b.staging.getMappedRange(0, b.size * 4));
    try {
      await this.reduce.sum(view, b.recv, `the gradient all-reduce (bucket ${k + 1})`);
    } finally {
      b.staging.unmap();
    }
  }

  private writeBack(b: Staged): void {
    for (const g of b.grads) {
      this.ex.device.queue.writeBuffer(this.grads.get(g.name)!.buffer, 0, b.recv, g.offset, g.size);
    }
  }

  destroy(): void {
    for (const b of this.buckets) b.staging.destroy();
  }
}
