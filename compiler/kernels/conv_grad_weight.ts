// Conv weight gradient: dw[o,c,ky,kx] (+)= sum_{n,oy,ox} g[n,o,oy,ox] x[n,c,oy+ky-pad,ox+kx-pad].
// A GEMM with M = O, N = C*k*k and a long K = batch * output pixels. The register variant
// gives each workgroup one (ky, kx), so the padding becomes loop bounds (no test in the inner
// loop); the split-K variant of gemm.ts spreads the long K over a workgroup for real GPUs.
import {
  add,
  and,
  cast,
  div,
  type Expr,
  lt,
  mod,
  mul,
  ref,
  select,
  sub,
  u32,
  type WgslWriter,
} from "../wgsl/mod.ts";
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
import { emitOutputStore } from "./epilogue.ts";
import {
  accName,
  declareAccumulators,
  emitLaneSum,
  emitOuterProduct,
  emitSplitKGemm,
  emitWorkgroupGemm,
  type GemmLayout,
  type GemmOperands,
  registerLike,
} from "./gemm.ts";
import type { ConvGradWeightSpec, EmittedKernel } from "./spec.ts";
import type { KernelDef } from "../ops/types.ts";
import { f } from "./io.ts";
import { convGradWeightDims, inRange } from "./conv_geometry.ts";

/** The GEMM's operands, read through `w` (the kernel's writer, which knows the storage types). */
function operands(s: ConvGradWeightSpec, w: WgslWriter): GemmOperands {
  const { ho, wo, m, n, k } = convGradWeightDims(s), kk2 = s.k * s.k;
  return {
    m,
    n,
    k,
    colSetup: (w, col, sfx) => {
      w.let(`ci${sfx}`, div(col, kk2));
      const r = w.let(`r${sfx}`, mod(col, kk2));
      w.let(`ky${sfx}`, cast("i32", div(r, s.k)));
      w.let(`kx${sfx}`, cast("i32", mod(r, s.k)));
    },
    kSetup: (w, kk, sfx) => {
      w.let(`img${sfx}`, div(kk, ho * wo));
      const rem = w.let(`rem${sfx}`, mod(kk, ho * wo));
      w.let(`oy${sfx}`, cast("i32", div(rem, wo)));
      w.let(`ox${sfx}`, cast("i32", mod(rem, wo)));
    },
    a: (row, _kk, _rs, ks) => {
      const img = ref(`img${ks}`, "u32"), rem = ref(`rem${ks}`, "u32");
      return w.at("g", add(mul(add(mul(img, s.o), row), ho * wo), rem));
    },
    b: (_kk, _col, ks, cs) => {
      const iy = add(ref(`oy${ks}`, "i32"), sub(ref(`ky${cs}`, "i32"), s.pad));
      const ix = add(ref(`ox${ks}`, "i32"), sub(ref(`kx${cs}`, "i32"), s.pad));
      const ok = s.pad === 0 ? and() : and(inRange(iy, s.h), inRange(ix, s.w));
      const plane = add(mul(ref(`img${ks}`, "u32"), s.c), ref(`ci${cs}`, "u32"));
      const at = add(mul(plane, s.h * s.w), cast("u32", add(mul(iy, s.w), ix)));
      return select(0, w.at("x", select(u32(0), at, ok)), ok);
    },
    aFast: "k",
    bFast: "k",
    store: (w, row, col, v) =>
      emitOutputStore(w, "dw", [], s.accumulate, v, add(mul(row, n), col), () => row),
  };
}

/** An invocation's (o, c) block: o_base, c_base, and the plane offsets of its tm g rows and tn
 *  x channels (clamped: the rows and channels past the edge compute values never stored). */
function blockOffsets(w: WgslWriter, s: ConvGradWeightSpec): void {
  const { ho, wo } = convGradWeightDims(s), { bm, bn, tm, tn } = s.tile;
  w.line(`let o_base = tile_o * ${bm}u + lid.z * ${tm}u;`);
  w.line(`let c_base = tile_c * ${bn}u + lid.y * ${tn}u;`);
  for (let i = 0; i < tm; i++) {
    w.line(`let g_off${i} = min(o_base + ${i}u, ${s.o - 1}u) * ${ho * wo}u;`);
  }
  for (let j = 0; j < tn; j++) {
    w.line(`let x_off${j} = min(c_base + ${j}u, ${s.c - 1}u) * ${s.h * s.w}u;`);
  }
}

/** The "register" variant: workgroup (tile of O, tile of C, one (ky, kx)); invocation
 *  (lane, tx, ty) owns tm consecutive o x tn consecutive c, and the ks lanes of a block take
 *  turns over the output rows (image, oy), adding their partial blocks in workgroup memory at
 *  the end (one barrier: K is long, the outputs few, and without the lanes a 3-channel layer
 *  would leave all but 9 invocations idle). Rows and columns the padding cannot reach are cut
 *  from the loops, so the inner loop is tm + tn loads and tm*tn multiply-adds. */
function emitRegister(w: WgslWriter, s: ConvGradWeightSpec): GemmLayout {
  if (tapRow(s)) return emitRegisterTapRow(w, s);
  const { ho, wo } = convGradWeightDims(s), { bm, bn, tm, tn, ks } = s.tile;
  const kk2 = s.k * s.k, wx = bn / tn, wy = bm / tm, block = bm * bn;
  const tilesC = ceilDiv(s.c, bn), tilesO = ceilDiv(s.o, bm);
  const g = grid(tilesO * tilesC * kk2);
  const hw = s.h * s.w;
  if (ks > 1) w.line(`var<workgroup> partial: array<f32, ${ks * block}>;`).blank();
  entry(w, [ks, wx, wy], g, (wid) => {
    w.let("kpos", mod(wid, kk2));
    w.let("tile_c", mod(div(wid, kk2), tilesC));
    w.let("tile_o", div(wid, kk2 * tilesC));
    w.line(`let dy = i32(kpos / ${s.k}u) - ${s.pad}i;`);
    w.line(`let dx = i32(kpos % ${s.k}u) - ${s.pad}i;`);
    // Output pixels whose input pixel (oy + dy, ox + dx) lies inside the image.
    w.line(`let y_lo = u32(max(0i, -dy));`);
    w.line(`let y_hi = max(y_lo, u32(max(0i, min(${ho}i, ${s.h}i - dy))));`);
    w.line(`let x_lo = u32(max(0i, -dx));`);
    w.line(`let x_hi = u32(max(0i, min(${wo}i, ${s.w}i - dx)));`);
    w.line("let rows_per_img = y_hi - y_lo;");
    blockOffsets(w, s);
    declareAccumulators(w, tm, tn);
    w.block(`for (var r = lid.x; r < ${s.n}u * rows_per_img; r += ${ks}u)`, () => {
      w.line("let img = r / rows_per_img;");
      w.line("let oy = y_lo + r % rows_per_img;");
      w.line(`let g_row = img * ${s.o * ho * wo}u + oy * ${wo}u;`);
      // x index of (oy + dy, ox + dx) minus ox; non-negative once ox >= x_lo.
      w.line(`let x_row = i32(img * ${s.c * hw}u) + (i32(oy) + dy) * ${s.w}i + dx;`);
      w.block("for (var ox = x_lo; ox < x_hi; ox++)", () => {
        w.line("let xi = u32(x_row + i32(ox));");
        for (let i = 0; i < tm; i++) {
          w.line(`let a${i} = ${w.load("g", `g_row + g_off${i} + ox`)};`);
        }
        for (let j = 0; j < tn; j++) w.line(`let b${j} = ${w.load("x", `xi + x_off${j}`)};`);
        emitOuterProduct(w, tm, tn, (i) => `a${i}`, (j) => `b${j}`);
      });
    });
    const store = (o: Expr, c: Expr, v: string) => {
      w.when(and(lt(o, s.o), lt(c, s.c)), () => {
        const at = add(mul(add(mul(o, s.c), c), kk2), ref("kpos", "u32"));
        emitOutputStore(w, "dw", [], s.accumulate, v, at, () => o);
      });
    };
    if (ks === 1) {
      for (let i = 0; i < tm; i++) {
        for (let j = 0; j < tn; j++) {
          store(add(ref("o_base", "u32"), i), add(ref("c_base", "u32"), j), accName(i, j));
        }
      }
      return;
    }
    // Partial block of lane l at [l][o - tile origin][c - tile origin].
    w.line(`let own = lid.x * ${block}u + lid.z * ${tm * bn}u + lid.y * ${tn}u;`);
    for (let i = 0; i < tm; i++) {
      for (let j = 0; j < tn; j++) w.line(`partial[own + ${i * bn + j}u] = ${accName(i, j)};`);
    }
    emitLaneSum(w, ks, block, ks * wx * wy, () => {
      const o = ref(`(tile_o * ${bm}u + e / ${bn}u)`, "u32");
      const c = ref(`(tile_c * ${bn}u + e % ${bn}u)`, "u32");
      store(o, c, "sum");
    });
  });
  return {
    workgroupSize: [ks, wx, wy],
    grid: g,
    workgroupStorageBytes: ks > 1 ? 4 * ks * block : 0,
  };
}

/** The register variant with bk = k > 1: an invocation owns all k horizontal taps of one ky. */
const tapRow = (s: ConvGradWeightSpec): boolean => s.k > 1 && s.tile.bk === s.k;

/** "register" with bk = k: workgroup (tile of O, tile of C, one ky); invocation (lane, tx, ty)
 *  owns tm o x tn c x the k taps kx of that row, so each g value loaded feeds tn * k
 *  multiply-adds instead of tn. Along an output row the k input values x[ox + kx - pad] of a
 *  channel slide by one per pixel: each step loads one new value per channel (zero past the
 *  right border), and the window starts from the left border's values (zero before it). The ks
 *  lanes take turns over output rows and add their partial blocks as in emitRegister. */
function emitRegisterTapRow(w: WgslWriter, s: ConvGradWeightSpec): GemmLayout {
  const { ho, wo } = convGradWeightDims(s), { bm, bn, tm, tn, ks } = s.tile, k = s.k;
  const kk2 = k * k, wx = bn / tn, wy = bm / tm, block = bm * bn * k;
  const tilesC = ceilDiv(s.c, bn), tilesO = ceilDiv(s.o, bm);
  const g = grid(tilesO * tilesC * k);
  const hw = s.h * s.w;
  // Accumulator (i, j * k + t): o_base + i, c_base + j, tap kx = t.
  const acc = (i: number, j: number, t: number) => accName(i, j * k + t);
  if (ks > 1) w.line(`var<workgroup> partial: array<f32, ${ks * block}>;`).blank();
  entry(w, [ks, wx, wy], g, (wid) => {
    w.let("ky", mod(wid, k));
    w.let("tile_c", mod(div(wid, k), tilesC));
    w.let("tile_o", div(wid, k * tilesC));
    w.line(`let dy = i32(ky) - ${s.pad}i;`);
    w.line(`let y_lo = u32(max(0i, -dy));`);
    w.line(`let y_hi = max(y_lo, u32(max(0i, min(${ho}i, ${s.h}i - dy))));`);
    w.line("let rows_per_img = y_hi - y_lo;");
    blockOffsets(w, s);
    declareAccumulators(w, tm, tn * k);
    w.block(`for (var r = lid.x; r < ${s.n}u * rows_per_img; r += ${ks}u)`, () => {
      w.line("let img = r / rows_per_img;");
      w.line("let oy = y_lo + r % rows_per_img;");
      w.line(`let g_row = img * ${s.o * ho * wo}u + oy * ${wo}u;`);
      w.line(`let x_row = img * ${s.c * hw}u + u32(i32(oy) + dy) * ${s.w}u;`);
      // Window value t of channel j at pixel ox is x[row, ox + t - pad]; before the first
      // pixel it holds columns -pad .. k - 2 - pad (the last slot is loaded in the loop).
      for (let j = 0; j < tn; j++) {
        for (let t = 0; t < k - 1; t++) {
          const ix = t - s.pad;
          const load = ix >= 0 && ix < s.w ? w.load("x", `x_row + x_off${j} + ${ix}u`) : "0.0f";
          w.line(`var win${j}_${t} = ${load};`);
        }
      }
      w.block(`for (var ox = 0u; ox < ${wo}u; ox++)`, () => {
        // The window's new right end: column ox + k - 1 - pad.
        w.line(`let ix = ox + ${k - 1 - s.pad}u;`);
        w.line(`let in_row = ix < ${s.w}u;`);
        w.line(`let at = x_row + select(0u, ix, in_row);`);
        for (let j = 0; j < tn; j++) {
          w.line(`let win${j}_${k - 1} = select(0.0f, ${w.load("x", `at + x_off${j}`)}, in_row);`);
        }
        for (let i = 0; i < tm; i++) {
          w.line(`let a${i} = ${w.load("g", `g_row + g_off${i} + ox`)};`);
        }
        for (let i = 0; i < tm; i++) {
          for (let j = 0; j < tn; j++) {
            for (let t = 0; t < k; t++) w.line(`${acc(i, j, t)} += a${i} * win${j}_${t};`);
          }
        }
        for (let j = 0; j < tn; j++) {
          for (let t = 0; t < k - 1; t++) w.line(`win${j}_${t} = win${j}_${t + 1};`);
        }
      });
    });
    const store = (o: Expr, c: Expr, t: number, v: string) => {
      w.when(and(lt(o, s.o), lt(c, s.c)), () => {
        const at = add(add(mul(add(mul(o, s.c), c), kk2), mul(ref("ky", "u32"), k)), t);
        emitOutputStore(w, "dw", [], s.accumulate, v, at, () => o);
      });
    };
    if (ks === 1) {
      for (let i = 0; i < tm; i++) {
        for (let j = 0; j < tn; j++) {
          for (let t = 0; t < k; t++) {
            store(add(ref("o_base", "u32"), i), add(ref("c_base", "u32"), j), t, acc(i, j, t));
          }
        }
      }
      return;
    }
    // Partial block of lane l at [l][o - tile origin][c - tile origin][t].
    w.line(`let own = lid.x * ${block}u + lid.z * ${tm * bn * k}u + lid.y * ${tn * k}u;`);
    for (let i = 0; i < tm; i++) {
      for (let j = 0; j < tn; j++) {
        for (let t = 0; t < k; t++) {
          w.line(`partial[own + ${(i * bn + j) * k + t}u] = ${acc(i, j, t)};`);
        }
      }
    }
    emitLaneSum(w, ks, block, ks * wx * wy, () => {
      const o = ref(`(tile_o * ${bm}u + e / ${bn * k}u)`, "u32");
      const c = ref(`(tile_c * ${bn}u + e / ${k}u % ${bn}u)`, "u32");
      w.when(and(lt(o, s.o), lt(c, s.c)), () => {
        const at = ref(
          `((${o.code} * ${s.c}u + ${c.code}) * ${kk2}u + ky * ${k}u + e % ${k}u)`,
          "u32",
        );
        emitOutputStore(w, "dw", [], s.accumulate, "sum", at, () => o);
      });
    });
  });
  return {
    workgroupSize: [ks, wx, wy],
    grid: g,
    workgroupStorageBytes: ks > 1 ? 4 * ks * block : 0,
  };
}

export function emitConvGradWeight(s: ConvGradWeightSpec): EmittedKernel {
  const { ho, wo, m, n, k } = convGradWeightDims(s), t = s.tile;
  const w = newWriter(
    `conv_grad_weight ${s.n}x${s.c}x${s.h}x${s.w} -> ${s.o} k${s.k} pad${s.pad} (${t.variant})`,
  );
  const bindings = declareBindings(
    w,
    [read("x"), read("g"), readWrite("dw")],
    undefined,
    s.f16,
  );
  w.blank();
  const layout = registerLike(t)
    ? emitRegister(w, s)
    : t.variant === "workgroup"
    ? emitWorkgroupGemm(w, operands(s, w), t)
    : emitSplitKGemm(w, operands(s, w), t);
  return kernel({
    name: `conv_grad_weight ${t.variant}${tapRow(s) ? ` ${s.k} taps` : ""} ${t.tm}x${t.tn}`,
    wgsl: w.toString(),
    ...layout,
    bindings,
    flops: 2 * m * n * k,
    bytes: 4 * (s.n * s.c * s.h * s.w + s.n * s.o * ho * wo + m * n * (s.accumulate ? 2 : 1)),
  });
}

export const convGradWeight: KernelDef<ConvGradWeightSpec> = {
  emit: emitConvGradWeight,
  storage: (s) => {
    const { ho, wo } = convGradWeightDims(s);
    return [f(s.n * s.c * s.h * s.w), f(s.n * s.o * ho * wo), f(s.o * s.c * s.k * s.k)];
  },
};
