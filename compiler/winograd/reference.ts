// Winograd convolution on the CPU: the float64 reference the kernels are tested against, and,
// with rounding hooks, the float32 / float16 model the accuracy study measures
// (bench/winograd_accuracy.ts). 3x3 kernels, stride 1, padding 1 (every 3x3 layer of VGG), in the
// same layouts as compiler/ops/conv.ts: NCHW activations, OIHW weights, and with `flip` the input
// gradient's read of the forward weight ([C, O, 3, 3] stored, transposed and flipped).
//
// The stages are the kernels' stages, in the kernels' order of operations:
//   U[xi][c][o] = (G g_oc G^T)[xi]          filter transform (once per weight update)
//   V[xi][c][p] = (B^T d_cp B)[xi]          input transform of tile p (n, tile row, tile column)
//   M[xi][o][p] = sum_c U[xi][c][o] V[xi][c][p]   alpha^2 GEMMs, one per transformed position
//   y_op        = A^T M_op A                output transform (m x m outputs of tile p)
import type { Matrices } from "./transforms.ts";

type Round = (v: number) => number;
const exact: Round = (v) => v;

/** Where values are rounded. `arith` after every multiply and add (Math.fround: float32
 *  arithmetic; identity: float64); `store` when a stage writes a tensor (Math.f16round: f16
 *  storage of that tensor). */
export interface Rounding {
  arith?: Round;
  store?: Partial<Record<"x" | "w" | "u" | "v" | "m" | "y", Round>>;
}

/** dst = L src R^T for an a x b tile `src` (row-major), L: p x a, R: q x b, rounded as `r`
 *  after each product and sum; zero entries are skipped (so are their exact products). */
function sandwich(L: number[][], src: ArrayLike<number>, b: number, R: number[][], r: Round) {
  const p = L.length, q = R.length, a = L[0].length;
  const tmp = new Float64Array(p * b);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < b; j++) {
      let s = 0;
      for (let k = 0; k < a; k++) if (L[i][k] !== 0) s = r(s + r(L[i][k] * src[k * b + j]));
      tmp[i * b + j] = s;
    }
  }
  const out = new Float64Array(p * q);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < q; j++) {
      let s = 0;
      for (let k = 0; k < b; k++) if (R[j][k] !== 0) s = r(s + r(tmp[i * b + k] * R[j][k]));
      out[i * q + j] = s;
    }
  }
  return out;
}

const roundAll = (a: ArrayLike<number>, r: Round | undefined): Float64Array =>
  Float64Array.from(a, r ?? exact);

export interface ConvShape {
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
}

/** Tiles of an h x w output map: ceil(h / m) x ceil(w / m) per image. */
export const tileGrid = (h: number, w: number, m: number) => {
  const th = Math.ceil(h / m), tw = Math.ceil(w / m);
  return { th, tw, perImage: th * tw };
};

/** U[xi][c][o]: the filter transform of every (o, c) kernel, as the conv reads it (flip: from the
 *  stored [C=o-dim, O=c-dim, 3, 3] forward weight, spatially flipped). */
export function filterTransform(
  t: Matrices,
  w: ArrayLike<number>,
  s: { c: number; o: number; flip: boolean },
  rd: Rounding = {},
): Float64Array {
  const r = rd.arith ?? exact, a2 = t.alpha * t.alpha, G = t.G;
  const wt = roundAll(w, rd.store?.w);
  const u = new Float64Array(a2 * s.c * s.o);
  const g = new Float64Array(9);
  for (let o = 0; o < s.o; o++) {
    for (let c = 0; c < s.c; c++) {
      for (let ky = 0; ky < 3; ky++) {
        for (let kx = 0; kx < 3; kx++) {
          g[ky * 3 + kx] = s.flip
            ? wt[((c * s.o + o) * 3 + 2 - ky) * 3 + 2 - kx]
            : wt[((o * s.c + c) * 3 + ky) * 3 + kx];
        }
      }
      const tg = sandwich(G, g, 3, G, r);
      for (let xi = 0; xi < a2; xi++) u[(xi * s.c + c) * s.o + o] = tg[xi];
    }
  }
  return roundAll(u, rd.store?.u);
}

/** The alpha x alpha input tile of output tile (ty, tx): rows ty*m - 1 .. (zero padded). */
function inputTile(
  x: Float64Array,
  plane: number,
  s: ConvShape,
  ty: number,
  tx: number,
  t: { m: number; alpha: number },
): Float64Array {
  const d = new Float64Array(t.alpha * t.alpha);
  for (let i = 0; i < t.alpha; i++) {
    const iy = ty * t.m - 1 + i;
    if (iy < 0 || iy >= s.h) continue;
    for (let j = 0; j < t.alpha; j++) {
      const ix = tx * t.m - 1 + j;
      if (ix >= 0 && ix < s.w) d[i * t.alpha + j] = x[plane + iy * s.w + ix];
    }
  }
  return d;
}

/** V[xi][c][p]: the input transform of every tile of every channel. */
export function inputTransform(
  t: Matrices,
  x: Float64Array,
  s: ConvShape,
  rd: Rounding = {},
): Float64Array {
  const r = rd.arith ?? exact, a2 = t.alpha * t.alpha;
  const { th, tw, perImage } = tileGrid(s.h, s.w, t.m), P = s.n * perImage;
  const v = new Float64Array(a2 * s.c * P);
  for (let n = 0; n < s.n; n++) {
    for (let c = 0; c < s.c; c++) {
      for (let ty = 0; ty < th; ty++) {
        for (let tx = 0; tx < tw; tx++) {
          const d = inputTile(x, (n * s.c + c) * s.h * s.w, s, ty, tx, t);
          const tv = sandwich(t.BT, d, t.alpha, t.BT, r);
          const p = n * perImage + ty * tw + tx;
          for (let xi = 0; xi < a2; xi++) v[(xi * s.c + c) * P + p] = tv[xi];
        }
      }
    }
  }
  return roundAll(v, rd.store?.v);
}

/** out[xi][i][j] = sum_k a[xi][k][i] b[xi][k][j] (alpha^2 GEMMs over k ascending). */
function batchedGemm(
  a2: number,
  rows: number,
  cols: number,
  depth: number,
  a: Float64Array,
  b: Float64Array,
  r: Round,
): Float64Array {
  const out = new Float64Array(a2 * rows * cols);
  for (let xi = 0; xi < a2; xi++) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        let s = 0;
        for (let k = 0; k < depth; k++) {
          s = r(s + r(a[(xi * depth + k) * rows + i] * b[(xi * depth + k) * cols + j]));
        }
        out[(xi * rows + i) * cols + j] = s;
      }
    }
  }
  return out;
}

/**
 * y = conv2d(x, w), 3x3, stride 1, pad 1 (with flip: the input gradient's conv), NCHW, by
 * F(m x m, 3 x 3). With the default rounding it is a float64 reference; `rd` models lower
 * precisions stage by stage.
 */
export function winogradConv(
  t: Matrices,
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  s: ConvShape & { flip: boolean },
  rd: Rounding = {},
): Float64Array {
  if (t.r !== 3) throw new Error(`winogradConv needs F(m, 3), got F(${t.m}, ${t.r})`);
  const r = rd.arith ?? exact, a2 = t.alpha * t.alpha;
  const { tw, perImage } = tileGrid(s.h, s.w, t.m), P = s.n * perImage;
  const u = filterTransform(t, w, s, rd);
  const v = inputTransform(t, roundAll(x, rd.store?.x), s, rd);
  const mt = roundAll(batchedGemm(a2, s.o, P, s.c, u, v, r), rd.store?.m);
  const y = new Float64Array(s.n * s.o * s.h * s.w);
  const tile = new Float64Array(a2);
  for (let o = 0; o < s.o; o++) {
    for (let p = 0; p < P; p++) {
      for (let xi = 0; xi < a2; xi++) tile[xi] = mt[(xi * s.o + o) * P + p];
      const out = sandwich(t.AT, tile, t.alpha, t.AT, r);
      const n = Math.floor(p / perImage), ty = Math.floor((p % perImage) / tw), tx = p % tw;
      for (let i = 0; i < t.m; i++) {
        const oy = ty * t.m + i;
        if (oy >= s.h) continue;
        for (let j = 0; j < t.m; j++) {
          const ox = tx * t.m + j;
          if (ox < s.w) y[((n * s.o + o) * s.h + oy) * s.w + ox] = out[i * t.m + j];
        }
      }
    }
  }
  return roundAll(y, rd.store?.y);
}

/**
 * dw[o][c] (3x3) = sum over images and tiles of the F(3 x 3, m x m) correlation of the input
 * tile (alpha x alpha, as the forward cuts it) with the m x m tile of the output gradient g:
 *   dW_t[xi][o][c] = sum_p (G_w g_op G_w^T)[xi] (B^T d_cp B)[xi],   dw_oc = A_w^T dW_t,oc A_w,
 * with `t` from weightGradTransform (F(3, m)): the GEMMs' K is the long batch x tiles axis.
 */
export function winogradConvGradWeight(
  t: Matrices,
  x: ArrayLike<number>,
  g: ArrayLike<number>,
  s: ConvShape,
  rd: Rounding = {},
): Float64Array {
  if (t.m !== 3) throw new Error(`winogradConvGradWeight needs F(3, m), got F(${t.m}, ${t.r})`);
  const r = rd.arith ?? exact, a2 = t.alpha * t.alpha, m = t.r;
  const { tw, perImage } = tileGrid(s.h, s.w, m), P = s.n * perImage;
  const fwd = { m, alpha: t.alpha };
  const xs = roundAll(x, rd.store?.x), gs = roundAll(g, rd.store?.y);
  // Input tiles, transformed as the forward does (B^T is the same matrix).
  const v = new Float64Array(a2 * s.c * P);
  // Output-gradient tiles (m x m, zero past the map's edge), transformed by G_w.
  const gt = new Float64Array(a2 * s.o * P);
  for (let p = 0; p < P; p++) {
    const n = Math.floor(p / perImage), ty = Math.floor((p % perImage) / tw), tx = p % tw;
    for (let c = 0; c < s.c; c++) {
      const d = inputTile(xs, (n * s.c + c) * s.h * s.w, s, ty, tx, fwd);
      const tv = sandwich(t.BT, d, t.alpha, t.BT, r);
      for (let xi = 0; xi < a2; xi++) v[(xi * s.c + c) * P + p] = tv[xi];
    }
    for (let o = 0; o < s.o; o++) {
      const tile = new Float64Array(m * m);
      for (let i = 0; i < m; i++) {
        const oy = ty * m + i;
        if (oy >= s.h) continue;
        for (let j = 0; j < m; j++) {
          const ox = tx * m + j;
          if (ox < s.w) tile[i * m + j] = gs[((n * s.o + o) * s.h + oy) * s.w + ox];
        }
      }
      const tg = sandwich(t.G, tile, m, t.G, r);
      for (let xi = 0; xi < a2; xi++) gt[(xi * s.o + o) * P + p] = tg[xi];
    }
  }
  const vs = roundAll(v, rd.store?.v), gts = roundAll(gt, rd.store?.u);
  // dW_t[xi][o][c] = sum_p gt[xi][o][p] v[xi][c][p]
  const dwt = new Float64Array(a2 * s.o * s.c);
  for (let xi = 0; xi < a2; xi++) {
    for (let o = 0; o < s.o; o++) {
      for (let c = 0; c < s.c; c++) {
        let acc = 0;
        for (let p = 0; p < P; p++) {
          acc = r(acc + r(gts[(xi * s.o + o) * P + p] * vs[(xi * s.c + c) * P + p]));
        }
        dwt[(xi * s.o + o) * s.c + c] = acc;
      }
    }
  }
  const mts = roundAll(dwt, rd.store?.m);
  const dw = new Float64Array(s.o * s.c * 9), tile = new Float64Array(a2);
  for (let o = 0; o < s.o; o++) {
    for (let c = 0; c < s.c; c++) {
      for (let xi = 0; xi < a2; xi++) tile[xi] = mts[(xi * s.o + o) * s.c + c];
      dw.set(sandwich(t.AT, tile, t.alpha, t.AT, r), (o * s.c + c) * 9);
    }
  }
  return dw;
}

/** The direct 3x3 pad-1 convolution with rounding after each product and sum, in the direct
 *  kernel's order (channels outer, taps inner): the float32 baseline of the accuracy study. */
export function directConv(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  s: ConvShape & { flip: boolean },
  rd: Rounding = {},
): Float64Array {
  const r = rd.arith ?? exact;
  const xs = roundAll(x, rd.store?.x), ws = roundAll(w, rd.store?.w);
  const y = new Float64Array(s.n * s.o * s.h * s.w);
  for (let n = 0; n < s.n; n++) {
    for (let o = 0; o < s.o; o++) {
      for (let oy = 0; oy < s.h; oy++) {
        for (let ox = 0; ox < s.w; ox++) {
          let acc = 0;
          for (let c = 0; c < s.c; c++) {
            const plane = (n * s.c + c) * s.h * s.w;
            for (let ky = 0; ky < 3; ky++) {
              const iy = oy + ky - 1;
              if (iy < 0 || iy >= s.h) continue;
              for (let kx = 0; kx < 3; kx++) {
                const ix = ox + kx - 1;
                if (ix < 0 || ix >= s.w) continue;
                const wv = s.flip
                  ? ws[((c * s.o + o) * 3 + 2 - ky) * 3 + 2 - kx]
                  : ws[((o * s.c + c) * 3 + ky) * 3 + kx];
                acc = r(acc + r(xs[plane + iy * s.w + ix] * wv));
              }
            }
          }
          y[((n * s.o + o) * s.h + oy) * s.w + ox] = acc;
        }
      }
    }
  }
  return roundAll(y, rd.store?.y);
}

/** The direct weight gradient with rounding after each product and sum (images, rows, columns
 *  in order: conv_grad_weight's register variant sums one lane's share that way). */
export function directConvGradWeight(
  x: ArrayLike<number>,
  g: ArrayLike<number>,
  s: ConvShape,
  rd: Rounding = {},
): Float64Array {
  const r = rd.arith ?? exact;
  const xs = roundAll(x, rd.store?.x), gs = roundAll(g, rd.store?.y);
  const dw = new Float64Array(s.o * s.c * 9);
  for (let o = 0; o < s.o; o++) {
    for (let c = 0; c < s.c; c++) {
      for (let ky = 0; ky < 3; ky++) {
        for (let kx = 0; kx < 3; kx++) {
          let acc = 0;
          for (let n = 0; n < s.n; n++) {
            for (let oy = 0; oy < s.h; oy++) {
              const iy = oy + ky - 1;
              if (iy < 0 || iy >= s.h) continue;
              for (let ox = 0; ox < s.w; ox++) {
                const ix = ox + kx - 1;
                if (ix < 0 || ix >= s.w) continue;
                const gv = gs[((n * s.o + o) * s.h + oy) * s.w + ox];
                acc = r(acc + r(gv * xs[((n * s.c + c) * s.h + iy) * s.w + ix]));
              }
            }
          }
          dw[((o * s.c + c) * 3 + ky) * 3 + kx] = acc;
        }
      }
    }
  }
  return dw;
}
