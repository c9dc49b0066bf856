// A standalone epilogue: out[i] = epilogue(in[i]), for elementwise ops that found no producer
// to fold into (a residual add of two kernels' outputs, ReLU after a pool, ...).
import { div, mod } from "../wgsl/mod.ts";
import {
  declareBindings,
  FLAT_WORKGROUP,
  flatEntry,
  kernel,
  newWriter,
  read,
  readWrite,
} from "./common.ts";
import {
  emitEpilogueHelpers,
  emitOutputStore,
  epilogueBindings,
  epilogueBytes,
  epilogueLabels,
  epilogueSizes,
} from "./epilogue.ts";
import { f } from "./io.ts";
import type { ElementwiseSpec, EmittedKernel } from "./spec.ts";
import type { KernelDef } from "../ops/types.ts";
import { appendEpilogue } from "../ops/util.ts";

export function emitElementwise(s: ElementwiseSpec): EmittedKernel {
  const w = newWriter(`elementwise ${s.size} [${epilogueLabels(s.epilogue).join(", ")}]`);
  const bindings = declareBindings(
    w,
    [read("x"), ...epilogueBindings(s.epilogue), readWrite("y")],
    undefined,
    s.f16,
  );
  emitEpilogueHelpers(w, s.epilogue);
  w.blank();
  const { channels, spatial } = s.layout;
  const g = flatEntry(w, s.size, (i) => {
    const channel = () => mod(div(i, spatial), channels);
    emitOutputStore(w, "y", s.epilogue, false, w.load("x", i.code), i, channel);
  });
  return kernel({
    name: "elementwise",
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: s.size * s.epilogue.length,
    bytes: 8 * s.size + epilogueBytes(s.epilogue, s.size, channels),
  });
}

export const elementwise: KernelDef<ElementwiseSpec> = {
  emit: emitElementwise,
  storage: (s) => [f(s.size), ...epilogueSizes(s.epilogue, s.size, s.layout.channels), f(s.size)],
  epilogue: appendEpilogue,
};
