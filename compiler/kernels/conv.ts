// Convolution (stride 1, zero padding) as an implicit GEMM: M = output channels, N = batch *
// output pixels, K = input channels * k * k; the im2col matrix is never built, B's elements are
// read from x where they fall. With flip the weights come from the forward layer's [C,O,k,k]
// tensor, spatially flipped (the input gradient), so that pass needs no transposed copy.
import {
  add,
  and,
  cast,
  div,
  mod,
  mul,
  ref,
  select,
  sub,
  u32,
  type WgslWriter,
} from "../wgsl/mod.ts";
import { declareBindings, kernel, newWriter, read, readWrite } from "./common.ts";
import {
  emitEpilogueHelpers,
  emitOutputStore,
  epilogueBindings,
  epilogueBytes,
  epilogueSizes,
} from "./epilogue.ts";
import { emitSplitKGemm, emitWorkgroupGemm, type GemmOperands } from "./gemm.ts";
import {
  convVec4,
  directVec4,
  emitConvDirect,
  emitConvRegister,
  packable,
  wholeImages,
  wholeImagesVec4,
} from "./conv_register.ts";
import { packedSize } from "./conv_pack.ts";
import { convDims, inRange, outIndex, pixelRefs, pixelSetup } from "./conv_geometry.ts";
import type { ConvSpec, EmittedKernel } from "./spec.ts";
import type { KernelDef } from "../ops/types.ts";
import { appendEpilogue } from "../ops/util.ts";
import { f } from "./io.ts";

/** The GEMM view of the conv; A and B read wt and x through `w` (f16 storage converts). */
function operands(s: ConvSpec, w: WgslWriter): GemmOperands {
  const { m, n, k } = convDims(s), kk2 = s.k * s.k;
  return {
    m,
    n,
    k,
    colSetup: (w, col, sfx) => void pixelSetup(w, s, col, sfx),
    kSetup: (w, kk, sfx) => {
      w.let(`ci${sfx}`, div(kk, kk2));
      const r = w.let(`r${sfx}`, mod(kk, kk2));
      w.let(`ky${sfx}`, cast("i32", div(r, s.k)));
      w.let(`kx${sfx}`, cast("i32", mod(r, s.k)));
    },
    a: (row, kk, _rs, ks) => {
      if (!s.flip) return w.at("wt", add(mul(row, k), kk));
      const ci = ref(`ci${ks}`, "u32"), r = ref(`r${ks}`, "u32");
      return w.at("wt", add(mul(add(mul(ci, s.o), row), kk2), sub(kk2 - 1, r)));
    },
    b: (_kk, _col, ks, cs) => {
      const p = pixelRefs(cs);
      const iy = add(p.oy, sub(ref(`ky${ks}`, "i32"), s.pad));
      const ix = add(p.ox, sub(ref(`kx${ks}`, "i32"), s.pad));
      const ok = s.pad === 0 ? and() : and(inRange(iy, s.h), inRange(ix, s.w));
      const at = add(
        add(p.xb, mul(ref(`ci${ks}`, "u32"), s.h * s.w)),
        cast("u32", add(mul(iy, s.w), ix)),
      );
      return select(0, w.at("x", select(u32(0), at, ok)), ok);
    },
    aFast: s.flip ? "mn" : "k",
    bFast: "mn",
    store: (w, row, _col, v, _rs, cs) =>
      emitOutputStore(w, "y", s.epilogue, false, v, outIndex(s, row, cs), () => row),
  };
}

/** The bindings read or written in 16-byte groups: x of a 1x1 register conv and of one that
 *  takes whole images of 4k pixels, x and y of a "direct" conv whose rows allow it (directVec4). */
function vec4Bindings(s: ConvSpec): Set<string> {
  const wt = s.packed ? ["wt"] : [];
  if (convVec4(s) || wholeImagesVec4(s)) return new Set(["x", ...wt]);
  const d = directVec4(s);
  return new Set([...(d.x ? ["x"] : []), ...wt, ...(d.y ? ["y"] : [])]);
}

export function emitConv(s: ConvSpec): EmittedKernel {
  const { ho, wo, m, n, k } = convDims(s), t = s.tile;
  if (s.packed && !packable(t)) {
    throw new Error(`a packed conv needs a register or direct tile with tm a multiple of 4`);
  }
  if (s.pool && t.variant !== "direct" && !wholeImages(s)) {
    throw new Error(
      `conv pool fold needs the "direct" tile or whole maps per invocation, got "${t.variant}"`,
    );
  }
  const w = newWriter(
    `conv ${s.n}x${s.c}x${s.h}x${s.w} -> ${s.o} k${s.k} pad${s.pad}${s.flip ? " flip" : ""}${
      s.pool ? ` + ${s.pool}pool` : ""
    } (${t.variant})`,
  );
  const bindings = declareBindings(
    w,
    [read("x"), read("wt"), ...epilogueBindings(s.epilogue), readWrite("y")],
    vec4Bindings(s),
    s.f16,
  );
  emitEpilogueHelpers(w, s.epilogue);
  w.blank();
  const layout = t.variant === "register"
    ? emitConvRegister(w, s, operands(s, w))
    : t.variant === "direct"
    ? emitConvDirect(w, s)
    : t.variant === "workgroup"
    ? emitWorkgroupGemm(w, operands(s, w), t)
    : emitSplitKGemm(w, operands(s, w), t);
  // What is stored: the pooled map when the pool is folded in (3 compares or adds per pooled
  // value, counted as the standalone pool kernels count them).
  const ySize = s.pool ? s.n * s.o * Math.floor(ho / 2) * Math.floor(wo / 2) : s.n * s.o * ho * wo;
  return kernel({
    name: `conv ${t.variant}${s.pool ? "+pool" : ""} ${t.tm}x${t.tn}${
      vec4Bindings(s).size ? " vec4" : ""
    }`,
    wgsl: w.toString(),
    ...layout,
    bindings,
    flops: 2 * m * n * k + (s.pool ? 3 * ySize : 0),
    bytes: 4 * (s.n * s.c * s.h * s.w + s.o * k + ySize) + epilogueBytes(s.epilogue, ySize, s.o),
  });
}

export const conv: KernelDef<ConvSpec> = {
  emit: emitConv,
  storage: (s) => {
    const { ho, wo } = convDims(s);
    const y = s.pool ? s.n * s.o * Math.floor(ho / 2) * Math.floor(wo / 2) : s.n * s.o * ho * wo;
    return [
      f(s.n * s.c * s.h * s.w),
      f(s.packed ? packedSize(s) : s.o * s.c * s.k * s.k),
      ...epilogueSizes(s.epilogue, y, s.o),
      f(y),
    ];
  },
  // A pooled conv's epilogue runs before its pool: nothing may join it after.
  epilogue: (s, op) => s.pool ? undefined : appendEpilogue(s, op),
};
