// Winograd convolution kernels (compiler/kernels/winograd*.ts) against the primitives' CPU
// references: the forward and input-gradient chains in each fusion, with epilogues and the pool
// fold, and the weight gradient, for each tile F(2,3), F(4,3), F(6,3), with f32 storage and (where
// the adapter has shader-f16) f16 storage. Shapes whose sides no tile divides (partial tiles),
// channel counts that fit no register block. Few pipelines: this suite runs on OpenGL too.
//
// Tolerances (max|got - want| / max|want|, as kernel_reference.ts's assertClose), from the
// accuracy study (bench/winograd_accuracy.ts, bench/RESULTS.md "Winograd accuracy"): in float32 the
// worst error over VGG-like layers up to 512 input channels was 2.5e-6 for the direct conv,
// 1.0e-6 for F(2,3), 5.5e-6 for F(4,3) and 3.3e-5 for F(6,3). WINOGRAD_TOLERANCE allows 4x or
// more of that (other drivers may contract to fma or order sums differently), and stays far
// below what an indexing mistake or a wrong matrix entry gives (O(1e-3) and up: winograd_math's
// last test shows the CPU check failing for any entry off by 1e-3). The shapes here, 3 to 13
// channels, give 1e-7 to 3e-6. The f16 tolerances below are coarser than a matrix entry off by
// 1e-3 (F(6,3)'s gives 5e-4 there): the f16 tests catch storage and indexing mistakes, the f32
// tests the arithmetic.
import assert from "node:assert";
import { ops } from "../compiler/ops/mod.ts";
import { emitKernel } from "../compiler/kernels/mod.ts";
import type { EpilogueOp } from "../compiler/kernels/spec.ts";
import {
  type ChainOptions,
  WINOGRAD_VARIANTS,
  type WinogradChain,
  winogradChain,
  winogradGradWeightChain,
  type WinogradHalf,
} from "../compiler/kernels/winograd_chain.ts";
import { TILES, type WinogradTile } from "../compiler/winograd/transforms.ts";
import { winogradGeometry } from "../compiler/kernels/winograd_spec.ts";
import { runWinogradChain } from "../runtime/winograd_runner.ts";
import type { TypedArray } from "../runtime/kernel_runner.ts";
import {
  addInto,
  assertClose,
  dropoutOp,
  epilogueInputs,
  epilogueReference,
  getDevice,
  rand,
  sampled,
  t,
} from "./kernel_reference.ts";
import { HAS_F16, NO_F16 } from "./helpers/half.ts";

const WINOGRAD_TOLERANCE: Record<WinogradTile, number> = { 2: 1e-5, 4: 4e-5, 6: 1.5e-4 };
/** f16 storage of x, the weight copy and y (U, V, M in f32): the study measured every tile as
 *  the direct conv, within 6e-4 of the float64 result; here the inputs are f16-exact, so only
 *  the stored output rounds (2^-11 = 4.9e-4 of a value): kernels_half's HALF_TOLERANCE. */
const HALF_TOLERANCE = 1e-3;
/** U, V and M stored as f16 too: F(2,3) measured 9.5e-4 in the study (4e-4 of it the inputs'
 *  rounding, absent here); F(4,3) and F(6,3) 1e-2 and worse, so they are not offered so. */
const HALF_TRANSFORMED_TOLERANCE = 2e-3;

const EPILOGUES: EpilogueOp[][] = [
  [{ op: "bias" }, { op: "relu" }],
  [],
  [{ op: "relu_grad" }],
  [{ op: "add" }, dropoutOp(0.5, 7)],
];
const names = (e: EpilogueOp[]) => `[${e.map((o) => o.op)}]`;

/** Inputs by buffer name in each buffer's storage type. */
function given(chain: WinogradChain, arrays: Record<string, Float32Array | Uint32Array>) {
  const out: Record<string, TypedArray> = {};
  for (const [k, a] of Object.entries(arrays)) {
    out[k] = chain.sizes[k]?.type === "f16" ? Float16Array.from(a as Float32Array) : a;
  }
  return out;
}

interface Dims {
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
}
// 7 x 9: partial last tiles for every m; 13 channels: no whole 4- or 8-row block.
const ODD: Dims = { n: 2, c: 3, h: 7, w: 9, o: 5 };
const WIDE: Dims = { n: 1, c: 13, h: 5, w: 6, o: 13 };

async function checkConv(
  m: WinogradTile,
  d: Dims,
  variant: typeof WINOGRAD_VARIANTS[number],
  flip: boolean,
  epilogue: EpilogueOp[],
  opts: { pool?: "max" | "avg"; half?: WinogradHalf; tol?: number; chain?: ChainOptions } = {},
) {
  epilogue = sampled(epilogue, [d.n, d.o, d.h, d.w]);
  const f16 = !!opts.half?.io;
  const round = (a: Float32Array) => f16 ? a.map(Math.f16round) : a;
  const x = round(rand(d.n * d.c * d.h * d.w, 1)), wt = round(rand(d.o * d.c * 9, 2));
  const y = ops.conv2d.reference(
    [t([d.n, d.c, d.h, d.w], x), t(flip ? [d.c, d.o, 3, 3] : [d.o, d.c, 3, 3], wt)],
    { k: 3, pad: 1, flip },
  );
  const extras = epilogueInputs(epilogue, [...y.shape], 3).map((a) =>
    a instanceof Float32Array ? round(a) : a
  );
  let want = epilogueReference(epilogue, y, extras);
  if (opts.pool === "max") want = ops.maxpool.reference([want], {});
  if (opts.pool === "avg") want = ops.avgpool.reference([want], { kh: 2, kw: 2 });
  const chain = winogradChain(
    { m, ...d, flip, epilogue, variant, ...(opts.pool ? { pool: opts.pool } : {}) },
    { half: opts.half, ...opts.chain },
  );
  const named: Record<string, Float32Array | Uint32Array> = { x, wt };
  chain.steps.at(-1)!.buffers.filter((b) => b.startsWith("ep")).forEach((b, k) =>
    named[b] = extras[k]
  );
  const out = await runWinogradChain(await getDevice(), chain, given(chain, named));
  const what = `F(${m},3) ${variant} ${JSON.stringify(d)} flip=${flip} ${names(epilogue)}` +
    `${opts.pool ? ` +${opts.pool}pool` : ""}${
      opts.half ? ` half=${JSON.stringify(opts.half)}` : ""
    }`;
  assert.ok(want.data.some((v) => v !== 0), `${what}: the reference is all zeros`);
  assertClose(out.y as ArrayLike<number>, want.data, what, opts.tol ?? WINOGRAD_TOLERANCE[m]);
}

/** The transform kernels' two shapes: 4 flat tiles as vec4 (F(2,3)'s default where the tile
 *  count is a multiple of 4, as ODD's are), and tiles along a row / one tile per invocation (the
 *  others' default). F(6,3) keeps its default both ways: its vec4 kernels are large, slow to
 *  compile on OpenGL, and run the same code as F(2,3)'s and F(4,3)'s. */
const SCALAR: ChainOptions = { inputVec4: false, outputTiles: 1 };
const VEC4: ChainOptions = { inputVec4: true, outputTiles: 4 };

Deno.test("winograd: forward and input gradient, every tile and fusion, epilogues", async () => {
  let e = 0;
  for (const m of TILES) {
    // Both directions on the split chain; the fusions once each (flip only changes the filter
    // transform, which every variant shares).
    const runs: [typeof WINOGRAD_VARIANTS[number], boolean][] = [
      ["split", false],
      ["split", true],
      ["fused-output", true],
      ["fused", false],
    ];
    for (const [variant, flip] of runs) {
      const chain = m === 6 ? {} : flip ? SCALAR : VEC4;
      await checkConv(m, ODD, variant, flip, EPILOGUES[e++ % EPILOGUES.length], { chain });
    }
  }
});

Deno.test("winograd: vec4 loads and partial register blocks", async () => {
  // 8 output channels over 4 x 4 maps: U rows (O) and V rows (P = 8 tiles for m = 2) in 16-byte
  // groups; 13 channels: blocks past the edge. (The code is the same for every tile size.)
  for (const m of [2, 4] as const) {
    await checkConv(m, { n: 2, c: 5, h: 4, w: 4, o: 8 }, "split", false, EPILOGUES[0]);
    await checkConv(m, WIDE, m === 4 ? "fused" : "fused-output", true, EPILOGUES[0]);
  }
});

Deno.test("winograd: input rows, V and output rows in 16-byte groups (w a multiple of 4)", async () => {
  // Two tiles per input invocation: F(2,3) segments of 4 columns, F(4,3) of 8; four or eight
  // where the tile row holds whole segments (V stored as vec4 of 4 tiles); groups left of column 0
  // and right of the row read as zeros; F(4,3)'s output rows stored as vec4, through the
  // flat-index epilogues too; 5, 6 and 7 rows: partial last tile rows.
  const dims: Dims[] = [
    { n: 2, c: 3, h: 5, w: 8, o: 4 },
    { n: 1, c: 2, h: 6, w: 12, o: 3 },
    { n: 1, c: 2, h: 7, w: 16, o: 3 },
  ];
  let e = 0;
  for (const m of [2, 4] as const) {
    for (const d of dims) {
      const { tw } = winogradGeometry({ m, ...d });
      // 8 tiles: whole vec4 groups where a row holds 8, else one tile at a time past its end.
      for (const inputTiles of tw % 4 === 0 ? [2, 4, 8] : [2]) {
        const opts = { ...SCALAR, inputTiles };
        const chain = winogradChain({ m, ...d, flip: false, epilogue: [], variant: "split" }, opts);
        const wgsl = (kind: string) =>
          emitKernel(chain.steps.find((st) => st.spec.kind === kind)!.spec).wgsl;
        const input = wgsl("winograd_input"),
          what = `F(${m},3) ${JSON.stringify(d)} x${inputTiles}`;
        assert.ok(input.includes("x: array<vec4<f32>>"), `${what}: input rows as vec4`);
        const v4 = inputTiles % 4 === 0 && tw % inputTiles === 0;
        assert.strictEqual(input.includes("v: array<vec4<f32>>"), v4, `${what}: V`);
        const output = wgsl("winograd_output").includes("y: array<vec4<f32>>");
        assert.strictEqual(output, m === 4, `${what}: output rows as vec4`);
        for (const flip of [false, true]) {
          const epilogue = EPILOGUES[e++ % EPILOGUES.length];
          await checkConv(m, d, "split", flip, epilogue, { chain: opts });
        }
      }
    }
  }
});

Deno.test("winograd: the 2x2 max and average pools folded into the output transform", async () => {
  // Odd sides floor (7 x 9 -> 3 x 4); an even map whose pooled side the tiles overhang.
  const even: Dims = { n: 1, c: 2, h: 10, w: 8, o: 3 };
  await checkConv(2, ODD, "split", false, EPILOGUES[0], { pool: "max" });
  await checkConv(4, even, "fused", false, EPILOGUES[0], { pool: "max" });
  await checkConv(6, ODD, "fused-output", false, EPILOGUES[0], { pool: "max" });
  await checkConv(6, even, "split", false, EPILOGUES[0], { pool: "max" });
  await checkConv(4, ODD, "split", false, EPILOGUES[0], { pool: "avg" });
});

Deno.test({
  name: `winograd: f16 storage${NO_F16}`,
  ignore: !HAS_F16,
  fn: async () => {
    for (const m of TILES) {
      await checkConv(m, ODD, "fused-output", false, EPILOGUES[2], {
        half: { io: true },
        tol: HALF_TOLERANCE,
      });
      await checkConv(m, ODD, "split", true, EPILOGUES[0], {
        half: { io: true },
        tol: HALF_TOLERANCE,
      });
    }
    await checkConv(2, ODD, "split", false, EPILOGUES[0], {
      half: { io: true, transformed: true },
      tol: HALF_TRANSFORMED_TOLERANCE,
    });
  },
});

async function checkGradWeight(m: WinogradTile, d: Dims, accumulate: boolean, half?: WinogradHalf) {
  const round = (a: Float32Array) => half?.io ? a.map(Math.f16round) : a;
  const x = round(rand(d.n * d.c * d.h * d.w, 4)), g = round(rand(d.n * d.o * d.h * d.w, 5));
  const dw = ops.conv2d_grad_weight.reference(
    [t([d.n, d.c, d.h, d.w], x), t([d.n, d.o, d.h, d.w], g)],
    { k: 3, pad: 1 },
  );
  const init = accumulate ? rand(dw.data.length, 6) : undefined;
  const want = init ? addInto(init, dw.data) : dw.data;
  const chain = winogradGradWeightChain({ m, ...d, accumulate }, { half });
  const named: Record<string, Float32Array> = { x, g, ...(init ? { dw: init } : {}) };
  const out = await runWinogradChain(await getDevice(), chain, given(chain, named));
  const names = chain.steps.map((s) => emitKernel(s.spec).name).join(", ");
  assertClose(
    out.dw as Float32Array,
    want,
    `F(3,${m}) weight gradient ${JSON.stringify(d)} acc=${accumulate} (${names})`,
    WINOGRAD_TOLERANCE[m],
  );
}

Deno.test("winograd: weight gradient, every tile, accumulate on and off", async () => {
  for (const m of TILES) {
    await checkGradWeight(m, ODD, false);
    await checkGradWeight(m, { n: 3, c: 4, h: 4, w: 8, o: 6 }, true);
  }
});

Deno.test({
  name: `winograd: weight gradient with f16 activations and gradients${NO_F16}`,
  ignore: !HAS_F16,
  fn: async () => {
    for (const m of TILES) await checkGradWeight(m, ODD, false, { io: true });
  },
});
