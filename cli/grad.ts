// deno task grad NET [--weights FILE | --seed N] --input x.safetensors --labels y.safetensors
//   --out g.safetensors [variant flags]
// One batch through the compiled training step (training mode: batch norm on the batch's
// statistics) with dropout off and no update: writes the loss (tensor `loss`) and every trained
// parameter's gradient under its torchvision name, so the compiler can be checked against
// another framework.
import { readSafetensors, writeSafetensors } from "../data/safetensors.ts";
import { init } from "../dsl/mod.ts";
import { TrainStep } from "../runtime/train_step.ts";
import { loadWeights } from "../train/weights.ts";
import { intFlag, loadNet, main, parse, UsageError, variantOf, variantOptions } from "./common.ts";
import { openGpu } from "./gpu.ts";

async function onlyTensor(path: string, name: string) {
  const { tensors } = await readSafetensors(path);
  const t = tensors.get(name) ?? (tensors.size === 1 ? [...tensors.values()][0] : undefined);
  if (!t) {
    throw new UsageError(
      `${path} has no tensor '${name}' (it has ${[...tensors.keys()].join(", ")})`,
    );
  }
  return t;
}

await main(async () => {
  const { values: v, positionals } = parse(Deno.args, {
    ...variantOptions,
    weights: { type: "string" },
    seed: { type: "string" },
    input: { type: "string" },
    labels: { type: "string" },
    out: { type: "string" },
  });
  if (!v.input || !v.labels || !v.out) {
    throw new UsageError("grad needs --input, --labels and --out");
  }
  const m = await loadNet(positionals[0], variantOf(v));
  const x = await onlyTensor(v.input, "input");
  const per = m.input.reduce((a, b) => a * b, 1);
  if (x.shape.length !== 4 || x.shape.slice(1).join(",") !== m.input.join(",")) {
    throw new UsageError(`--input tensor is [${x.shape}], the net takes [N,${m.input}] (NCHW)`);
  }
  const n = x.shape[0];
  const lt = await onlyTensor(v.labels, "labels");
  if (lt.data.length !== n) {
    throw new UsageError(`--labels has ${lt.data.length} values for ${n} images`);
  }
  const y = Int32Array.from(lt.data, (l) => {
    if (!Number.isInteger(l) || l < 0 || l >= m.classes) {
      throw new UsageError(`label ${l} is not a class of 0..${m.classes - 1}`);
    }
    return l;
  });
  const params = v.weights ? await loadWeights(m, v.weights) : init(m, intFlag(v.seed, "seed", 0)!);
  const gpu = await openGpu();
  const step = await TrainStep.create(gpu.device, m, {
    batch: n,
    dropout: false,
    tiles: gpu.tiles,
  });
  step.setParams(params);
  const r = await step.step([{ x: x.data as Float32Array, y }], 0, 0, { update: false });
  const grads = await step.getGrads();
  const tensors = new Map<string, { shape: number[]; data: Float32Array }>();
  tensors.set("loss", { shape: [], data: new Float32Array([r.loss]) });
  // Trained parameters only: running statistics (batch norm) take no gradient.
  const trained = m.params.filter((p) => grads.has(p.name));
  for (const p of trained) tensors.set(p.name, { shape: p.shape, data: grads.get(p.name)! });
  await writeSafetensors(v.out, tensors, {
    net: m.name,
    batch: String(n),
    per_image_values: String(per),
  });
  console.log(`loss ${r.loss} over ${n} images; ${trained.length} gradients written to ${v.out}`);
  step.destroy();
});
