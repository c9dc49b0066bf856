// The autotuner on the device: every candidate tile this adapter is offered computes what the
// default tile computes (and the default what the CPU reference does) on small odd shapes;
// the tuner keeps only agreeing tiles; the tiles shipped for this adapter agree with their
// defaults on the shapes they were tuned for.
// Tolerance: AGREEMENT in cli/tune.ts (1e-4 relative to the output's max |value|); the tiles
// differ only in the order they sum K.
import assert from "node:assert";
import { AGREEMENT, bindingData, tuneShape } from "../runtime/tuner.ts";
import { relError as disagreement } from "../runtime/agreement.ts";
import { ops } from "../compiler/ops/mod.ts";
import type { ConvSpec, GemmTile } from "../compiler/kernels/spec.ts";
import { tilePolicy } from "../compiler/kernels/tiles.ts";
import { adapterKey, loadTuning, type TunableSpec, type TuningEntry } from "../compiler/tuning.ts";
import { candidateTiles } from "../compiler/tuning_candidates.ts";
import { openGlBackend } from "../runtime/backend.ts";
import { describeAdapter, getAdapterTraits } from "../runtime/device.ts";
import { runKernel, type TypedArray } from "../runtime/kernel_runner.ts";
import { assertClose, getDevice, t } from "./kernel_reference.ts";
import { SAMPLED, sweep } from "./helpers/sweep.ts";

/** Small shapes with ragged edges: channels 3/5/13, 5x7 images, batch 3, flip and accumulate. */
async function smallSpecs(): Promise<TunableSpec[]> {
  const tiles = tilePolicy(await getAdapterTraits());
  const conv = { kind: "conv" as const, n: 3, c: 5, h: 5, w: 7, o: 13, k: 3, pad: 1, epilogue: [] };
  const convQ = { ...conv, flip: false }, flipQ = { ...conv, c: 13, o: 5, flip: true };
  const cgw = {
    kind: "conv_grad_weight" as const,
    n: 3,
    c: 5,
    h: 5,
    w: 7,
    o: 13,
    k: 3,
    pad: 1,
    accumulate: true,
  };
  const mm = {
    kind: "matmul" as const,
    m: 3,
    n: 37,
    k: 20,
    transA: false,
    transB: true,
    accumulate: false,
    epilogue: [{ op: "relu" as const }],
  };
  return [
    { ...convQ, epilogue: [{ op: "relu" }], tile: tiles.conv(convQ) },
    { ...flipQ, tile: tiles.conv(flipQ) },
    { ...cgw, tile: tiles.convGradWeight(cgw) },
    { ...mm, tile: tiles.matmul(mm) },
  ];
}

const output = async (spec: TunableSpec, tile: GemmTile, data: TypedArray[]) => {
  const arrays = data.slice(0, -1);
  return await runKernel(await getDevice(), { ...spec, tile }, arrays, data.at(-1)!.slice());
};

Deno.test(`every candidate tile computes what the default tile does${SAMPLED}`, async () => {
  const traits = await getAdapterTraits();
  for (const spec of await smallSpecs()) {
    const data = bindingData(spec, 7);
    const want = await output(spec, spec.tile, data);
    // Sampled: each variant, register block, K stage and lane count among the candidates.
    const tiles = sweep(candidateTiles(spec, traits).slice(1), [
      (t) => t.variant,
      (t) => `${t.tm}x${t.tn}`,
      (t) => `${t.bm}x${t.bn}`,
      (t) => t.bk,
      (t) => t.ks,
    ], { seed: 21 });
    for (const tile of tiles) {
      const got = await output(spec, tile, data);
      const e = disagreement(got, want);
      assert.ok(e <= AGREEMENT, `${spec.kind} ${JSON.stringify(tile)}: ${e}`);
    }
  }
});

Deno.test("the default tile agrees with the CPU reference (the tuner's yardstick)", async () => {
  const spec = (await smallSpecs())[1] as ConvSpec;
  const data = bindingData(spec, 3);
  const [x, w] = data as Float32Array[];
  const want = ops.conv2d.reference(
    [t([spec.n, spec.c, spec.h, spec.w], x), t([spec.c, spec.o, spec.k, spec.k], w)],
    { k: spec.k, pad: spec.pad, flip: true },
  );
  assertClose(await output(spec, spec.tile, data), want.data, "flipped conv, default tile");
});

Deno.test("tuneShape keeps a tile only if it agrees, and picks the fastest of those", async () => {
  const device = await getDevice();
  const traits = await getAdapterTraits();
  const spec = (await smallSpecs())[0];
  const tiles = candidateTiles(spec, traits).slice(0, 5);
  const r = await tuneShape(device, spec, tiles, { finalists: 2, rounds: 1, targetMs: 2 });
  assert.strictEqual(r.trials.length, tiles.length);
  assert.ok(r.defaultMs > 0);
  assert.ok(r.trials.every((t) => t.rejected !== undefined || t.ms! > 0));
  assert.ok(r.best.ms! <= r.defaultMs);
  const data = bindingData(spec, 11);
  const e = disagreement(
    await output(spec, r.best.tile, data),
    await output(spec, spec.tile, data),
  );
  assert.ok(e <= AGREEMENT, `best tile disagrees by ${e}`);
  // The yardstick itself: NaN or a missing element never passes.
  assert.strictEqual(disagreement([1, NaN], [1, 2]), Infinity);
  assert.strictEqual(disagreement([1], [1, 2]), Infinity);
});

// The table the runtime reads on this adapter (cli/gpu.ts): none on wgpu's OpenGL backend, whose
// tables would be measured through Vulkan (and whose tiles would break OpenGL's 2 KiB workgroup
// budget), and none for an adapter without a shipped file. Either way the test says so in its
// name and is reported as ignored, instead of passing without a check.
const shipped = openGlBackend() ? undefined : await loadTuning(adapterKey(await describeAdapter()));
const noTable = openGlBackend()
  ? " (ignored: OpenGL uses no tuning table)"
  : shipped
  ? ""
  : " (ignored: no tuning file ships for this adapter)";

Deno.test({
  name: `the tiles shipped for this adapter agree with their defaults${noTable}`,
  ignore: !shipped,
  async fn() {
    for (const [key, e] of Object.entries(shipped!.entries) as [string, TuningEntry][]) {
      // The conv itself (a key's pool folds only into "direct" tiles; pooled kernels have
      // their own tests).
      const { pool: _pool, ...q } = JSON.parse(key);
      const spec = { ...q, tile: e.default } as TunableSpec;
      const data = bindingData(spec, 5);
      const err = disagreement(
        await output(spec, e.tile, data),
        await output(spec, e.default, data),
      );
      assert.ok(err <= AGREEMENT, `${key}: tuned tile disagrees by ${err}`);
    }
  },
});
