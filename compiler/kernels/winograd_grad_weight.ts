// The weight gradient by Winograd, F(3 x 3, m x m) (WinogradGradGSpec and the two after it in
// winograd_spec.ts): per image and tile p, the 3x3 correlation of the alpha x alpha input tile
// with the m x m output-gradient tile is dw_p = A_w^T [(G_w g_p G_w^T) . (B^T d_p B)] A_w, so
//   dw = A_w^T [ sum_p Gt_p . V_p ] A_w:
// the sum over the long batch x tiles axis is a GEMM per transformed position xi, split into
// slices of P that separate workgroups sum (no workgroup memory), and the last kernel adds the
// slices in a fixed order (deterministic) before the transform back.
import { type Matrices, numeric, weightGradTransform } from "../winograd/transforms.ts";
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
import { accName, declareAccumulators, emitOuterProduct } from "./gemm.ts";
import type { EmittedKernel } from "./spec.ts";
import { emitSandwich } from "./winograd_transform.ts";
import { FLAT, flat } from "./winograd.ts";
import {
  winogradGeometry,
  type WinogradGradGemmSpec,
  type WinogradGradGSpec,
  type WinogradGradOutSpec,
  type WinogradTile,
} from "./winograd_spec.ts";

const cache = new Map<WinogradTile, Matrices>();
/** F(3, m)'s matrices (its B^T is the forward's: winograd_input serves both). */
export function gradMatrices(m: WinogradTile): Matrices {
  let t = cache.get(m);
  if (!t) cache.set(m, t = numeric(weightGradTransform(m)));
  return t;
}

/** Gt[xi][o][p] = (G_w g_op G_w^T)[xi] for the m x m tile p of each output-gradient plane. */
export function emitWinogradGradG(s: WinogradGradGSpec): EmittedKernel {
  const t = gradMatrices(s.m), a2 = t.alpha * t.alpha, m = s.m;
  const { th, tw, p } = winogradGeometry(s);
  const w = newWriter(`winograd_grad_g F(3,${m}) ${s.n}x${s.o}x${s.h}x${s.w}`);
  const bindings = declareBindings(w, [read("g"), readWrite("gt")], undefined, s.f16);
  w.blank();
  let flops = 0;
  // Lane i = (o, p), p fastest: neighbouring lanes write neighbouring words of Gt[xi][o][.].
  const g = flat(w, s.o * p, () => {
    w.line(`let o = i / ${p}u;`);
    w.line(`let p = i % ${p}u;`);
    w.line(`let img = p / ${th * tw}u;`);
    w.line(`let oy = (p / ${tw}u) % ${th}u * ${m}u;`);
    w.line(`let ox = p % ${tw}u * ${m}u;`);
    w.line(`let base = ((img * ${s.o}u + o) * ${s.h}u + oy) * ${s.w}u + ox;`);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        // Rows and columns past the map (the last tiles of sides m does not divide) are zero.
        const conds = [
          ...((th - 1) * m + i >= s.h ? [`oy + ${i}u < ${s.h}u`] : []),
          ...((tw - 1) * m + j >= s.w ? [`ox + ${j}u < ${s.w}u`] : []),
        ];
        const at = `base + ${i * s.w + j}u`;
        if (!conds.length) w.line(`let g${i}_${j} = ${w.load("g", at)};`);
        else {
          const ok = conds.join(" && ");
          w.line(
            `let g${i}_${j} = select(0.0f, ${w.load("g", `select(0u, ${at}, ${ok})`)}, ${ok});`,
          );
        }
      }
    }
    flops = emitSandwich(w, t.G, t.G, (i, j) => `g${i}_${j}`, m, "t", (a, b) => `gt${a}_${b}`);
    for (let xi = 0; xi < a2; xi++) {
      w.store(
        "gt",
        `${xi * s.o * p}u + o * ${p}u + p`,
        `gt${Math.floor(xi / t.alpha)}_${xi % t.alpha}`,
      );
    }
  });
  return kernel({
    name: `winograd_grad_g F(3,${m})`,
    wgsl: w.toString(),
    workgroupSize: [FLAT, 1, 1],
    grid: g,
    bindings,
    flops: flops * s.o * p,
    bytes: 4 * (s.n * s.o * s.h * s.w + a2 * s.o * p),
  });
}

/** parts[slice][xi][o][c] = sum over the slice's tiles p of Gt[xi][o][p] V[xi][c][p]: a register
 *  block of tm o x tn c per invocation, reading 4 tiles at a time as vec4 where P allows. */
export function emitWinogradGradGemm(s: WinogradGradGemmSpec): EmittedKernel {
  if (s.tile.variant !== "register") {
    throw new Error(`winograd_grad_gemm takes the "register" tile, got "${s.tile.variant}"`);
  }
  const a2 = (s.m + 2) ** 2, { p } = winogradGeometry(s), { tm, tn, bm, bn } = s.tile;
  const wx = bn / tn, wy = bm / tm;
  const vec4 = p % 4 === 0;
  const q = vec4 ? 4 : 1;
  // Slice length in tiles, a multiple of the load width.
  const len = ceilDiv(ceilDiv(p, s.slices), q) * q;
  const w = newWriter(
    `winograd_grad_gemm F(3,${s.m}) ${s.n}x${s.c}x${s.h}x${s.w} -> ${s.o}, ${s.slices} slices`,
  );
  const bindings = declareBindings(
    w,
    [read("gt"), read("v"), readWrite("parts")],
    vec4 ? new Set(["gt", "v"]) : new Set(),
    s.f16,
  );
  w.blank();
  const tilesO = ceilDiv(s.o, bm), tilesC = ceilDiv(s.c, bn);
  const g = grid(s.slices * a2 * tilesO * tilesC);
  entry(w, [wx, wy, 1], g, (wid) => {
    w.line(`let tile_c = ${wid.code} % ${tilesC}u;`);
    w.line(`let tile_o = (${wid.code} / ${tilesC}u) % ${tilesO}u;`);
    w.line(`let xi = (${wid.code} / ${tilesC * tilesO}u) % ${a2}u;`);
    w.line(`let slice = ${wid.code} / ${tilesC * tilesO * a2}u;`);
    w.line(`let o_base = tile_o * ${bm}u + lid.y * ${tm}u;`);
    w.line(`let c_base = tile_c * ${bn}u + lid.x * ${tn}u;`);
    // Row offsets in units of the load width (clamped rows compute values never stored).
    for (let i = 0; i < tm; i++) {
      w.line(`let a_off${i} = (xi * ${s.o}u + min(o_base + ${i}u, ${s.o - 1}u)) * ${p / q}u;`);
    }
    for (let j = 0; j < tn; j++) {
      w.line(`let b_off${j} = (xi * ${s.c}u + min(c_base + ${j}u, ${s.c - 1}u)) * ${p / q}u;`);
    }
    w.line(`let k0 = slice * ${len / q}u;`);
    w.line(`let k1 = min(k0 + ${len / q}u, ${p / q}u);`);
    declareAccumulators(w, tm, tn);
    w.block("for (var k = k0; k < k1; k++)", () => {
      for (let i = 0; i < tm; i++) w.line(`let a${i} = ${w.load("gt", `a_off${i} + k`)};`);
      for (let j = 0; j < tn; j++) w.line(`let b${j} = ${w.load("v", `b_off${j} + k`)};`);
      if (!vec4) emitOuterProduct(w, tm, tn, (i) => `a${i}`, (j) => `b${j}`);
      else {
        for (const c of "xyzw") {
          emitOuterProduct(w, tm, tn, (i) => `a${i}.${c}`, (j) => `b${j}.${c}`);
        }
      }
    });
    for (let i = 0; i < tm; i++) {
      w.block(`if (o_base + ${i}u < ${s.o}u)`, () => {
        for (let j = 0; j < tn; j++) {
          w.block(`if (c_base + ${j}u < ${s.c}u)`, () => {
            const at =
              `((slice * ${a2}u + xi) * ${s.o}u + o_base + ${i}u) * ${s.c}u + c_base + ${j}u`;
            w.store("parts", at, accName(i, j));
          });
        }
      });
    }
  });
  return kernel({
    name: `winograd_grad_gemm F(3,${s.m}) ${tm}x${tn} /${s.slices}`,
    wgsl: w.toString(),
    workgroupSize: [wx, wy, 1],
    grid: g,
    bindings,
    flops: 2 * a2 * s.o * s.c * p,
    bytes: 4 * (a2 * (s.o + s.c) * p + s.slices * a2 * s.o * s.c),
  });
}

/** dw[o][c] (+)= A_w^T (sum of the slices, in slice order) A_w: the 3x3 kernel of (o, c). */
export function emitWinogradGradOut(s: WinogradGradOutSpec): EmittedKernel {
  const t = gradMatrices(s.m), a2 = t.alpha * t.alpha;
  const w = newWriter(`winograd_grad_out F(3,${s.m}) ${s.o}x${s.c}, ${s.slices} slices`);
  const bindings = declareBindings(w, [read("parts"), readWrite("dw")], undefined, s.f16);
  w.blank();
  let flops = 0;
  const oc = s.o * s.c;
  // Lane i = (o, c): reads parts[.][xi][o][c] at consecutive words across lanes.
  const g = flat(w, oc, () => {
    for (let xi = 0; xi < a2; xi++) {
      const terms = Array.from(
        { length: s.slices },
        (_, k) => w.load("parts", `${(k * a2 + xi) * oc}u + i`),
      );
      w.line(`let s${xi} = ${terms.join(" + ")};`);
    }
    flops = emitSandwich(
      w,
      t.AT,
      t.AT,
      (a, b) => `s${a * t.alpha + b}`,
      t.alpha,
      "t",
      (ky, kx) => `d${ky}_${kx}`,
    );
    for (let k = 0; k < 9; k++) {
      w.store("dw", `i * 9u + ${k}u`, `d${Math.floor(k / 3)}_${k % 3}`, s.accumulate ? "+" : "");
    }
  });
  return kernel({
    name: `winograd_grad_out F(3,${s.m})${s.accumulate ? " acc" : ""}`,
    wgsl: w.toString(),
    workgroupSize: [FLAT, 1, 1],
    grid: g,
    bindings,
    flops: (flops + a2 * (s.slices - 1)) * oc,
    bytes: 4 * (s.slices * a2 * oc + 9 * oc * (s.accumulate ? 2 : 1)),
  });
}
