// Emission without a GPU: WGSL is deterministic to the byte, specKey tells specs apart, the
// limits check names the layer, and the typed expressions reject u32/i32 mix-ups.
import assert from "node:assert";
import { checkLimits, emitKernel, LimitError, specKey } from "../compiler/kernels/mod.ts";
import type { KernelLimits } from "../compiler/kernels/limits.ts";
import type { KernelSpec } from "../compiler/kernels/spec.ts";
import { tilePolicy } from "../compiler/kernels/tiles.ts";
import { add, f32, i32, ref, u32 } from "../compiler/wgsl/mod.ts";

const tiles = tilePolicy({ cpu: true, maxWorkgroupStorage: 32768, maxInvocations: 256 });
const wgTile = { variant: "workgroup" as const, bm: 64, bn: 64, bk: 16, tm: 4, tn: 4, ks: 1 };

/** One spec per kind (every kind: a kind missing here fails the coverage assertion). */
const SPECS: KernelSpec[] = [
  {
    kind: "conv",
    n: 2,
    c: 3,
    h: 5,
    w: 7,
    o: 5,
    k: 3,
    pad: 1,
    flip: false,
    epilogue: [{ op: "bias" }, { op: "relu" }, { op: "dropout", p: 0.5, key: 1, sample: 175 }],
    tile: tiles.conv({ n: 2, c: 3, h: 5, w: 7, o: 5, k: 3, pad: 1 }),
  },
  {
    kind: "conv_grad_weight",
    n: 2,
    c: 3,
    h: 5,
    w: 7,
    o: 5,
    k: 3,
    pad: 1,
    accumulate: true,
    tile: tiles.convGradWeight({ n: 2, c: 3, h: 5, w: 7, o: 5, k: 3 }),
  },
  {
    kind: "matmul",
    m: 3,
    n: 10,
    k: 12,
    transA: false,
    transB: true,
    accumulate: false,
    epilogue: [{ op: "add" }],
    tile: tiles.matmul({ m: 3, n: 10, k: 12 }),
  },
  {
    kind: "elementwise",
    size: 100,
    layout: { channels: 5, spatial: 4 },
    epilogue: [{ op: "relu_grad" }],
  },
  { kind: "maxpool", n: 1, c: 2, h: 5, w: 5 },
  { kind: "maxpool_grad", n: 1, c: 2, h: 5, w: 5 },
  { kind: "lrn", n: 1, c: 6, h: 2, w: 2, size: 5, alpha: 1e-4, beta: 0.75, k: 2 },
  { kind: "lrn_grad", n: 1, c: 6, h: 2, w: 2, size: 5, alpha: 1e-4, beta: 0.75, k: 2 },
  { kind: "softmax", rows: 4, cols: 10 },
  { kind: "softmax_grad", rows: 4, cols: 10 },
  { kind: "softmax_xent", rows: 4, cols: 10 },
  { kind: "softmax_xent_grad", rows: 4, cols: 10 },
  { kind: "topk_correct", rows: 4, cols: 10 },
  { kind: "bias_grad", n: 2, c: 3, spatial: 49, accumulate: false },
  {
    kind: "copy_channels",
    n: 2,
    spatial: 4,
    cIn: 3,
    cOut: 5,
    inOffset: 0,
    outOffset: 2,
    count: 3,
  },
  { kind: "sgd", size: 10, momentum: 0.9, weightDecay: 5e-4 },
  { kind: "fill", size: 10, value: 0 },
];

Deno.test("every kernel kind emits, and the same spec emits byte-identical WGSL", () => {
  const kinds = new Set(SPECS.map((s) => s.kind));
  assert.strictEqual(kinds.size, 17, "SPECS covers every KernelKind");
  for (const spec of SPECS) {
    const a = emitKernel(spec), b = emitKernel(structuredClone(spec));
    assert.strictEqual(a.wgsl, b.wgsl, `${spec.kind} is deterministic`);
    assert.deepStrictEqual(a, b);
    assert.ok(a.wgsl.includes("@compute"), spec.kind);
  }
});

/** Every leaf path of a spec, with a changed value at that path. */
function* mutations(spec: unknown, path: string[] = []): Generator<[string, unknown]> {
  if (Array.isArray(spec)) {
    for (let i = 0; i < spec.length; i++) {
      for (const [p, v] of mutations(spec[i], [...path, String(i)])) {
        yield [p, spec.map((x, j) => j === i ? v : x)];
      }
    }
    yield [`${path.join(".")}[+]`, [...spec, { op: "relu" }]];
  } else if (spec && typeof spec === "object") {
    for (const [k, v] of Object.entries(spec)) {
      for (const [p, nv] of mutations(v, [...path, k])) yield [p, { ...spec, [k]: nv }];
    }
  } else if (typeof spec === "number") yield [path.join("."), spec + 1];
  else if (typeof spec === "boolean") yield [path.join("."), !spec];
  else if (typeof spec === "string" && path.at(-1) !== "kind") yield [path.join("."), spec + "x"];
}

Deno.test("specKey differs when any field differs, and ignores key order", () => {
  for (const spec of SPECS) {
    const key = specKey(spec);
    const reordered = Object.fromEntries(Object.entries(spec).reverse()) as KernelSpec;
    assert.strictEqual(specKey(reordered), key);
    let n = 0;
    for (const [path, changed] of mutations(spec)) {
      assert.notStrictEqual(specKey(changed as KernelSpec), key, `${spec.kind}: ${path}`);
      n++;
    }
    assert.ok(n > 0);
  }
});

const LIMITS: KernelLimits = {
  maxStorageBuffersPerShaderStage: 8,
  maxUniformBuffersPerShaderStage: 12,
  maxBindingsPerBindGroup: 1000,
  maxComputeWorkgroupSizeX: 256,
  maxComputeWorkgroupSizeY: 256,
  maxComputeWorkgroupSizeZ: 64,
  maxComputeInvocationsPerWorkgroup: 256,
  maxComputeWorkgroupStorageSize: 16384,
  maxComputeWorkgroupsPerDimension: 65535,
  maxStorageBufferBindingSize: 134217728,
  maxUniformBufferBindingSize: 65536,
  maxBufferSize: 268435456,
};

Deno.test("checkLimits: oversized workgroup storage names the layer and the limit", () => {
  const k = emitKernel({
    kind: "matmul",
    m: 256,
    n: 256,
    k: 64,
    transA: false,
    transB: false,
    accumulate: false,
    epilogue: [],
    tile: { ...wgTile, bm: 128, bn: 128, tm: 8, tn: 8 },
  });
  const bytes = k.workgroupStorageBytes;
  assert.ok(bytes > 32768, `${bytes} bytes of workgroup memory`);
  checkLimits(k, { ...LIMITS, maxComputeWorkgroupStorageSize: bytes }, "features.3");
  assert.throws(
    () => checkLimits(k, LIMITS, "features.3"),
    (e: Error) =>
      e instanceof LimitError && e.message.startsWith("features.3:") &&
      e.message.includes(`workgroup storage bytes ${bytes} > 16384`) &&
      e.message.includes("maxComputeWorkgroupStorageSize"),
  );
});

Deno.test("checkLimits: too many storage bindings, too big a binding, too big a workgroup", () => {
  const fused = emitKernel({
    kind: "elementwise",
    size: 64,
    layout: { channels: 1, spatial: 1 },
    epilogue: Array.from({ length: 8 }, () => ({ op: "add" as const })),
  });
  assert.strictEqual(fused.bindings.length, 10);
  assert.throws(
    () => checkLimits(fused, LIMITS, "classifier.4"),
    /^LimitError: classifier\.4: .*storage buffers 10 > 8 \(maxStorageBuffersPerShaderStage\)/,
  );
  const small = emitKernel({ kind: "fill", size: 64, value: 0 });
  assert.throws(
    () => checkLimits(small, LIMITS, "features.0", [LIMITS.maxStorageBufferBindingSize + 4]),
    /features\.0: .*binding 0 'out' .*maxStorageBufferBindingSize/,
  );
  assert.throws(
    () => checkLimits(small, { ...LIMITS, maxComputeInvocationsPerWorkgroup: 128 }, "features.1"),
    /features\.1: .*invocations per workgroup 256 > 128/,
  );
});

Deno.test("typed expressions: folding, and u32/i32 mix-ups are emit-time errors", () => {
  const i = ref("i", "u32");
  assert.strictEqual(add(i, 0), i);
  assert.strictEqual(add(u32(3), 4).code, "7u");
  assert.strictEqual(f32(0.1).code, "0.10000000149011612f");
  assert.strictEqual(f32(2).code, "2.0f");
  assert.throws(() => add(i, i32(1)), /type mismatch: \(i: u32\) \+ \(1i: i32\)/);
});

Deno.test("tilePolicy: every VGG layer shape gets a tile within WebGPU's default limits", () => {
  const defaults = { ...LIMITS, maxStorageBuffersPerShaderStage: 8 };
  for (const cpu of [true, false]) {
    for (const maxWorkgroupStorage of [16384, 32768]) {
      const policy = tilePolicy({ cpu, maxWorkgroupStorage, maxInvocations: 256 });
      const limits = { ...defaults, maxComputeWorkgroupStorageSize: maxWorkgroupStorage };
      for (const n of [1, 3, 64]) {
        for (
          const [c, o, hw] of [
            [3, 64, 224],
            [64, 128, 112],
            [256, 256, 56],
            [512, 512, 14],
            [
              512,
              512,
              2,
            ],
            [8, 16, 32],
            [3, 8, 5],
          ]
        ) {
          const d = { n, c, h: hw, w: hw, o, k: 3 };
          const where = `cpu=${cpu} smem=${maxWorkgroupStorage} ${JSON.stringify(d)}`;
          for (const flip of [false, true]) {
            const conv = emitKernel({
              kind: "conv",
              ...d,
              pad: 1,
              flip,
              epilogue: [],
              tile: policy.conv({ ...d, pad: 1 }),
            });
            checkLimits(conv, limits, `conv ${where}`);
          }
          const cgw = emitKernel({
            kind: "conv_grad_weight",
            ...d,
            pad: 1,
            accumulate: false,
            tile: policy.convGradWeight(d),
          });
          checkLimits(cgw, limits, `conv_grad_weight ${where}`);
        }
        for (const [k, out] of [[25088, 4096], [4096, 4096], [4096, 1000], [64, 10]]) {
          for (
            const [m, nn, kk, transA, transB] of [
              [n, out, k, false, true],
              [n, k, out, false, false],
              [out, k, n, true, false],
            ] as const
          ) {
            const mm = emitKernel({
              kind: "matmul",
              m,
              n: nn,
              k: kk,
              transA,
              transB,
              accumulate: false,
              epilogue: [{ op: "bias" }, { op: "relu" }],
              tile: policy.matmul({ m, n: nn, k: kk }),
            });
            checkLimits(mm, limits, `matmul ${m}x${nn}x${kk} cpu=${cpu}`);
          }
        }
      }
    }
  }
});
