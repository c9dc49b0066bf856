// The non-GEMM kernels against the primitives' CPU references (or, for what has no primitive,
// the loops in kernel_reference.ts), on odd shapes: sizes that fill no workgroup evenly,
// channels 5 and 13, batch 1 and 3, 5x7 images, ties where tie-breaking matters.
// Tolerance: TOLERANCE in kernel_reference.ts (1e-4 relative to the output's max |value|).
import assert from "node:assert";
import { ops } from "../compiler/ops/mod.ts";
import type { EpilogueOp, KernelSpec } from "../compiler/kernels/spec.ts";
import { grid } from "../compiler/kernels/common.ts";
import { runKernel, runKernelBindings } from "../runtime/kernel_runner.ts";
import { describeAdapter, getAdapter, NoAdapterError } from "../runtime/device.ts";
import {
  addInto,
  assertClose,
  epilogueInputs,
  epilogueReference,
  getDevice,
  rand,
  t,
  topkReference,
} from "./kernel_reference.ts";

const run = async (
  spec: KernelSpec,
  inputs: (Float32Array | Int32Array | Uint32Array)[],
  init?: Float32Array,
) => await runKernel(await getDevice(), spec, inputs, init);

/** Values on a coarse grid, so windows and rows contain exact ties. */
const coarse = (n: number, seed: number) => rand(n, seed).map((v) => Math.round(v * 4) / 4);

Deno.test("elementwise: each epilogue op alone and in combination", async () => {
  const shape = [3, 5, 7];
  const size = 105;
  const combos: EpilogueOp[][] = [
    [{ op: "bias" }],
    [{ op: "relu" }],
    [{ op: "relu_grad" }],
    [{ op: "add" }],
    [{ op: "dropout", p: 0.3, key: 11, sample: 35 }],
    [{ op: "bias" }, { op: "relu" }, { op: "add" }, { op: "relu_grad" }, {
      op: "dropout",
      p: 0.5,
      key: 2,
      sample: 35,
    }],
  ];
  for (const epilogue of combos) {
    const x = rand(size, 1), extras = epilogueInputs(epilogue, shape, 2);
    const want = epilogueReference(epilogue, t(shape, x), extras);
    const got = await run(
      { kind: "elementwise", size, layout: { channels: 5, spatial: 7 }, epilogue },
      [x, ...extras],
    );
    assertClose(got, want.data, `elementwise [${epilogue.map((e) => e.op)}]`);
  }
});

Deno.test("maxpool and maxpool_grad: odd and even sizes, ties", async () => {
  for (const [n, c, h, w] of [[3, 5, 5, 7], [1, 2, 4, 6], [2, 3, 3, 2]]) {
    const x = coarse(n * c * h * w, 3), xs = t([n, c, h, w], x);
    const y = ops.maxpool.reference([xs], {});
    assertClose(await run({ kind: "maxpool", n, c, h, w }, [x]), y.data, `maxpool ${[n, c, h, w]}`);
    const g = rand(y.data.length, 4);
    const dx = ops.maxpool_grad.reference([xs, t([...y.shape], g)], {});
    // Start from garbage: every dx element must be written, cut-off windows included.
    const got = await run({ kind: "maxpool_grad", n, c, h, w }, [x, g], rand(x.length, 5));
    assertClose(got, dx.data, `maxpool_grad ${[n, c, h, w]}`);
  }
});

Deno.test("lrn and lrn_grad: window clipped at both channel ends", async () => {
  for (const [n, c, h, w, size] of [[2, 13, 3, 5, 5], [1, 3, 2, 3, 5], [3, 4, 1, 7, 3]]) {
    const attrs = { size, alpha: 0.05, beta: 0.75, k: 2 };
    const x = rand(n * c * h * w, 6).map((v) => 3 * v), xs = t([n, c, h, w], x);
    const spec = { n, c, h, w, ...attrs };
    const y = ops.lrn.reference([xs], attrs);
    assertClose(await run({ kind: "lrn", ...spec }, [x]), y.data, `lrn ${[n, c, h, w, size]}`);
    const g = rand(x.length, 7);
    const dx = ops.lrn_grad.reference([xs, t([n, c, h, w], g)], attrs);
    assertClose(await run({ kind: "lrn_grad", ...spec }, [x, g]), dx.data, `lrn_grad ${[n, c]}`);
  }
});

Deno.test("row ops: softmax, its gradient, the loss and its gradient, top-k counts", async () => {
  // 65 rows: more than one 64-row workgroup (and more rows than reduction lanes).
  for (const [rows, cols] of [[3, 13], [1, 1], [65, 10], [2, 1000]]) {
    const z = rand(rows * cols, 8).map((v) => 5 * v), zs = t([rows, cols], z);
    const labels = Int32Array.from({ length: rows }, (_, r) => (r * 7 + 3) % cols);
    const ls = t([rows], labels);
    const what = `${rows}x${cols}`;
    const y = ops.softmax.reference([zs], {});
    assertClose(await run({ kind: "softmax", rows, cols }, [z]), y.data, `softmax ${what}`);
    const g = rand(rows * cols, 9);
    const dy = ops.softmax_grad.reference([y, t([rows, cols], g)], {});
    const yIn = y.data as Float32Array;
    assertClose(
      await run({ kind: "softmax_grad", rows, cols }, [yIn, g]),
      dy.data,
      `softmax_grad ${what}`,
    );
    const loss = ops.softmax_xent.reference([zs, ls], {});
    assertClose(
      await run({ kind: "softmax_xent", rows, cols }, [z, labels]),
      loss.data,
      `xent ${what}`,
    );
    const gl = Float32Array.of(0.7);
    const dz = ops.softmax_xent_grad.reference([zs, ls, t([], gl)], {});
    assertClose(
      await run({ kind: "softmax_xent_grad", rows, cols }, [z, labels, gl]),
      dz.data,
      `xent_grad ${what}`,
    );
    const zc = coarse(rows * cols, 10);
    const counts = await run({ kind: "topk_correct", rows, cols }, [zc, labels]);
    assert.deepStrictEqual([...counts], topkReference(zc, labels, cols), `topk ${what}`);
  }
});

Deno.test("bias_grad: conv planes and FC features, accumulate on and off", async () => {
  for (const [n, c, spatial] of [[3, 5, 35], [1, 13, 1], [2, 3, 300], [3, 70, 1]]) {
    const g = rand(n * c * spatial, 11);
    const db = ops.bias_grad.reference([t([n, c, spatial], g)], {});
    for (const accumulate of [false, true]) {
      const init = accumulate ? rand(c, 12) : undefined;
      const want = init ? addInto(init, db.data) : db.data;
      const got = await run({ kind: "bias_grad", n, c, spatial, accumulate }, [g], init);
      assertClose(got, want, `bias_grad ${[n, c, spatial]} acc=${accumulate}`);
    }
  }
});

Deno.test("a dispatch past 65535 workgroups folds into y and skips the padding", async () => {
  // 70001 channels, a workgroup each: grid [35001, 2, 1], one padding workgroup.
  const n = 1, c = 70001, spatial = 32;
  assert.deepStrictEqual(grid(c).workgroups, [35001, 2, 1]);
  const g = rand(n * c * spatial, 19);
  const db = ops.bias_grad.reference([t([n, c, spatial], g)], {});
  const got = await run({ kind: "bias_grad", n, c, spatial, accumulate: false }, [g]);
  assertClose(got, db.data, "bias_grad over a folded grid");
});

Deno.test("copy_channels: concat of two inputs and a slice", async () => {
  const n = 3, s = 7, a = rand(n * 5 * s, 13), b = rand(n * 2 * s, 14);
  const cat = ops.concat.reference([t([n, 5, s], a), t([n, 2, s], b)], {});
  const out = new Float32Array(n * 7 * s);
  const dev = await getDevice();
  const base = { kind: "copy_channels" as const, n, spatial: s, cOut: 7 };
  const [, o1] = await runKernelBindings(dev, {
    ...base,
    cIn: 5,
    inOffset: 0,
    outOffset: 0,
    count: 5,
  }, [a, out]);
  const [, o2] = await runKernelBindings(dev, {
    ...base,
    cIn: 2,
    inOffset: 0,
    outOffset: 5,
    count: 2,
  }, [b, o1]);
  assertClose(o2, cat.data, "concat");
  const sl = ops.slice.reference([t([n, 7, s], o2 as Float32Array)], { start: 2, size: 4 });
  const got = await run({
    kind: "copy_channels",
    n,
    spatial: s,
    cIn: 7,
    cOut: 4,
    inOffset: 2,
    outOffset: 0,
    count: 4,
  }, [o2 as Float32Array]);
  assertClose(got, sl.data, "slice");
});

Deno.test("sgd: momentum and weight decay, lr from the step uniform", async () => {
  const size = 1029, w = rand(size, 15), m = rand(size, 16), g = rand(size, 17);
  const momentum = 0.9, weightDecay = 5e-4, lr = 0.01;
  const wantM = Float32Array.from(g, (gi, i) => momentum * m[i] + gi + weightDecay * w[i]);
  const wantW = Float32Array.from(w, (wi, i) => wi - lr * wantM[i]);
  const [gotW, gotM] = await runKernelBindings(
    await getDevice(),
    { kind: "sgd", size, momentum, weightDecay },
    [w, m, g],
    { lr },
  );
  assertClose(gotM, wantM, "sgd momentum");
  assertClose(gotW, wantW, "sgd weights");
});

Deno.test("fill: every element, sizes off the workgroup grid", async () => {
  for (const size of [1, 1023, 1025]) {
    const got = await run({ kind: "fill", size, value: 0.5 }, [], rand(size, 18));
    assert.ok(got.every((v) => v === 0.5), `fill ${size}`);
  }
});

Deno.test("device: one per process, the adapter's limits raised, a readable description", async () => {
  const a = await getDevice(), b = await getDevice();
  assert.strictEqual(a, b);
  const adapter = await getAdapter();
  assert.strictEqual(
    a.limits.maxStorageBufferBindingSize,
    adapter.limits.maxStorageBufferBindingSize,
  );
  assert.strictEqual(
    a.limits.maxComputeWorkgroupStorageSize,
    adapter.limits.maxComputeWorkgroupStorageSize,
  );
  const d = await describeAdapter();
  assert.ok(d.name.length > 0 && typeof d.isFallbackAdapter === "boolean", JSON.stringify(d));
  if (adapter.features.has("timestamp-query")) assert.ok(a.features.has("timestamp-query"));
  assert.match(new NoAdapterError("test").message, /apt-get install mesa-vulkan-drivers/);
});
