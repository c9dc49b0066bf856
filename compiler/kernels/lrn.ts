// Local response normalisation across channels (Krizhevsky's form, as ops/lrn.ts):
//   D_c = k + alpha * sum_{j in W(c)} x_j^2,  y_c = x_c * D_c^-beta,  W(c) = c-half .. c+half,
//   dx_i = g_i D_i^-beta - 2 alpha beta x_i sum_{c in W(i)} g_c x_c D_c^(-beta-1)
// (W is symmetric, so "windows containing i" is W(i)). One invocation per element; the
// gradient recomputes each D_c it needs (size^2 loads): LRN appears once, in VGG-A-LRN.
import { f32 } from "../wgsl/mod.ts";
import {
  declareBindings,
  FLAT_WORKGROUP,
  flatEntry,
  kernel,
  newWriter,
  read,
  readWrite,
} from "./common.ts";
import type { EmittedKernel, LrnSpec } from "./spec.ts";

export function emitLrn(s: LrnSpec): EmittedKernel {
  const grad = s.kind === "lrn_grad", plane = s.h * s.w, size = s.n * s.c * plane;
  const half = (s.size - 1) / 2;
  const w = newWriter(`${s.kind} ${s.n}x${s.c}x${s.h}x${s.w} size ${s.size}`);
  const bindings = declareBindings(
    w,
    grad ? [read("x"), read("g"), readWrite("dx")] : [read("x"), readWrite("y")],
    undefined,
    s.f16,
  );
  w.blank();
  // D at channel `c` of the pixel whose channel-0 index is `base`.
  w.block("fn denom(base: u32, c: i32) -> f32", () => {
    w.line("var sum = 0.0f;");
    w.block(
      `for (var j = max(c - ${half}i, 0i); j <= min(c + ${half}i, ${s.c - 1}i); j++)`,
      () => {
        w.line(`let v = ${w.load("x", `base + u32(j) * ${plane}u`)};`);
        w.line("sum += v * v;");
      },
    );
    w.line(`return ${f32(s.k).code} + ${f32(s.alpha).code} * sum;`);
  });
  w.blank();
  const beta = f32(s.beta).code, beta1 = f32(-s.beta - 1).code;
  const g = flatEntry(w, size, (i) => {
    w.line(`let ch = i32((${i.code} / ${plane}u) % ${s.c}u);`);
    w.line(`let base = (${i.code} / ${s.c * plane}u) * ${s.c * plane}u + ${i.code} % ${plane}u;`);
    if (!grad) {
      w.store("y", i, `${w.load("x", i)} * pow(denom(base, ch), -${beta})`);
      return;
    }
    w.line("var acc = 0.0f;");
    w.block(
      `for (var c = max(ch - ${half}i, 0i); c <= min(ch + ${half}i, ${s.c - 1}i); c++)`,
      () => {
        w.line(`let at = base + u32(c) * ${plane}u;`);
        w.line(
          `acc += ${w.load("g", "at")} * ${w.load("x", "at")} * pow(denom(base, c), ${beta1});`,
        );
      },
    );
    const coef = f32(2 * s.alpha * s.beta).code;
    w.store(
      "dx",
      i,
      `${w.load("g", i)} * pow(denom(base, ch), -${beta}) - ${coef} * ${w.load("x", i)} * acc`,
    );
  });
  return kernel({
    name: s.kind,
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: size * (grad ? 4 * s.size * s.size : 3 * s.size),
    bytes: 4 * size * (grad ? 3 : 2),
  });
}
