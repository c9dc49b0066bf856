// The kernel kinds, each with its emitter and its storage sizes (a KernelDef): the shared
// families here, the kernels of one primitive from its module (compiler/ops/mod.ts). A mapped
// type, so a kind without its definition is a type error. emitKernel is the only entry the
// lowering and the runtime need.
import { primKernels } from "../ops/mod.ts";
import type { KernelDef } from "../ops/types.ts";
import { biasGrad } from "./bias_grad.ts";
import { conv } from "./conv.ts";
import { convPack } from "./conv_pack.ts";
import { convGradWeight } from "./conv_grad_weight.ts";
import { copyChannels } from "./copy_channels.ts";
import { elementwise } from "./elementwise.ts";
import { fill } from "./fill.ts";
import { elemBytes, type StorageSize } from "./io.ts";
import { matmul } from "./matmul.ts";
import { nonfinite } from "./nonfinite.ts";
import { rowKinds } from "./rows.ts";
import { sgd } from "./sgd.ts";
import type { EmittedKernel, KernelKind, KernelSpec, KernelSpecs } from "./spec.ts";
import { winogradKernels } from "./winograd_kernels.ts";

export const kernels: { [K in KernelKind]: KernelDef<KernelSpecs[K]> } = {
  conv,
  conv_pack: convPack,
  conv_grad_weight: convGradWeight,
  matmul,
  elementwise,
  ...rowKinds,
  bias_grad: biasGrad,
  copy_channels: copyChannels,
  sgd,
  nonfinite,
  fill,
  ...winogradKernels,
  ...primKernels,
};

/** The definition of a spec's kind. */
export const kernelOf = (spec: KernelSpec) => kernels[spec.kind] as KernelDef<KernelSpec>;

export function emitKernel(spec: KernelSpec): EmittedKernel {
  const k = kernelOf(spec).emit(spec);
  if (!("f16" in spec) || !spec.f16?.length) return k;
  // The emitters count 4 bytes an element; f16 storage moves 2 for its tensors. Scaled by the
  // share of f16 bytes among the bindings (each counted once), for the roofline in `explain`.
  const sizes = storageSizes(spec);
  const all = sizes.reduce((a, b) => a + 4 * b.elems, 0);
  const stored = sizes.reduce((a, b) => a + elemBytes(b.type) * b.elems, 0);
  return { ...k, bytes: Math.round(k.bytes * stored / Math.max(1, all)) };
}

/** Element counts and types of the spec's storage bindings in binding order, f16 where the
 *  spec stores a binding as f16. */
export function storageSizes(spec: KernelSpec): StorageSize[] {
  const all = kernelOf(spec).storage(spec);
  const half = "f16" in spec ? spec.f16 ?? [] : [];
  return all.map((b, i) => half.includes(i) ? { ...b, type: "f16" } : b);
}

export type { StorageSize } from "./io.ts";
export { checkLimits, LimitError } from "./limits.ts";
export { type AdapterTraits, adapterTraits, tilePolicy } from "./tiles.ts";
export type * from "./spec.ts";
export { specKey } from "./spec.ts";
