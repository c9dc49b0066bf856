// f16 storage for the non-GEMM kernels: each against its own f32 variant on the same
// f16-exact inputs (tests/helpers/half.ts), all float bindings f16 and the inputs only, and
// for the kernels with several float bindings each one alone (any marked subset must work).
import assert from "node:assert";
import { emitKernel, storageSizes } from "../compiler/kernels/mod.ts";
import type {
  ConvGradWeightSpec,
  EpilogueOp,
  GemmTile,
  KernelSpec,
  RowSpec,
} from "../compiler/kernels/spec.ts";
import { tilePolicy } from "../compiler/kernels/tiles.ts";
import type { MaxpoolGradSpec } from "../compiler/ops/pool.ts";
import { assertHalfAgrees, halfVariants, HAS_F16, NO_F16 } from "./helpers/half.ts";
import { runKernel, runKernelBindings } from "../runtime/kernel_runner.ts";
import { getDevice } from "./kernel_reference.ts";

const test = (name: string, fn: () => Promise<void>) =>
  Deno.test({ name: name + NO_F16, ignore: !HAS_F16, fn });

/** halfVariants plus each float binding stored as f16 on its own. */
function withSingles(spec: KernelSpec): number[][] {
  const floats = storageSizes(spec).flatMap((b, i) => b.type === "f32" ? [i] : []);
  return [...halfVariants(spec).map((v) => [...v]), ...floats.map((i) => [i])];
}

test("f16 storage: elementwise epilogues", async () => {
  const combos: EpilogueOp[][] = [
    [{ op: "relu" }],
    [{ op: "bias" }, { op: "relu" }, { op: "add" }, { op: "relu_grad" }, {
      op: "dropout",
      p: 0.5,
      key: 2,
      sample: 35,
    }],
  ];
  for (const epilogue of combos) {
    const spec: KernelSpec = {
      kind: "elementwise",
      size: 105,
      layout: { channels: 5, spatial: 7 },
      epilogue,
    };
    await assertHalfAgrees(spec, `elementwise [${epilogue.map((e) => e.op)}]`);
  }
});

test("f16 storage: maxpool and maxpool_grad, odd and even sizes, epilogues", async () => {
  // No epilogue, one that keeps zeros (mask: the sparse path), ones that move them (bias, add).
  const epilogues: EpilogueOp[][] = [[], [{ op: "relu_grad" }], [{ op: "bias" }, { op: "add" }]];
  for (const [n, c, h, w] of [[2, 5, 5, 7], [1, 3, 4, 6]]) {
    await assertHalfAgrees({ kind: "maxpool", n, c, h, w }, `maxpool ${[n, c, h, w]}`);
    for (const epilogue of epilogues) {
      // Each binding alone once per epilogue (on the first shape).
      const spec: MaxpoolGradSpec = { kind: "maxpool_grad", n, c, h, w, epilogue };
      const variants = n === 2 ? withSingles(spec) : halfVariants(spec);
      await assertHalfAgrees(
        spec,
        `maxpool_grad ${[n, c, h, w]} [${epilogue.map((e) => e.op)}]`,
        variants,
      );
    }
  }
});

test("f16 storage: lrn and lrn_grad", async () => {
  for (const [n, c, h, w, size] of [[2, 7, 3, 5, 5], [1, 4, 1, 7, 3]]) {
    const attrs = { n, c, h, w, size, alpha: 0.05, beta: 0.75, k: 2 };
    await assertHalfAgrees({ kind: "lrn", ...attrs }, `lrn ${[n, c, h, w, size]}`);
    const grad: KernelSpec = { kind: "lrn_grad", ...attrs };
    await assertHalfAgrees(grad, `lrn_grad ${[n, c, h, w, size]}`, withSingles(grad));
  }
});

test("f16 storage: row ops (softmax, its gradient, the loss, its gradient, top-k)", async () => {
  // 65 rows: two row workgroups, and more rows than the reductions' 64 lanes.
  const kinds: RowSpec["kind"][] = [
    "softmax",
    "softmax_grad",
    "softmax_xent",
    "softmax_xent_grad",
    "topk_correct",
  ];
  for (const [rows, cols] of [[3, 13], [65, 10]]) {
    for (const kind of kinds) {
      // topk_correct's counts are small integers (exact in f16 too); its variants include the
      // realistic one, logits f16 and counts f32 (halfVariants' inputs-only entry).
      const spec: RowSpec = { kind, rows, cols };
      await assertHalfAgrees(spec, `${kind} ${rows}x${cols}`, withSingles(spec));
    }
  }
});

test("f16 storage: bias_grad, workgroup and thread per channel, accumulate on and off", async () => {
  for (const [n, c, spatial] of [[3, 5, 35], [2, 13, 1]]) {
    for (const accumulate of [false, true]) {
      await assertHalfAgrees(
        { kind: "bias_grad", n, c, spatial, accumulate },
        `bias_grad ${[n, c, spatial]} acc=${accumulate}`,
      );
    }
  }
});

test("f16 storage: copy_channels, concat into and slice out of a channel range", async () => {
  const base = { kind: "copy_channels" as const, n: 3, spatial: 7 };
  const cases = [
    { cIn: 2, cOut: 7, inOffset: 0, outOffset: 5, count: 2 },
    { cIn: 7, cOut: 4, inOffset: 2, outOffset: 0, count: 4 },
  ];
  for (const c of cases) {
    const spec: KernelSpec = { ...base, ...c };
    await assertHalfAgrees(spec, `copy_channels ${JSON.stringify(c)}`, withSingles(spec));
  }
});

const cpuTiles = tilePolicy({ cpu: true, maxWorkgroupStorage: 32768, maxInvocations: 256 });
const gpuTiles = tilePolicy({ cpu: false, maxWorkgroupStorage: 32768, maxInvocations: 256 });

test("f16 storage: conv_grad_weight, every tile variant, accumulate on and off", async () => {
  const shapes = [
    { n: 2, c: 3, h: 5, w: 7, o: 5, k: 3, pad: 1 },
    // The input gradient of a valid 3x3 conv pads by 2.
    { n: 1, c: 4, h: 3, w: 5, o: 6, k: 3, pad: 2 },
    // k = 1, no padding: no tap rows (bk = k = 1 is the plain register variant), no bounds test.
    { n: 3, c: 5, h: 4, w: 4, o: 6, k: 1, pad: 0 },
  ];
  let a = 0;
  for (const d of shapes) {
    const tiles: [string, GemmTile][] = [
      ["register", { variant: "register", bm: 6, bn: 10, bk: 4, tm: 3, tn: 5, ks: 1 }],
      ["register lanes", { variant: "register", bm: 6, bn: 4, bk: 1, tm: 3, tn: 2, ks: 3 }],
      ["tap rows, lanes", { variant: "register", bm: 6, bn: 4, bk: d.k, tm: 3, tn: 2, ks: 3 }],
      ["tap rows", { variant: "register", bm: 4, bn: 8, bk: d.k, tm: 4, tn: 4, ks: 1 }],
      ["workgroup", { variant: "workgroup", bm: 12, bn: 20, bk: 5, tm: 3, tn: 5, ks: 1 }],
      ["splitk", { variant: "splitk", bm: 4, bn: 8, bk: 1, tm: 2, tn: 2, ks: 4 }],
      ["cpu policy", cpuTiles.convGradWeight(d)],
      ["gpu policy", gpuTiles.convGradWeight(d)],
    ];
    for (const [what, tile] of d.k === 1 ? tiles.filter(([t]) => !t.startsWith("tap")) : tiles) {
      // Both variants of halfVariants: all f16, and the realistic x, g f16 with dw f32.
      const accumulate = a++ % 2 === 1;
      const spec: ConvGradWeightSpec = { kind: "conv_grad_weight", ...d, accumulate, tile };
      await assertHalfAgrees(
        spec,
        `conv_grad_weight ${JSON.stringify(d)} ${what} (${tile.variant}) acc=${accumulate}`,
      );
    }
  }
});

Deno.test("f16 storage: each kernel's bindings carry the f16 positions as declared", () => {
  const tile: GemmTile = { variant: "register", bm: 6, bn: 4, bk: 3, tm: 3, tn: 2, ks: 3 };
  const conv = { n: 1, c: 3, h: 5, w: 7, o: 5, k: 3, pad: 1, accumulate: false };
  const specs: KernelSpec[] = [
    { kind: "maxpool", n: 1, c: 2, h: 5, w: 7 },
    { kind: "maxpool_grad", n: 1, c: 2, h: 5, w: 7, epilogue: [{ op: "relu_grad" }] },
    { kind: "lrn", n: 1, c: 4, h: 2, w: 3, size: 3, alpha: 0.05, beta: 0.75, k: 2 },
    { kind: "lrn_grad", n: 1, c: 4, h: 2, w: 3, size: 3, alpha: 0.05, beta: 0.75, k: 2 },
    ...(["softmax", "softmax_grad", "softmax_xent", "softmax_xent_grad", "topk_correct"] as const)
      .map((kind): KernelSpec => ({ kind, rows: 3, cols: 13 })),
    { kind: "bias_grad", n: 2, c: 3, spatial: 35, accumulate: true },
    {
      kind: "copy_channels",
      n: 2,
      spatial: 7,
      cIn: 2,
      cOut: 7,
      inOffset: 0,
      outOffset: 5,
      count: 2,
    },
    ...[tile, { ...tile, variant: "workgroup" as const, bk: 4, ks: 1 }].map((t): KernelSpec => ({
      kind: "conv_grad_weight",
      ...conv,
      tile: t,
    })),
  ];
  for (const spec of specs) {
    for (const half of withSingles(spec)) {
      const k = emitKernel({ ...spec, f16: half } as KernelSpec);
      const types = k.bindings.filter((b) => b.access !== "uniform").map((b) => b.elemType);
      const want = storageSizes(spec).map((b, i) => half.includes(i) ? "f16" : b.type);
      assert.deepStrictEqual(types, want, `${spec.kind} f16 at ${JSON.stringify(half)}`);
    }
  }
});

test("nonfinite flags inf and NaN by their bits; sgd with lossScale unscales and obeys the flag", async () => {
  const device = await getDevice();
  const flagOf = async (g: Float32Array) =>
    (await runKernel(device, { kind: "nonfinite", size: g.length }, [g], new Uint32Array(1)))[0];
  const g = Float32Array.from({ length: 1029 }, (_, i) => Math.sin(i) * 1e30);
  assert.strictEqual(await flagOf(g), 0, "finite values flagged");
  for (const bad of [Infinity, -Infinity, NaN]) {
    const h = g.slice();
    h[1027] = bad; // in the last, partial workgroup
    assert.strictEqual(await flagOf(h), 1, `${bad} not flagged`);
  }
  const size = 5, w = new Float32Array([1, -2, 3, -4, 5]), gr = new Float32Array([8, 8, -16, 0, 4]);
  const spec: KernelSpec = { kind: "sgd", size, momentum: 0.9, weightDecay: 0, lossScale: true };
  for (const flag of [0, 1]) {
    const out = await runKernelBindings(
      device,
      spec,
      [w, new Float32Array(size), gr, new Uint32Array([flag])],
      { lr: 0.5, scale: 1 / 8 },
    );
    const want = flag ? w : w.map((v, i) => v - 0.5 * gr[i] / 8);
    assert.deepStrictEqual([...out[0]], [...want], `weights with flag ${flag}`);
  }
});
