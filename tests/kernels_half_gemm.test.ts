// f16 storage for the GEMM-family kernels (conv, matmul): each against its own f32 variant on
// the same f16-exact inputs (tests/helpers/half.ts), all float bindings f16 and the inputs only.
// Every tile variant, flip, padding 0/1/2, k 1 and 3, odd sizes, the vec4 loads, the folded
// max-pool, epilogues (their extra inputs f16 too) and accumulation.
import assert from "node:assert";
import { convVec4 } from "../compiler/kernels/conv_register.ts";
import { emitKernel } from "../compiler/kernels/mod.ts";
import { tilePolicy } from "../compiler/kernels/tiles.ts";
import type { ConvSpec, EpilogueOp, GemmTile, MatmulSpec } from "../compiler/kernels/spec.ts";
import { assertHalfAgrees, halfVariants, HAS_F16, NO_F16 } from "./helpers/half.ts";

const test = (name: string, fn: () => Promise<void>) =>
  Deno.test({ name: name + NO_F16, ignore: !HAS_F16, fn });

const cpuTiles = tilePolicy({ cpu: true, maxWorkgroupStorage: 32768, maxInvocations: 256 });

/** Ragged tiles of every variant (as tests/kernels_gemm.test.ts): blocks larger than the
 *  problem, odd register blocks, K not a multiple of the stage, loads threads cannot share
 *  evenly; "direct" with one and two output rows per invocation. */
const TILES: Record<string, GemmTile> = {
  register: { variant: "register", bm: 6, bn: 10, bk: 4, tm: 3, tn: 5, ks: 1 },
  workgroup: { variant: "workgroup", bm: 12, bn: 20, bk: 5, tm: 3, tn: 5, ks: 1 },
  splitk: { variant: "splitk", bm: 4, bn: 8, bk: 1, tm: 2, tn: 2, ks: 4 },
  direct1: { variant: "direct", bm: 6, bn: 8, bk: 1, tm: 3, tn: 4, ks: 1 },
  direct2: { variant: "direct", bm: 6, bn: 8, bk: 2, tm: 3, tn: 4, ks: 1 },
};

const EPILOGUES: EpilogueOp[][] = [
  [{ op: "bias" }, { op: "relu" }],
  [{ op: "relu_grad" }],
  [],
  // The dropout seed is a u32 binding between the float ones: positions must skip nothing.
  [{ op: "add" }, { op: "dropout", p: 0.5, key: 7, sample: 7 }],
];

const ops = (e: EpilogueOp[]) => `[${e.map((o) => o.op)}]`;

type ConvDims = Omit<ConvSpec, "kind" | "flip" | "epilogue" | "tile" | "pool" | "f16">;

const CONVS: ConvDims[] = [
  { n: 1, c: 3, h: 5, w: 7, o: 5, k: 3, pad: 1 },
  { n: 2, c: 5, h: 3, w: 5, o: 3, k: 1, pad: 0 },
  { n: 1, c: 4, h: 3, w: 5, o: 6, k: 3, pad: 0 },
  // The input gradient of a valid 3x3 conv pads by 2.
  { n: 1, c: 3, h: 3, w: 3, o: 2, k: 3, pad: 2 },
];

test("f16 storage: conv, every tile variant, flip, padding and epilogue", async () => {
  let e = 0;
  for (const d of CONVS) {
    for (const flip of [false, true]) {
      for (const tile of Object.values(TILES)) {
        const epilogue = EPILOGUES[e++ % EPILOGUES.length];
        const spec: ConvSpec = { kind: "conv", ...d, flip, epilogue, tile };
        await assertHalfAgrees(
          spec,
          `conv ${JSON.stringify(d)} flip=${flip} ${tile.variant} bk=${tile.bk} ${ops(epilogue)}`,
        );
      }
    }
  }
});

test("f16 storage: conv on the adapter's CPU tile", async () => {
  const d = CONVS[0];
  const spec: ConvSpec = {
    kind: "conv",
    ...d,
    flip: false,
    epilogue: EPILOGUES[0],
    tile: cpuTiles.conv(d),
  };
  await assertHalfAgrees(spec, `conv ${JSON.stringify(d)} cpu tile ${spec.tile.variant}`);
});

test("f16 storage: conv 1x1 reading x as vec4<f16>", async () => {
  const tile: GemmTile = { variant: "register", bm: 8, bn: 16, bk: 4, tm: 4, tn: 4, ks: 1 };
  const d = { n: 3, c: 5, h: 4, w: 4, o: 6, k: 1, pad: 0 };
  for (const epilogue of [EPILOGUES[0], EPILOGUES[3]]) {
    const spec: ConvSpec = { kind: "conv", ...d, flip: false, epilogue, tile };
    assert.ok(convVec4(spec), "the case takes the vec4 path");
    const k = emitKernel({ ...spec, f16: halfVariants(spec)[0] });
    assert.ok(k.wgsl.includes("x: array<vec4<f16>>"), "x is declared as vec4<f16>");
    await assertHalfAgrees(spec, `conv vec4 ${JSON.stringify(d)} ${ops(epilogue)}`);
  }
});

test("f16 storage: direct conv reading and writing rows as vec4<f16>, with the pool fold", async () => {
  const d = { n: 2, c: 3, h: 5, w: 8, o: 4, k: 3, pad: 1 };
  const tile: GemmTile = { variant: "direct", bm: 8, bn: 16, bk: 2, tm: 4, tn: 8, ks: 1 };
  for (const pool of [undefined, "max"] as const) {
    for (const epilogue of pool ? [EPILOGUES[0]] : [EPILOGUES[0], EPILOGUES[3]]) {
      const spec: ConvSpec = { kind: "conv", ...d, flip: false, epilogue, tile };
      if (pool) spec.pool = pool;
      const k = emitKernel({ ...spec, f16: halfVariants(spec)[0] });
      assert.ok(k.wgsl.includes("x: array<vec4<f16>>"), "x is declared as vec4<f16>");
      assert.ok(k.wgsl.includes("y: array<vec4<f16>>"), "y is declared as vec4<f16>");
      await assertHalfAgrees(
        spec,
        `direct vec4 ${JSON.stringify(d)} ${pool ?? ""} ${ops(epilogue)}`,
      );
    }
  }
});

test("f16 storage: conv + bias + ReLU + folded max-pool (direct), odd sizes", async () => {
  const dims: ConvDims[] = [
    { n: 1, c: 4, h: 7, w: 9, o: 3, k: 3, pad: 1 },
    { n: 2, c: 2, h: 8, w: 7, o: 5, k: 3, pad: 0 },
    { n: 1, c: 3, h: 5, w: 6, o: 4, k: 1, pad: 0 },
  ];
  const tiles: GemmTile[] = [
    { variant: "direct", bm: 6, bn: 8, bk: 1, tm: 3, tn: 4, ks: 1 },
    { variant: "direct", bm: 2, bn: 12, bk: 1, tm: 1, tn: 6, ks: 1 },
  ];
  for (const d of dims) {
    for (const tile of tiles) {
      const epilogue: EpilogueOp[] = [{ op: "bias" }, { op: "relu" }];
      const spec: ConvSpec = { kind: "conv", ...d, flip: false, epilogue, tile, pool: "max" };
      await assertHalfAgrees(spec, `conv+pool ${JSON.stringify(d)} tn=${tile.tn}`);
    }
  }
});

const MATMULS = [
  { m: 3, n: 7, k: 13 },
  { m: 13, n: 5, k: 8 },
  // Multiples of 4: the register variant's vec4 loads (along K and along M/N) in all layouts.
  { m: 16, n: 24, k: 12 },
];

/** A register tile whose 4x4 blocks take the vec4 loads along M/N too. */
const VEC4_TILE: GemmTile = { variant: "register", bm: 8, bn: 8, bk: 4, tm: 4, tn: 4, ks: 1 };

test("f16 storage: matmul, every variant and transpose, accumulate and epilogues", async () => {
  let e = 0, vec4 = 0;
  const layouts = [[false, false], [false, true], [true, false], [true, true]];
  for (const d of MATMULS) {
    for (const [transA, transB] of layouts) {
      const tiles = [TILES.register, TILES.workgroup, TILES.splitk];
      if (d.m % 4 === 0) tiles.push(VEC4_TILE);
      for (const tile of tiles) {
        const accumulate = e % 3 === 2;
        const epilogue = EPILOGUES[e++ % EPILOGUES.length];
        const spec: MatmulSpec = {
          kind: "matmul",
          ...d,
          transA,
          transB,
          accumulate,
          epilogue,
          tile,
        };
        if (emitKernel({ ...spec, f16: [0, 1] }).wgsl.includes("vec4<f16>")) vec4++;
        await assertHalfAgrees(
          spec,
          `matmul ${JSON.stringify(d)} tA=${transA} tB=${transB} ${tile.variant} ` +
            `acc=${accumulate} ${accumulate ? "[]" : ops(epilogue)}`,
        );
      }
    }
  }
  assert.ok(vec4 >= 4, `the vec4 loads were exercised (${vec4} kernels)`);
});

test("f16 storage: matmul on the adapter's CPU tile", async () => {
  const d = MATMULS[2];
  const spec: MatmulSpec = {
    kind: "matmul",
    ...d,
    transA: false,
    transB: true,
    accumulate: false,
    epilogue: EPILOGUES[0],
    tile: cpuTiles.matmul(d),
  };
  await assertHalfAgrees(spec, `matmul ${JSON.stringify(d)} cpu tile ${spec.tile.variant}`);
});
