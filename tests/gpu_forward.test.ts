// The compiled forward pass on the GPU against the reference interpreter: every Table 1 net
// and the tiny ResNet whole, then small DSL models that put each forward kernel kind on odd
// shapes (channels 3, 5, 13: not multiples of 4; batch 1 and 3; 6x6, 7x7, 10x10 images), run
// under both tile families (register/direct and workgroup/split-K) whatever the adapter.
//
// Tolerance: max|gpu - ref| / max|ref| <= 1e-4 per output tensor. Both sides compute in f32,
// in different summation orders (tiles, split K, FMA contraction); after 8-19 layers the
// measured difference is ~1e-6, and 1e-4 leaves room for other drivers while any indexing,
// padding or epilogue mistake errs by O(1) of the scale.
import assert from "node:assert";
import type { TilePolicy } from "../compiler/lower.ts";
import type { Model } from "../dsl/mod.ts";
import { ForwardRunner } from "../runtime/forward.ts";
import {
  batchOf,
  CPU_TILES,
  gpu,
  oddModels,
  paramsWithBiases,
  referenceForward,
  relError,
  smallNets,
} from "./helpers/gpu.ts";
import { RUN_CPU_TILES, RUN_GPU_TILES } from "./helpers/tiles.ts";

const TOL = 1e-4;

async function checkForward(m: Model, batch: number, tiles: TilePolicy, what: string) {
  const { device } = await gpu();
  const p = paramsWithBiases(m, 3), { x } = batchOf(m, batch, 17);
  const want = referenceForward(m, p, x, batch);
  const r = await ForwardRunner.create(device, m, batch, tiles);
  try {
    r.setParams(p);
    const logits = await r.logits(x);
    const e = relError(logits, want.logits);
    assert.ok(e <= TOL, `${what}: logits relative error ${e.toExponential(2)} > ${TOL}`);
    // The logits must not be trivially equal (all zero, say): the data has to exercise the net.
    assert.ok(want.logits.some((v) => Math.abs(v) > 1e-3), `${what}: reference logits ~ 0`);
    if (want.probs) {
      const probs = await r.ex.read(r.plan.graph.outputs.probs);
      const ep = relError(probs, want.probs);
      assert.ok(ep <= TOL, `${what}: soft-max relative error ${ep.toExponential(2)} > ${TOL}`);
    }
  } finally {
    r.destroy();
  }
}

for (const m of smallNets()) {
  Deno.test(`forward of ${m.name} (32x32, batch 3) equals the reference`, async () => {
    await checkForward(m, 3, (await gpu()).tiles, m.name);
  });
}

const ODD = oddModels();

for (
  const [tilesName, tiles] of [
    ["register tiles", RUN_CPU_TILES],
    ["workgroup tiles", RUN_GPU_TILES],
  ] as const
) {
  Deno.test({
    name: `odd shapes per kernel kind, ${tilesName}, batch 1 and 3`,
    fn: async (t) => {
      for (const m of ODD) {
        for (const batch of [1, 3]) {
          const what = `${m.name} batch ${batch} (${tilesName})`;
          await t.step(what, () => checkForward(m, batch, tiles, what));
        }
      }
    },
  });
}

Deno.test("the odd-shape models cover every forward kernel kind", async () => {
  // Guards the list above: a model edited so that it no longer produces a kind would leave
  // that kind untested without any failure.
  const { lower } = await import("../compiler/lower.ts");
  const { forwardGraph } = await import("../dsl/mod.ts");
  const kinds = new Set<string>(), ops = new Set<string>();
  for (const m of ODD) {
    for (const k of lower(forwardGraph(m, 3), { tiles: CPU_TILES }).kernels) {
      kinds.add(k.spec.kind);
      ops.add(k.ops.join("+"));
    }
  }
  for (
    const kind of ["conv", "matmul", "maxpool", "lrn", "softmax", "elementwise", "copy_channels"]
  ) {
    assert.ok(kinds.has(kind), `no odd-shape model produces a ${kind} kernel`);
  }
  for (
    const fused of ["conv2d+bias+relu", "conv2d+bias+add+relu", "relu", "add", "matmul+bias+relu"]
  ) {
    assert.ok(ops.has(fused), `no odd-shape model produces a ${fused} kernel: ${[...ops]}`);
  }
});

Deno.test("logitsAll: batches in flight together give each batch's own logits", async () => {
  // 7 images at batch 3: three submissions, each sharing the input and logits buffers with the
  // one before it while that one's logits are still being read back, the last zero-padded.
  const { device, tiles } = await gpu();
  const m = ODD[0], p = paramsWithBiases(m, 3), { x } = batchOf(m, 7, 23);
  const want = referenceForward(m, p, x, 7).logits;
  const r = await ForwardRunner.create(device, m, 3, tiles);
  try {
    r.setParams(p);
    const got = await r.logitsAll(x);
    assert.strictEqual(got.length, want.length);
    for (let b = 0; b < 3; b++) {
      const rows = (a: Float32Array) => a.subarray(b * 3 * m.classes, (b + 1) * 3 * m.classes);
      const e = relError(rows(got), rows(want));
      assert.ok(e <= TOL, `batch ${b}: logits relative error ${e.toExponential(2)} > ${TOL}`);
    }
    await assert.rejects(() => r.logits(x), /forward expects 3 images/);
  } finally {
    r.destroy();
  }
});
