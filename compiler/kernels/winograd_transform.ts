// Constant-matrix products in WGSL, the arithmetic of every Winograd transform: each output is a
// `let` summing the non-zero terms of one matrix row, with +-1 entries as plain adds and
// subtracts, so the transforms cost what the matrices' structure costs, no more. Values live in
// registers named by the caller; the matrices are float64 values rounded to f32 literals.
import { f32, type WgslWriter } from "../wgsl/mod.ts";

/** out_i = sum_k L[i][k] * in_k for every row i (`input(k)`, `output(i)` name registers);
 *  returns the floating point operations emitted (a multiply, an add or a subtract each). */
export function emitMatVec(
  w: WgslWriter,
  L: readonly (readonly number[])[],
  input: (k: number) => string,
  output: (i: number) => string,
): number {
  let flops = 0;
  L.forEach((row, i) => {
    let text = "";
    row.forEach((c, k) => {
      if (c === 0) return;
      const v = input(k), mag = Math.abs(c), neg = c < 0;
      const term = mag === 1 ? v : `${f32(mag).code} * ${v}`;
      if (mag !== 1) flops++;
      if (text === "") text = neg ? `-${mag === 1 ? v : `(${term})`}` : term;
      else {
        text += neg ? ` - ${term}` : ` + ${term}`;
        flops++;
      }
    });
    w.line(`let ${output(i)} = ${text === "" ? "0.0f" : text};`);
  });
  return flops;
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
