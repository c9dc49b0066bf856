// deno task bench [NET] [--batch N] [--width N] [--size N] [--classes N] [--channels N]
//   [--train | --eval] [--iters N] [--warmup N] [--precision f32|f16] [--json] [--compare]
// Times the compiled forward (or, with --train, the whole SGD step): warm-up, then timed
// iterations with the device synced, each batch's output read back before the next is submitted;
// with --eval, the forward as evaluation runs it (logitsAll over --iters batches: each submitted
// before the previous one's logits are waited for, runtime/forward.ts); per-kernel GPU times from timestamp queries when the
// adapter has them. Benchmarks are not tests: nothing here asserts a speed. Under mpiexec,
// `--train` times the data-parallel step (--batch is the global batch) and reports where the
// time of the gradient exchange goes: compute, readback, all-reduce, upload (rank 0 prints).
import { lower } from "../compiler/lower.ts";
import { applyPrecision } from "../compiler/precision.ts";
import { emitKernel } from "../compiler/kernels/mod.ts";
import { forwardGraph, init, paramCount, trainGraph } from "../dsl/mod.ts";
import { batches } from "../data/dataset.ts";
import { loadData } from "../data/sources.ts";
import { Timing } from "../runtime/executor.ts";
import { ForwardRunner } from "../runtime/forward.ts";
import { TrainStep } from "../runtime/train_step.ts";
import {
  intFlag,
  loadNet,
  main,
  parse,
  precisionFlag,
  UsageError,
  variantOf,
  variantOptions,
} from "./common.ts";
import { openGpu } from "./gpu.ts";
import { Ranks } from "../parallel/session.ts";
import { type DataParallelTiming, timeDataParallel } from "../parallel/step_bench.ts";

const ranks = Ranks.detect();

await main(async () => {
  if (Deno.args.includes("--compare")) {
    // The peer comparison (TF.js, jax-js) lives in bench/compare.ts, and its npm packages in a
    // lock file of their own, so that no other command downloads them (tests/deps.test.ts);
    // --compare hands the other flags to it.
    const args = Deno.args.filter((a) => a !== "--compare" && a !== "--train");
    const script = new URL("../bench/compare.ts", import.meta.url).pathname;
    const lock = new URL("../bench/peers/deno.lock", import.meta.url).pathname;
    const { code } = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", `--lock=${lock}`, script, ...args],
    })
      .spawn().status;
    Deno.exit(code);
  }
  const { values: v, positionals } = parse(Deno.args, {
    ...variantOptions,
    batch: { type: "string" },
    train: { type: "boolean" },
    eval: { type: "boolean" },
    iters: { type: "string" },
    warmup: { type: "string" },
    precision: { type: "string" },
    json: { type: "boolean" },
  });
  if (v.train && v.eval) {
    throw new UsageError("--eval times the forward: it does not go with --train");
  }
  const t0 = performance.now();
  const comm = ranks.open();
  const size = comm?.size ?? 1, rank = comm?.rank ?? 0;
  const gpu = await openGpu();
  const soft = gpu.fallback;
  const variant = variantOf(v, soft ? { width: 8, size: 32, classes: 10 } : {});
  const m = await loadNet(positionals[0] ?? "nets/e.ts", variant);
  const globalBatch = intFlag(v.batch, "batch", (soft ? 8 : 64) * size)!;
  if (globalBatch % size !== 0) {
    throw new UsageError(`--batch ${globalBatch} does not divide among the ${size} ranks`);
  }
  // Each rank runs its slice of the global batch.
  const batch = globalBatch / size;
  const iters = intFlag(v.iters, "iters", soft ? 3 : 20)!;
  const warmup = intFlag(v.warmup, "warmup", soft ? 1 : 3)!;
  const precision = precisionFlag(v.precision, gpu.adapter, gpu.description);
  const fwdFlops = m.table.reduce((s, r) => s + r.flops, 0);
  // Compile time: IR to WGSL for forward and backward, no GPU involved.
  const tc = performance.now();
  const p = applyPrecision(v.train ? trainGraph(m, batch) : forwardGraph(m, batch), precision);
  const plan = lower(p.graph, { tiles: gpu.tiles, accumulateGrads: false, half: p.half });
  const kernelFlops = new Map<string, number>();
  for (const k of plan.kernels) {
    kernelFlops.set(k.name, emitKernel(k.spec).flops);
  }
  const compileMs = performance.now() - tc;

  const params = init(m, 1);
  const per = m.input.reduce((a, b) => a * b, 1);
  const x = new Float32Array(batch * per).map((_, i) => Math.sin(i * 0.37));
  const y = new Int32Array(batch).map((_, i) => i % m.classes);
  const tr = performance.now();
  let run: (timing?: Timing) => Promise<unknown>;
  let runAll: (() => Promise<unknown>) | undefined;
  let peak = 0, liveBound = 0, destroy: () => void;
  let skipped: () => number | undefined = () => undefined;
  let dataParallel: (() => Promise<DataParallelTiming>) | undefined;
  if (v.train) {
    const step = await TrainStep.create(gpu.device, m, {
      batch,
      tiles: gpu.tiles,
      precision,
      reduce: comm,
    });
    step.setParams(params);
    const opts = { firstSample: rank * batch };
    run = (timing) => step.step([{ x, y }], 0.001, 1, { ...opts, timing });
    if (comm) {
      dataParallel = () =>
        timeDataParallel(
          step,
          async (overlap) =>
            (await step.step([{ x, y }], 0.001, 1, { ...opts, overlap })).breakdown,
          iters,
          size,
        );
    }
    peak = step.ex.mem.peakBytes;
    liveBound = step.ex.mem.liveBoundBytes;
    skipped = () => step.scaler?.skipped;
    destroy = () => step.destroy();
  } else {
    const f = await ForwardRunner.create(gpu.device, m, batch, gpu.tiles, precision);
    f.setParams(params);
    run = (timing) => f.logits(x, timing);
    if (v.eval) {
      const all = new Float32Array(iters * x.length);
      for (let i = 0; i < iters; i++) all.set(x, i * x.length);
      runAll = () => f.logitsAll(all);
    }
    peak = f.ex.mem.peakBytes;
    liveBound = f.ex.mem.liveBoundBytes;
    destroy = () => f.destroy();
  }
  const readyMs = performance.now() - tr;
  const tf = performance.now();
  await run();
  const firstStepMs = performance.now() - tf;
  for (let i = 1; i < warmup; i++) await run();
  const ts = performance.now();
  if (runAll) await runAll();
  else for (let i = 0; i < iters; i++) await run();
  const msPerBatch = (performance.now() - ts) / iters;
  const flopsPerBatch = (v.train ? 3 : 1) * fwdFlops * batch;
  const dp = dataParallel ? await dataParallel() : undefined;

  let kernels: { name: string; ms: number; gflops: number }[] = [];
  if (gpu.timestamps) {
    const timing = new Timing(gpu.device, plan.kernels.length + 4 * m.params.length + 8);
    await run(timing);
    kernels = (await timing.read()).map(([name, ms]) => ({
      name,
      ms: Number(ms.toFixed(4)),
      gflops: Number(((kernelFlops.get(name) ?? 0) / ms / 1e6).toFixed(2)),
    }));
    timing.destroy();
  }
  destroy();

  let loaderImagesPerS: number | undefined;
  if (v.train && rank === 0) {
    // The loader's own pace on the embedded data, for comparison with the step's.
    const d = await loadData("fashion-mnist-embedded", {});
    const tl = performance.now();
    let n = 0;
    for await (
      const b of batches(d.dataset.train, {
        batchSize: batch,
        shuffle: true,
        augment: true,
        limit: 2048,
      })
    ) n += b.n;
    loaderImagesPerS = n / ((performance.now() - tl) / 1000);
  }

  const result = {
    adapter: gpu.description,
    net: m.name,
    params: paramCount(m),
    mode: v.train ? "train" : v.eval ? "eval" : "forward",
    precision,
    batch,
    iters,
    images_per_s: Number((batch / (msPerBatch / 1000)).toFixed(2)),
    ms_per_batch: Number(msPerBatch.toFixed(3)),
    gflops: Number((flopsPerBatch / msPerBatch / 1e6).toFixed(3)),
    flops_per_batch: flopsPerBatch,
    compile_ms: Number(compileMs.toFixed(1)),
    pipelines_ready_ms: Number(readyMs.toFixed(1)),
    first_step_ms: Number(firstStepMs.toFixed(1)),
    startup_ms: Number((performance.now() - t0).toFixed(0)),
    peak_memory_bytes: peak,
    live_bound_bytes: liveBound,
    // f16 training: steps the loss scaler skipped on overflow (they skip only the update).
    skipped_steps: skipped(),
    kernel_count: plan.kernels.length,
    loader_images_per_s: loaderImagesPerS && Number(loaderImagesPerS.toFixed(0)),
    kernels,
    // Under mpiexec: the data-parallel step (images/s above are this rank's).
    data_parallel: dp && { ...dp, global_batch: globalBatch },
  };
  if (rank !== 0) return void await ranks.exit(0);
  if (v.json) {
    console.log(JSON.stringify(result));
    if (comm) await ranks.exit(0);
    return;
  }
  if (comm && dp) {
    console.log(
      `data parallel: ${dp.ranks} ranks x ${batch} images (global batch ${globalBatch}), ` +
        `${dp.buckets} gradient buckets, ${(dp.gradient_bytes / 2 ** 20).toFixed(1)} MiB of ` +
        "gradients a step",
    );
    console.log(
      `  step ${dp.overlapped_ms} ms with the all-reduce overlapping the backward, ` +
        `${dp.sequential_ms} ms without; without overlap: compute ${dp.compute_ms} ms, readback ` +
        `${dp.readback_ms} ms (${dp.readback_gb_per_s} GB/s), waiting for the slowest rank ` +
        `${dp.wait_ms} ms, all-reduce ${dp.allreduce_ms} ms (${dp.allreduce_gb_per_s} GB/s), ` +
        `upload ${dp.upload_ms} ms`,
    );
  }
  console.log(`${result.net} ${result.mode} (${precision}), batch ${batch}, on ${result.adapter}`);
  console.log(
    `  ${result.images_per_s} images/s, ${result.ms_per_batch} ms/batch, ${result.gflops} GFLOP/s`,
  );
  console.log(
    `  compile ${result.compile_ms} ms, pipelines ready ${result.pipelines_ready_ms} ms, first step ${result.first_step_ms} ms`,
  );
  console.log(
    `  peak memory ${(peak / 2 ** 20).toFixed(1)} MiB (live-value bound ${
      (liveBound / 2 ** 20).toFixed(1)
    } MiB), ${result.kernel_count} kernels`,
  );
  if (loaderImagesPerS) console.log(`  loader ${result.loader_images_per_s} images/s`);
  if (kernels.length) {
    const total = kernels.reduce((s, k) => s + k.ms, 0);
    console.log("  per kernel (GPU timestamps, one pass per kernel):");
    for (const k of [...kernels].sort((a, b) => b.ms - a.ms).slice(0, 25)) {
      console.log(
        `    ${k.ms.toFixed(3).padStart(9)} ms ${(100 * k.ms / total).toFixed(1).padStart(5)}%  ${
          k.gflops.toFixed(2).padStart(8)
        } GFLOP/s  ${k.name}`,
      );
    }
  }
  if (comm) await ranks.exit(0);
}, ranks.mainOptions());
