// deno task eval NET --weights FILE [FILE...] [flags]: the paper's test-time evaluation (section
// 3.2) of trained weights: single centre crop, dense (fully convolutional) or multi-crop, at one
// or several scales Q, with flips, and model fusion over several weight files. Prints top-1 and
// top-5 error, images/s and a per-class confusion summary (--json: one object).
import type { ImageFolderDataset } from "../data/imagefolder.ts";
import { DataError } from "../data/errors.ts";
import { loadData } from "../data/sources.ts";
import type { Model } from "../dsl/mod.ts";
import type { TestMode } from "../eval/posteriors.ts";
import { confusionSummary, evaluateSource } from "../eval/run.ts";
import { ReferenceScorer, type Scorer } from "../eval/scorer.ts";
import {
  imageFolderSource,
  memorySource,
  type Preprocess,
  type TestSource,
} from "../eval/sources.ts";
import { paramsOf, readWeightFiles, widthOf } from "../eval/weights.ts";
import { intFlag, loadNet, main, parse, UsageError, variantOptions } from "./common.ts";
import { table } from "./format.ts";

const HELP = `usage: deno task eval NET --weights FILE [FILE...] [--data SRC] [--scales Q1,Q2,...]
       [--dense] [--multi-crop] [--flip] [--json] [--limit N] [--batch N] [--cpu]
       [--preprocess paper|torchvision] [--width N] [--size N] [--classes N] [--channels N]
Default: one centre crop at the net's input size from the image rescaled to Q (default: the
net's input side for in-memory data; 256 for 224 crops from image folders). Several weight
files are fused (soft-max posteriors averaged); so are scales, flips, and --dense with
--multi-crop. --preprocess torchvision: inputs normalised as torchvision's published weights
expect (image folders). --cpu: the reference interpreter instead of WebGPU.
SRC: fashion-mnist (default), fashion-mnist:DIR, fashion-mnist-embedded, cifar10:DIR, imagefolder:DIR`;

const options = {
  ...variantOptions,
  weights: { type: "string", multiple: true },
  data: { type: "string" },
  scales: { type: "string" },
  dense: { type: "boolean" },
  "multi-crop": { type: "boolean" },
  flip: { type: "boolean" },
  json: { type: "boolean" },
  limit: { type: "string" },
  batch: { type: "string" },
  cpu: { type: "boolean" },
  preprocess: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function modeText(mode: TestMode, side: number): string {
  const methods = [
    ...(!mode.dense && !mode.multiCrop ? [`centre ${side}x${side} crop`] : []),
    ...(mode.dense ? ["dense (fully convolutional)"] : []),
    ...(mode.multiCrop ? [`multi-crop (${mode.grid ?? 5}x${mode.grid ?? 5} grid x 2 flips)`] : []),
  ];
  return `${methods.join(" + ")}${mode.flip ? " + flips" : ""} at Q=${mode.scales.join(",")}`;
}

await main(async () => {
  const { values: v, positionals } = parse(Deno.args, options);
  if (v.help) return console.log(HELP);
  const netPath = positionals[0];
  if (!netPath) throw new UsageError(`missing NET\n${HELP}`);
  // `--weights a b` (extra positionals) and `--weights a --weights b` both name several files.
  const weightPaths = [...(v.weights ?? []), ...positionals.slice(1)];
  if (weightPaths.length === 0) throw new UsageError(`missing --weights FILE\n${HELP}`);
  const preprocess = (v.preprocess ?? "paper") as Preprocess;
  if (preprocess !== "paper" && preprocess !== "torchvision") {
    throw new UsageError(`--preprocess must be paper or torchvision, got '${v.preprocess}'`);
  }
  const size = intFlag(v.size, "size");
  // Image folders: crops of the net's side from images whose smaller side is Q; the loader's
  // own S and Q (unused here) only need to admit the crop.
  const crop = size ?? 224, folderScale = Math.max(256, crop);
  const loaded = await loadData(v.data ?? "fashion-mnist", {
    size,
    imagefolder: { crop, scale: folderScale, testScale: folderScale },
  });
  const d = loaded.dataset;
  const files = await readWeightFiles(weightPaths);
  const width = intFlag(v.width, "width") ?? widthOf(files[0]);
  const model: Model = await loadNet(netPath, {
    width,
    size: size ?? d.height,
    classes: intFlag(v.classes, "classes") ?? d.classes.length,
    channels: intFlag(v.channels, "channels") ?? d.channels,
  });
  const [c, side] = model.input;
  if (c !== d.channels || model.classes !== d.classes.length) {
    throw new DataError(
      `net ${model.name} takes ${c}-channel inputs and has ${model.classes} classes, but ` +
        `${d.name} has ${d.channels} channels and ${d.classes.length} classes`,
    );
  }
  const params = files.map((f) => paramsOf(model, f));
  const scales = v.scales
    ? v.scales.split(",").map((q) => intFlag(q.trim(), "scales")!)
    : [loaded.kind === "imagefolder" ? Math.round((side * 256) / 224) : side];
  const tooSmall = scales.find((q) => q < side);
  if (tooSmall !== undefined) {
    throw new UsageError(`--scales: Q=${tooSmall} is smaller than the net's input side ${side}`);
  }
  const mode: TestMode = { scales, dense: !!v.dense, multiCrop: !!v["multi-crop"], flip: !!v.flip };
  const source: TestSource = loaded.kind === "imagefolder"
    ? await imageFolderSource(d as ImageFolderDataset, preprocess)
    : memorySource(d);

  let adapter = "reference interpreter (CPU)";
  let scorers: Scorer[];
  if (v.cpu) scorers = params.map((p) => new ReferenceScorer(model, p));
  else {
    // Loaded only here, so --cpu runs without touching WebGPU.
    const { openGpu } = await import("./gpu.ts");
    const { GpuScorer } = await import("../eval/gpu_scorer.ts");
    const gpu = await openGpu();
    adapter = gpu.description;
    const batch = intFlag(v.batch, "batch", gpu.fallback ? 16 : 64)!;
    scorers = params.map((p) => new GpuScorer(gpu, model, p, batch));
  }
  const say = (s: string) => v.json || console.log(s);
  say(`net ${model.name}; data: ${loaded.description}`);
  say(`weights: ${weightPaths.join(", ")}${weightPaths.length > 1 ? " (fused)" : ""}`);
  say(`mode: ${modeText(mode, side)}; adapter: ${adapter}`);
  const progress = !v.json && Deno.stderr.isTerminal();
  const enc = new TextEncoder();
  let r;
  try {
    r = await evaluateSource(source, scorers, mode, {
      limit: intFlag(v.limit, "limit"),
      chunk: mode.multiCrop ? 8 : 32,
      onChunk: progress
        ? (done, total) => Deno.stderr.writeSync(enc.encode(`\revaluated ${done}/${total}`))
        : undefined,
    });
  } finally {
    for (const s of scorers) s.destroy();
  }
  if (progress) Deno.stderr.writeSync(enc.encode("\n"));
  const perClass = confusionSummary(r.confusion, source.classes);
  if (v.json) {
    console.log(JSON.stringify({
      net: model.name,
      weights: weightPaths,
      data: loaded.description,
      adapter,
      mode,
      count: r.count,
      top1Error: 1 - r.top1,
      top5Error: 1 - r.top5,
      loss: r.loss,
      imagesPerS: r.imagesPerS,
      seconds: r.seconds,
      perClass,
    }));
    return;
  }
  const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
  console.log(
    `${r.count} images: top-1 error ${pct(1 - r.top1)}, top-5 error ${pct(1 - r.top5)}, ` +
      `${r.imagesPerS.toFixed(1)} images/s`,
  );
  console.log(`\nper class:\n${
    table(
      ["class", "name", "images", "error", "most confused with"],
      perClass.map((s) => [
        s.class,
        s.name,
        s.count,
        pct(s.error),
        s.mostConfused ? `${s.mostConfused.name} (${s.mostConfused.count})` : "-",
      ]),
    )
  }`);
});
