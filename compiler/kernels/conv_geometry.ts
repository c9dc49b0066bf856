// The one conv geometry: the output size of a stride-1, zero-padded conv (the shape rule, the
// kernels, the tile candidates and the storage sizes all read it from here), the GEMM views of
// the conv and of its weight gradient, and the pixel indexing the conv variants share.
import {
  add,
  and,
  cast,
  div,
  type Expr,
  ge,
  lt,
  mod,
  mul,
  ref,
  type WgslWriter,
} from "../wgsl/mod.ts";
import type { ConvGradWeightSpec, ConvSpec } from "./spec.ts";

/** Output size along one axis of a k x k, stride-1 conv with `pad` zeros on each side. */
export const convOut = (size: number, k: number, pad: number): number => size + 2 * pad - k + 1;

/** The conv as a GEMM: M = output channels, N = batch x output pixels, K = channels x k x k. */
export function convDims(s: Omit<ConvSpec, "tile">) {
  const ho = convOut(s.h, s.k, s.pad), wo = convOut(s.w, s.k, s.pad);
  return { ho, wo, m: s.o, n: s.n * ho * wo, k: s.c * s.k * s.k };
}

/** The weight gradient as a GEMM: M = O, N = C x k x k, K = batch x output pixels. */
export function convGradWeightDims(s: Omit<ConvGradWeightSpec, "tile">) {
  const ho = convOut(s.h, s.k, s.pad), wo = convOut(s.w, s.k, s.pad);
  return { ho, wo, m: s.o, n: s.c * s.k * s.k, k: s.n * ho * wo };
}

export const inRange = (v: Expr, limit: number): Expr => and(ge(v, 0), lt(v, limit));

/** Column setup shared by every variant: output pixel (image, oy, ox) of flat column `col`. */
export function pixelSetup(w: WgslWriter, s: ConvSpec, col: Expr, sfx: string) {
  const { ho, wo } = convDims(s);
  const img = w.let(`img${sfx}`, div(col, ho * wo));
  const rem = w.let(`rem${sfx}`, mod(col, ho * wo));
  const oy = w.let(`oy${sfx}`, cast("i32", div(rem, wo)));
  const ox = w.let(`ox${sfx}`, cast("i32", mod(rem, wo)));
  const xb = w.let(`xb${sfx}`, mul(img, s.c * s.h * s.w));
  return { img, rem, oy, ox, xb };
}

export const pixelRefs = (sfx: string) => ({
  img: ref(`img${sfx}`, "u32"),
  rem: ref(`rem${sfx}`, "u32"),
  oy: ref(`oy${sfx}`, "i32"),
  ox: ref(`ox${sfx}`, "i32"),
  xb: ref(`xb${sfx}`, "u32"),
});

/** Flat output index of channel `o` at the pixel with setup suffix `sfx`. */
export function outIndex(s: ConvSpec, o: Expr, sfx: string): Expr {
  const { ho, wo } = convDims(s), p = pixelRefs(sfx);
  return add(mul(add(mul(p.img, s.o), o), ho * wo), p.rem);
}
