// Checks an emitted kernel against the adapter's limits before WebGPU sees it, so an oversized
// layer fails with its name and the limit it breaks instead of a validation error on submit.
import { UserError } from "../errors.ts";
import type { EmittedKernel } from "./spec.ts";

export class LimitError extends UserError {}

/** The limits read (a GPUSupportedLimits satisfies it). */
export type KernelLimits = Pick<
  GPUSupportedLimits,
  | "maxStorageBuffersPerShaderStage"
  | "maxUniformBuffersPerShaderStage"
  | "maxBindingsPerBindGroup"
  | "maxComputeWorkgroupSizeX"
  | "maxComputeWorkgroupSizeY"
  | "maxComputeWorkgroupSizeZ"
  | "maxComputeInvocationsPerWorkgroup"
  | "maxComputeWorkgroupStorageSize"
  | "maxComputeWorkgroupsPerDimension"
  | "maxStorageBufferBindingSize"
  | "maxUniformBufferBindingSize"
  | "maxBufferSize"
>;

const mib = (b: number) => `${(b / 1048576).toFixed(1)} MiB`;

/** Throws a LimitError naming `where` (the layer) and every limit the kernel exceeds.
 *  `bindingBytes[i]` is the byte size of binding i (storage and uniform alike). */
export function checkLimits(
  kernel: EmittedKernel,
  limits: KernelLimits,
  where: string,
  bindingBytes: readonly number[] = [],
): void {
  const problems: string[] = [];
  const over = (what: string, need: number, limit: number, name: string) => {
    if (need > limit) problems.push(`${what} ${need} > ${limit} (${name})`);
  };
  const storage = kernel.bindings.filter((b) => b.access !== "uniform").length;
  const uniforms = kernel.bindings.length - storage;
  over(
    "storage buffers",
    storage,
    limits.maxStorageBuffersPerShaderStage,
    "maxStorageBuffersPerShaderStage",
  );
  over(
    "uniform buffers",
    uniforms,
    limits.maxUniformBuffersPerShaderStage,
    "maxUniformBuffersPerShaderStage",
  );
  over(
    "bindings",
    kernel.bindings.length,
    limits.maxBindingsPerBindGroup,
    "maxBindingsPerBindGroup",
  );
  const [x, y, z] = kernel.workgroupSize;
  over("workgroup size x", x, limits.maxComputeWorkgroupSizeX, "maxComputeWorkgroupSizeX");
  over("workgroup size y", y, limits.maxComputeWorkgroupSizeY, "maxComputeWorkgroupSizeY");
  over("workgroup size z", z, limits.maxComputeWorkgroupSizeZ, "maxComputeWorkgroupSizeZ");
  over(
    "invocations per workgroup",
    x * y * z,
    limits.maxComputeInvocationsPerWorkgroup,
    "maxComputeInvocationsPerWorkgroup",
  );
  over(
    "workgroup storage bytes",
    kernel.workgroupStorageBytes,
    limits.maxComputeWorkgroupStorageSize,
    "maxComputeWorkgroupStorageSize",
  );
  kernel.workgroups.forEach((n, d) =>
    over(
      `workgroups along ${"xyz"[d]}`,
      n,
      limits.maxComputeWorkgroupsPerDimension,
      "maxComputeWorkgroupsPerDimension",
    )
  );
  bindingBytes.forEach((bytes, i) => {
    const b = kernel.bindings[i];
    if (!b) return;
    const uniform = b.access === "uniform";
    const limit = uniform ? limits.maxUniformBufferBindingSize : limits.maxStorageBufferBindingSize;
    const name = uniform ? "maxUniformBufferBindingSize" : "maxStorageBufferBindingSize";
    if (bytes > limit) {
      problems.push(`binding ${i} '${b.name}' is ${mib(bytes)} > ${mib(limit)} (${name})`);
    }
    if (bytes > limits.maxBufferSize) {
      problems.push(
        `binding ${i} '${b.name}' is ${mib(bytes)} > ${mib(limits.maxBufferSize)} (maxBufferSize)`,
      );
    }
  });
  if (problems.length) {
    throw new LimitError(
      `${where}: kernel '${kernel.name}' exceeds this adapter's limits: ${problems.join("; ")}. ` +
        "Use a smaller batch or input size, or an adapter with higher limits.",
    );
  }
}
