// out[i] = value: zeroes gradient buffers before micro-batches accumulate into them.
import { f32 } from "../wgsl/mod.ts";
import {
  declareBindings,
  FLAT_WORKGROUP,
  flatEntry,
  kernel,
  newWriter,
  readWrite,
} from "./common.ts";
import type { EmittedKernel, FillSpec } from "./spec.ts";
import type { KernelDef } from "../ops/types.ts";
import { f } from "./io.ts";

export function emitFill(s: FillSpec): EmittedKernel {
  const w = newWriter(`fill ${s.size} with ${s.value}`);
  const bindings = [readWrite("out")];
  declareBindings(w, bindings);
  w.blank();
  const g = flatEntry(w, s.size, (i) => w.line(`out[${i.code}] = ${f32(s.value).code};`));
  return kernel({
    name: "fill",
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: 0,
    bytes: 4 * s.size,
  });
}

export const fill: KernelDef<FillSpec> = {
  emit: emitFill,
  storage: (s) => [f(s.size)],
};
