// How far a Winograd conv may be from the direct conv: the bound the kernel tests, the whole-net
// tests and the autotuner hold each tile to. From the accuracy study (bench/winograd_accuracy.ts,
// bench/RESULTS.md "Winograd accuracy"): a float32 model of the kernels, VGG-like values, errors
// max|err| / max|ref| against the float64 direct conv, worst of 3 seeds. Up to 512 input channels
// (forward, input gradient and weight gradient) the worst were 2.5e-6 for the direct conv,
// 1.0e-6 for F(2,3), 5.5e-6 for F(4,3) and 3.3e-5 for F(6,3); the kernels on lavapipe matched
// the model. Each bound is 4x or more of that (other drivers may contract to fma or sum in
// another order), and far below what an indexing mistake or a wrong matrix entry gives (1e-3
// and up). With f16 activations every tile measured as the direct conv does (the rounding of
// the stored values, 2^-11 of a value, dominates); U, V and M stay f32 in plans (F(4,3) and
// F(6,3) lose 2e-3 to 3e-2 otherwise).
import type { WinogradTile } from "./transforms.ts";

/** Relative error bound of F(m x m, 3 x 3) (and of F(3 x 3, m x m) for the weight gradient) in
 *  float32 against an exact conv. */
export const WINOGRAD_TOLERANCE: Record<WinogradTile, number> = { 2: 1e-5, 4: 4e-5, 6: 1.5e-4 };
