// Runs one kernel on its own: for kernel tests and tile tuning, not for training (the executor
// batches a whole plan into one submission). Buffers are made per call; pipelines come from
// the one pipeline cache (pipelines.ts).
import { emitKernel, storageSizes } from "../compiler/kernels/mod.ts";
import type { EmittedKernel, KernelSpec } from "../compiler/kernels/spec.ts";
import { STEP_BYTES, stepBytes, type StepValues } from "../compiler/kernels/step.ts";
import { GpuError } from "./errors.ts";
import { pipelineFor } from "./pipelines.ts";

export { pipelineFor, type StepValues };

/** Float16Array for bindings a spec stores as f16 (`f16` positions). */
export type TypedArray = Float32Array | Float16Array | Int32Array | Uint32Array;

function isSpec(k: KernelSpec | EmittedKernel): k is KernelSpec {
  return "kind" in k;
}

const align16 = (n: number) => Math.max(16, Math.ceil(n / 16) * 16);

/** The bytes of `a` padded to a multiple of 4 (writeBuffer's unit; an odd-length f16 array). */
export function writable(a: TypedArray): BufferSource {
  if (a.byteLength % 4 === 0) return a as unknown as BufferSource;
  const out = new Uint8Array(Math.ceil(a.byteLength / 4) * 4);
  out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return out;
}

function emitted(kernel: KernelSpec | EmittedKernel): EmittedKernel {
  return isSpec(kernel) ? emitKernel(kernel) : kernel;
}

/** Binds `arrays` to the storage bindings in order, dispatches once, and returns every storage
 *  binding's contents afterwards (read-only ones as given). */
export async function runKernelBindings(
  device: GPUDevice,
  kernel: KernelSpec | EmittedKernel,
  arrays: readonly TypedArray[],
  step: StepValues = {},
): Promise<TypedArray[]> {
  const k = emitted(kernel);
  const storage = k.bindings.filter((b) => b.access !== "uniform");
  if (arrays.length !== storage.length) {
    throw new GpuError(
      `kernel '${k.name}' has ${storage.length} storage bindings, got ${arrays.length} arrays`,
    );
  }
  const pipe = await pipelineFor(device, k);
  const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
  const buffers = arrays.map((a, i) =>
    device.createBuffer({ label: storage[i].name, size: align16(a.byteLength), usage })
  );
  arrays.forEach((a, i) => device.queue.writeBuffer(buffers[i], 0, writable(a)));
  const stepBuf = device.createBuffer({
    label: "step",
    size: STEP_BYTES,
    usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
  });
  device.queue.writeBuffer(stepBuf, 0, stepBytes(step));
  let s = 0;
  const entries = k.bindings.map((b, i) => ({
    binding: i,
    resource: { buffer: b.access === "uniform" ? stepBuf : buffers[s++] },
  }));
  device.pushErrorScope("validation");
  const group = device.createBindGroup({ layout: pipe.getBindGroupLayout(0), entries });
  const enc = device.createCommandEncoder();
  const pass = enc.beginComputePass();
  pass.setPipeline(pipe);
  pass.setBindGroup(0, group);
  pass.dispatchWorkgroups(...k.workgroups);
  pass.end();
  const staging = storage.map((b, i) => {
    if (b.access !== "read_write") return null;
    const st = device.createBuffer({
      size: buffers[i].size,
      usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ,
    });
    enc.copyBufferToBuffer(buffers[i], 0, st, 0, buffers[i].size);
    return st;
  });
  device.queue.submit([enc.finish()]);
  const err = await device.popErrorScope();
  if (err) throw new GpuError(`kernel '${k.name}': ${err.message}`);
  const out = await Promise.all(arrays.map(async (a, i) => {
    const st = staging[i];
    if (!st) return a;
    await st.mapAsync(GPUMapMode.READ);
    const copy = a.slice() as TypedArray;
    new Uint8Array(copy.buffer).set(new Uint8Array(st.getMappedRange(), 0, a.byteLength));
    st.unmap();
    st.destroy();
    return copy;
  }));
  for (const b of buffers) b.destroy();
  stepBuf.destroy();
  return out;
}

/** Runs a kernel and returns its output (the last read-write binding). `inputs` are the
 *  bindings before the output; the output starts as `outputInit`, or zeros sized from the spec
 *  (an EmittedKernel alone needs outputInit). */
export async function runKernel(
  device: GPUDevice,
  kernel: KernelSpec | EmittedKernel,
  inputs: readonly TypedArray[],
  outputInit?: TypedArray,
  step?: StepValues,
): Promise<TypedArray> {
  const k = emitted(kernel);
  const storage = k.bindings.filter((b) => b.access !== "uniform");
  const arrays = [...inputs];
  if (arrays.length === storage.length - 1) {
    if (outputInit) arrays.push(outputInit);
    else if (isSpec(kernel)) {
      const o = storageSizes(kernel)[storage.length - 1];
      arrays.push(
        o.type === "f32"
          ? new Float32Array(o.elems)
          : o.type === "f16"
          ? new Float16Array(o.elems)
          : new Int32Array(o.elems),
      );
    } else throw new GpuError(`kernel '${k.name}': outputInit is needed to size the output`);
  }
  const out = await runKernelBindings(device, k, arrays, step);
  const last = storage.map((b) => b.access).lastIndexOf("read_write");
  return out[last];
}

/** Seconds per dispatch: the best of `repeats` submissions of `iters` dispatches each (the
 *  best, because a shared machine only ever adds time), from GPU timestamps when the device
 *  has them, else wall time. */
export async function timeKernel(
  device: GPUDevice,
  kernel: KernelSpec | EmittedKernel,
  arrays: readonly TypedArray[],
  iters = 2,
  repeats = 3,
): Promise<number> {
  const k = emitted(kernel);
  const pipe = await pipelineFor(device, k);
  const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST;
  const buffers = arrays.map((a) => {
    const b = device.createBuffer({ size: align16(a.byteLength), usage });
    device.queue.writeBuffer(b, 0, writable(a));
    return b;
  });
  const stepBuf = device.createBuffer({ size: STEP_BYTES, usage: GPUBufferUsage.UNIFORM });
  let s = 0;
  const group = device.createBindGroup({
    layout: pipe.getBindGroupLayout(0),
    entries: k.bindings.map((b, i) => ({
      binding: i,
      resource: { buffer: b.access === "uniform" ? stepBuf : buffers[s++] },
    })),
  });
  const timestamps = device.features.has("timestamp-query");
  const run = async (n: number): Promise<number> => {
    const enc = device.createCommandEncoder();
    const qs = timestamps ? device.createQuerySet({ type: "timestamp", count: 2 }) : null;
    const pass = enc.beginComputePass(
      qs
        ? {
          timestampWrites: { querySet: qs, beginningOfPassWriteIndex: 0, endOfPassWriteIndex: 1 },
        }
        : {},
    );
    pass.setPipeline(pipe);
    pass.setBindGroup(0, group);
    for (let i = 0; i < n; i++) pass.dispatchWorkgroups(...k.workgroups);
    pass.end();
    let resolve: GPUBuffer | null = null, read: GPUBuffer | null = null;
    if (qs) {
      resolve = device.createBuffer({
        size: 16,
        usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC,
      });
      read = device.createBuffer({
        size: 16,
        usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ,
      });
      enc.resolveQuerySet(qs, 0, 2, resolve, 0);
      enc.copyBufferToBuffer(resolve, 0, read, 0, 16);
    }
    const t0 = performance.now();
    device.queue.submit([enc.finish()]);
    await device.queue.onSubmittedWorkDone();
    const wall = (performance.now() - t0) / 1000;
    if (!read) return wall / n;
    await read.mapAsync(GPUMapMode.READ);
    const [a, b] = new BigInt64Array(read.getMappedRange());
    read.unmap();
    const gpu = Number(b - a) / 1e9;
    // Some drivers report zeros: fall back to wall time.
    return (gpu > 0 ? gpu : wall) / n;
  };
  await run(1); // warm-up: first dispatch pays for lazy compilation on some drivers
  let t = Infinity;
  for (let r = 0; r < repeats; r++) t = Math.min(t, await run(iters));
  for (const b of buffers) b.destroy();
  stepBuf.destroy();
  return t;
}
