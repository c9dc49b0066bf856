// SGD with momentum and weight decay, in place, in PyTorch's form:
//   g' = g + wd * w;  m = momentum * m + g';  w -= lr * m.
// Caffe (the paper's framework) folds lr into the velocity (v = mu v + lr g'; w -= v); the two
// give identical weights while lr is constant and differ only in the steps right after an lr
// drop, where PyTorch's form applies the new lr to the whole velocity at once.
// Bindings w (rw), m (rw), g (read), then the step uniform: lr changes per step (schedules)
// without recompiling, so it is read from the uniform rather than baked in.
import { f32 } from "../wgsl/mod.ts";
import {
  declareBindings,
  FLAT_WORKGROUP,
  flatEntry,
  kernel,
  newWriter,
  read,
  readWrite,
  stepUniform,
} from "./common.ts";
import type { EmittedKernel, SgdSpec } from "./spec.ts";
import type { KernelDef } from "../ops/types.ts";
import { f, u } from "./io.ts";

export function emitSgd(s: SgdSpec): EmittedKernel {
  const w = newWriter(`sgd ${s.size} momentum ${s.momentum} weight decay ${s.weightDecay}`);
  const bindings = declareBindings(w, [
    readWrite("w"),
    readWrite("m"),
    read("g"),
    ...(s.lossScale ? [read("flag", "u32")] : []),
    stepUniform,
  ]);
  w.blank();
  const g = flatEntry(w, s.size, (i) => {
    const at = i.code;
    // An overflowed loss-scaled step changes nothing (the scale is lowered and the next tried).
    if (s.lossScale) w.line("if (flag[0] != 0u) { return; }");
    w.line(`let wi = w[${at}];`);
    const decay = s.weightDecay === 0 ? "" : ` + ${f32(s.weightDecay).code} * wi`;
    const grad = s.lossScale ? `g[${at}] * step_params.scale` : `g[${at}]`;
    w.line(`let gi = ${grad}${decay};`);
    w.line(`let mi = ${f32(s.momentum).code} * m[${at}] + gi;`);
    w.line(`m[${at}] = mi;`);
    w.line(`w[${at}] = wi - step_params.lr * mi;`);
  });
  return kernel({
    name: "sgd",
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: (s.lossScale ? 7 : 6) * s.size,
    bytes: 20 * s.size,
  });
}

export const sgd: KernelDef<SgdSpec> = {
  emit: emitSgd,
  storage: (s) => [f(s.size), f(s.size), f(s.size), ...(s.lossScale ? [u(1)] : [])],
};
