// The commands' door to the GPU: the device, a one-line description of the adapter, and the
// tile policy the compiler uses on it.
import type { TilePolicy } from "../compiler/lower.ts";
import { acquireDevice, describeAdapter } from "../runtime/device.ts";
import { adapterTraits, tilePolicy } from "../compiler/kernels/tiles.ts";

export interface Gpu {
  device: GPUDevice;
  adapter: GPUAdapter;
  /** e.g. "llvmpipe (LLVM 15.0.6, 256 bits) (software fallback)". */
  description: string;
  /** A software adapter (llvmpipe/lavapipe/SwiftShader): commands shrink their defaults. */
  fallback: boolean;
  timestamps: boolean;
  tiles: TilePolicy;
}

export async function openGpu(): Promise<Gpu> {
  const { device, adapter } = await acquireDevice();
  const info = describeAdapter(adapter);
  const fallback = info.isFallbackAdapter;
  return {
    device,
    adapter,
    description: `${info.description}${fallback ? " (software fallback)" : ""}`,
    fallback,
    timestamps: device.features.has("timestamp-query"),
    tiles: tilePolicy(adapterTraits({ ...info, isFallbackAdapter: fallback }, device.limits)),
  };
}

/** Tiles for `explain` without opening a device when the adapter is named ("gpu", "fallback"). */
export async function tilesForAdapter(which?: string): Promise<{ name: string; policy: TilePolicy }> {
  if (which === "gpu" || which === "fallback") {
    const limits = { maxComputeWorkgroupStorageSize: 32768, maxComputeInvocationsPerWorkgroup: 256 };
    return { name: which, policy: tilePolicy(adapterTraits({ isFallbackAdapter: which === "fallback" }, limits)) };
  }
  const g = await openGpu();
  return { name: g.description, policy: g.tiles };
}
