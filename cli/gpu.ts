// The commands' door to the GPU: the device, a one-line description of the adapter, and the
// tile policy the compiler uses on it (tiles.ts's, overridden by tuning/<adapter>.json where
// that file lists a shape; VGG_TUNING=off ignores the file, to measure the defaults).
import type { TilePolicy } from "../compiler/lower.ts";
import { describeAdapter, getAdapter, getAdapterTraits, getDevice } from "../runtime/device.ts";
import { openGlBackend } from "../runtime/backend.ts";
import { adapterTraits, tilePolicy } from "../compiler/kernels/tiles.ts";
import { adapterKey, loadTuning, withTuning } from "../compiler/tuning.ts";

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
  const adapter = await getAdapter();
  const device = await getDevice();
  const info = await describeAdapter(adapter);
  const traits = await getAdapterTraits(adapter);
  // A CPU rasteriser that does not flag itself as a fallback counts as one all the same.
  const fallback = info.isFallbackAdapter || traits.cpu;
  const key = adapterKey(info);
  // The tuning tables are measured through Vulkan. wgpu's OpenGL backend reports the same
  // adapter name but compiles workgroup memory slowly (device.ts OPENGL_WORKGROUP_BYTES), which
  // the tables' tiles do not respect: it runs on the policy's tiles alone.
  const gl = openGlBackend();
  const tuning = Deno.env.get("VGG_TUNING") === "off" || gl ? undefined : await loadTuning(key);
  return {
    device,
    adapter,
    description: `${info.name}${fallback ? " (software)" : ""}${gl ? " (OpenGL)" : ""}${
      tuning ? ` (tuned: tuning/${key}.json)` : ""
    }`,
    fallback,
    timestamps: device.features.has("timestamp-query"),
    tiles: withTuning(tilePolicy(traits), tuning),
  };
}

/** Tiles for `explain`: a named adapter class ("gpu", "cpu") or the present adapter. */
export async function tilesForAdapter(
  which?: string,
): Promise<{ name: string; policy: TilePolicy }> {
  if (which === "gpu" || which === "cpu") {
    const limits = {
      maxComputeWorkgroupStorageSize: 32768,
      maxComputeInvocationsPerWorkgroup: 256,
    };
    return {
      name: which,
      policy: tilePolicy(adapterTraits({ isFallbackAdapter: which === "cpu" }, limits)),
    };
  }
  const g = await openGpu();
  return { name: g.description, policy: g.tiles };
}
