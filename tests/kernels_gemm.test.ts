// GEMM-family kernels (conv, conv_grad_weight, matmul) against the primitives' CPU references,
// in every tile variant, on shapes that are multiples of nothing: channels 3/5/13, batch 1
// and 3, 5x7 images, k = 1 and 3, flip on and off, epilogues, accumulation.
// Tolerance: see TOLERANCE in kernel_reference.ts (1e-4 relative to the output's max |value|).
import assert from "node:assert";
import { ops } from "../compiler/ops/mod.ts";
import { convGradWeightDims } from "../compiler/kernels/conv_geometry.ts";
import type {
  ConvGradWeightSpec,
  ConvSpec,
  EpilogueOp,
  GemmTile,
  MatmulSpec,
} from "../compiler/kernels/spec.ts";
import {
  directVec4,
  packable,
  wholeImages,
  wholeImagesVec4,
} from "../compiler/kernels/conv_register.ts";
import { type ConvPackSpec, packedSize, packWeights } from "../compiler/kernels/conv_pack.ts";
import { runKernel } from "../runtime/kernel_runner.ts";
import {
  addInto,
  assertClose,
  dropoutKeeps,
  dropoutOp,
  epilogueInputs,
  epilogueReference,
  getDevice,
  rand,
  sampled,
  t,
} from "./kernel_reference.ts";

import { RUN_CPU_TILES as cpuTiles, RUN_GPU_TILES as gpuTiles } from "./helpers/tiles.ts";
import { SAMPLED, sweep } from "./helpers/sweep.ts";

/** Tiles that exercise every variant with ragged edges (blocks larger than the problem, odd
 *  register blocks, K not a multiple of the stage). */
const TILES: Record<string, GemmTile> = {
  register: { variant: "register", bm: 6, bn: 10, bk: 4, tm: 3, tn: 5, ks: 1 },
  // Tiles that threads cannot load evenly (60 and 100 elements over 16 invocations).
  workgroup: { variant: "workgroup", bm: 12, bn: 20, bk: 5, tm: 3, tn: 5, ks: 1 },
  splitk: { variant: "splitk", bm: 4, bn: 8, bk: 1, tm: 2, tn: 2, ks: 4 },
};

/** Conv's row-segment variant (other GEMMs run "direct" as "register"): segments that split
 *  the 5- and 7-pixel rows unevenly, segments longer than the rows, 1 to 3 rows each. */
const DIRECT: GemmTile[] = [
  { variant: "direct", bm: 6, bn: 8, bk: 1, tm: 3, tn: 4, ks: 1 },
  { variant: "direct", bm: 8, bn: 16, bk: 1, tm: 8, tn: 8, ks: 1 },
  // bk: output rows per invocation; 2 and 3 leave a short last row group on 5- and 3-row maps.
  { variant: "direct", bm: 6, bn: 8, bk: 2, tm: 3, tn: 4, ks: 1 },
  { variant: "direct", bm: 8, bn: 16, bk: 3, tm: 4, tn: 8, ks: 1 },
];

const EPILOGUES: EpilogueOp[][] = [
  [],
  [{ op: "bias" }, { op: "relu" }],
  [{ op: "relu_grad" }],
  [{ op: "add" }, dropoutOp(0.5, 7)],
  [{ op: "bias" }, { op: "relu" }, dropoutOp(0.25, 3)],
];

interface ConvCase {
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
  k: number;
  pad: number;
}
const CONVS: ConvCase[] = [
  { n: 1, c: 3, h: 5, w: 7, o: 5, k: 3, pad: 1 },
  { n: 3, c: 5, h: 5, w: 7, o: 13, k: 1, pad: 0 },
  { n: 2, c: 13, h: 5, w: 7, o: 3, k: 3, pad: 0 },
  // 1x1 over 4x4 images: the vec4 path of the register variant (pixels multiple of 4).
  { n: 3, c: 5, h: 4, w: 4, o: 8, k: 1, pad: 0 },
  // The input gradient of a valid 3x3 conv pads by 2.
  { n: 1, c: 4, h: 3, w: 5, o: 6, k: 3, pad: 2 },
];

async function checkConv(
  d: ConvCase,
  flip: boolean,
  tile: GemmTile,
  ops0: EpilogueOp[],
  packed = false,
) {
  const x = rand(d.n * d.c * d.h * d.w, 1), w = rand(d.o * d.c * d.k * d.k, 2);
  const wShape = flip ? [d.c, d.o, d.k, d.k] : [d.o, d.c, d.k, d.k];
  const y = ops.conv2d.reference(
    [t([d.n, d.c, d.h, d.w], x), t(wShape, w)],
    { k: d.k, pad: d.pad, flip },
  );
  const epilogue = sampled(ops0, y.shape);
  const spec: ConvSpec = {
    kind: "conv",
    ...d,
    flip,
    epilogue,
    tile,
    ...(packed ? { packed } : {}),
  };
  const extras = epilogueInputs(epilogue, [...y.shape], 3);
  const want = epilogueReference(epilogue, y, extras);
  const wt = packed ? packWeights(w, { ...d, flip }) : w;
  const got = await runKernel(await getDevice(), spec, [x, wt, ...extras]);
  const what = `conv ${JSON.stringify(d)} flip=${flip} ${tile.variant}${packed ? " packed" : ""} [${
    epilogue.map((e) => e.op)
  }]`;
  assertClose(got, want.data, what);
}

/** A tile's name in a sweep's dimension: its variant and block. */
const tileKey = (t: GemmTile) => `${t.variant} ${t.bm}x${t.bn}x${t.bk}/${t.tm}x${t.tn}/${t.ks}`;

Deno.test(`conv: every variant, shape, flip and an epilogue each${SAMPLED}`, async () => {
  const cases: { d: ConvCase; flip: boolean; tile: GemmTile; epi: number }[] = [];
  let e = 0;
  for (const [i, d] of CONVS.entries()) {
    for (const flip of [false, true]) {
      // The adapters' tiles (big 8x8 blocks: slow to JIT on lavapipe) once per shape, flip
      // alternating between shapes.
      const policy = flip === (i % 2 === 1) ? [cpuTiles.conv(d), gpuTiles.conv(d)] : [];
      for (const tile of [...Object.values(TILES), ...DIRECT, ...policy]) {
        cases.push({ d, flip, tile, epi: e++ % EPILOGUES.length });
      }
    }
  }
  const run = sweep(cases, [(c) => c.d, (c) => c.flip, (c) => tileKey(c.tile), (c) => c.epi], {
    seed: 11,
  });
  for (const c of run) await checkConv(c.d, c.flip, c.tile, EPILOGUES[c.epi]);
});

Deno.test("conv direct: input rows and output rows in 16-byte groups (w a multiple of 4)", async () => {
  // 8- and 12-pixel rows: segments of 4 and 8 (the 12-pixel row's last 8-segment half outside),
  // groups left of column 0 and right of the row read as zeros; 5 rows: a short last row group;
  // the flat-index epilogues (add, dropout) on each of the 4 outputs a store writes.
  const shapes: ConvCase[] = [
    { n: 2, c: 3, h: 5, w: 8, o: 5, k: 3, pad: 1 },
    { n: 1, c: 2, h: 3, w: 12, o: 3, k: 3, pad: 1 },
  ];
  const tiles: GemmTile[] = [
    { variant: "direct", bm: 6, bn: 8, bk: 1, tm: 3, tn: 4, ks: 1 },
    { variant: "direct", bm: 8, bn: 16, bk: 2, tm: 8, tn: 8, ks: 1 },
  ];
  let e = 0;
  for (const d of shapes) {
    for (const tile of tiles) {
      const spec = { kind: "conv" as const, ...d, flip: false, epilogue: [], tile };
      assert.deepStrictEqual(directVec4(spec), { x: true, y: true }, "the case takes vec4 rows");
      for (const flip of [false, true]) {
        await checkConv(d, flip, tile, EPILOGUES[e++ % EPILOGUES.length]);
      }
    }
  }
});

Deno.test("conv register: whole small images per invocation, taps outside the map skipped", async () => {
  // 2x2 maps (vec4 planes), 3x3 (scalar planes, 9-pixel blocks), 4x4 (16 pixels) and 1x3 (a
  // 3-pixel map: one row, no vertical taps inside but the centre row); batches that leave the
  // last block partly past the batch (clamped images, never stored); flip on and off.
  const cases: [ConvCase, GemmTile, boolean][] = [
    [{ n: 3, c: 5, h: 2, w: 2, o: 6, k: 3, pad: 1 }, {
      variant: "register",
      bm: 4,
      bn: 16,
      bk: 4,
      tm: 2,
      tn: 8,
      ks: 1,
    }, true],
    [{ n: 3, c: 4, h: 3, w: 3, o: 5, k: 3, pad: 1 }, {
      variant: "register",
      bm: 3,
      bn: 9,
      bk: 4,
      tm: 3,
      tn: 9,
      ks: 1,
    }, false],
    [{ n: 2, c: 3, h: 4, w: 4, o: 7, k: 3, pad: 1 }, {
      variant: "register",
      bm: 8,
      bn: 16,
      bk: 4,
      tm: 4,
      tn: 16,
      ks: 1,
    }, true],
    [{ n: 5, c: 2, h: 1, w: 3, o: 3, k: 3, pad: 1 }, {
      variant: "register",
      bm: 3,
      bn: 12,
      bk: 4,
      tm: 3,
      tn: 6,
      ks: 1,
    }, false],
  ];
  let e = 0;
  for (const [d, tile, vec4] of cases) {
    const spec = { kind: "conv" as const, ...d, flip: false, epilogue: [], tile };
    assert.ok(wholeImages(spec), `${JSON.stringify(d)} takes whole images`);
    assert.strictEqual(wholeImagesVec4(spec), vec4);
    for (const flip of [false, true]) {
      await checkConv(d, flip, tile, EPILOGUES[e++ % EPILOGUES.length]);
    }
  }
  // Not whole images: a block that splits a map, a valid (unpadded) conv, a 5x5 map.
  const no = (d: ConvCase, tn: number) =>
    wholeImages({
      kind: "conv",
      ...d,
      flip: false,
      epilogue: [],
      tile: { variant: "register", bm: 8, bn: 8 * tn, bk: 4, tm: 8, tn, ks: 1 },
    });
  assert.ok(!no({ n: 1, c: 1, h: 2, w: 2, o: 1, k: 3, pad: 1 }, 6));
  assert.ok(!no({ n: 1, c: 1, h: 4, w: 4, o: 1, k: 3, pad: 0 }, 4));
  assert.ok(!no({ n: 1, c: 1, h: 5, w: 5, o: 1, k: 3, pad: 1 }, 25));
});

Deno.test("conv_pack: the weight copy packed convs read equals packWeights (flip, ragged O)", async () => {
  for (const [c, o, k] of [[3, 5, 3], [4, 8, 3], [5, 13, 1]]) {
    for (const flip of [false, true]) {
      const spec: ConvPackSpec = { kind: "conv_pack", c, o, k, flip };
      const w = rand(o * c * k * k, 4);
      const got = await runKernel(await getDevice(), spec, [w, rand(packedSize(spec), 5)]);
      const want = packWeights(w, spec);
      assert.deepStrictEqual(Array.from(got), Array.from(want), JSON.stringify(spec));
    }
  }
  // The reference itself: W[o,c,ky,kx] at P[(c k^2 + ky k + kx) O4 + o], zeros past O; with
  // flip, the stored [C,O,k,k] tensor read spatially flipped.
  const w = Float32Array.from({ length: 2 * 3 * 9 }, (_, i) => i + 1);
  const p = packWeights(w, { c: 3, o: 2, k: 3, flip: false });
  assert.strictEqual(p[(1 * 9 + 5) * 4 + 1], w[(1 * 3 + 1) * 9 + 5]);
  assert.strictEqual(p[(1 * 9 + 5) * 4 + 2], 0);
  const pf = packWeights(w, { c: 2, o: 3, k: 3, flip: true });
  assert.strictEqual(pf[(1 * 9 + 2) * 4 + 0], w[(1 * 3 + 0) * 9 + 6]);
});

Deno.test("conv: packed weights (vec4 along O) in the register, whole-image and direct variants", async () => {
  // tm 4 and 8 over 5 and 13 output channels (the last vec4 group clamped), flip on and off,
  // k = 1 and 3, a 2x2 map taken whole, row segments with and without the pool's rows.
  const cases: [ConvCase, GemmTile][] = [
    [CONVS[0], { variant: "register", bm: 8, bn: 10, bk: 4, tm: 4, tn: 5, ks: 1 }],
    [CONVS[1], { variant: "register", bm: 8, bn: 16, bk: 4, tm: 8, tn: 8, ks: 1 }],
    [{ n: 3, c: 5, h: 2, w: 2, o: 6, k: 3, pad: 1 }, {
      variant: "register",
      bm: 4,
      bn: 16,
      bk: 4,
      tm: 4,
      tn: 8,
      ks: 1,
    }],
    [CONVS[2], { variant: "direct", bm: 8, bn: 16, bk: 2, tm: 4, tn: 8, ks: 1 }],
    [{ n: 2, c: 3, h: 5, w: 8, o: 13, k: 3, pad: 1 }, {
      variant: "direct",
      bm: 8,
      bn: 8,
      bk: 1,
      tm: 8,
      tn: 4,
      ks: 1,
    }],
  ];
  let e = 0;
  for (const [d, tile] of cases) {
    assert.ok(packable(tile));
    for (const flip of [false, true]) {
      await checkConv(d, flip, tile, EPILOGUES[e++ % EPILOGUES.length], true);
    }
  }
  assert.ok(!packable({ variant: "register", bm: 6, bn: 10, bk: 4, tm: 3, tn: 5, ks: 1 }));
  assert.ok(!packable({ variant: "workgroup", bm: 16, bn: 16, bk: 4, tm: 4, tn: 4, ks: 1 }));
});

Deno.test("conv: every epilogue combination on the register and workgroup variants", async () => {
  const d = CONVS[0];
  for (const epi of EPILOGUES) {
    for (const tile of [cpuTiles.conv(d), TILES.workgroup]) await checkConv(d, false, tile, epi);
  }
  assert.ok(dropoutKeeps(0x9e3779b9 ^ 3, 7, 0.5, 1000) < 600, "dropout test data drops values");
});

async function checkConvGradWeight(d: ConvCase, tile: GemmTile, accumulate: boolean) {
  const spec: ConvGradWeightSpec = { kind: "conv_grad_weight", ...d, accumulate, tile };
  const { ho, wo } = convGradWeightDims(spec);
  const x = rand(d.n * d.c * d.h * d.w, 4), g = rand(d.n * d.o * ho * wo, 5);
  const dw = ops.conv2d_grad_weight.reference(
    [t([d.n, d.c, d.h, d.w], x), t([d.n, d.o, ho, wo], g)],
    { k: d.k, pad: d.pad },
  );
  const init = accumulate ? rand(dw.data.length, 6) : undefined;
  const want = init ? addInto(init, dw.data) : dw.data;
  const got = await runKernel(await getDevice(), spec, [x, g], init);
  assertClose(got, want, `conv_grad_weight ${JSON.stringify(d)} ${tile.variant} acc=${accumulate}`);
}

Deno.test(`conv_grad_weight: every variant and shape, accumulate on and off${SAMPLED}`, async () => {
  const cases: { d: ConvCase; tile: GemmTile; accumulate: boolean }[] = [];
  let a = 0;
  for (const d of CONVS) {
    const lanes: GemmTile = { variant: "register", bm: 6, bn: 4, bk: 1, tm: 3, tn: 2, ks: 3 };
    // bk = k: all k horizontal taps per invocation (sliding window along the row), with and
    // without lanes, blocks larger than the channels.
    const tapRows: GemmTile[] = [
      { variant: "register", bm: 6, bn: 4, bk: d.k, tm: 3, tn: 2, ks: 3 },
      { variant: "register", bm: 4, bn: 8, bk: d.k, tm: 4, tn: 4, ks: 1 },
    ];
    const tiles = [
      ...Object.values(TILES),
      lanes,
      ...tapRows,
      cpuTiles.convGradWeight(d),
      gpuTiles.convGradWeight(d),
    ];
    for (const tile of tiles) cases.push({ d, tile, accumulate: a++ % 2 === 1 });
  }
  // The lane and tap-row tiles depend on the shape's k: key them by their role.
  const role = (t: GemmTile) => `${tileKey(t)} taps=${t.bk > 1}`;
  const run = sweep(cases, [(c) => c.d, (c) => role(c.tile), (c) => c.accumulate], { seed: 12 });
  for (const c of run) await checkConvGradWeight(c.d, c.tile, c.accumulate);
});

interface MatmulCase {
  m: number;
  n: number;
  k: number;
}
const MATMULS: MatmulCase[] = [
  { m: 1, n: 7, k: 13 },
  { m: 3, n: 20, k: 36 },
  { m: 13, n: 5, k: 8 },
  // Multiples of 4: the vec4 loads of the register variant, in all four layouts.
  { m: 16, n: 24, k: 12 },
];

async function checkMatmul(
  d: MatmulCase,
  transA: boolean,
  transB: boolean,
  tile: GemmTile,
  accumulate: boolean,
  ops0: EpilogueOp[],
) {
  const epilogue = sampled(ops0, [d.m, d.n]);
  const spec: MatmulSpec = { kind: "matmul", ...d, transA, transB, accumulate, epilogue, tile };
  const a = rand(d.m * d.k, 7), b = rand(d.k * d.n, 8);
  const y = ops.matmul.reference(
    [t(transA ? [d.k, d.m] : [d.m, d.k], a), t(transB ? [d.n, d.k] : [d.k, d.n], b)],
    { transA, transB },
  );
  const epi = accumulate ? [] : epilogue;
  const extras = epilogueInputs(epi, [d.m, d.n], 9);
  const init = accumulate ? rand(d.m * d.n, 10) : undefined;
  const want = init ? addInto(init, y.data) : epilogueReference(epi, y, extras).data;
  const got = await runKernel(await getDevice(), spec, [a, b, ...extras], init);
  const what = `matmul ${JSON.stringify(d)} tA=${transA} tB=${transB} ${tile.variant} ` +
    `acc=${accumulate} [${epi.map((e) => e.op)}]`;
  assertClose(got, want, what);
}

Deno.test(`matmul: every variant, shape and transpose; accumulate and epilogues${SAMPLED}`, async () => {
  const cases: {
    d: MatmulCase;
    layout: number;
    tile: GemmTile;
    accumulate: boolean;
    epi: number;
  }[] = [];
  let e = 0;
  const layouts = [[false, false], [false, true], [true, false], [true, true]];
  for (const [i, d] of MATMULS.entries()) {
    for (const l of layouts.keys()) {
      // The adapters' tiles once per shape, on a different layout each time.
      const policy = l === i % layouts.length ? [cpuTiles.matmul(d), gpuTiles.matmul(d)] : [];
      for (const tile of [...Object.values(TILES), ...policy]) {
        cases.push({ d, layout: l, tile, accumulate: e % 3 === 2, epi: e++ % EPILOGUES.length });
      }
    }
  }
  const dims = [
    (c: typeof cases[0]) => c.d,
    (c: typeof cases[0]) => c.layout,
    (c: typeof cases[0]) => tileKey(c.tile),
    (c: typeof cases[0]) => c.accumulate,
    (c: typeof cases[0]) => c.epi,
  ];
  for (const c of sweep(cases, dims, { seed: 13 })) {
    const [transA, transB] = layouts[c.layout];
    await checkMatmul(c.d, transA, transB, c.tile, c.accumulate, EPILOGUES[c.epi]);
  }
});
