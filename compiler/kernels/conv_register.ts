// The conv variants without workgroup memory, for CPU rasterizers (tiles.ts). Both give an
// invocation tm consecutive output channels and tn output pixels, and keep every padding test
// out of the inner channel loop:
//   "register": the tn pixels are consecutive in the flattened (image, row, column) order, so
//     any image size fills the block; per tap (ky, kx) each pixel's input offset is its own
//     offset plus a constant, tested against the border once per tap; when tn covers whole
//     small maps (wholeImages), each pixel's taps inside the map are known when the kernel is
//     generated, and only those are multiplied;
//   "direct": the tn pixels are consecutive in one output row, so one input row segment of
//     tn + k - 1 values serves all k horizontal taps (fewer loads per multiply-add).
// Both read the weight as stored, or conv_pack's copy as vec4s (ConvSpec.packed, weightLayout).
import { add, mul, ref, type WgslWriter } from "../wgsl/mod.ts";
import { ceilDiv, entry, grid } from "./common.ts";
import { type ConvSpec, type GemmTile } from "./spec.ts";
import { packedRows } from "./conv_pack.ts";
import { convDims, pixelSetup } from "./conv_geometry.ts";
import { emitEpilogue, emitOutputStore } from "./epilogue.ts";
import {
  accName,
  blockOrigin,
  declareAccumulators,
  emitBlockStore,
  emitOuterProduct,
  type GemmLayout,
  type GemmOperands,
} from "./gemm.ts";

/** ` + n` / ` - n` as an i32 term ("" for 0). */
const offset = (n: number): string => n === 0 ? "" : n > 0 ? ` + ${n}i` : ` - ${-n}i`;

/** 1x1 convs over images whose pixel count is a multiple of 4 read x in 16-byte groups: four
 *  neighbouring columns are then four neighbouring floats of one image. */
export function convVec4(s: ConvSpec): boolean {
  const { ho, wo } = convDims(s);
  return s.tile.variant === "register" && s.k === 1 && s.pad === 0 && (ho * wo) % 4 === 0 &&
    s.tile.tn % 4 === 0;
}

/** Whether a conv with this tile reads conv_pack's copy of its weight (ConvSpec.packed): the
 *  CPU variants ("register", "direct") whose tm is a multiple of 4, so that each invocation's
 *  output channels start on a vec4 of the copy. */
export const packable = (t: GemmTile): boolean =>
  (t.variant === "register" || t.variant === "direct") && t.tm % 4 === 0;

/** The spec with `packed` set where packable (and absent otherwise). */
export function withPacking(s: ConvSpec): ConvSpec {
  const { packed: _, ...rest } = s;
  return packable(s.tile) ? { ...rest, packed: true } : rest;
}

/** The weights of an invocation's tm output channels from oBase (a u32 WGSL name): `tap(ky,
 *  kx)` is a tap's offset (numbers or u32 WGSL expressions), `rows(reg, ci, tap)` emits the
 *  loads of channel ci at that tap into registers named from `reg` and returns entry i's name.
 *  Unpacked: one load per row from the [O,C,k,k] tensor (flip reads the stored [C,O,k,k]
 *  spatially flipped), rows clamped (clamped rows compute values never stored). Packed
 *  (conv_pack.ts): tm / 4 vec4 loads from [C][k*k][O4], groups clamped to the last. */
function weightLayout(w: WgslWriter, s: ConvSpec, oBase: string, tm: number) {
  const kk2 = s.k * s.k;
  const tapOf = (ky: number | string, kx: number | string, flip: boolean): string => {
    if (typeof ky === "number" && typeof kx === "number") {
      return `${flip ? kk2 - 1 - (ky * s.k + kx) : ky * s.k + kx}u`;
    }
    const at = `${ky} * ${s.k}u + ${kx}`;
    return flip ? `${kk2 - 1}u - (${at})` : at;
  };
  if (s.packed) {
    if (tm % 4 !== 0) throw new Error(`a packed conv needs tm a multiple of 4, got ${tm}`);
    const groups = packedRows(s.o) / 4;
    for (let q = 0; q < tm / 4; q++) {
      w.line(`let w_g${q} = min(${oBase} / 4u + ${q}u, ${groups - 1}u);`);
    }
    return {
      tap: (ky: number | string, kx: number | string) => tapOf(ky, kx, false),
      rows(reg: string, ci: string, tap: string): (i: number) => string {
        for (let q = 0; q < tm / 4; q++) {
          w.line(
            `let ${reg}v${q} = ${
              w.load("wt", `(${ci} * ${kk2}u + ${tap}) * ${groups}u + w_g${q}`)
            };`,
          );
        }
        return (i) => `${reg}v${i >> 2}.${"xyzw"[i & 3]}`;
      },
    };
  }
  for (let i = 0; i < tm; i++) {
    w.line(`let w_off${i} = min(${oBase} + ${i}u, ${s.o - 1}u) * ${s.flip ? kk2 : s.c * kk2}u;`);
  }
  const cStride = s.flip ? s.o * kk2 : kk2;
  return {
    tap: (ky: number | string, kx: number | string) => tapOf(ky, kx, s.flip),
    rows(reg: string, ci: string, tap: string): (i: number) => string {
      for (let i = 0; i < tm; i++) {
        w.line(`let ${reg}${i} = ${w.load("wt", `w_off${i} + ${ci} * ${cStride}u + ${tap}`)};`);
      }
      return (i) => `${reg}${i}`;
    },
  };
}

/** Whether a "register" conv takes whole images per invocation: a "same" conv (k > 1, output
 *  the input's size) on maps of at most 16 pixels whose tn is a multiple of the map, so every
 *  invocation's tn pixels are tn / (h w) whole images and each pixel's row and column are known
 *  when the kernel is generated (emitWholeImages). */
export function wholeImages(s: ConvSpec): boolean {
  const { ho, wo } = convDims(s);
  return s.tile.variant === "register" && s.k > 1 && ho === s.h && wo === s.w &&
    ho * wo <= 16 && s.tile.tn % (ho * wo) === 0;
}

/** Whether the whole-image path reads x in 16-byte groups (maps of 4, 8, 12 or 16 pixels). */
export const wholeImagesVec4 = (s: ConvSpec): boolean => wholeImages(s) && (s.h * s.w) % 4 === 0;

/** The whole-image path: per input channel, each of the invocation's images loads its h x w
 *  plane once (as vec4s where wholeImagesVec4), and each tap (ky, kx) loads its tm weights and
 *  adds only to the pixels whose input lies inside the map. On a 2x2 map a pixel has 4 of the 9
 *  taps inside, so this does 16 multiply-adds per channel, image and output channel where the
 *  masked loop does 36, with 1 load of x instead of 36. Images past the batch are clamped to
 *  the last (computed, never stored). */
function emitWholeImages(
  w: WgslWriter,
  s: ConvSpec,
  wl: ReturnType<typeof weightLayout>,
  tm: number,
  tn: number,
) {
  const hw = s.h * s.w, images = tn / hw, vec4 = wholeImagesVec4(s);
  for (let q = 0; q < images; q++) {
    w.line(`let xb${q} = min(c_base / ${hw}u + ${q}u, ${s.n - 1}u) * ${s.c * hw}u;`);
  }
  declareAccumulators(w, tm, tn);
  w.loop("ci", 0, s.c, () => {
    const xs: ((pixel: number) => string)[] = [];
    for (let q = 0; q < images; q++) {
      const plane = `xb${q} + ci * ${hw}u`;
      if (vec4) {
        for (let g = 0; g < hw / 4; g++) {
          w.line(`let x${q}_${g} = ${w.load("x", `(${plane}) / 4u + ${g}u`)};`);
        }
        xs.push((p) => `x${q}_${p >> 2}.${"xyzw"[p & 3]}`);
      } else {
        for (let p = 0; p < hw; p++) w.line(`let x${q}_${p} = ${w.load("x", `${plane} + ${p}u`)};`);
        xs.push((p) => `x${q}_${p}`);
      }
    }
    for (let ky = 0; ky < s.k; ky++) {
      for (let kx = 0; kx < s.k; kx++) {
        // (output pixel, input pixel) pairs of this tap inside the map.
        const pairs: [number, number][] = [];
        for (let oy = 0; oy < s.h; oy++) {
          for (let ox = 0; ox < s.w; ox++) {
            const iy = oy + ky - s.pad, ix = ox + kx - s.pad;
            if (iy >= 0 && iy < s.h && ix >= 0 && ix < s.w) {
              pairs.push([oy * s.w + ox, iy * s.w + ix]);
            }
          }
        }
        if (!pairs.length) continue;
        w.scope(() => {
          const a = wl.rows("a", "ci", wl.tap(ky, kx));
          for (let q = 0; q < images; q++) {
            for (const [out, src] of pairs) {
              for (let i = 0; i < tm; i++) {
                w.line(`${accName(i, q * hw + out)} += ${a(i)} * ${xs[q](src)};`);
              }
            }
          }
        });
      }
    }
  });
}

/** The whole-image path with a pool folded in (compiler/ops/pool.ts): each 2x2 window of each
 *  map (odd sizes floored) through the epilogue and pooled in registers, only the pooled map
 *  stored. Images past the batch store nothing. */
function storeWholePooled(
  w: WgslWriter,
  s: ConvSpec,
  pool: NonNullable<ConvSpec["pool"]>,
  tm: number,
  tn: number,
) {
  const hw = s.h * s.w, hp = Math.floor(s.h / 2), wp = Math.floor(s.w / 2);
  for (let q = 0; q < tn / hw; q++) {
    w.block(`if (c_base / ${hw}u + ${q}u < ${s.n}u)`, () => {
      w.line(`let img${q} = c_base / ${hw}u + ${q}u;`);
      for (let i = 0; i < tm; i++) {
        w.block(`if (r_base + ${i}u < ${s.o}u)`, () => {
          const o = add(ref("r_base", "u32"), i);
          w.line(`let plane${i} = img${q} * ${s.o}u + r_base + ${i}u;`);
          for (let py = 0; py < hp; py++) {
            for (let px = 0; px < wp; px++) {
              w.scope(() => {
                for (let d = 0; d < 4; d++) {
                  const pix = (2 * py + (d >> 1)) * s.w + 2 * px + (d & 1);
                  w.line(`var r${d} = ${accName(i, q * hw + pix)};`);
                  const flat = ref(`(plane${i} * ${hw}u + ${pix}u)`, "u32");
                  emitEpilogue(w, s.epilogue, `r${d}`, flat, () => o);
                }
                w.store("y", `plane${i} * ${hp * wp}u + ${py * wp + px}u`, WINDOW[pool]);
              });
            }
          }
        });
      }
    });
  }
}

export function emitConvRegister(w: WgslWriter, s: ConvSpec, op: GemmOperands): GemmLayout {
  const { m, n } = convDims(s), { bm, bn, tm, tn } = s.tile;
  const wx = bn / tn, wy = bm / tm, tilesN = ceilDiv(n, bn);
  const g = grid(tilesN * ceilDiv(m, bm));
  const hw = s.h * s.w, vec4 = convVec4(s), padded = s.pad > 0;
  entry(w, [wx, wy, 1], g, (wid) => {
    const { row0, col0 } = blockOrigin(w, wid, tilesN, bm, bn);
    const rBase = w.let("r_base", add(row0, mul(ref("lid.y", "u32"), tm)));
    const cBase = w.let("c_base", add(col0, mul(ref("lid.x", "u32"), tn)));
    const wl = weightLayout(w, s, "r_base", tm);
    const store = () =>
      emitBlockStore(w, op, {
        tm,
        tn,
        row: (i) => add(rBase, i),
        col: (j) => add(cBase, j),
        rowsAlways: false,
        colsAlways: false,
      });
    if (wholeImages(s)) {
      emitWholeImages(w, s, wl, tm, tn);
      if (s.pool) storeWholePooled(w, s, s.pool, tm, tn);
      else store();
      return;
    }
    const groups = vec4 ? tn / 4 : tn;
    for (let j = 0; j < groups; j++) {
      // A vec4 group is clamped to the last whole group (n is then a multiple of 4).
      const col = vec4
        ? ref(`min(c_base + ${4 * j}u, ${n - 4}u)`, "u32")
        : ref(`min(c_base + ${j}u, ${n - 1}u)`, "u32");
      const p = pixelSetup(w, s, col, `_p${j}`);
      // The input offset of this pixel at tap (pad, pad); a tap adds a constant to it.
      w.line(`let pix${j} = i32(${p.xb.code}) + ${p.oy.code} * ${s.w}i + ${p.ox.code};`);
    }
    declareAccumulators(w, tm, tn);
    // ky, kx: u32 WGSL expressions (loop variables, or "0u" for 1x1).
    const body = (ky: string, kx: string) => {
      w.line(`let w_k = ${wl.tap(ky, kx)};`);
      const shifted = s.k > 1 || padded;
      if (shifted) {
        w.line(`let shift = (i32(${ky}) - ${s.pad}i) * ${s.w}i + i32(${kx}) - ${s.pad}i;`);
      }
      for (let j = 0; j < groups; j++) {
        const at = shifted ? `u32(pix${j} + shift)` : `u32(pix${j})`;
        if (!padded) {
          w.line(`let x_off${j} = ${vec4 ? `${at} / 4u` : at};`);
          continue;
        }
        // u32 of a negative coordinate is huge, so one unsigned test covers both borders.
        w.line(`let ok${j} = row_ok${j} && u32(ox_p${j} + i32(${kx}) - ${s.pad}i) < ${s.w}u;`);
        w.line(`let x_off${j} = select(0u, ${at}, ok${j});`);
      }
      w.loop("ci", 0, s.c, () => {
        const a = wl.rows("a", "ci", "w_k");
        for (let j = 0; j < groups; j++) {
          const load = w.load("x", `x_off${j} + ci * ${vec4 ? hw / 4 : hw}u`);
          w.line(`let b${j} = ${padded ? `select(0.0f, ${load}, ok${j})` : load};`);
        }
        emitOuterProduct(
          w,
          tm,
          tn,
          a,
          (j) => vec4 ? `b${j >> 2}.${"xyzw"[j & 3]}` : `b${j}`,
        );
      });
    };
    const rowTests = (ky: string) => {
      if (!padded) return;
      for (let j = 0; j < groups; j++) {
        w.line(`let row_ok${j} = u32(oy_p${j} + i32(${ky}) - ${s.pad}i) < ${s.h}u;`);
      }
    };
    if (s.k === 1) {
      w.scope(() => {
        rowTests("0u");
        body("0u", "0u");
      });
    } else {
      w.loop("ky", 0, s.k, () => {
        rowTests("ky");
        w.loop("kx", 0, s.k, () => body("ky", "kx"));
      });
    }
    store();
  });
  return { workgroupSize: [wx, wy, 1], grid: g, workgroupStorageBytes: 0 };
}

/** Conv output rows an invocation of the "direct" variant owns: the tile's bk (see spec.ts),
 *  two with the pool folded in (one 2x2 window high). */
export const directRows = (s: ConvSpec): number => s.pool ? 2 : Math.max(1, s.tile.bk);

/** Whether the "direct" variant moves x and y in 16-byte groups: input rows as aligned vec4s
 *  (every row starts on a multiple of 4 when w is one, and a segment starts on a multiple of tn),
 *  and each 4 consecutive outputs of a row (pooled outputs with the pool) as one vec4 store. On
 *  llvmpipe a load or store whose address differs between lanes is done lane by lane, so this
 *  divides those by up to 4 (the first layer stores as many values as it multiplies). */
export function directVec4(s: ConvSpec): { x: boolean; y: boolean } {
  if (s.tile.variant !== "direct") return { x: false, y: false };
  const { ho, wo } = convDims(s), tn = s.tile.tn;
  const x = s.w % 4 === 0 && tn % 4 === 0;
  const y = s.pool
    ? (tn / 2) % 4 === 0 && Math.floor(wo / 2) % 4 === 0 && ho >= 2
    : tn % 4 === 0 && wo % 4 === 0;
  return { x, y };
}

/** "direct": invocation (tx, ty) owns channels o_base.. (tm) x the R = directRows conv rows
 *  oy0.. of image img x the tn pixels ox0.. of each. Per input channel it loads the channel's
 *  k x k x tm weights once (each serves all R rows), and each of the k + R - 1 input rows those
 *  output rows read once, as one row segment x[ox0 - pad .. ox0 + tn + k - 2 - pad] (zero
 *  outside the image; as vec4 groups where directVec4 allows), and applies all k horizontal
 *  taps of it to every output row it feeds (input row r is tap ky = r - q of output row q)
 *  (weights hoisted: 1.13x on E/w8's first layer, the same on the others): R rows load
 *  (k + R - 1) / (k R) of what R one-row invocations would (measured on llvmpipe: 2 rows of
 *  8x8 run 1.6-1.9x faster than 1 row). With spec.pool (a pool's fold, compiler/ops/pool.ts:
 *  bias and ReLU only, R = 2, even tn) the epilogue runs on each value of a 2x2 window and only
 *  the window's max (or mean) is stored, as the standalone pool kernel computes it: the
 *  full-resolution map is never written. */
export function emitConvDirect(w: WgslWriter, s: ConvSpec): GemmLayout {
  const { ho, wo } = convDims(s), { bm, tm, tn } = s.tile, rows = directRows(s);
  if (s.pool) {
    if (tn % 2 !== 0) throw new Error(`conv pool fold needs an even tn, got ${tn}`);
    if (s.epilogue.some((e) => e.op !== "bias" && e.op !== "relu")) {
      throw new Error("conv pool fold takes only bias and ReLU in its epilogue");
    }
  }
  // Output grid: row groups of `rows` conv rows (pooled rows with the pool) x row segments.
  const hg = s.pool ? Math.floor(ho / 2) : Math.ceil(ho / rows);
  const hp = Math.floor(ho / 2), wp = Math.floor(wo / 2);
  const segsPerRow = s.pool ? ceilDiv(wp, tn / 2) : ceilDiv(wo, tn);
  const wx = s.tile.bn / tn, wy = bm / tm;
  const segs = s.n * hg * segsPerRow, span = tn + s.k - 1;
  const tilesN = ceilDiv(segs, wx);
  const g = grid(tilesN * ceilDiv(s.o, bm));
  const hw = s.h * s.w;
  // Accumulator (i, q * tn + j): channel o_base + i, conv row oy0 + q, pixel ox0 + j.
  const acc = (i: number, q: number, j: number) => accName(i, q * tn + j);
  const vec4 = directVec4(s);
  entry(w, [wx, wy, 1], g, (wid) => {
    w.line(`let tile_n = ${wid.code} % ${tilesN}u;`);
    w.line(`let tile_m = ${wid.code} / ${tilesN}u;`);
    w.line(`let seg_raw = tile_n * ${wx}u + lid.x;`);
    w.line(`let seg = min(seg_raw, ${segs - 1}u);`);
    w.line(`let img = seg / ${hg * segsPerRow}u;`);
    w.line(`let oy0 = (seg % ${hg * segsPerRow}u) / ${segsPerRow}u * ${rows}u;`);
    w.line(`let ox0 = (seg % ${segsPerRow}u) * ${tn}u;`);
    w.line(`let o_base = tile_m * ${bm}u${wy > 1 ? ` + lid.y * ${tm}u` : ""};`);
    const wl = weightLayout(w, s, "o_base", tm);
    // Which of the segment's input columns (vec4 groups of columns) lie inside the image (fixed
    // for the invocation). Group g holds columns ox0 + 4 g .. ox0 + 4 g + 3: wholly inside or
    // wholly outside a row, since w is a multiple of 4.
    const g0 = Math.floor(-s.pad / 4), g1 = Math.floor((span - 1 - s.pad) / 4);
    if (vec4.x) {
      for (let g = g0; g <= g1; g++) {
        w.line(`let gx${g - g0} = i32(ox0 / 4u)${offset(g)};`);
        w.line(`let col_ok${g - g0} = u32(gx${g - g0}) < ${s.w / 4}u;`);
        w.line(`let col_at${g - g0} = select(0i, gx${g - g0}, col_ok${g - g0});`);
      }
    } else {
      for (let t = 0; t < span; t++) {
        w.line(`let ix${t} = i32(ox0)${offset(t - s.pad)};`);
        w.line(`let col_ok${t} = u32(ix${t}) < ${s.w}u;`);
        w.line(`let col_at${t} = select(0i, ix${t}, col_ok${t});`);
      }
    }
    const unit = vec4.x ? 4 : 1;
    w.line(`let x_img = i32(img * ${(s.c * hw) / unit}u);`);
    declareAccumulators(w, tm, rows * tn);
    w.loop("ci", 0, s.c, () => {
      w.line(`let x_plane = x_img + i32(ci * ${hw / unit}u);`);
      const a: ((i: number) => string)[][] = [];
      for (let ky = 0; ky < s.k; ky++) {
        a.push([]);
        for (let kx = 0; kx < s.k; kx++) a[ky].push(wl.rows(`a${ky}_${kx}_`, "ci", wl.tap(ky, kx)));
      }
      for (let r = 0; r < s.k + rows - 1; r++) {
        w.scope(() => {
          w.line(`let iy = i32(oy0)${offset(r - s.pad)};`);
          w.line(`let row_ok = u32(iy) < ${s.h}u;`);
          w.line(`let x_row = x_plane + select(0i, iy, row_ok) * ${s.w / unit}i;`);
          if (vec4.x) {
            for (let g = 0; g <= g1 - g0; g++) {
              const v = w.load("x", `u32(x_row + col_at${g})`);
              w.line(`let q${g} = select(vec4<f32>(0.0f), ${v}, row_ok && col_ok${g});`);
            }
            for (let t = 0; t < span; t++) {
              const g = Math.floor((t - s.pad) / 4);
              w.line(`let v${t} = q${g - g0}.${"xyzw"[t - s.pad - 4 * g]};`);
            }
          } else {
            for (let t = 0; t < span; t++) {
              const v = w.load("x", `u32(x_row + col_at${t})`);
              w.line(`let v${t} = select(0.0f, ${v}, row_ok && col_ok${t});`);
            }
          }
          for (let kx = 0; kx < s.k; kx++) {
            for (let q = 0; q < rows; q++) {
              const ky = r - q;
              if (ky < 0 || ky >= s.k) continue;
              for (let i = 0; i < tm; i++) {
                for (let j = 0; j < tn; j++) {
                  w.line(`${acc(i, q, j)} += ${a[ky][kx](i)} * v${j + kx};`);
                }
              }
            }
          }
        });
      }
    });
    w.block(`if (seg_raw < ${segs}u)`, () => {
      if (s.pool) storePooled(w, s, s.pool, acc, hp, wp, vec4.y);
      else storeRows(w, s, acc, rows, ho, wo, vec4.y);
    });
  });
  return { workgroupSize: [wx, wy, 1], grid: g, workgroupStorageBytes: 0 };
}

type Acc = (i: number, q: number, j: number) => string;

/** Each output value through the epilogue to y[img, o, oy0 + q, ox0 + j], inside the map. */
function storeRows(
  w: WgslWriter,
  s: ConvSpec,
  acc: Acc,
  rows: number,
  ho: number,
  wo: number,
  vec4: boolean,
) {
  w.line(`let out_row = (img * ${s.o}u) * ${ho * wo}u + oy0 * ${wo}u + ox0;`);
  const step = vec4 ? 4 : 1;
  for (let i = 0; i < tm(s); i++) {
    w.block(`if (o_base + ${i}u < ${s.o}u)`, () => {
      for (let q = 0; q < rows; q++) {
        const rowStores = () => {
          for (let j = 0; j < s.tile.tn; j += step) {
            const store = () => {
              const o = add(ref("o_base", "u32"), i);
              const flat = (d: number) =>
                ref(`(out_row + (o_base + ${i}u) * ${ho * wo}u + ${q * wo + j + d}u)`, "u32");
              if (!vec4) {
                emitOutputStore(w, "y", s.epilogue, false, acc(i, q, j), flat(0), () => o);
                return;
              }
              // Four outputs of the row, each through the epilogue at its own flat index.
              for (let d = 0; d < 4; d++) {
                w.line(`var r${d} = ${acc(i, q, j + d)};`);
                emitEpilogue(w, s.epilogue, `r${d}`, flat(d), () => o);
              }
              w.store("y", `${flat(0).code} / 4u`, "vec4<f32>(r0, r1, r2, r3)");
            };
            if (j === 0) w.scope(store);
            else w.block(`if (ox0 + ${j}u < ${wo}u)`, store);
          }
        };
        // The last row group of an odd-height map has fewer rows.
        if (q === 0 || ho % rows === 0) rowStores();
        else w.block(`if (oy0 + ${q}u < ${ho}u)`, rowStores);
      }
    });
  }
}

/** How a pool combines a 2x2 window's four values r0..r3 (row-major): a table over every pool
 *  kind, so a new kind cannot fall through to another's code. The mean sums in the reference's
 *  order (compiler/ops/avgpool.ts). */
export const WINDOW: { [K in NonNullable<ConvSpec["pool"]>]: string } = {
  max: "max(max(r0, r1), max(r2, r3))",
  avg: "(((r0 + r1) + r2) + r3) * 0.25f",
};

/** Each 2x2 window's four values after the epilogue, pooled, to the pooled map. */
function storePooled(
  w: WgslWriter,
  s: ConvSpec,
  pool: NonNullable<ConvSpec["pool"]>,
  acc: Acc,
  hp: number,
  wp: number,
  vec4: boolean,
) {
  w.line(`let out_row = (img * ${s.o}u) * ${hp * wp}u + oy0 / 2u * ${wp}u + ox0 / 2u;`);
  /** The pooled value of window j, as the expression WINDOW combines r0..r3 into. */
  const pooled = (i: number, j: number) => {
    const window = [acc(i, 0, 2 * j), acc(i, 0, 2 * j + 1), acc(i, 1, 2 * j)];
    window.push(acc(i, 1, 2 * j + 1));
    window.forEach((a, q) => {
      w.line(`var r${q} = ${a};`);
      // Bias and ReLU only: neither reads the flat index.
      emitEpilogue(w, s.epilogue, `r${q}`, ref("0u", "u32"), () => add(ref("o_base", "u32"), i));
    });
    return WINDOW[pool];
  };
  const step = vec4 ? 4 : 1;
  for (let i = 0; i < tm(s); i++) {
    w.block(`if (o_base + ${i}u < ${s.o}u)`, () => {
      for (let j = 0; j < s.tile.tn / 2; j += step) {
        const store = () => {
          const at = `out_row + (o_base + ${i}u) * ${hp * wp}u + ${j}u`;
          if (!vec4) {
            w.store("y", at, pooled(i, j));
            return;
          }
          // Four neighbouring windows, pooled in scopes of their own, stored as one vec4.
          for (let d = 0; d < 4; d++) w.line(`var p${d}: f32;`);
          for (let d = 0; d < 4; d++) w.scope(() => w.line(`p${d} = ${pooled(i, j + d)};`));
          w.store("y", `(${at}) / 4u`, "vec4<f32>(p0, p1, p2, p3)");
        };
        if (j === 0) w.scope(store);
        else w.block(`if (ox0 / 2u + ${j}u < ${wp}u)`, store);
      }
    });
  }
}

const tm = (s: ConvSpec) => s.tile.tm;
