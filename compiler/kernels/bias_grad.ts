// db[c] (+)= sum of g[n, c, s] over n and s. Conv layers (large spatial extent) use one
// workgroup per channel whose invocations stride over the plane, then sum their partials in
// index order; FC layers (spatial 1) use one invocation per channel, where neighbouring lanes
// read neighbouring channels. Both orders are fixed, so the result is deterministic.
import {
  ceilDiv,
  declareBindings,
  entry,
  grid,
  kernel,
  newWriter,
  read,
  readWrite,
} from "./common.ts";
import type { BiasGradSpec, EmittedKernel } from "./spec.ts";
import type { KernelDef } from "../ops/types.ts";
import { f } from "./io.ts";

const WG = 64;
/** Planes at least this large get a workgroup per channel. */
const WORKGROUP_PER_CHANNEL_MIN_SPATIAL = 32;

export function emitBiasGrad(s: BiasGradSpec): EmittedKernel {
  const w = newWriter(`bias_grad ${s.n}x${s.c}x${s.spatial}`);
  const bindings = declareBindings(w, [read("g"), readWrite("db")], undefined, s.f16);
  const op = s.accumulate ? "+" : "";
  const perChannel = s.spatial >= WORKGROUP_PER_CHANNEL_MIN_SPATIAL;
  if (perChannel) w.line(`var<workgroup> parts: array<f32, ${WG}>;`);
  w.blank();
  const g = grid(perChannel ? s.c : ceilDiv(s.c, WG));
  entry(w, [WG, 1, 1], g, (wid) => {
    if (perChannel) {
      w.line(`let ch = ${wid.code};`);
      w.line("var part = 0.0f;");
      w.loop("img", 0, s.n, () => {
        w.line(`let base = (img * ${s.c}u + ch) * ${s.spatial}u;`);
        w.block(`for (var p = lid.x; p < ${s.spatial}u; p += ${WG}u)`, () => {
          w.line(`part += ${w.load("g", "base + p")};`);
        });
      });
      w.line("parts[lid.x] = part;");
      w.line("workgroupBarrier();");
      w.block("if (lid.x == 0u)", () => {
        w.line("var total = 0.0f;");
        w.loop("t", 0, WG, () => w.line("total += parts[t];"));
        w.store("db", "ch", "total", op);
      });
      return;
    }
    w.line(`let ch = ${wid.code} * ${WG}u + lid.x;`);
    w.line(`if (ch >= ${s.c}u) { return; }`);
    w.line("var total = 0.0f;");
    w.loop("img", 0, s.n, () => {
      w.line(`let base = (img * ${s.c}u + ch) * ${s.spatial}u;`);
      w.loop("p", 0, s.spatial, () => w.line(`total += ${w.load("g", "base + p")};`));
    });
    w.store("db", "ch", "total", op);
  });
  const size = s.n * s.c * s.spatial;
  return kernel({
    name: `bias_grad ${perChannel ? "workgroup" : "thread"} per channel`,
    wgsl: w.toString(),
    workgroupSize: [WG, 1, 1],
    grid: g,
    bindings,
    workgroupStorageBytes: perChannel ? 4 * WG : 0,
    flops: size,
    bytes: 4 * (size + s.c * (s.accumulate ? 2 : 1)),
  });
}

export const biasGrad: KernelDef<BiasGradSpec> = {
  emit: emitBiasGrad,
  storage: (s) => [f(s.n * s.c * s.spatial), f(s.c)],
};
