// The one pipeline cache: compiled compute pipelines per device, keyed by the kernel's WGSL (the
// code itself, so a key can never name other code; equal specs emit equal text, and tile
// candidates that emit the same code share one pipeline). The executor, the single-kernel runner
// and the tuner all compile through it. A failed compile is not cached.
import type { EmittedKernel } from "../compiler/kernels/spec.ts";
import { GpuError } from "./errors.ts";

const caches = new WeakMap<GPUDevice, Map<string, Promise<GPUComputePipeline>>>();

/** The compiled pipeline of `k` on `device` (created once); a validation or compile error
 *  names the kernel (`where`, else the kernel's own name) and lists its numbered WGSL. */
export function pipelineFor(
  device: GPUDevice,
  k: EmittedKernel,
  where = k.name,
): Promise<GPUComputePipeline> {
  let cache = caches.get(device);
  if (!cache) caches.set(device, cache = new Map());
  let p = cache.get(k.wgsl);
  if (!p) {
    p = compile(device, k, where);
    cache.set(k.wgsl, p);
    p.catch(() => cache.delete(k.wgsl));
  }
  return p;
}

async function compile(
  device: GPUDevice,
  k: EmittedKernel,
  where: string,
): Promise<GPUComputePipeline> {
  device.pushErrorScope("validation");
  const module = device.createShaderModule({ label: where, code: k.wgsl });
  let pipe: GPUComputePipeline | undefined, thrown: unknown;
  try {
    pipe = await device.createComputePipelineAsync({
      label: where,
      layout: "auto",
      compute: { module, entryPoint: "main" },
    });
  } catch (e) {
    thrown = e;
  }
  const err = await device.popErrorScope();
  if (err || thrown || !pipe) {
    const msg = err?.message ?? (thrown instanceof Error ? thrown.message : String(thrown));
    throw new GpuError(
      `kernel ${where} ('${k.name}') failed to compile: ${msg}\n${numbered(k.wgsl)}`,
    );
  }
  return pipe;
}

const numbered = (src: string) =>
  src.split("\n").map((l, i) => `${String(i + 1).padStart(4)}: ${l}`).join("\n");
