// Runs a Winograd chain (compiler/kernels/winograd_chain.ts) on its own, for the kernel tests, the
// tuner and bench/winograd_kernels.ts: each kernel through runtime/kernel_runner.ts, buffers by
// name. Plans run the same specs as plan kernels (the executor).
import type { WinogradChain } from "../compiler/kernels/winograd_chain.ts";
import { emitKernel, type StorageSize, storageSizes } from "../compiler/kernels/mod.ts";
import { runKernelBindings, timeKernel, type TypedArray } from "./kernel_runner.ts";

function zeros(s: StorageSize): TypedArray {
  return s.type === "f16"
    ? new Float16Array(s.elems)
    : s.type === "u32"
    ? new Uint32Array(s.elems)
    : s.type === "i32"
    ? new Int32Array(s.elems)
    : new Float32Array(s.elems);
}

/** Runs every step in order; `given` holds the chain's inputs (x, wt, g, epilogue extras, and
 *  an initial dw to accumulate into), in each buffer's storage type. Returns every buffer. */
export async function runWinogradChain(
  device: GPUDevice,
  chain: WinogradChain,
  given: Record<string, TypedArray>,
): Promise<Record<string, TypedArray>> {
  const bufs: Record<string, TypedArray> = { ...given };
  for (const st of chain.steps) {
    const sizes = storageSizes(st.spec);
    const arrays = st.buffers.map((b, i) => bufs[b] ?? (bufs[b] = zeros(sizes[i])));
    const out = await runKernelBindings(device, emitKernel(st.spec), arrays);
    st.buffers.forEach((b, i) => bufs[b] = out[i]);
  }
  return bufs;
}

/** Seconds per dispatch of each step (kernel_runner's timeKernel: GPU timestamps, best of
 *  `repeats`), on zero-filled intermediates and the given inputs. */
export async function timeWinogradChain(
  device: GPUDevice,
  chain: WinogradChain,
  given: Record<string, TypedArray>,
  iters = 1,
  repeats = 3,
): Promise<{ name: string; seconds: number; flops: number }[]> {
  const bufs: Record<string, TypedArray> = { ...given };
  const out = [];
  for (const st of chain.steps) {
    const sizes = storageSizes(st.spec);
    const arrays = st.buffers.map((b, i) => bufs[b] ?? (bufs[b] = zeros(sizes[i])));
    const k = emitKernel(st.spec);
    out.push({
      name: k.name,
      seconds: await timeKernel(device, k, arrays, iters, repeats),
      flops: k.flops,
    });
  }
  return out;
}
