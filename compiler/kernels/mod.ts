// The kernel emitters, one per kind: a mapped type, so a kind without an emitter is a type
// error. emitKernel is the only entry the lowering and the runtime need.
import { emitBiasGrad } from "./bias_grad.ts";
import { emitConv } from "./conv.ts";
import { emitConvGradWeight } from "./conv_grad_weight.ts";
import { emitCopyChannels } from "./copy_channels.ts";
import { emitElementwise } from "./elementwise.ts";
import { emitFill } from "./fill.ts";
import { emitLrn } from "./lrn.ts";
import { emitMatmul } from "./matmul.ts";
import { emitPool } from "./pool.ts";
import { emitRows } from "./rows.ts";
import { emitSgd } from "./sgd.ts";
import { emitNonFinite } from "./nonfinite.ts";
import { elemBytes, storageSizes } from "./io.ts";
import type { EmittedKernel, KernelKind, KernelSpec } from "./spec.ts";

// The KernelSpec member whose kind includes K (PoolSpec etc. cover two kinds each).
type Of<K extends KernelKind> = KernelSpec extends infer S
  ? S extends { kind: infer SK } ? K extends SK ? S : never : never
  : never;

export const emitters: { [K in KernelKind]: (spec: Of<K>) => EmittedKernel } = {
  conv: emitConv,
  conv_grad_weight: emitConvGradWeight,
  matmul: emitMatmul,
  elementwise: emitElementwise,
  maxpool: emitPool,
  maxpool_grad: emitPool,
  lrn: emitLrn,
  lrn_grad: emitLrn,
  softmax: emitRows,
  softmax_grad: emitRows,
  softmax_xent: emitRows,
  softmax_xent_grad: emitRows,
  topk_correct: emitRows,
  bias_grad: emitBiasGrad,
  copy_channels: emitCopyChannels,
  sgd: emitSgd,
  nonfinite: emitNonFinite,
  fill: emitFill,
};

export function emitKernel(spec: KernelSpec): EmittedKernel {
  const k = (emitters[spec.kind] as (s: KernelSpec) => EmittedKernel)(spec);
  if (!("f16" in spec) || !spec.f16?.length) return k;
  // The emitters count 4 bytes an element; f16 storage moves 2 for its tensors. Scaled by the
  // share of f16 bytes among the bindings (each counted once), for the roofline in `explain`.
  const sizes = storageSizes(spec);
  const all = sizes.reduce((a, b) => a + 4 * b.elems, 0);
  const stored = sizes.reduce((a, b) => a + elemBytes(b.type) * b.elems, 0);
  return { ...k, bytes: Math.round(k.bytes * stored / Math.max(1, all)) };
}

export { type StorageSize, storageSizes } from "./io.ts";
export { checkLimits, LimitError } from "./limits.ts";
export { type AdapterTraits, adapterTraits, tilePolicy } from "./tiles.ts";
export type * from "./spec.ts";
export { specKey, STEP_UNIFORM_WGSL } from "./spec.ts";
