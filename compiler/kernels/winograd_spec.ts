// Winograd convolution F(m x m, 3 x 3) as kernel specs: frozen plain data, one spec per kernel of
// the chain, each emitter reading only its spec, as for every other kernel (spec.ts); their
// KernelDefs (emitter, storage sizes, epilogue) are in winograd_kernels.ts, listed in the kernel
// table (mod.ts). The conv primitive's lowering expands a conv the tile policy runs by Winograd
// into these kernels (compiler/ops/conv.ts, winograd_chain.ts).
//
// Every conv here is 3x3, stride 1, padding 1 (all of VGG's 3x3 layers, and their input
// gradients, whose padding k - 1 - pad is 1 again). The output map is cut into m x m tiles,
// ceil(h / m) x ceil(w / m) per image; tile p = (image, tile row, tile column) in that order;
// alpha = m + 2. Layouts of the transformed tensors (xi = transformed position, 0 .. alpha^2):
//   U [xi][C][O]  transformed filters;   V [xi][C][P]  transformed input tiles;
//   M [xi][O][P]  the alpha^2 GEMM results M_xi = U_xi^T V_xi, before the output transform.
// C and O are the conv's: with flip (the input gradient) the weight read is the forward layer's
// [C_fwd = O, O_fwd = C, 3, 3] tensor, transposed and flipped, exactly as ConvSpec's flip.
import type { EpilogueOp, GemmTile, Stored } from "./spec.ts";
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
  /** Output "y" only: a 2x2/2 max or average pool after the epilogue (bias and ReLU only; m
   *  is even, so no pooling window straddles two tiles). Set by a pool's fold
   *  (compiler/ops/pool.ts); absent otherwise. */
  pool?: "max" | "avg";
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
  /** As WinogradGemmSpec's. */
  pool?: "max" | "avg";
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

/** The kinds, each with its spec. */
export interface WinogradKernels {
  winograd_filter: WinogradFilterSpec;
  winograd_input: WinogradInputSpec;
  winograd_gemm: WinogradGemmSpec;
  winograd_output: WinogradOutputSpec;
  winograd_grad_g: WinogradGradGSpec;
  winograd_grad_gemm: WinogradGradGemmSpec;
  winograd_grad_out: WinogradGradOutSpec;
}

/** Tile grid of a conv: alpha, tiles per image row and column, and P (all tiles). */
export function winogradGeometry(s: { m: number; n: number; h: number; w: number }) {
  const alpha = s.m + 2, th = Math.ceil(s.h / s.m), tw = Math.ceil(s.w / s.m);
  return { alpha, a2: alpha * alpha, th, tw, perImage: th * tw, p: s.n * th * tw };
}

/** Stored output size: the conv's map, or the pooled map (floors odd sides). */
export const outputSize = (s: WinogradConv & { pool?: string }): number =>
  s.pool ? s.n * s.o * Math.floor(s.h / 2) * Math.floor(s.w / 2) : s.n * s.o * s.h * s.w;
