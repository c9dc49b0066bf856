// Winograd convolution F(m x m, 3 x 3) as kernel specs: frozen plain data, one spec per kernel of
// the chain, each emitter reading only its spec and the cache key derived from it (winogradKey)
// as for the other kernels (spec.ts). They stand apart from spec.ts's KernelSpec union until the
// lowering chooses Winograd per layer (phase 2 of issue #16); runtime/kernel_runner.ts runs them
// as EmittedKernels meanwhile.
//
// Every conv here is 3x3, stride 1, padding 1 (all of VGG's 3x3 layers, and their input
// gradients, whose padding k - 1 - pad is 1 again). The output map is cut into m x m tiles,
// ceil(h / m) x ceil(w / m) per image; tile p = (image, tile row, tile column) in that order;
// alpha = m + 2. Layouts of the transformed tensors (xi = transformed position, 0 .. alpha^2):
//   U [xi][C][O]  transformed filters;   V [xi][C][P]  transformed input tiles;
//   M [xi][O][P]  the alpha^2 GEMM results M_xi = U_xi^T V_xi, before the output transform.
// C and O are the conv's: with flip (the input gradient) the weight read is the forward layer's
// [C_fwd = O, O_fwd = C, 3, 3] tensor, transposed and flipped, exactly as ConvSpec's flip.
import { canonicalJson, type EpilogueOp, type GemmTile, type Stored } from "./spec.ts";
import type { WinogradTile } from "../winograd/transforms.ts";

export type { WinogradTile };

/** The conv the chain computes: x [n, c, h, w] -> y [n, o, h, w]. */
export interface WinogradConv {
  /** Output tile side (F(m x m, 3 x 3)). */
  m: WinogradTile;
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
}

/** U = G g G^T for every (o, c). Bindings: wt, u. */
export interface WinogradFilterSpec extends Stored {
  kind: "winograd_filter";
  m: WinogradTile;
  c: number;
  o: number;
  flip: boolean;
}

/** V = B^T d B for every channel and tile, `tn` tiles per invocation: consecutive in a tile
 *  row, sharing the two columns where neighbours overlap; or, with `vec4` (tn = 4, P a multiple
 *  of 4), consecutive in the flat tile order, each loading its own window, stored as 16-byte
 *  groups (a quarter of the stores). Bindings: x, v. */
export interface WinogradInputSpec extends Stored, Omit<WinogradConv, "o"> {
  kind: "winograd_input";
  tn: number;
  vec4?: true;
}

/**
 * The alpha^2 GEMMs over C, in one of three forms:
 *   input "v", output "m": M_xi = U_xi^T V_xi; a register block of tm channels x tn tiles for
 *     one xi per invocation (the separate chain: filter, input, this, output);
 *   input "v", output "y": all alpha^2 positions of tm x tn per invocation, and the output
 *     transform, the epilogue and the pool fold in registers (M never stored);
 *   input "x", output "y": the input transform in the loads too (V never stored; an
 *     invocation's tn tiles are consecutive in a tile row, and the tiles' transforms are redone
 *     for every block of tm output channels).
 * Bindings: v (or x), u, epilogue extras, m (or y).
 */
export interface WinogradGemmSpec extends Stored, WinogradConv {
  kind: "winograd_gemm";
  input: "v" | "x";
  output: "m" | "y";
  /** Output "y" only: as ConvSpec's (bias, ReLU, ... on each output value). */
  epilogue: EpilogueOp[];
  /** Output "y" only: a 2x2/2 max-pool after the epilogue (bias and ReLU only; m is even, so
   *  no pooling window straddles two tiles). */
  pool?: true;
  /** variant "register"; tm x tn per invocation, (bn / tn) x (bm / tm) invocations. */
  tile: GemmTile;
}

/** y = A^T M A per (o, tile), then the epilogue (and the pool fold); `tn` consecutive tiles of
 *  one channel per invocation, their M read as 16-byte groups when tn is 4 (P a multiple of 4).
 *  Bindings: m, extras, y. */
export interface WinogradOutputSpec extends Stored, WinogradConv {
  kind: "winograd_output";
  tn: 1 | 4;
  epilogue: EpilogueOp[];
  pool?: true;
}

/**
 * The weight gradient, F(3 x 3, m x m): dw_oc = A_w^T (sum_p Gt_op . V_cp) A_w over every image
 * and tile p, where V is the forward's input transform (B^T is the same for F(3, m)) and
 * Gt = G_w g G_w^T transforms the m x m tiles of the output gradient g [n, o, h, w].
 *   winograd_grad_g: Gt [xi][O][P]. Bindings: g, gt.
 *   winograd_grad_gemm: partial sums over `slices` ranges of P (split K across workgroups, so
 *     no workgroup memory), S [slice][xi][O][C]. Bindings: gt, v, s.
 *   winograd_grad_out: dw (+)= A_w^T (sum over slices) A_w. Bindings: s, dw.
 */
export interface WinogradGradGSpec extends Stored, Omit<WinogradConv, "c"> {
  kind: "winograd_grad_g";
}

export interface WinogradGradGemmSpec extends Stored, WinogradConv {
  kind: "winograd_grad_gemm";
  slices: number;
  tile: GemmTile;
}

export interface WinogradGradOutSpec extends Stored {
  kind: "winograd_grad_out";
  m: WinogradTile;
  c: number;
  o: number;
  slices: number;
  accumulate: boolean;
}

export type WinogradSpec =
  | WinogradFilterSpec
  | WinogradInputSpec
  | WinogradGemmSpec
  | WinogradOutputSpec
  | WinogradGradGSpec
  | WinogradGradGemmSpec
  | WinogradGradOutSpec;

/** The pipeline cache key: the spec itself, canonical (as specKey). */
export const winogradKey = (s: WinogradSpec): string => canonicalJson(s);

/** Tile grid of a conv: alpha, tiles per image row and column, and P (all tiles). */
export function winogradGeometry(s: { m: number; n: number; h: number; w: number }) {
  const alpha = s.m + 2, th = Math.ceil(s.h / s.m), tw = Math.ceil(s.w / s.m);
  return { alpha, a2: alpha * alpha, th, tw, perImage: th * tw, p: s.n * th * tw };
}

export interface WinogradStorage {
  elems: number;
  type: "f32" | "f16" | "u32";
}

const f = (elems: number): WinogradStorage => ({ elems, type: "f32" });

/** The epilogue's extra inputs, as io.ts sizes them for a conv output of `size` values. */
function extras(ops: readonly EpilogueOp[], size: number, channels: number): WinogradStorage[] {
  return ops.flatMap((op) =>
    op.op === "bias"
      ? [f(channels)]
      : op.op === "mask" || op.op === "add"
      ? [f(size)]
      : op.op === "dropout"
      ? [{ elems: 1, type: "u32" as const }]
      : []
  );
}

/** Stored output size: the conv's map, or the pooled map (floors odd sides). */
export const outputSize = (s: WinogradConv & { pool?: true }): number =>
  s.pool ? s.n * s.o * Math.floor(s.h / 2) * Math.floor(s.w / 2) : s.n * s.o * s.h * s.w;

/** Element counts of the storage bindings, in binding order (f16 positions applied). */
export function winogradSizes(s: WinogradSpec): WinogradStorage[] {
  const all = ((): WinogradStorage[] => {
    const a2 = (s.m + 2) ** 2;
    switch (s.kind) {
      case "winograd_filter":
        return [f(s.o * s.c * 9), f(a2 * s.c * s.o)];
      case "winograd_input":
        return [f(s.n * s.c * s.h * s.w), f(a2 * s.c * winogradGeometry(s).p)];
      case "winograd_gemm": {
        const p = winogradGeometry(s).p, y = outputSize(s);
        const main = s.input === "v" ? f(a2 * s.c * p) : f(s.n * s.c * s.h * s.w);
        const out = s.output === "m" ? [f(a2 * s.o * p)] : [...extras(s.epilogue, y, s.o), f(y)];
        return [main, f(a2 * s.c * s.o), ...out];
      }
      case "winograd_output": {
        const y = outputSize(s);
        return [f(a2 * s.o * winogradGeometry(s).p), ...extras(s.epilogue, y, s.o), f(y)];
      }
      case "winograd_grad_g":
        return [f(s.n * s.o * s.h * s.w), f(a2 * s.o * winogradGeometry(s).p)];
      case "winograd_grad_gemm": {
        const p = winogradGeometry(s).p;
        return [f(a2 * s.o * p), f(a2 * s.c * p), f(s.slices * a2 * s.o * s.c)];
      }
      case "winograd_grad_out":
        return [f(s.slices * a2 * s.o * s.c), f(s.o * s.c * 9)];
    }
  })();
  const half = s.f16 ?? [];
  return all.map((b, i) => half.includes(i) ? { ...b, type: "f16" } : b);
}
