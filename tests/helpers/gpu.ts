// Shared pieces of the whole-network GPU tests (tests/gpu_*.test.ts) and the plan tests
// (tests/plan_*.test.ts): the one device of the process, the nets under test, seeded data and
// parameters, the reference interpreter's outputs, and the tile policies the plan tests pin.
import { AssertionError } from "node:assert";
import { type Gpu, openGpu } from "../../cli/gpu.ts";
import { evaluate } from "../../compiler/interpret.ts";
import type { TilePolicy } from "../../compiler/lower.ts";
import { adapterTraits, tilePolicy } from "../../compiler/kernels/tiles.ts";
import {
  branch,
  conv1,
  conv3,
  dropout,
  fc,
  forwardGraph,
  init,
  lrn,
  type Model,
  model,
  type Params,
  pool,
  relu,
  residual,
  seq,
  softmax,
  trainGraph,
} from "../../dsl/mod.ts";
import { configs } from "../../nets/mod.ts";
import { variant as tinyResnet } from "../../examples/tiny_resnet.ts";
import { rand } from "../kernel_reference.ts";
import { relError } from "../../runtime/agreement.ts";
import { type TrainOptions, TrainStep } from "../../runtime/train_step.ts";

export { rand, relError };

let opened: Promise<Gpu> | undefined;
/** The process's GPU (one device shared by every test of the file). */
export function gpu(): Promise<Gpu> {
  opened ??= openGpu();
  return opened;
}

/** A fixed adapter class for plans that must not depend on the machine running the test. */
const LIMITS = { maxComputeWorkgroupStorageSize: 32768, maxComputeInvocationsPerWorkgroup: 256 };
export const GPU_TILES: TilePolicy = tilePolicy(
  adapterTraits({ isFallbackAdapter: false }, LIMITS),
);
export const CPU_TILES: TilePolicy = tilePolicy(adapterTraits({ isFallbackAdapter: true }, LIMITS));

/** The six Table 1 nets at width 8, 32x32, 10 classes, and the tutorial's tiny ResNet. */
export function smallNets(): Model[] {
  return [
    ...Object.values(configs).map((f) => f({ width: 8, size: 32, classes: 10 })),
    tinyResnet(),
  ];
}

/** Initial parameters with every bias set to small non-zero values: zero biases (the real
 *  initialisation) would hide a bias read from the wrong channel. */
export function paramsWithBiases(m: Model, seed: number): Params {
  const p = init(m, seed);
  let s = seed * 1000;
  for (const [name, v] of p) {
    if (name.endsWith(".bias")) v.set(rand(v.length, s++).map((x) => 0.1 * x));
  }
  return p;
}

export const perImage = (m: Model): number => m.input.reduce((a, b) => a * b, 1);

/** A seeded batch: images uniform in [-1, 1), labels uniform over the classes. */
export function batchOf(m: Model, batch: number, seed: number): { x: Float32Array; y: Int32Array } {
  const x = rand(batch * perImage(m), seed);
  const y = Int32Array.from(rand(batch, seed + 1), (v) => Math.floor((v + 1) / 2 * m.classes));
  return { x, y };
}

/** The reference interpreter's forward: logits and, when the net ends in soft-max, probs. */
export function referenceForward(m: Model, p: Params, x: Float32Array, batch: number) {
  const g = forwardGraph(m, batch);
  const vals = evaluate(g, { inputs: { x }, params: p });
  const probs = "probs" in g.outputs ? vals[g.outputs.probs].data as Float32Array : undefined;
  return { logits: vals[g.outputs.logits].data as Float32Array, probs };
}

/** The reference interpreter's training step: loss and the gradient of every parameter.
 *  `seed` is the dropout seed and `first` the batch's first sample in the global batch (the
 *  graph's u32[2] `seed` input); no seed means dropout off. */
export function referenceGrads(
  m: Model,
  p: Params,
  b: { x: Float32Array; y: Int32Array },
  opts: { seed?: number; first?: number; dloss?: number } = {},
): { loss: number; grads: Params } {
  const dropout = opts.seed !== undefined;
  const g = trainGraph(m, b.y.length, { dropout });
  const inputs: Record<string, Float32Array | Int32Array | Uint32Array> = {
    x: b.x,
    labels: b.y,
    dloss: new Float32Array([opts.dloss ?? 1]),
  };
  if (dropout) inputs.seed = new Uint32Array([opts.seed! >>> 0, opts.first ?? 0]);
  const vals = evaluate(g, { inputs, params: p });
  const grads: Params = new Map();
  for (const q of m.params) {
    grads.set(q.name, vals[g.outputs[`grad:${q.name}`]].data as Float32Array);
  }
  return { loss: vals[g.outputs.loss].data[0], grads };
}

/** Every tensor of `got` within `tol` of `want` (relError), naming the worst on failure. */
export function assertParamsClose(got: Params, want: Params, tol: number, what: string): void {
  if (got.size !== want.size) {
    throw new AssertionError({ message: `${what}: ${got.size} tensors, want ${want.size}` });
  }
  let worst = 0, at = "";
  for (const [name, w] of want) {
    const g = got.get(name);
    const e = g ? relError(g, w) : Infinity;
    if (!(e <= worst)) [worst, at] = [e, name];
  }
  if (!(worst <= tol)) {
    throw new AssertionError({
      message: `${what}: ${at} has relative error ${worst.toExponential(2)} > ${tol}`,
    });
  }
}

/** Small models, each aimed at one kernel kind or fusion on odd shapes. */
export const oddModels = (): Model[] => [
  // conv 3x3 with bias+relu epilogue, 5 -> 13 -> 3 channels; pool on an odd side (7 -> 3).
  model("conv3-odd", seq(conv3(13), relu, conv3(3), relu, pool, fc(7)), [5, 7, 7]),
  // conv 1x1, 3 -> 13 -> 5 channels, on 6x6.
  model("conv1", seq(conv1(13), relu, conv1(5), relu, fc(3)), [3, 6, 6]),
  // A relu after a pool finds no conv to fold into: a standalone elementwise kernel.
  model("relu-alone", seq(conv3(5), pool, relu, conv3(13), pool, fc(5)), [3, 10, 10]),
  // LRN over 13 channels (the 5-wide window clipped at both ends); a large alpha so that the
  // neighbours matter (the paper's 1e-4 makes LRN almost a constant scale).
  model("lrn", seq(conv3(13), relu, lrn({ alpha: 0.5 }), pool, fc(10), softmax), [3, 10, 10]),
  // Residual whose add folds into the body's last conv, then a ReLU on the sum.
  model(
    "residual-conv",
    seq(conv3(5), relu, residual(conv3(5), relu, conv3(5)), relu, fc(3)),
    [3, 6, 6],
  ),
  // Residual around an LRN: x has two users and the LRN is no epilogue host, so the add is a
  // standalone elementwise kernel.
  model("residual-alone", seq(conv3(13), relu, residual(lrn({ alpha: 0.5 })), fc(4)), [5, 6, 6]),
  // Branches concatenated along channels (copy_channels): 3 + 5 + 13 channels.
  model(
    "branch",
    seq(branch(seq(conv1(3), relu), seq(conv3(5), relu), seq(conv3(13), relu)), conv3(5), fc(10)),
    [3, 10, 10],
  ),
  // FC layers alone on a 3x5x5 input: 75 -> 13 -> 5, dropout (absent in eval), soft-max.
  model("fc", seq(fc(13), relu, dropout(0.5), fc(5), softmax), [3, 5, 5]),
  // Wide enough for the GPU policy's 128x128 workgroup tiles (130 and 129 channels: a partial
  // last block) and split K on the FC layers; the small nets above never reach them.
  model("wide", seq(conv3(130), relu, conv3(129), relu, pool, fc(300), relu, fc(10)), [5, 12, 12]),
];

/** Gradient tolerance of the GPU training-step tests: max|gpu - ref| / max|ref| <= 1e-4 per
 *  parameter tensor. The backward pass sums f32 products over batch x pixels in an order of its
 *  own (split K, tiles); measured differences are ~2e-6 on these nets, and a wrong index, mask or
 *  missing term errs by O(1) of the tensor's scale. */
export const GRAD_TOL = 1e-4;

/** A compiled training step on the process's device (its adapter's tiles unless given). */
export async function trainStepOf(
  m: Model,
  opts: Omit<TrainOptions, "tiles"> & { tiles?: TilePolicy },
): Promise<TrainStep> {
  const { device, tiles } = await gpu();
  return await TrainStep.create(device, m, { tiles, ...opts });
}

/** Sum of a * (each map) elementwise, in f64, for reference gradients over micro-batches. */
export function combine(maps: Params[], a: number): Params {
  const out: Params = new Map();
  for (const [name, v] of maps[0]) {
    out.set(
      name,
      Float32Array.from(v, (_, i) => a * maps.reduce((s, m) => s + m.get(name)![i], 0)),
    );
  }
  return out;
}
