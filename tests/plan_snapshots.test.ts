// Pinned output of the back end: the printed kernel plans of A and E (forward and E's
// training step), and the WGSL of one representative kernel per family, for the GPU-class and
// the CPU-class tile policy where the two produce different specs. A change to fusion, tiling
// or code generation shows up as a readable diff; after an intended change run
// `deno task snapshots` (UPDATE_SNAPSHOTS=1) and review the diff before committing.
import assert from "node:assert";
import { emitKernel, type KernelSpec, specKey } from "../compiler/kernels/mod.ts";
import {
  type KernelPlan,
  lower,
  type PlannedKernel,
  printPlan,
  type TilePolicy,
} from "../compiler/lower.ts";
import { forwardGraph, type Model, trainGraph } from "../dsl/mod.ts";
import { configs } from "../nets/mod.ts";
import { applyPrecision } from "../compiler/precision.ts";
import { CPU_TILES, GPU_TILES } from "./helpers/gpu.ts";
import { assertSnapshot } from "./helpers/snapshot.ts";

const small = { width: 8, size: 32, classes: 10 };

Deno.test("printed kernel plans of A and E (width 8, 32x32, batch 2, GPU tiles)", () => {
  const a = configs.A(small), e = configs.E(small);
  const text = printPlan(lower(forwardGraph(a, 2), { tiles: GPU_TILES }));
  assert.strictEqual(printPlan(lower(forwardGraph(a, 2), { tiles: GPU_TILES })), text);
  assertSnapshot("plans/a_w8_s32_forward.txt", text);
  assertSnapshot(
    "plans/e_w8_s32_forward.txt",
    printPlan(lower(forwardGraph(e, 2), { tiles: GPU_TILES })),
  );
  // The training step as TrainStep compiles it: dropout on.
  assertSnapshot(
    "plans/e_w8_s32_train.txt",
    printPlan(lower(trainGraph(e, 2), { tiles: GPU_TILES })),
  );
});

/** A kernel's spec from a lowered plan, found by a predicate (the plan is the source of truth:
 *  the snapshot shows what the compiler really emits for that layer). */
function pick(plan: KernelPlan, f: (k: PlannedKernel) => boolean, what: string): KernelSpec {
  const k = plan.kernels.find(f);
  if (!k) throw new Error(`no kernel for ${what} in the plan`);
  return k.spec;
}

type Source = (tiles: TilePolicy) => KernelSpec;

/** A policy's tiles with every conv direct. On CPU tiles the plans run the 3x3 convs of 16
 *  channels and more by Winograd (their kernels are pinned by tests/winograd_snapshots.test.ts
 *  and the printed CPU plan below); the files here pin the direct conv's code for the same
 *  layers, which the tuner and GPU plans still run. */
const direct = (t: TilePolicy): TilePolicy => ({ ...t, winograd: () => undefined });
const CPU_DIRECT = direct(CPU_TILES);

const fwd = (m: Model, batch: number, tiles: TilePolicy) =>
  lower(forwardGraph(m, batch), { tiles });
const train = (m: Model, tiles: TilePolicy) => lower(trainGraph(m, 2), { tiles });
const E = configs.E(small),
  EFull = configs.E(),
  C = configs.C(small),
  ALrn = configs["A-LRN"](small);

/** The representative kernels: name -> spec under a tile policy. */
const KERNELS: Record<string, Source> = {
  // First layer: 3 input channels (K = 27), bias + ReLU epilogue.
  conv3x3_first: (t) => pick(fwd(E, 2, t), (k) => k.spec.kind === "conv", "first conv"),
  // Full width, 512 -> 512 channels at 14x14 (the last block of E at 224).
  conv3x3_wide: (t) =>
    pick(
      fwd(EFull, 1, t),
      (k) => k.spec.kind === "conv" && k.spec.c === 512 && k.spec.h === 14,
      "512-channel conv at 14x14",
    ),
  conv1x1: (t) => pick(fwd(C, 2, t), (k) => k.spec.kind === "conv" && k.spec.k === 1, "1x1 conv"),
  // Input gradient: the flipped, transposed weight, and the previous ReLU's mask as epilogue.
  conv_flip_mask: (t) =>
    pick(train(E, t), (k) => k.ops.join("+") === "conv2d+relu_grad", "flip conv"),
  conv_grad_weight: (t) =>
    pick(train(E, t), (k) => k.spec.kind === "conv_grad_weight" && k.layer === "features.2", "dW"),
  // Full-width FC-4096 over 25088 inputs at batch 64, bias + ReLU.
  matmul_fc: (t) => pick(fwd(EFull, 64, t), (k) => k.spec.kind === "matmul", "first FC layer"),
  // From the training plan: forward plans on CPU tiles fold most pools into their convs.
  maxpool: (t) => pick(train(E, t), (k) => k.spec.kind === "maxpool", "maxpool"),
  maxpool_grad: (t) => pick(train(E, t), (k) => k.spec.kind === "maxpool_grad", "maxpool_grad"),
  lrn: (t) => pick(fwd(ALrn, 2, t), (k) => k.spec.kind === "lrn", "lrn"),
  softmax: (t) => pick(fwd(E, 2, t), (k) => k.spec.kind === "softmax", "softmax"),
  softmax_xent: (t) => pick(train(E, t), (k) => k.spec.kind === "softmax_xent", "softmax_xent"),
  // The update kernels as TrainStep builds them: weights decayed, biases not.
  sgd_weight: () => ({ kind: "sgd", size: 8 * 3 * 3 * 3, momentum: 0.9, weightDecay: 5e-4 }),
  sgd_bias: () => ({ kind: "sgd", size: 8, momentum: 0.9, weightDecay: 0 }),
};

/** The snapshot text: the spec and launch geometry as comments, then the WGSL itself. */
function render(spec: KernelSpec): string {
  const e = emitKernel(spec);
  return [
    `// spec: ${specKey(spec)}`,
    `// ${e.name}: workgroup size ${e.workgroupSize.join("x")}, ${
      e.workgroups.join("x")
    } workgroups, ` +
    `${e.workgroupStorageBytes} bytes of workgroup memory`,
    `// bindings: ${e.bindings.map((b) => `${b.name}:${b.access}:${b.elemType}`).join(", ")}`,
    e.wgsl.trimEnd(),
    "",
  ].join("\n");
}

for (const [name, source] of Object.entries(KERNELS)) {
  Deno.test(`WGSL of ${name}`, () => {
    const gpu = source(GPU_TILES), cpu = source(CPU_DIRECT);
    const text = render(gpu);
    // Deterministic to the byte within a run, as well as across runs (the snapshot).
    assert.strictEqual(render(source(GPU_TILES)), text);
    if (specKey(gpu) === specKey(cpu)) {
      assertSnapshot(`wgsl/${name}.wgsl`, text);
    } else {
      assertSnapshot(`wgsl/${name}.gpu.wgsl`, text);
      assertSnapshot(`wgsl/${name}.cpu.wgsl`, render(cpu));
    }
  });
}

Deno.test("WGSL of conv_pack (CPU tiles: the input gradient's flipped weight, packed)", () => {
  const spec = pick(
    train(E, CPU_TILES),
    (k) => k.spec.kind === "conv_pack" && k.spec.flip,
    "weight copy of an input gradient",
  );
  assertSnapshot("wgsl/conv_pack_flip.cpu.wgsl", render(spec));
});

Deno.test("WGSL of conv3x3_pool (CPU tiles: conv + bias + ReLU + max-pool, forward plans)", () => {
  const spec = pick(
    fwd(E, 2, CPU_TILES),
    (k) => k.spec.kind === "conv" && !!k.spec.pool && k.spec.c === 8,
    "conv with its pool folded in",
  );
  assertSnapshot("wgsl/conv3x3_pool.cpu.wgsl", render(spec));
  // At batch 64: the untuned rule keeps convs under 8 M multiply-adds direct, and this plan
  // shows the Winograd chains of the others.
  assertSnapshot(
    "plans/e_w8_s32_forward.cpu.txt",
    printPlan(lower(forwardGraph(E, 64), { tiles: CPU_TILES })),
  );
});

Deno.test("the tile-bearing kernels really differ between the two policies", () => {
  // Otherwise the .gpu/.cpu pairs above would silently collapse into one file each.
  for (
    const name of [
      "conv3x3_first",
      "conv3x3_wide",
      "conv1x1",
      "conv_flip_mask",
      "conv_grad_weight",
      "matmul_fc",
    ]
  ) {
    assert.notStrictEqual(
      specKey(KERNELS[name](GPU_TILES)),
      specKey(KERNELS[name](CPU_DIRECT)),
      name,
    );
  }
});

Deno.test("WGSL under --precision f16 (E's training plan): f16 loads and stores, loss-scaled SGD", () => {
  const half = (t: TilePolicy) => {
    const p = applyPrecision(trainGraph(E, 2), "f16");
    return lower(p.graph, { tiles: t, half: p.half });
  };
  const cases: [string, KernelSpec][] = [
    [
      "conv_flip_mask.gpu",
      pick(half(GPU_TILES), (k) => k.ops.join("+") === "conv2d+relu_grad", "flip"),
    ],
    [
      "conv3x3.cpu",
      pick(
        half(CPU_TILES),
        (k) => k.ops.join("+") === "conv2d+bias+relu" && k.layer === "features.2",
        "conv",
      ),
    ],
    [
      "conv_grad_weight.cpu",
      pick(
        half(CPU_TILES),
        (k) => k.spec.kind === "conv_grad_weight" && k.layer === "features.2",
        "dW",
      ),
    ],
    [
      "weight_copy",
      pick(half(GPU_TILES), (k) => k.ops.join() === "half" && k.layer === "features.2", "half"),
    ],
    ["nonfinite", { kind: "nonfinite", size: 8 * 3 * 3 * 3 }],
    ["sgd_weight", {
      kind: "sgd",
      size: 8 * 3 * 3 * 3,
      momentum: 0.9,
      weightDecay: 5e-4,
      lossScale: true,
    }],
  ];
  for (const [name, spec] of cases) assertSnapshot(`wgsl/f16/${name}.wgsl`, render(spec));
});
