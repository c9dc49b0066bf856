// Tile choice per GEMM shape and adapter. CPU rasterizers (llvmpipe/lavapipe, SwiftShader,
// WARP) get the "register" variant: FACTS.md measured barriers there as the bottleneck, and
// one invocation per 8x8 register block with small workgroups as the fastest matmul. GPUs get
// workgroup-memory tiles, and split-K where the output is small but K is long.
import { workgroupTileBytes } from "./gemm.ts";
import type { GemmTile } from "./spec.ts";
import {
  type WinogradChoice,
  winogradDefaults,
  type WinogradGradChoice,
} from "./winograd_chain.ts";

export interface AdapterTraits {
  /** A CPU implementation: no workgroup memory, big register blocks, 8-wide workgroups. */
  cpu: boolean;
  /** Workgroup memory a kernel may use: the adapter's limit, or less where a backend compiles
   *  large workgroup arrays slowly (wgpu's OpenGL; runtime/device.ts getAdapterTraits). */
  maxWorkgroupStorage: number;
  maxInvocations: number;
}

/** What tiles.ts needs from an adapter: `adapter.info` and `adapter.limits` (or a device's). */
export function adapterTraits(
  info: { description?: string; device?: string; isFallbackAdapter?: boolean },
  limits: { maxComputeWorkgroupStorageSize: number; maxComputeInvocationsPerWorkgroup: number },
): AdapterTraits {
  const name = `${info.description ?? ""} ${info.device ?? ""}`;
  return {
    cpu: !!info.isFallbackAdapter || /llvmpipe|lavapipe|swiftshader|warp|softpipe/i.test(name),
    maxWorkgroupStorage: limits.maxComputeWorkgroupStorageSize,
    maxInvocations: limits.maxComputeInvocationsPerWorkgroup,
  };
}

/** Lanes llvmpipe runs together (its subgroup size on 256-bit SIMD). */
const CPU_LANES = 8;

const pow2AtMost = (n: number, cap: number): number => {
  let p = 1;
  while (p * 2 <= Math.min(n, cap)) p *= 2;
  return p;
};

/** A register tile: tm x tn per invocation, CPU_LANES invocations per workgroup, spread over
 *  N first (neighbouring lanes, neighbouring columns). */
function registerTile(m: number, n: number, tm: number, tn: number, bk = 4): GemmTile {
  const wx = pow2AtMost(Math.ceil(n / tn), CPU_LANES);
  const wy = pow2AtMost(Math.ceil(m / tm), CPU_LANES / wx);
  return { variant: "register", bm: wy * tm, bn: wx * tn, bk, tm, tn, ks: 1 };
}

/** Register block rows: 8, or fewer for a small M (an FC layer at batch 1-4, 3 channels). */
const blockRows = (m: number): number => (m >= 8 ? 8 : m >= 4 ? 4 : m);

function workgroupTile(m: number, n: number, t: AdapterTraits): GemmTile {
  // 128x128 blocks of 8x8 on large GEMMs, 64x64 (or 32x64) of 4x4 (2x4) otherwise: 256
  // invocations. K stage: the longest of 16, 8, 4 whose tiles fit (padded rows included).
  const shapes: Omit<GemmTile, "bk">[] = [];
  if (m >= 128 && n >= 128) {
    shapes.push({ variant: "workgroup", bm: 128, bn: 128, tm: 8, tn: 8, ks: 1 });
  }
  const bm = m >= 64 ? 64 : 32;
  shapes.push({ variant: "workgroup", bm, bn: 64, tm: bm / 16, tn: 4, ks: 1 });
  for (const shape of shapes) {
    if ((shape.bm / shape.tm) * (shape.bn / shape.tn) > t.maxInvocations) continue;
    for (const bk of [16, 8, 4]) {
      const tile = { ...shape, bk };
      if (workgroupTileBytes(tile, "k", "k") <= t.maxWorkgroupStorage) return tile;
    }
  }
  return { variant: "workgroup", bm: 16, bn: 16, bk: 4, tm: 2, tn: 2, ks: 1 };
}

/** Split-K: a (bm/tm) x (bn/tn) block of invocations per K slice, as many slices as fit. */
function splitKTile(m: number, t: AdapterTraits): GemmTile {
  const tm = Math.min(4, blockRows(m)), wy = m <= 4 ? 1 : 4, tn = 4, wx = 4;
  const bm = tm * wy, bn = tn * wx;
  let ks = Math.floor(Math.min(256, t.maxInvocations) / (wx * wy));
  while (ks > 1 && 4 * ks * bm * bn > t.maxWorkgroupStorage) ks = Math.floor(ks / 2);
  return { variant: "splitk", bm, bn, bk: 1, tm, tn, ks: Math.max(1, ks) };
}

/** Pixels per "direct" row segment: 4 to 8, wasting the fewest on the row's last segment
 *  (ties to the longer: more reuse of each loaded value). */
function segmentLength(w: number): number {
  if (w <= 8) return w;
  let best = 8;
  for (let t = 8; t >= 4; t--) {
    if (Math.ceil(w / t) * t - w < Math.ceil(w / best) * best - w) best = t;
  }
  return best;
}

export interface ConvShape {
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
  k: number;
}

/** The largest map (pixels) the direct conv takes whole per invocation by default. */
const SMALL_MAP = 16;

/** The smallest conv the untuned rule runs by Winograd, in the direct conv's multiply-adds. */
export const WINOGRAD_MIN_MACS = 8e6;

/** The tile policy the lowering takes (compiler/lower.ts TilePolicy). */
export function tilePolicy(t: AdapterTraits) {
  return {
    winograd(d: ConvShape & { pad: number }): WinogradChoice | undefined {
      // The untuned rule, from phase 1's kernel tables on llvmpipe (bench/RESULTS.md, "Winograd
      // kernels against the direct conv", six runs): F(4,3) where both channel counts are 16 or
      // more on maps of 8 or more (1.3-3x the direct conv there), F(2,3) on smaller maps (a
      // 4x4 tile on a 2x2 map is three quarters padding); the direct conv for the first layer
      // and wherever C or O is below 16 (the transforms cost about what the multiplies save:
      // 0.8-2.2x, mixed). The split chain: the fused forms lost on llvmpipe. GPUs keep the
      // direct conv's workgroup tiles: the Winograd GEMM has only register tiles so far, and
      // `deno task tune` measures it against them per shape.
      // Small convs stay direct too: under WINOGRAD_MIN_MACS a layer takes well under a
      // millisecond, and the chain's three dispatches cost more than the multiplies it saves
      // (`deno task tune` on llvmpipe, E/w8 at batch 8, 1.2-4.7 M multiply-adds a layer: the
      // direct conv 1.2-2x faster on every layer of the forward and on 26 of the training
      // step's 28 shapes; at batch 64, 9.4 M and up, Winograd won most of them).
      // Maps of 16 pixels or fewer (4x4, 2x2) stay direct as well: the direct conv takes whole
      // maps per invocation there and skips the taps that fall on padding (conv_register.ts
      // wholeImages); the tuner, E/w8 at batch 64, found it 1.1-1.3x faster than F(2,3) on the
      // 4x4 and 2x2 layers before its weights were packed, which made it 1.3-1.4x faster again.
      if (!t.cpu || d.k !== 3 || d.pad !== 1 || d.c < 16 || d.o < 16) return undefined;
      if (d.n * d.o * d.c * 9 * d.h * d.w < WINOGRAD_MIN_MACS) return undefined;
      if (d.h * d.w <= SMALL_MAP) return undefined;
      return winogradDefaults(d, Math.min(d.h, d.w) >= 8 ? 4 : 2, "split");
    },
    conv(d: ConvShape & { pad: number }): GemmTile {
      // Output pixels (N) assume "same" padding here; the tile only has to be reasonable.
      const m = d.o, n = d.n * d.h * d.w;
      if (!t.cpu) return workgroupTile(m, n, t);
      // A "same" 3x3 (or larger) conv on a small map: whole maps per invocation, 4 output
      // channels (one vec4 of packed weights, conv_pack.ts) x as many maps as fit in 16 pixels
      // and the batch holds (measured on llvmpipe, E/w8 at batch 64: 4 x 16 packed as fast as
      // the best unpacked block, 2 x 32, on 2x2 maps and 1.25x faster on 4x4 maps).
      if (d.k > 1 && 2 * d.pad === d.k - 1 && d.h * d.w <= SMALL_MAP) {
        const hw = d.h * d.w, tn = Math.min(Math.max(1, Math.floor(16 / hw)), d.n) * hw;
        return registerTile(m, n, Math.min(4, blockRows(m)), tn);
      }
      // Row segments ("direct") load fewer values per multiply-add: measured 5-40% faster on
      // llvmpipe for rows of 4 or more pixels, slower for 2-pixel rows (bench/kernels.ts).
      // 1x1 convs have no horizontal taps to share and take the register variant's vec4 path.
      if (d.w < 4 || d.k === 1) return registerTile(m, n, blockRows(m), 8);
      // Two output rows per invocation share k + 1 input rows (bk: rows; measured 1.6-1.9x
      // faster than one row on llvmpipe for E/w8's 3x3 layers at batch 64).
      const tn = segmentLength(d.w);
      return { ...registerTile(m, n, blockRows(m), tn, d.h >= 2 ? 2 : 1), variant: "direct" };
    },
    winogradGradWeight(_d: ConvShape): WinogradGradChoice | undefined {
      // Direct by default: phase 1 measured F(3 x 3, m x m) slower than the direct kernel on
      // most of E/w8's layers on llvmpipe (0.4-0.9x; faster only for 64 channels on 4x4 and 2x2
      // maps, 1.1-2.6x, and at full width), so only a tuning table that measured it picks it.
      return undefined;
    },
    convGradWeight(d: ConvShape): GemmTile {
      if (!t.cpu) return splitKTile(d.o, t);
      // One tm x tn block of (o, c) per workgroup for one row of taps (bk = k: each g value
      // loaded feeds all k kx taps; measured on llvmpipe, E/w8 batch 64: the weight gradients
      // took 51 ms instead of 99 ms per step), its long K (batch x rows) split over ks lanes:
      // 16, or up to 64 when the blocks are few (a 3-channel first layer has 3), so that ~512
      // invocations share the cores (measured: 2.1 -> 4.8 GFLOP/s there).
      const taps = d.k > 1 ? d.k : 1;
      const tm = blockRows(d.o), tn = Math.min(8, d.c);
      const blocks = Math.ceil(d.o / tm) * Math.ceil(d.c / tn) * d.k * d.k / taps;
      let ks = 16;
      while (ks < 64 && blocks * ks < 512) ks *= 2;
      while (
        ks > 1 && (ks > t.maxInvocations || 4 * ks * tm * tn * taps > t.maxWorkgroupStorage)
      ) {
        ks /= 2;
      }
      return { variant: "register", bm: tm, bn: tn, bk: taps, tm, tn, ks };
    },
    matmul(d: { m: number; n: number; k: number }): GemmTile {
      if (t.cpu) return registerTile(d.m, d.n, blockRows(d.m), 8);
      // Few output blocks and a long K (FC layers: M = batch): 64x64 blocks would leave most
      // of a GPU's ~100 multiprocessors idle, so split K inside smaller blocks instead.
      const tile = workgroupTile(d.m, d.n, t);
      const blocks = Math.ceil(d.m / tile.bm) * Math.ceil(d.n / tile.bn);
      if ((d.m <= 16 && d.k >= 256) || (blocks < 128 && d.k >= 1024)) return splitKTile(d.m, t);
      return tile;
    },
  };
}
