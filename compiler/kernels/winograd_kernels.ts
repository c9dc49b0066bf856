// The Winograd kernel kinds (specs in winograd_spec.ts) as KernelDefs: emitter, storage sizes in
// binding order, and the epilogue for the kernels that store the conv's output (the output
// transform, and the GEMM that does the output transform itself). Listed in the kernel table
// (mod.ts) with every other kind.
import type { KernelDef } from "../ops/types.ts";
import { appendEpilogue } from "../ops/util.ts";
import { epilogueSizes } from "./epilogue.ts";
import { f } from "./io.ts";
import type { EpilogueOp } from "./spec.ts";
import { emitWinogradFilter, emitWinogradInput, emitWinogradOutput } from "./winograd.ts";
import { emitWinogradGemm } from "./winograd_gemm.ts";
import {
  emitWinogradGradG,
  emitWinogradGradGemm,
  emitWinogradGradOut,
} from "./winograd_grad_weight.ts";
import {
  outputSize,
  type WinogradConv,
  winogradGeometry,
  type WinogradKernels,
} from "./winograd_spec.ts";

const a2 = (s: { m: number }) => (s.m + 2) ** 2;
const xSize = (s: Omit<WinogradConv, "o">) => s.n * s.c * s.h * s.w;

/** The epilogue of a kernel that stores y: a pooled one takes no more ops (its epilogue runs
 *  before the pool, as the direct conv's). */
const outputEpilogue = <S extends { epilogue: EpilogueOp[]; pool?: string }>(
  s: S,
  op: EpilogueOp,
): S | undefined => s.pool ? undefined : appendEpilogue(s, op);

export const winogradKernels: { [K in keyof WinogradKernels]: KernelDef<WinogradKernels[K]> } = {
  winograd_filter: {
    emit: emitWinogradFilter,
    storage: (s) => [f(s.o * s.c * 9), f(a2(s) * s.c * s.o)],
  },
  winograd_input: {
    emit: emitWinogradInput,
    storage: (s) => [f(xSize(s)), f(a2(s) * s.c * winogradGeometry(s).p)],
  },
  winograd_gemm: {
    emit: emitWinogradGemm,
    storage: (s) => {
      const p = winogradGeometry(s).p, y = outputSize(s);
      const main = s.input === "v" ? f(a2(s) * s.c * p) : f(xSize(s));
      const out = s.output === "m"
        ? [f(a2(s) * s.o * p)]
        : [...epilogueSizes(s.epilogue, y, s.o), f(y)];
      return [main, f(a2(s) * s.c * s.o), ...out];
    },
    // Only the form that stores y (output transform fused) ends the chain.
    epilogue: (s, op) => s.output === "y" ? outputEpilogue(s, op) : undefined,
  },
  winograd_output: {
    emit: emitWinogradOutput,
    storage: (s) => {
      const y = outputSize(s);
      return [
        f(a2(s) * s.o * winogradGeometry(s).p),
        ...epilogueSizes(s.epilogue, y, s.o),
        f(y),
      ];
    },
    epilogue: outputEpilogue,
  },
  winograd_grad_g: {
    emit: emitWinogradGradG,
    storage: (s) => [f(s.n * s.o * s.h * s.w), f(a2(s) * s.o * winogradGeometry(s).p)],
  },
  winograd_grad_gemm: {
    emit: emitWinogradGradGemm,
    storage: (s) => {
      const p = winogradGeometry(s).p;
      return [f(a2(s) * s.o * p), f(a2(s) * s.c * p), f(s.slices * a2(s) * s.o * s.c)];
    },
  },
  winograd_grad_out: {
    emit: emitWinogradGradOut,
    storage: (s) => [f(s.slices * a2(s) * s.o * s.c), f(s.o * s.c * 9)],
  },
};
