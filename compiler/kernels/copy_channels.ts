// Channel copy between NCHW tensors (concat writes each input into its channel range; slice
// reads one range): within one sample the `count` channels are contiguous on both sides.
import { add, div, mod, mul } from "../wgsl/mod.ts";
import {
  declareBindings,
  FLAT_WORKGROUP,
  flatEntry,
  kernel,
  newWriter,
  read,
  readWrite,
} from "./common.ts";
import type { CopyChannelsSpec, EmittedKernel } from "./spec.ts";
import type { KernelDef } from "../ops/types.ts";
import { f } from "./io.ts";

export function emitCopyChannels(s: CopyChannelsSpec): EmittedKernel {
  const w = newWriter(
    `copy_channels ${s.n}x[${s.inOffset}..+${s.count} of ${s.cIn}] -> [${s.outOffset}.. of ${s.cOut}] x ${s.spatial}`,
  );
  const bindings = declareBindings(w, [read("src"), readWrite("dst")], undefined, s.f16);
  w.blank();
  const run = s.count * s.spatial, size = s.n * run;
  const g = flatEntry(w, size, (i) => {
    const img = div(i, run), rem = mod(i, run);
    const to = add(mul(add(mul(img, s.cOut), s.outOffset), s.spatial), rem);
    const from = add(mul(add(mul(img, s.cIn), s.inOffset), s.spatial), rem);
    const dstI = w.let("dst_i", to), srcI = w.let("src_i", from);
    w.store("dst", dstI, w.load("src", srcI));
  });
  return kernel({
    name: "copy_channels",
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: 0,
    bytes: 8 * size,
  });
}

export const copyChannels: KernelDef<CopyChannelsSpec> = {
  emit: emitCopyChannels,
  storage: (s) => [f(s.n * s.cIn * s.spatial), f(s.n * s.cOut * s.spatial)],
};
