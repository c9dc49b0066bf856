// deno task predict NET [--weights FILE] (--input x.safetensors | IMAGE...) [flags]: the forward
// pass on given inputs, printing the top-5 classes with their probabilities per image (--json:
// one object with `logits` and `probabilities`, an array per image).
import { DataError } from "../data/errors.ts";
import { readSafetensors } from "../data/safetensors.ts";
import { applyReference, init, type Model, type Params } from "../dsl/mod.ts";
import { imageInput } from "../eval/image_input.ts";
import { classNames, topK } from "../eval/labels.ts";
import type { Preprocess } from "../eval/sources.ts";
import { paramsOf, readWeightFiles, widthOf } from "../eval/weights.ts";
import { softmaxRows } from "../train/evaluate.ts";
import { intFlag, loadNet, main, parse, UsageError, variantOf, variantOptions } from "./common.ts";

const HELP =
  `usage: deno task predict NET [--weights FILE | --seed N] (--input x.safetensors | IMAGE...)
       [--json] [--top N] [--cpu] [--preprocess paper|torchvision] [--mean R,G,B]
       [--width N] [--size N] [--classes N] [--channels N]
--input: a safetensors file whose tensor 'input' is f32 NCHW (or CHW) of the net's input shape.
IMAGE: PNG/JPEG, rescaled (smaller side = the net's input side), centre-cropped, normalised
(paper: minus the mean RGB, default the one saved with the weights, else ImageNet's;
torchvision: torchvision's; 1-channel nets: grey with Fashion-MNIST's normalisation). Class
names: those saved with the weights (training saves its dataset's), else guessed from the net.
Without --weights the weights are Glorot-initialised from --seed (default 1).`;

const options = {
  ...variantOptions,
  weights: { type: "string" },
  input: { type: "string" },
  seed: { type: "string" },
  json: { type: "boolean" },
  top: { type: "string" },
  cpu: { type: "boolean" },
  preprocess: { type: "string" },
  mean: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** The `input` tensor of a safetensors file, checked against the net's input shape. */
async function tensorInput(path: string, m: Model): Promise<{ x: Float32Array; n: number }> {
  const { tensors } = await readSafetensors(path);
  const t = tensors.get("input");
  if (!t) {
    throw new DataError(
      `${path}: no tensor 'input' (has ${[...tensors.keys()].join(", ") || "none"})`,
    );
  }
  if (!(t.data instanceof Float32Array)) {
    throw new DataError(`${path}: 'input' is ${t.dtype}, not float`);
  }
  const shape = t.shape.length === 3 ? [1, ...t.shape] : t.shape;
  if (shape.length !== 4 || shape.slice(1).join(",") !== m.input.join(",")) {
    throw new DataError(
      `${path}: 'input' has shape [${t.shape}], net ${m.name} takes [N,${m.input.join(",")}]`,
    );
  }
  return { x: t.data, n: shape[0] };
}

async function forward(m: Model, params: Params, x: Float32Array, n: number, cpu: boolean) {
  if (cpu) return { logits: applyReference(m, params, x), adapter: "reference interpreter (CPU)" };
  const { openGpu } = await import("./gpu.ts");
  const { ForwardRunner } = await import("../runtime/forward.ts");
  const gpu = await openGpu();
  const runner = await ForwardRunner.create(gpu.device, m, Math.min(n, 16), gpu.tiles);
  try {
    runner.setParams(params);
    return { logits: await runner.logitsAll(x), adapter: gpu.description };
  } finally {
    runner.destroy();
  }
}

await main(async () => {
  const { values: v, positionals } = parse(Deno.args, options);
  if (v.help) return console.log(HELP);
  const [netPath, ...images] = positionals;
  if (!netPath) throw new UsageError(`missing NET\n${HELP}`);
  if (!v.input && images.length === 0) throw new UsageError(`give --input FILE or images\n${HELP}`);
  if (v.input && images.length) throw new UsageError("give --input or images, not both");
  if (v.weights && v.seed) {
    throw new UsageError("--seed initialises weights; it conflicts with --weights");
  }
  const preprocess = (v.preprocess ?? "paper") as Preprocess;
  if (preprocess !== "paper" && preprocess !== "torchvision") {
    throw new UsageError(`--preprocess must be paper or torchvision, got '${v.preprocess}'`);
  }
  const file = v.weights ? (await readWeightFiles([v.weights]))[0] : undefined;
  // A net trained on an image folder saved that folder's mean RGB with its weights.
  const meanText = v.mean ?? file?.metadata.mean_rgb?.replace(/[[\]\s]/g, "");
  const meanRgb = meanText?.split(",").map(Number);
  if (meanRgb && (meanRgb.length !== 3 || meanRgb.some((x) => !Number.isFinite(x)))) {
    throw new UsageError(`--mean must be three numbers R,G,B, got '${meanText}'`);
  }
  const variant = variantOf(v);
  const m = await loadNet(netPath, { ...variant, width: variant.width ?? (file && widthOf(file)) });
  const seed = intFlag(v.seed, "seed", 1)!;
  const params = file ? paramsOf(m, file) : init(m, seed, "glorot");

  let x: Float32Array, n: number, names: string[];
  if (v.input) {
    ({ x, n } = await tensorInput(v.input, m));
    names = Array.from({ length: n }, (_, i) => `${v.input}[${i}]`);
  } else {
    const per = m.input.reduce((a, b) => a * b, 1);
    n = images.length;
    x = new Float32Array(n * per);
    for (const [i, path] of images.entries()) {
      x.set(await imageInput(path, m, { preprocess, meanRgb }), i * per);
    }
    names = images;
  }
  const { logits, adapter } = await forward(m, params, x, n, !!v.cpu);
  const k = m.classes, probs = softmaxRows(logits, k), labels = classNames(m, file?.metadata);
  const rows = (a: Float32Array) =>
    Array.from({ length: n }, (_, i) => Array.from(a.subarray(i * k, (i + 1) * k)));
  const top = Array.from(
    { length: n },
    (_, i) =>
      topK(probs.subarray(i * k, (i + 1) * k), Math.min(intFlag(v.top, "top", 5)!, k))
        .map((t) => ({ ...t, label: labels[t.class] })),
  );
  if (v.json) {
    console.log(JSON.stringify({
      net: m.name,
      weights: v.weights ?? null,
      seed: v.weights ? null : seed,
      adapter,
      inputs: names,
      logits: rows(logits),
      probabilities: rows(probs),
      top,
    }));
    return;
  }
  console.log(
    `net ${m.name}; weights: ${v.weights ?? `Glorot init, seed ${seed}`}; adapter: ${adapter}`,
  );
  names.forEach((name, i) => {
    console.log(`\n${name}:`);
    for (const t of top[i]) {
      console.log(`  ${(100 * t.probability).toFixed(2).padStart(6)}%  ${t.label} (${t.class})`);
    }
  });
});
