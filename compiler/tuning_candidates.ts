// The candidate tiles the autotuner (runtime/tuner.ts, `deno task tune`) tries for a GEMM-like
// kernel on an adapter: the policy's own first, then the variants that suit the adapter (register
// and "direct" blocks on CPU rasterizers, workgroup-memory and split-K tiles on GPUs); and for a
// 3x3 pad-1 conv or weight gradient, the Winograd chains worth timing against them.
import { convDims, convGradWeightDims } from "./kernels/conv_geometry.ts";
import { workgroupTileBytes } from "./kernels/gemm.ts";
import { canonicalJson, type GemmTile } from "./kernels/spec.ts";
import type { AdapterTraits } from "./kernels/tiles.ts";
import {
  registerTile,
  type WinogradChoice,
  winogradDefaults,
  type WinogradGradChoice,
  winogradGradDefaults,
} from "./kernels/winograd_chain.ts";
import { winogradGeometry } from "./kernels/winograd_spec.ts";
import type { WinogradTile } from "./winograd/transforms.ts";
import { tileProblems, type TunableSpec } from "./tuning.ts";

/** The GEMM a kernel is: rows M, columns N, reduction K. */
export function gemmDims(s: TunableSpec): { m: number; n: number; k: number } {
  switch (s.kind) {
    case "conv": {
      const { m, n, k } = convDims(s);
      return { m, n, k };
    }
    case "conv_grad_weight": {
      const { m, n, k } = convGradWeightDims(s);
      return { m, n, k };
    }
    case "matmul":
      return { m: s.m, n: s.n, k: s.k };
  }
}

const pow2AtMost = (n: number, cap: number): number => {
  let p = 1;
  while (p * 2 <= Math.min(n, cap)) p *= 2;
  return p;
};
const uniq = (xs: number[]) => [...new Set(xs)].filter((x) => x >= 1);

/** A register tile: tm x tn per invocation, `lanes` invocations per workgroup at most, spread
 *  over N first (tiles.ts's layout, with the lane count free). */
function registerBlock(
  m: number,
  n: number,
  tm: number,
  tn: number,
  lanes: number,
  bk: number,
): GemmTile {
  const wx = pow2AtMost(Math.ceil(n / tn), lanes);
  const wy = pow2AtMost(Math.ceil(m / tm), lanes / wx);
  return { variant: "register", bm: wy * tm, bn: wx * tn, bk, tm, tn, ks: 1 };
}

/** Register rows per invocation worth trying for M rows: 2, 4, 8, and M itself when smaller. */
const rowChoices = (m: number) => uniq([2, 4, 8].map((t) => Math.min(t, m)));

/** Most accumulators of a plain tm x tn register block (more spilled in the first session's
 *  measurements). Blocks that reuse each load more hold a multiple of it and were measured
 *  faster on llvmpipe all the same: the direct conv's row pairs (2x), the weight gradient's
 *  rows of taps (k x, 192 accumulators at 8 x 8 x 3). */
const MAX_BLOCK = 64;
/** Workgroup sizes tried on CPU rasterizers: one SIMD row (llvmpipe runs 8 lanes together), and
 *  four, which gives each thread longer runs between workgroup switches. */
const CPU_LANES = [8, 32];

/** For a "same" conv on a map of at most 16 pixels, the tn that take 1, 2, 4 or 8 whole maps
 *  per invocation (up to 32 pixels: more maps share each weight load); none for other kernels. */
function smallMap(s: TunableSpec): number[] {
  if (s.kind !== "conv" || s.k === 1) return [];
  const { ho, wo } = convDims(s), hw = ho * wo;
  if (ho !== s.h || wo !== s.w || hw > 16) return [];
  return [1, 2, 4, 8].map((q) => q * hw).filter((tn) => tn <= 32);
}

function cpuCandidates(s: TunableSpec, t: AdapterTraits): GemmTile[] {
  const { m, n } = gemmDims(s);
  const out: GemmTile[] = [];
  if (s.kind === "conv_grad_weight") {
    // One (o, c) block per workgroup and tap (bk 1) or row of taps (bk k), its long K split
    // over ks lanes (tiles.ts).
    for (const tm of uniq([4, 8].map((x) => Math.min(x, s.o)))) {
      for (const tn of uniq([4, 8].map((x) => Math.min(x, s.c)))) {
        for (const taps of uniq([1, s.k])) {
          for (const ks of [8, 16, 32, 64]) {
            const bytes = 4 * ks * tm * tn * taps;
            if (ks > t.maxInvocations || bytes > t.maxWorkgroupStorage) continue;
            out.push({ variant: "register", bm: tm, bn: tn, bk: taps, tm, tn, ks });
          }
        }
      }
    }
    return out;
  }
  for (const lanes of CPU_LANES) {
    if (lanes > t.maxInvocations) continue;
    for (const tm of rowChoices(m)) {
      // Convs on maps of up to 16 pixels also try one whole map per invocation (the register
      // variant then skips the taps outside it: conv_register.ts wholeImages).
      for (const tn of uniq([4, 8, ...smallMap(s)])) {
        if (tm * tn > MAX_BLOCK) continue;
        // bk: matmul's K unroll (4 reads vec4 along K where the layout allows); conv ignores it.
        for (const bk of s.kind === "matmul" ? [1, 4] : [4]) {
          out.push(registerBlock(m, n, tm, tn, lanes, bk));
        }
      }
      if (s.kind !== "conv" || s.k === 1) continue;
      // "direct": tn pixels of one output row; the row split evenly into segments of <= 8.
      const { wo } = convDims(s);
      const even = Math.ceil(wo / Math.ceil(wo / 8));
      // bk: output rows per invocation (two share k + 1 input rows; the accumulators per
      // row stay within MAX_BLOCK, 2 x 64 measured faster than 1 x 64 on llvmpipe).
      for (const tn of uniq([4, 8, even, wo].filter((x) => x <= Math.min(8, wo)))) {
        if (tm * tn > MAX_BLOCK) continue;
        for (const rows of convDims(s).ho >= 2 ? [1, 2] : [1]) {
          out.push({ ...registerBlock(m, n, tm, tn, lanes, rows), variant: "direct" });
        }
      }
    }
  }
  return out;
}

function gpuCandidates(s: TunableSpec, t: AdapterTraits): GemmTile[] {
  const { m, n, k } = gemmDims(s);
  const out: GemmTile[] = [];
  // Workgroup-memory tiles: block shapes from 16x64 to 128x128, 1 to 8 outputs a side per
  // invocation; blocks far larger than the problem only idle, so they are left out.
  const blocks: [number, number, number, number][] = [
    [128, 128, 8, 8],
    [128, 64, 8, 4],
    [64, 128, 4, 8],
    [64, 64, 4, 4],
    [64, 64, 8, 8],
    [32, 64, 2, 4],
    [64, 32, 4, 2],
    [32, 32, 2, 2],
    [16, 64, 1, 4],
  ];
  for (const [bm, bn, tm, tn] of blocks) {
    if ((bm >= 2 * m && bm > 16) || (bn >= 2 * n && bn > 32)) continue;
    if ((bm / tm) * (bn / tn) > t.maxInvocations) continue;
    for (const bk of [8, 16, 32]) {
      const tile: GemmTile = { variant: "workgroup", bm, bn, bk, tm, tn, ks: 1 };
      if (workgroupTileBytes(tile, "k", "k") <= t.maxWorkgroupStorage) out.push(tile);
    }
  }
  // Split-K for a long K: (bm/tm) x (bn/tn) invocations per K slice, ks slices.
  if (k >= 64) {
    const shapes: [number, number, number, number][] = [
      [Math.min(4, m), m <= 4 ? 1 : 4, 4, 4],
      [2, 2, 2, 8],
      [1, 1, 4, 16],
    ];
    for (const [tm, wy, tn, wx] of shapes) {
      for (const ks of [4, 8, 16, 32, 64]) {
        const bm = tm * wy, bn = tn * wx;
        if (ks * wx * wy > t.maxInvocations || 4 * ks * bm * bn > t.maxWorkgroupStorage) continue;
        out.push({ variant: "splitk", bm, bn, bk: 1, tm, tn, ks });
      }
    }
  }
  return out;
}

/** The tiles the tuner tries for a kernel on an adapter: the spec's own (the policy's default)
 *  first, then the variants that suit the adapter, within its workgroup limits; each once. */
export function candidateTiles(s: TunableSpec, t: AdapterTraits): GemmTile[] {
  const all = [s.tile, ...(t.cpu ? cpuCandidates(s, t) : gpuCandidates(s, t))];
  const seen = new Set<string>();
  return all.filter((tile) => {
    const key = canonicalJson(tile);
    if (seen.has(key) || tileProblems(tile).length) return false;
    seen.add(key);
    return true;
  });
}

/** The Winograd chains the tuner times for a 3x3 pad-1 conv: the split chain of every tile
 *  (F(6,3) too: its accuracy holds in float32, bench/RESULTS.md), with the GEMM's register block
 *  at 8 x 16 (the default), 4 x 16 and 8 x 8 for F(2,3) and F(4,3), the transforms with one or
 *  two tiles per invocation where the default takes four, F(2,3)'s input transform over four
 *  flat tiles as vec4 where its default takes four of a row, and the fused chain (input transform in the
 *  GEMM's loads) of F(2,3) and F(4,3); on GPUs also the fused-output chain (no M stored), which
 *  lost 3-8x on llvmpipe. Empty for other convs. */
export function winogradCandidates(s: TunableSpec, t: AdapterTraits): WinogradChoice[] {
  if (s.kind !== "conv" || s.k !== 3 || s.pad !== 1) return [];
  const out: WinogradChoice[] = [];
  for (const m of [2, 4, 6] as WinogradTile[]) {
    const d = winogradDefaults(s, m, "split");
    out.push(d);
    if (m === 6) continue;
    const { p } = winogradGeometry({ ...s, m });
    for (const [tm, tn] of [[4, 16], [8, 8]]) {
      out.push({ ...d, tile: registerTile(s.o, p, Math.min(tm, s.o), tn) });
    }
    // The transforms' other shapes: one or two tiles per invocation where the default takes
    // four; F(2,3)'s four flat tiles as vec4 where its default takes four of a row.
    if (d.outputTiles === 4) out.push({ ...d, inputTiles: 2, inputVec4: false, outputTiles: 1 });
    else if (d.inputTiles === 4) out.push({ ...d, inputTiles: 2 });
    if (m === 2 && !d.inputVec4 && p % 4 === 0) out.push({ ...d, inputTiles: 4, inputVec4: true });
    out.push(winogradDefaults(s, m, "fused"));
    if (!t.cpu) out.push(winogradDefaults(s, m, "fused-output"));
  }
  const seen = new Set<string>();
  return out.filter((c) => {
    const key = canonicalJson(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The Winograd weight-gradient chains the tuner times for a 3x3 pad-1 conv_grad_weight:
 *  F(3 x 3, m x m) for every tile, with its default blocks. Empty for other kernels. */
export function winogradGradCandidates(s: TunableSpec): WinogradGradChoice[] {
  if (s.kind !== "conv_grad_weight" || s.k !== 3 || s.pad !== 1) return [];
  return ([2, 4, 6] as WinogradTile[]).map((m) => winogradGradDefaults(s, m));
}
