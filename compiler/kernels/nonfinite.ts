// flag |= 1 if any g[i] is infinite or NaN: the overflow check of a loss-scaled f16 training
// step, run over every weight gradient before the updates, which skip the step when it is set.
// The test is on the bits (exponent all ones): WGSL lets compilers assume floats are finite, so
// `g != g` or a comparison with infinity may be folded away.
import {
  declareBindings,
  FLAT_WORKGROUP,
  flatEntry,
  kernel,
  newWriter,
  read,
  readWrite,
} from "./common.ts";
import type { EmittedKernel, NonFiniteSpec } from "./spec.ts";
import type { KernelDef } from "../ops/types.ts";
import { f, u } from "./io.ts";

export function emitNonFinite(s: NonFiniteSpec): EmittedKernel {
  const w = newWriter(`nonfinite ${s.size}`);
  const bindings = declareBindings(w, [read("g"), readWrite("flag", "atomic<u32>")]);
  w.blank();
  const g = flatEntry(w, s.size, (i) => {
    w.block(`if ((bitcast<u32>(g[${i.code}]) & 0x7f800000u) == 0x7f800000u)`, () => {
      w.line("atomicOr(&flag[0], 1u);");
    });
  });
  return kernel({
    name: "nonfinite",
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: s.size,
    bytes: 4 * s.size,
  });
}

export const nonfinite: KernelDef<NonFiniteSpec> = {
  emit: emitNonFinite,
  storage: (s) => [f(s.size), u(1)],
};
