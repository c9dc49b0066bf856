// Constant-matrix products in WGSL, the arithmetic of every Winograd transform: each output is a
// `let` summing the non-zero terms of one matrix row, with +-1 entries as plain adds and
// subtracts. The matrices come from point pairs +-p, whose rows (B^T, G) or columns (A^T) agree
// up to sign, and both are shared the way Lavin & Gray's hand-written transforms share them:
//   two rows equal up to the signs of some entries: r1 = e + o, r2 = e - o (e: the terms where
//     they agree, o: where they differ), half the products;
//   two columns equal up to sign in every row: x_j + x_k and x_j - x_k once, then each row takes
//     one product of whichever it needs.
// Values live in registers named by the caller; entries are float64 values as f32 literals.
import { f32, type WgslWriter } from "../wgsl/mod.ts";

type Term = { c: number; v: string };

/** `sum c * v` as WGSL, +-1 as plain adds and subtracts; flops counted into `n`. */
function sum(terms: readonly Term[], n: { flops: number }): string {
  let text = "";
  for (const { c, v } of terms) {
    if (c === 0) continue;
    const mag = Math.abs(c), neg = c < 0;
    const term = mag === 1 ? v : `${f32(mag).code} * ${v}`;
    if (mag !== 1) n.flops++;
    if (text === "") text = neg ? `-${mag === 1 ? v : `(${term})`}` : term;
    else {
      text += neg ? ` - ${term}` : ` + ${term}`;
      n.flops++;
    }
  }
  return text === "" ? "0.0f" : text;
}

const sameMagnitudes = (a: readonly number[], b: readonly number[]) =>
  a.every((x, k) => Math.abs(x) === Math.abs(b[k]));

/** out_i = sum_k L[i][k] * in_k for every row i (`input(k)`, `output(i)` name registers);
 *  returns the floating point operations emitted (a multiply, an add or a subtract each). */
export function emitMatVec(
  w: WgslWriter,
  L: readonly (readonly number[])[],
  input: (k: number) => string,
  output: (i: number) => string,
): number {
  const n = { flops: 0 }, rows = L.length, cols = L[0].length;
  // Shared values are named after the first output (unique per call, stable across runs).
  const tag = `c_${output(0)}`;
  // Column pairs: columns j < k equal up to a per-row sign, used by at least two rows.
  const pairOf = new Map<number, number>();
  for (let j = 0; j < cols; j++) {
    if (pairOf.has(j)) continue;
    for (let k = j + 1; k < cols; k++) {
      if (pairOf.has(k)) continue;
      const colJ = L.map((r) => r[j]), colK = L.map((r) => r[k]);
      if (!sameMagnitudes(colJ, colK) || colJ.filter((x) => x !== 0).length < 2) continue;
      pairOf.set(j, k).set(k, j);
      break;
    }
  }
  // Row pairs: rows equal up to the signs of some (not all, not none) entries.
  const rowPair = new Map<number, number>();
  for (let i = 0; i < rows; i++) {
    if (rowPair.has(i)) continue;
    for (let i2 = i + 1; i2 < rows; i2++) {
      if (rowPair.has(i2) || !sameMagnitudes(L[i], L[i2])) continue;
      const flips = L[i].filter((x, k) => x !== 0 && x === -L[i2][k]).length;
      const nz = L[i].filter((x) => x !== 0).length;
      if (flips === 0 || flips === nz) continue;
      rowPair.set(i, i2).set(i2, i);
      break;
    }
  }
  // Row pairs take their terms from the inputs; the other rows use the column pairs.
  const usedPairs = new Set<number>();
  const singleRows = [...Array(rows).keys()].filter((i) => !rowPair.has(i));
  const colTerms = (i: number): Term[] => {
    const out: Term[] = [];
    for (let j = 0; j < cols; j++) {
      const c = L[i][j];
      if (c === 0) continue;
      const k = pairOf.get(j);
      if (k === undefined) out.push({ c, v: input(j) });
      else if (j < k) {
        const same = L[i][k] === c;
        usedPairs.add(j);
        out.push({ c, v: `${tag}_${same ? "s" : "d"}${j}` });
      }
    }
    return out;
  };
  const singles = singleRows.map((i) => ({ i, terms: colTerms(i) }));
  for (const j of usedPairs) {
    const k = pairOf.get(j)!;
    const needS = singles.some(({ terms }) => terms.some((t) => t.v === `${tag}_s${j}`));
    const needD = singles.some(({ terms }) => terms.some((t) => t.v === `${tag}_d${j}`));
    if (needS) w.line(`let ${tag}_s${j} = ${input(j)} + ${input(k)};`);
    if (needD) w.line(`let ${tag}_d${j} = ${input(j)} - ${input(k)};`);
    n.flops += (needS ? 1 : 0) + (needD ? 1 : 0);
  }
  for (let i = 0; i < rows; i++) {
    const i2 = rowPair.get(i);
    if (i2 === undefined) {
      w.line(`let ${output(i)} = ${sum(singles.find((s) => s.i === i)!.terms, n)};`);
    } else if (i < i2) {
      const e: Term[] = [], o: Term[] = [];
      L[i].forEach((c, k) => {
        if (c !== 0) (c === L[i2][k] ? e : o).push({ c, v: input(k) });
      });
      if (e.length) w.line(`let ${tag}_e${i} = ${sum(e, n)};`);
      w.line(`let ${tag}_o${i} = ${sum(o, n)};`);
      w.line(`let ${output(i)} = ${e.length ? `${tag}_e${i} + ` : ""}${tag}_o${i};`);
      w.line(`let ${output(i2)} = ${e.length ? `${tag}_e${i} - ` : "-"}${tag}_o${i};`);
      n.flops += e.length ? 2 : 1;
    }
  }
  return n.flops;
}

/** out = L src R^T for a src of a x b registers `src(i, j)`: first rows (t = L src, named
 *  `${tmp}_i_j`), then columns; returns the flops. */
export function emitSandwich(
  w: WgslWriter,
  L: readonly (readonly number[])[],
  R: readonly (readonly number[])[],
  src: (i: number, j: number) => string,
  b: number,
  tmp: string,
  out: (i: number, j: number) => string,
): number {
  let flops = 0;
  for (let j = 0; j < b; j++) {
    flops += emitMatVec(w, L, (k) => src(k, j), (i) => `${tmp}_${i}_${j}`);
  }
  for (let i = 0; i < L.length; i++) {
    flops += emitMatVec(w, R, (k) => `${tmp}_${i}_${k}`, (j) => out(i, j));
  }
  return flops;
}
