// Element counts of a kernel's storage bindings, in binding order (the step uniform is not a
// storage binding and is left out). Runners and the limits check size buffers from this.
import { convDims, convGradWeightDims } from "./conv_geometry.ts";
import type { EpilogueOp, KernelKind, KernelSpec } from "./spec.ts";

export interface StorageSize {
  elems: number;
  type: "f32" | "f16" | "i32" | "u32";
}

const f = (elems: number): StorageSize => ({ elems, type: "f32" });
const u = (elems: number): StorageSize => ({ elems, type: "u32" });

function extras(ops: readonly EpilogueOp[], size: number, channels: number): StorageSize[] {
  return ops.flatMap((op) =>
    op.op === "bias"
      ? [f(channels)]
      : op.op === "mask" || op.op === "add"
      ? [f(size)]
      : op.op === "dropout"
      ? [{ elems: 1, type: "u32" as const }]
      : []
  );
}

// The KernelSpec member whose kind includes K (PoolSpec etc. cover two kinds each).
type Of<K extends KernelKind> = KernelSpec extends infer S
  ? S extends { kind: infer SK } ? K extends SK ? S : never : never
  : never;
const sizes: { [K in KernelKind]: (s: Of<K>) => StorageSize[] } = {
  conv: (s) => {
    const { ho, wo } = convDims(s);
    const y = s.pool ? s.n * s.o * Math.floor(ho / 2) * Math.floor(wo / 2) : s.n * s.o * ho * wo;
    return [
      f(s.n * s.c * s.h * s.w),
      f(s.o * s.c * s.k * s.k),
      ...extras(s.epilogue, y, s.o),
      f(y),
    ];
  },
  conv_grad_weight: (s) => {
    const { ho, wo } = convGradWeightDims(s);
    return [f(s.n * s.c * s.h * s.w), f(s.n * s.o * ho * wo), f(s.o * s.c * s.k * s.k)];
  },
  matmul: (s) => [
    f(s.m * s.k),
    f(s.k * s.n),
    ...extras(s.accumulate ? [] : s.epilogue, s.m * s.n, s.n),
    f(s.m * s.n),
  ],
  elementwise: (s) => [
    f(s.size),
    ...extras(s.epilogue, s.size, s.layout.channels),
    f(s.size),
  ],
  maxpool: (s) => [
    f(s.n * s.c * s.h * s.w),
    f(s.n * s.c * Math.floor(s.h / 2) * Math.floor(s.w / 2)),
  ],
  maxpool_grad: (s) => {
    const x = s.n * s.c * s.h * s.w;
    const g = s.n * s.c * Math.floor(s.h / 2) * Math.floor(s.w / 2);
    return [f(x), f(g), ...extras(s.epilogue ?? [], x, s.c), f(x)];
  },
  lrn: (s) => [f(s.n * s.c * s.h * s.w), f(s.n * s.c * s.h * s.w)],
  lrn_grad: (s) => {
    const x = s.n * s.c * s.h * s.w;
    return [f(x), f(x), f(x)];
  },
  softmax: (s) => [f(s.rows * s.cols), f(s.rows * s.cols)],
  softmax_grad: (s) => [f(s.rows * s.cols), f(s.rows * s.cols), f(s.rows * s.cols)],
  softmax_xent: (s) => [f(s.rows * s.cols), { elems: s.rows, type: "i32" }, f(1)],
  softmax_xent_grad: (s) => [
    f(s.rows * s.cols),
    { elems: s.rows, type: "i32" },
    f(1),
    f(s.rows * s.cols),
  ],
  topk_correct: (s) => [f(s.rows * s.cols), { elems: s.rows, type: "i32" }, f(2)],
  bias_grad: (s) => [f(s.n * s.c * s.spatial), f(s.c)],
  copy_channels: (s) => [f(s.n * s.cIn * s.spatial), f(s.n * s.cOut * s.spatial)],
  sgd: (s) => [f(s.size), f(s.size), f(s.size), ...(s.lossScale ? [u(1)] : [])],
  nonfinite: (s) => [f(s.size), u(1)],
  fill: (s) => [f(s.size)],
};

export function storageSizes(spec: KernelSpec): StorageSize[] {
  const all = (sizes[spec.kind] as (s: KernelSpec) => StorageSize[])(spec);
  const half = "f16" in spec ? spec.f16 ?? [] : [];
  return all.map((b, i) => half.includes(i) ? { ...b, type: "f16" } : b);
}

/** Bytes per element of a storage type. */
export const elemBytes = (t: StorageSize["type"]): number => t === "f16" ? 2 : 4;
