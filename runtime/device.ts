// Adapter and device acquisition: one device per process, created with the adapter's own
// maxima for the limits large nets hit (WebGPU's defaults cap storage bindings at 128 MiB and
// workgroup memory at 16 KiB), and the optional features the runtime can use.
import { UserError } from "../compiler/errors.ts";
import { type AdapterTraits, adapterTraits } from "../compiler/kernels/tiles.ts";
import { chooseBackend, chosenBackend, openGlBackend } from "./backend.ts";

/** Limits requested at the adapter's maximum. */
const RAISED_LIMITS = [
  "maxStorageBufferBindingSize",
  "maxBufferSize",
  "maxComputeWorkgroupStorageSize",
  "maxStorageBuffersPerShaderStage",
  "maxComputeInvocationsPerWorkgroup",
  "maxComputeWorkgroupSizeX",
  "maxComputeWorkgroupSizeY",
  "maxComputeWorkgroupSizeZ",
] as const;

const OPTIONAL_FEATURES: GPUFeatureName[] = ["timestamp-query", "shader-f16"];

export class NoAdapterError extends UserError {
  constructor(detail: string) {
    super(
      `No WebGPU adapter (${detail}). Install a GPU driver with Vulkan support, or Mesa's CPU ` +
        "implementation (llvmpipe/lavapipe): `apt-get install mesa-vulkan-drivers`. Deno needs " +
        "no flag for navigator.gpu.",
    );
  }
}

export interface AdapterDescription {
  /** The driver's name for the adapter, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)". */
  name: string;
  vendor: string;
  architecture: string;
  isFallbackAdapter: boolean;
  features: string[];
}

let adapterPromise: Promise<GPUAdapter> | undefined;
let devicePromise: Promise<GPUDevice> | undefined;

export function getAdapter(): Promise<GPUAdapter> {
  adapterPromise ??= (async () => {
    if (typeof navigator === "undefined" || !("gpu" in navigator) || !navigator.gpu) {
      throw new NoAdapterError("navigator.gpu is missing in this runtime");
    }
    chooseBackend();
    const adapter = await navigator.gpu.requestAdapter({ powerPreference: "high-performance" });
    if (!adapter) {
      throw new NoAdapterError(
        chosenBackend
          ? `requestAdapter() returned null on the ${chosenBackend} backend, chosen because a ` +
            "Vulkan driver is installed; DENO_WEBGPU_BACKEND=gl tries OpenGL instead"
          : "requestAdapter() returned null",
      );
    }
    return adapter;
  })();
  adapterPromise.catch(() => adapterPromise = undefined);
  return adapterPromise;
}

/** The process's device (created once; recreated after a device loss). */
export function getDevice(): Promise<GPUDevice> {
  devicePromise ??= (async () => {
    const adapter = await getAdapter();
    const requiredLimits: Record<string, number> = {};
    for (const k of RAISED_LIMITS) {
      const v = adapter.limits[k];
      if (typeof v === "number") requiredLimits[k] = v;
    }
    const requiredFeatures = OPTIONAL_FEATURES.filter((f) => adapter.features.has(f));
    const device = await adapter.requestDevice({ requiredLimits, requiredFeatures });
    device.lost.then(() => devicePromise = undefined);
    return device;
  })();
  devicePromise.catch(() => devicePromise = undefined);
  return devicePromise;
}

/** Deno keeps isFallbackAdapter on adapter.info; browsers had it on the adapter. */
function isFallback(adapter: GPUAdapter): boolean {
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  const old = adapter as GPUAdapter & { isFallbackAdapter?: boolean };
  return !!(info.isFallbackAdapter ?? old.isFallbackAdapter);
}

export async function describeAdapter(adapter?: GPUAdapter): Promise<AdapterDescription> {
  const a = adapter ?? await getAdapter();
  const info = a.info;
  return {
    name: info.description || info.device || "unknown adapter",
    vendor: info.vendor,
    architecture: info.architecture,
    isFallbackAdapter: isFallback(a),
    features: [...a.features].sort(),
  };
}

/** Workgroup memory a kernel may use on wgpu's OpenGL backend. WGSL zero-initialises workgroup
 *  arrays, and the OpenGL path compiles that in time that grows faster than the array: a kernel
 *  with one 4096-float array took 86 s to compile on llvmpipe through OpenGL, 1024 floats 2.6 s,
 *  256 floats 0.2 s (measured 2026-11-28, Mesa's shader cache off). E/w8's weight-gradient
 *  kernels with 6144-float lane sums took 64-192 s each, so a cold quick start on a machine
 *  without Vulkan ran past 13 minutes before its first step. 2 KiB keeps each kernel to a second
 *  or so; tiles.ts sizes lanes and blocks by this budget. */
export const OPENGL_WORKGROUP_BYTES = 2048;

/** The adapter facts tile selection reads (compiler/kernels/tiles.ts). */
export async function getAdapterTraits(adapter?: GPUAdapter): Promise<AdapterTraits> {
  const a = adapter ?? await getAdapter();
  const limits = {
    maxComputeInvocationsPerWorkgroup: a.limits.maxComputeInvocationsPerWorkgroup,
    maxComputeWorkgroupStorageSize: openGlBackend()
      ? Math.min(a.limits.maxComputeWorkgroupStorageSize, OPENGL_WORKGROUP_BYTES)
      : a.limits.maxComputeWorkgroupStorageSize,
  };
  return adapterTraits(
    { description: a.info.description, device: a.info.device, isFallbackAdapter: isFallback(a) },
    limits,
  );
}
