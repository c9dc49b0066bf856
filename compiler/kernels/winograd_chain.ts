// A Winograd convolution as a chain of kernels over named buffers: what the conv primitive's
// lowering emits for a conv the tile policy runs by Winograd (compiler/ops/conv.ts), and what the
// kernel tests, the tuner and bench/winograd_kernels.ts run alone. The chain of each variant, the
// policy's choice and its defaults (register tiles, transform groupings), and the f16 positions of
// each kernel from which of its buffers are stored as f16 (standalone runs; in a plan the
// lowering sets them from the values' storage).
import type { EpilogueOp, GemmTile } from "./spec.ts";
import { epilogueBindings } from "./epilogue.ts";
import type { StorageSize } from "./io.ts";
import { winogradKernels } from "./winograd_kernels.ts";
import {
  type WinogradConv,
  winogradGeometry,
  type WinogradSpec,
  type WinogradTile,
} from "./winograd_spec.ts";

/** Element counts and types of a Winograd kernel's storage bindings (its KernelDef's), f16
 *  where the spec stores a binding as f16. */
export function winogradStorage(s: WinogradSpec): StorageSize[] {
  const def = winogradKernels[s.kind] as { storage(s: WinogradSpec): StorageSize[] };
  const half = s.f16 ?? [];
  return def.storage(s).map((b, i) => half.includes(i) ? { ...b, type: "f16" } : b);
}

/**
 * How the forward (or input-gradient) chain is cut into kernels:
 *   "split": filter, input, GEMM (M stored), output transform + epilogue: 4 kernels;
 *   "fused-output": filter, input, GEMM + output transform: 3 kernels, M never stored;
 *   "fused": filter, GEMM with both transforms: 2 kernels, neither V nor M stored.
 * The filter transform reads only the weight: a plan runs it once per weight update (training)
 * or per setParams (inference), not per batch (runtime/executor.ts paramKernels).
 */
export type WinogradVariant = "split" | "fused-output" | "fused";
export const WINOGRAD_VARIANTS: readonly WinogradVariant[] = ["split", "fused-output", "fused"];

/**
 * A conv run by Winograd: what the tile policy answers for a 3x3 pad-1 conv it does not run
 * direct (compiler/lower.ts TilePolicy.winograd), and what a tuning table stores for it. Every
 * field explicit, so a stored choice means the same code whatever the defaults become.
 */
export interface WinogradChoice {
  m: WinogradTile;
  variant: WinogradVariant;
  /** The GEMM's register tile. */
  tile: GemmTile;
  /** The input transform's tiles per invocation, and whether 4 flat tiles store as vec4
   *  (split and fused-output; the fused GEMM transforms its input itself). */
  inputTiles: number;
  inputVec4: boolean;
  /** The output transform's tiles per invocation (4: M read as vec4; split only). */
  outputTiles: 1 | 4;
}

export interface WinogradConvSpec extends WinogradConv {
  flip: boolean;
  epilogue: EpilogueOp[];
  pool?: "max" | "avg";
  variant: WinogradVariant;
}

/** Which buffers are stored as f16: `io` the conv's own tensors as --precision f16 stores them
 *  (x, the weight's half copy, relu_grad/add extras, y; a bias is a parameter and stays f32);
 *  `transformed` U, V and M (bench/RESULTS.md: acceptable for F(2,3) only). */
export interface WinogradHalf {
  io?: boolean;
  transformed?: boolean;
}

/** One kernel of a chain: its spec and the buffer names of its storage bindings in order. */
export interface ChainStep {
  spec: WinogradSpec;
  buffers: string[];
}

export interface WinogradChain {
  steps: ChainStep[];
  /** Every buffer: size and storage type. Inputs: x, wt (and g for the weight gradient),
   *  epilogue extras ep0, ep1, ...; output y (dw); the rest are intermediates (u, v, mt; gt,
   *  parts). */
  sizes: Record<string, StorageSize>;
}

const CPU_LANES = 8;
const pow2AtMost = (n: number, cap: number): number => {
  let p = 1;
  while (p * 2 <= Math.min(n, cap)) p *= 2;
  return p;
};

/** A register tile of tm x tn per invocation, up to 8 invocations (llvmpipe's SIMD width),
 *  spread over N first: tiles.ts's register tile for the transformed-domain GEMMs. */
export function registerTile(m: number, n: number, tm: number, tn: number): GemmTile {
  const wx = pow2AtMost(Math.ceil(n / tn), CPU_LANES);
  const wy = pow2AtMost(Math.ceil(m / tm), CPU_LANES / wx);
  return { variant: "register", bm: wy * tm, bn: wx * tn, bk: 1, tm, tn, ks: 1 };
}

const rowsOf = (o: number, most: number) => (o >= most ? most : o >= 4 ? 4 : o >= 2 ? 2 : 1);

/** The default tiles: 8 x 16 blocks for the plain GEMM (of 8 x 8, 4 x 8, 8 x 4, 4 x 4, 8 x 16,
 *  4 x 16 and 16 x 8, the 128-accumulator blocks ran fastest on llvmpipe for E/w8's shapes,
 *  bench/RESULTS.md); for the fused forms, which hold all alpha^2 positions of their block,
 *  about 128 accumulators too (as many as the direct conv's 8 channels x 2 rows x 8 pixels). */
function defaultGemmTile(c: WinogradConvSpec): GemmTile {
  const { p, tw } = winogradGeometry(c);
  if (c.variant === "split") return registerTile(c.o, p, rowsOf(c.o, 8), 16);
  const per = { 2: [4, 2], 4: [2, 2], 6: [2, 1] }[c.m] as [number, number];
  const tm = rowsOf(c.o, per[0]), tn = Math.min(per[1], c.variant === "fused" ? tw : p);
  if (c.variant === "fused-output") return registerTile(c.o, p, tm, tn);
  const t = registerTile(c.o, Math.ceil(tw / tn) * c.n * Math.ceil(c.h / c.m), tm, 1);
  return { ...t, tn, bn: t.bn * tn };
}

/** Tiles per input-transform invocation: neighbours share 2 of their alpha columns. */
export const defaultInputTiles = (c: WinogradConv): number => c.m === 6 ? 1 : rowQuads(c) ? 4 : 2;

/** Whether a tile row holds whole groups of 4 tiles: the input transform then takes 4
 *  neighbours of a row per invocation and stores V as vec4 (measured 1.2-1.7x two tiles, and
 *  1.2-1.4x four flat tiles, on llvmpipe: bench/RESULTS.md). */
const rowQuads = (c: WinogradConv) => winogradGeometry(c).tw % 4 === 0;

function halfPositions(buffers: string[], sizes: Record<string, StorageSize>, h: WinogradHalf) {
  const io = new Set(["x", "wt", "y", "g"]);
  const tr = new Set(["u", "v", "mt", "gt"]);
  return buffers.flatMap((b, i) => {
    if (sizes[b].type !== "f32") return [];
    if (h.io && (io.has(b) || /^ep\d+_(mask|add)$/.test(b))) return [i];
    return h.transformed && tr.has(b) ? [i] : [];
  });
}

/** How the chain's kernels are shaped: any field of a WinogradChoice (the rest default as
 *  winogradDefaults picks them), and f16 storage for standalone runs. */
export interface ChainOptions extends Partial<Omit<WinogradChoice, "m" | "variant">> {
  half?: WinogradHalf;
}

/** Whether the transforms take 4 tiles per invocation in 16-byte groups by default: for F(2,3)
 *  where P allows (measured 10-35% faster than one or two tiles on llvmpipe); for F(4,3) and
 *  F(6,3) no faster within the noise, and 2-4x the WGSL (90 KiB for F(6,3)'s input transform),
 *  which OpenGL compiles slowly. */
const quadTiles = (c: WinogradConv) => c.m === 2 && winogradGeometry(c).p % 4 === 0;
/** The input transform's 4 flat tiles in 16-byte groups: F(2,3)'s quads where a tile row has
 *  no whole groups of 4 (rowQuads' kernel, which shares columns, is faster where it can run). */
const flatQuads = (c: WinogradConv) => quadTiles(c) && !rowQuads(c);

/** The default shape of every kernel of a conv's chain, for tile m and variant. */
export function winogradDefaults(
  c: Omit<WinogradConv, "m">,
  m: WinogradTile,
  variant: WinogradVariant,
): WinogradChoice {
  const flat = flatQuads({ ...c, m });
  return {
    m,
    variant,
    tile: defaultGemmTile({ ...c, m, variant, flip: false, epilogue: [] }),
    inputTiles: flat ? 4 : defaultInputTiles({ ...c, m }),
    inputVec4: flat,
    outputTiles: quadTiles({ ...c, m }) ? 4 : 1,
  };
}

/** A choice's fields as chain options. */
export const choiceOptions = ({ m: _m, variant: _v, ...rest }: WinogradChoice): ChainOptions =>
  rest;

/** The input-transform step. */
function inputStep(c: WinogradConv, opts: ChainOptions): ChainStep {
  const vec4 = opts.inputVec4 ?? flatQuads(c);
  return {
    spec: {
      kind: "winograd_input",
      m: c.m,
      n: c.n,
      c: c.c,
      h: c.h,
      w: c.w,
      tn: vec4 ? 4 : opts.inputTiles ?? defaultInputTiles(c),
      ...(vec4 ? { vec4: true as const } : {}),
    },
    buffers: ["x", "v"],
  };
}

/** The chain of a forward (or, with flip, input-gradient) Winograd conv. */
export function winogradChain(c: WinogradConvSpec, opts: ChainOptions = {}): WinogradChain {
  const geo: WinogradConv = { m: c.m, n: c.n, c: c.c, h: c.h, w: c.w, o: c.o };
  const tile = opts.tile ?? defaultGemmTile(c);
  const extras = epilogueBindings(c.epilogue).map((b) => b.name);
  const filter: ChainStep = {
    spec: { kind: "winograd_filter", m: c.m, c: c.c, o: c.o, flip: c.flip },
    buffers: ["wt", "u"],
  };
  const input = inputStep(geo, opts);
  const gemm = (input: "v" | "x", output: "m" | "y"): ChainStep => ({
    spec: {
      kind: "winograd_gemm",
      ...geo,
      input,
      output,
      epilogue: output === "y" ? c.epilogue : [],
      ...(output === "y" && c.pool ? { pool: c.pool } : {}),
      tile,
    },
    buffers: [input, "u", ...(output === "y" ? [...extras, "y"] : ["mt"])],
  });
  const out: ChainStep = {
    spec: {
      kind: "winograd_output",
      ...geo,
      tn: opts.outputTiles ?? (quadTiles(c) ? 4 : 1),
      epilogue: c.epilogue,
      ...(c.pool ? { pool: c.pool } : {}),
    },
    buffers: ["mt", ...extras, "y"],
  };
  const steps = c.variant === "split"
    ? [filter, input, gemm("v", "m"), out]
    : c.variant === "fused-output"
    ? [filter, input, gemm("v", "y")]
    : [filter, gemm("x", "y")];
  return withSizes(steps, opts.half ?? {});
}

/** Sizes every buffer from the steps' specs, then sets each spec's f16 positions. */
function withSizes(steps: ChainStep[], half: WinogradHalf): WinogradChain {
  const sizes: Record<string, StorageSize> = {};
  for (const st of steps) winogradStorage(st.spec).forEach((s, i) => sizes[st.buffers[i]] = s);
  const out = steps.map((st) => {
    const f16 = halfPositions(st.buffers, sizes, half);
    return { ...st, spec: Object.freeze(f16.length ? { ...st.spec, f16 } : st.spec) };
  });
  for (const st of out) {
    (st.spec.f16 ?? []).forEach((i) =>
      sizes[st.buffers[i]] = { ...sizes[st.buffers[i]], type: "f16" }
    );
  }
  return { steps: out, sizes };
}

/** A weight gradient run by Winograd, F(3 x 3, m x m): what the tile policy answers for a 3x3
 *  pad-1 conv_grad_weight it does not run direct (TilePolicy.winogradGradWeight). */
export interface WinogradGradChoice {
  m: WinogradTile;
  /** The sliced GEMM's register tile over (o, c), and the slices of P it is split into. */
  tile: GemmTile;
  slices: number;
  /** The input transform's shape (as WinogradChoice's). */
  inputTiles: number;
  inputVec4: boolean;
}

/** The default shape of a weight-gradient chain for tile m. */
export function winogradGradDefaults(
  c: Omit<WinogradConv, "m">,
  m: WinogradTile,
): WinogradGradChoice {
  // 8 x 8 blocks of (o, c) and ~256 workgroups: of 4 x 4 to 8 x 8 blocks and 256 to 1024
  // workgroups, the largest blocks and fewest slices ran fastest on llvmpipe (noisy, load 8).
  const tile = registerTile(c.o, c.c, rowsOf(c.o, 8), Math.min(8, c.c));
  const flat = flatQuads({ ...c, m });
  return {
    m,
    tile,
    slices: gradSlices({ ...c, m }, tile),
    inputTiles: flat ? 4 : defaultInputTiles({ ...c, m }),
    inputVec4: flat,
  };
}

/** Enough slices of P for ~256 workgroups of `tile`'s blocks, each summing at least 16 tiles. */
function gradSlices(c: WinogradConv, tile: GemmTile): number {
  const { p } = winogradGeometry(c);
  const blocks = Math.ceil(c.o / tile.bm) * Math.ceil(c.c / tile.bn) * (c.m + 2) ** 2;
  return Math.max(1, Math.min(Math.ceil(256 / blocks), Math.floor(p / 16)));
}

/** The weight gradient dw (+)= ... of a 3x3 pad-1 conv of x [n, c, h, w] whose output gradient is
 *  g [n, o, h, w]: transforms of g and x, the sliced GEMM, the final sum and transform. */
export function winogradGradWeightChain(
  c: WinogradConv & { accumulate: boolean },
  opts: ChainOptions & { slices?: number } = {},
): WinogradChain {
  const geo: WinogradConv = { m: c.m, n: c.n, c: c.c, h: c.h, w: c.w, o: c.o };
  const tile = opts.tile ?? winogradGradDefaults(geo, c.m).tile;
  const slices = opts.slices ?? gradSlices(geo, tile);
  const steps: ChainStep[] = [
    {
      spec: { kind: "winograd_grad_g", m: c.m, n: c.n, h: c.h, w: c.w, o: c.o },
      buffers: ["g", "gt"],
    },
    inputStep(geo, opts),
    { spec: { kind: "winograd_grad_gemm", ...geo, slices, tile }, buffers: ["gt", "v", "parts"] },
    {
      spec: {
        kind: "winograd_grad_out",
        m: c.m,
        c: c.c,
        o: c.o,
        slices,
        accumulate: c.accumulate,
      },
      buffers: ["parts", "dw"],
    },
  ];
  return withSizes(steps, opts.half ?? {});
}
