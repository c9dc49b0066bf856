// 2x2 max-pool, stride 2 (odd sizes floor), and its gradient. The gradient kernel runs one
// invocation per window of the padded-up grid: it writes all four dx values of its window
// (g at the first maximum, row-major, ties as the reference breaks them; zeros elsewhere), and
// the windows cut off by an odd size write their zeros, so every dx element is written once.
import {
  declareBindings,
  FLAT_WORKGROUP,
  flatEntry,
  kernel,
  newWriter,
  read,
  readWrite,
} from "./common.ts";
import type { EmittedKernel, PoolSpec } from "./spec.ts";

export function emitPool(s: PoolSpec): EmittedKernel {
  return s.kind === "maxpool" ? emitMaxpool(s) : emitMaxpoolGrad(s);
}

function emitMaxpool(s: PoolSpec): EmittedKernel {
  const ho = Math.floor(s.h / 2), wo = Math.floor(s.w / 2), size = s.n * s.c * ho * wo;
  const w = newWriter(`maxpool ${s.n}x${s.c}x${s.h}x${s.w}`);
  const bindings = [read("x"), readWrite("y")];
  declareBindings(w, bindings);
  w.blank();
  const g = flatEntry(w, size, (i) => {
    w.line(`let plane = ${i.code} / ${ho * wo}u;`);
    w.line(`let rem = ${i.code} % ${ho * wo}u;`);
    w.line(`let b = plane * ${s.h * s.w}u + (rem / ${wo}u) * ${2 * s.w}u + (rem % ${wo}u) * 2u;`);
    w.line(`y[${i.code}] = max(max(x[b], x[b + 1u]), max(x[b + ${s.w}u], x[b + ${s.w + 1}u]));`);
  });
  return kernel({
    name: "maxpool",
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: 3 * size,
    bytes: 4 * (s.n * s.c * s.h * s.w + size),
  });
}

function emitMaxpoolGrad(s: PoolSpec): EmittedKernel {
  const ho = Math.floor(s.h / 2), wo = Math.floor(s.w / 2);
  const hc = Math.ceil(s.h / 2), wc = Math.ceil(s.w / 2), windows = s.n * s.c * hc * wc;
  const w = newWriter(`maxpool_grad ${s.n}x${s.c}x${s.h}x${s.w}`);
  const bindings = [read("x"), read("g"), readWrite("dx")];
  declareBindings(w, bindings);
  w.blank();
  const offs = [0, 1, s.w, s.w + 1];
  const g = flatEntry(w, windows, (i) => {
    w.line(`let plane = ${i.code} / ${hc * wc}u;`);
    w.line(`let wy = (${i.code} % ${hc * wc}u) / ${wc}u;`);
    w.line(`let wx = ${i.code} % ${wc}u;`);
    w.line(`let b = plane * ${s.h * s.w}u + wy * ${2 * s.w}u + wx * 2u;`);
    w.block(`if (wy < ${ho}u && wx < ${wo}u)`, () => {
      offs.forEach((o, d) => w.line(`let v${d} = x[b + ${o}u];`));
      w.line("var best = v0;");
      w.line("var arg = 0u;");
      for (let d = 1; d < 4; d++) {
        w.line(`if (v${d} > best) { best = v${d}; arg = ${d}u; }`);
      }
      w.line(`let gv = g[plane * ${ho * wo}u + wy * ${wo}u + wx];`);
      offs.forEach((o, d) => w.line(`dx[b + ${o}u] = select(0.0f, gv, arg == ${d}u);`));
    });
    // A window cut by an odd height or width: its existing elements get no gradient.
    w.block("else", () => {
      w.line("dx[b] = 0.0f;");
      w.line(`if (2u * wx + 1u < ${s.w}u) { dx[b + 1u] = 0.0f; }`);
      w.line(`if (2u * wy + 1u < ${s.h}u) { dx[b + ${s.w}u] = 0.0f; }`);
      w.line(
        `if (2u * wx + 1u < ${s.w}u && 2u * wy + 1u < ${s.h}u) { dx[b + ${s.w + 1}u] = 0.0f; }`,
      );
    });
  });
  return kernel({
    name: "maxpool_grad",
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: 3 * s.n * s.c * ho * wo,
    bytes: 4 * (2 * s.n * s.c * s.h * s.w + s.n * s.c * ho * wo),
  });
}
