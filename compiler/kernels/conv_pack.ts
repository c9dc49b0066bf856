// The weight copy a packed conv reads (ConvSpec.packed): P[c][ky k + kx][o] = W[o,c,ky,kx] as
// the conv reads W (flip included: the input gradient's flipped transpose is baked in), the
// output channels padded with zeros to a multiple of 4. A conv invocation then loads the
// weights of its tm output channels at one (channel, tap) as tm / 4 vec4s instead of tm
// scalars. On llvmpipe every storage load runs lane by lane, whatever it loads, so this divides
// a direct conv's weight loads by 4 (measured on E/w8's layers: weight loads were most of the
// small-map convs' time). The copy reads only the weight, so the runtime makes it once per
// weight update (runtime/executor.ts paramKernels), as Winograd's filter transform.
import type { KernelDef } from "../ops/types.ts";
import { declareBindings, kernel, newWriter, read, readWrite } from "./common.ts";
import { f } from "./io.ts";
import type { EmittedKernel, Stored } from "./spec.ts";
import { FLAT, flat } from "./winograd.ts";

/** P from the conv's weight tensor. Bindings: wt ([O,C,k,k], or [C,O,k,k] with flip), wp. */
export interface ConvPackSpec extends Stored {
  kind: "conv_pack";
  c: number;
  o: number;
  k: number;
  flip: boolean;
}

/** Output channels of P: O rounded up to a multiple of 4. */
export const packedRows = (o: number): number => Math.ceil(o / 4) * 4;

/** The copy a conv with spec `s` reads (ConvSpec.packed). */
export const packOf = (s: { c: number; o: number; k: number; flip: boolean }): ConvPackSpec => ({
  kind: "conv_pack",
  c: s.c,
  o: s.o,
  k: s.k,
  flip: s.flip,
});

/** Elements of P. */
export const packedSize = (s: { c: number; o: number; k: number }): number =>
  s.c * s.k * s.k * packedRows(s.o);

/** Index in the stored weight of W[o,c,ky,kx] as a conv with `flip` reads it. */
export function storedIndex(
  s: { c: number; o: number; k: number; flip: boolean },
  o: number,
  c: number,
  ky: number,
  kx: number,
): number {
  const k = s.k;
  return s.flip
    ? ((c * s.o + o) * k + (k - 1 - ky)) * k + (k - 1 - kx)
    : ((o * s.c + c) * k + ky) * k + kx;
}

/** The reference: P from the stored weight, in plain TypeScript. */
export function packWeights(
  w: ArrayLike<number>,
  s: { c: number; o: number; k: number; flip: boolean },
): Float32Array {
  const op = packedRows(s.o), p = new Float32Array(packedSize(s));
  for (let c = 0; c < s.c; c++) {
    for (let ky = 0; ky < s.k; ky++) {
      for (let kx = 0; kx < s.k; kx++) {
        const row = (c * s.k * s.k + ky * s.k + kx) * op;
        for (let o = 0; o < s.o; o++) p[row + o] = w[storedIndex(s, o, c, ky, kx)];
      }
    }
  }
  return p;
}

/** Lane i = (c, tap, group of 4 output channels), groups fastest: one vec4 store each. */
export function emitConvPack(s: ConvPackSpec): EmittedKernel {
  const kk2 = s.k * s.k, groups = packedRows(s.o) / 4;
  const w = newWriter(`conv_pack ${s.o}x${s.c} k${s.k}${s.flip ? " flip" : ""}`);
  const bindings = declareBindings(w, [read("wt"), readWrite("wp")], new Set(["wp"]), s.f16);
  w.blank();
  const g = flat(w, s.c * kk2 * groups, () => {
    w.line(`let grp = i % ${groups}u;`);
    w.line(`let c = i / ${groups * kk2}u;`);
    w.line(`let tap = (i / ${groups}u) % ${kk2}u;`);
    // flip: W[o,c,ky,kx] = stored[c,o,k-1-ky,k-1-kx], and tap k-1-ky, k-1-kx is kk2-1-tap.
    const at = (o: string) =>
      s.flip
        ? `(c * ${s.o}u + ${o}) * ${kk2}u + ${kk2 - 1}u - tap`
        : `(${o} * ${s.c}u + c) * ${kk2}u + tap`;
    const vals = [0, 1, 2, 3].map((q) => {
      w.line(`let o${q} = grp * 4u + ${q}u;`);
      // Padding rows read a clamped row and store 0.
      const v = w.load("wt", at(`min(o${q}, ${s.o - 1}u)`));
      return `select(0.0f, ${v}, o${q} < ${s.o}u)`;
    });
    w.store("wp", "i", `vec4<f32>(${vals.join(", ")})`);
  });
  return kernel({
    name: `conv_pack${s.flip ? " flip" : ""}`,
    wgsl: w.toString(),
    workgroupSize: [FLAT, 1, 1],
    grid: g,
    bindings,
    flops: 0,
    bytes: 4 * (s.o * s.c * kk2 + packedSize(s)),
  });
}

export const convPack: KernelDef<ConvPackSpec> = {
  emit: emitConvPack,
  storage: (s) => [f(s.o * s.c * s.k * s.k), f(packedSize(s))],
};
