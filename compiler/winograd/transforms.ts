// Winograd minimal filtering F(m, r) (Lavin & Gray 2016, after Winograd 1980 and Toom-Cook):
// m outputs of an r-tap correlation from alpha = m + r - 1 multiplications,
//   y = A^T [ (G g) . (B^T d) ],
// and in 2D (nested) Y = A^T [ (G g G^T) . (B^T d B) ] A. The matrices come from alpha
// interpolation points: alpha - 1 finite points p_j and the point at infinity.
//
// Derivation (so the code below can be checked against it). The linear convolution s = g * e of
// an r-tap g and an m-tap e is the product of two polynomials of degrees r - 1 and m - 1; it has
// degree alpha - 1, so its alpha values at the points fix it: s = C [(G0 g) . (A e)], where row j
// of G0 (alpha x r) and A (alpha x m) evaluates a polynomial at p_j (the row of infinity takes its
// leading coefficient) and C = V^-1 interpolates (V: the alpha x alpha evaluation matrix). A
// correlation y_i = sum_k g_k d_{i+k} is the transpose of that convolution in e, so
// y = A^T diag(G0 g) C^T d: B^T = C^T. Any diagonal D moves between the two sides, G = D^-1 G0 and
// B^T = D C^T; D_j = prod_{l != j} (p_j - p_l) (the Lagrange denominators) makes B^T the
// coefficients of prod_{l != j} (x - p_l), and leaves the fractions in G, which is applied to the
// weights once per step rather than to every input tile. Exact rationals throughout, so the
// identity is checked exactly (tests/winograd_math.test.ts) and rounded to float64 once.

/** An exact rational num / den, den > 0, in lowest terms. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

export function rat(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num), d = BigInt(den);
  if (d === 0n) throw new Error("rational with denominator 0");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { num: n / g, den: d / g };
}

export const ZERO = rat(0), ONE = rat(1);
export const radd = (a: Rational, b: Rational) => rat(a.num * b.den + b.num * a.den, a.den * b.den);
export const rsub = (a: Rational, b: Rational) => rat(a.num * b.den - b.num * a.den, a.den * b.den);
export const rmul = (a: Rational, b: Rational) => rat(a.num * b.num, a.den * b.den);
export const rdiv = (a: Rational, b: Rational) => rat(a.num * b.den, a.den * b.num);
export const rneg = (a: Rational) => rat(-a.num, a.den);
export const requal = (a: Rational, b: Rational) => a.num === b.num && a.den === b.den;
export const rnum = (a: Rational) => Number(a.num) / Number(a.den);
export const rtext = (a: Rational) => a.den === 1n ? `${a.num}` : `${a.num}/${a.den}`;

export type RMatrix = Rational[][];

function rpow(p: Rational, e: number): Rational {
  let out = ONE;
  for (let i = 0; i < e; i++) out = rmul(out, p);
  return out;
}

/** The inverse of a square rational matrix (Gauss-Jordan; throws when singular). */
export function rinverse(m: RMatrix): RMatrix {
  const n = m.length;
  const a = m.map((
    row,
    i,
  ) => [...row, ...Array.from({ length: n }, (_, j) => j === i ? ONE : ZERO)]);
  for (let col = 0; col < n; col++) {
    const pivot = a.findIndex((row, r) => r >= col && row[col].num !== 0n);
    if (pivot < 0) throw new Error("singular matrix (repeated interpolation point?)");
    [a[col], a[pivot]] = [a[pivot], a[col]];
    const inv = rdiv(ONE, a[col][col]);
    a[col] = a[col].map((v) => rmul(v, inv));
    for (let r = 0; r < n; r++) {
      if (r === col || a[r][col].num === 0n) continue;
      const f = a[r][col];
      a[r] = a[r].map((v, j) => rsub(v, rmul(f, a[col][j])));
    }
  }
  return a.map((row) => row.slice(n));
}

/** The matrices of one F(m, r), exact and as float64. */
export interface Winograd1D {
  /** Outputs per tile, taps, and alpha = m + r - 1 (the tile of inputs and of products). */
  m: number;
  r: number;
  alpha: number;
  /** The finite points (alpha - 1 of them; the last point is infinity). */
  points: readonly Rational[];
  /** m x alpha, alpha x r, alpha x alpha. */
  AT: RMatrix;
  G: RMatrix;
  BT: RMatrix;
}

/** Toom-Cook construction of F(m, r) from alpha - 1 distinct finite points (see the top). */
export function toomCook(m: number, r: number, points: readonly Rational[]): Winograd1D {
  const alpha = m + r - 1;
  if (points.length !== alpha - 1) {
    throw new Error(`F(${m},${r}) needs ${alpha - 1} finite points, got ${points.length}`);
  }
  const inf = alpha - 1;
  // Evaluation of a polynomial with `terms` coefficients at every point (infinity: the leading).
  const evaluation = (terms: number): RMatrix =>
    Array.from(
      { length: alpha },
      (_, j) =>
        Array.from({ length: terms }, (_, k) =>
          j === inf ? (k === terms - 1 ? ONE : ZERO) : rpow(points[j], k)),
    );
  const V = evaluation(alpha);
  const C = rinverse(V);
  // Lagrange denominators; 1 for infinity.
  const D = Array.from(
    { length: alpha },
    (_, j) =>
      j === inf
        ? ONE
        : points.reduce((acc, p, l) => l === j ? acc : rmul(acc, rsub(points[j], p)), ONE),
  );
  const A = evaluation(m), G0 = evaluation(r);
  const AT = Array.from({ length: m }, (_, i) => A.map((row) => row[i]));
  const G = G0.map((row, j) => row.map((v) => rdiv(v, D[j])));
  const BT = Array.from({ length: alpha }, (_, j) => C.map((row) => rmul(D[j], row[j])));
  // Sign convention (free: a row pair of G and B^T may both be negated): the first non-zero
  // entry of each B^T row is positive, as in Lavin & Gray's printed F(2,3).
  for (let j = 0; j < alpha; j++) {
    const first = BT[j].find((v) => v.num !== 0n)!;
    if (first.num < 0n) {
      BT[j] = BT[j].map(rneg);
      G[j] = G[j].map(rneg);
    }
  }
  return { m, r, alpha, points, AT, G, BT };
}

/** Parses "0", "-1", "1/2", "-2" into exact points. */
export const parsePoints = (spec: readonly string[]): Rational[] =>
  spec.map((s) => {
    const [n, d] = s.split("/");
    return rat(BigInt(n), BigInt(d ?? "1"));
  });

/** Output tile sizes offered for 3x3 convolutions. */
export const TILES = [2, 4, 6] as const;
export type WinogradTile = typeof TILES[number];

/**
 * The points of each F(m, 3), chosen by measurement (bench/winograd_accuracy.ts --search ranks
 * every set drawn from 0, +-1, +-2, +-1/2, +-4, +-1/4, +-3/2, +-2/3 by the float32 error of a
 * VGG-like layer; bench/RESULTS.md "Winograd accuracy" has the tables):
 *   F(2,3): 0, +-1 (Lavin & Gray's), the best of the 455 sets.
 *   F(4,3): 0, +-3/2, +-2/3: the best of 3003 sets, with half the float32 rms error of Lavin &
 *     Gray's 0, +-1, +-2 (and of 0, +-1, +-1/2, which measures the same) and a quarter of the
 *     error when the transformed tensors are stored as f16. The price is more non-unit matrix
 *     entries (inexact in binary, measured with their float32 rounding) in the transforms.
 *   F(6,3): 0, +-1, +-2, +-1/2 (the set of Lavin's wincnn and of NNPACK, whose B^T holds
 *     the familiar 21/4 and 17/4), the best of 6435 sets; its points are powers of two, so A^T
 *     and B^T are exact in float32 (G's fractions, 2/9, 1/90, ..., round in the filter
 *     transform, once per weight update).
 * (Barabasz et al., "Error analysis and improving the accuracy of Winograd convolution for DNNs",
 * 2020, study the same question; the ranking above is our own measurement.)
 */
export const POINTS: Record<WinogradTile, readonly string[]> = {
  2: ["0", "1", "-1"],
  4: ["0", "3/2", "-3/2", "2/3", "-2/3"],
  6: ["0", "1", "-1", "2", "-2", "1/2", "-1/2"],
};

/** F(m, 3) with the chosen points (the forward and input-gradient convolutions). */
export function forwardTransform(m: WinogradTile): Winograd1D {
  return toomCook(m, 3, parsePoints(POINTS[m]));
}

/** F(3, m) with the same points (the weight gradient: a 3-output correlation of an alpha-wide
 *  input tile with an m-wide output-gradient tile). Its B^T equals the forward's (B^T depends
 *  only on the points), so both passes transform inputs alike. */
export function weightGradTransform(m: WinogradTile): Winograd1D {
  return toomCook(3, m, parsePoints(POINTS[m]));
}

/** The float64 values of a rational matrix. */
export const toNumbers = (m: RMatrix): number[][] => m.map((row) => row.map(rnum));

/** Transform matrices as float64, what the kernels and the CPU references read. */
export interface Matrices {
  m: number;
  r: number;
  alpha: number;
  AT: number[][];
  G: number[][];
  BT: number[][];
}

export const numeric = (t: Winograd1D): Matrices => ({
  m: t.m,
  r: t.r,
  alpha: t.alpha,
  AT: toNumbers(t.AT),
  G: toNumbers(t.G),
  BT: toNumbers(t.BT),
});
