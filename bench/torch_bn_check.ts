// This project's side of the batch-norm cross-check against PyTorch (bench/torch_bn_check.py
// writes the file: torchvision-named weights, a batch, PyTorch's evaluation logits, training
// loss and gradients, and running statistics after that training forward). Runs the same net
// on the same file through the reference interpreter and the GPU (the forward runner with BN
// folded into the convs; the training step) and prints each tensor's error relative to its
// largest |value|; exits 1 when any exceeds 1e-4. A development check: the test suite runs the
// reference half on a committed fixture (tests/batchnorm_torch.test.ts) and needs no torch.
//
//   deno run -A bench/torch_bn_check.ts NET [variant flags] FILE.safetensors [--cpu-only]
import { evaluate } from "../compiler/interpret.ts";
import { readSafetensors, type Tensor } from "../data/safetensors.ts";
import { forwardGraph, type Model, type Params, trainGraph } from "../dsl/mod.ts";
import { relError } from "../runtime/agreement.ts";
import { paramsFromTensors } from "../train/weights.ts";

/** What PyTorch computed (bench/torch_bn_check.py). */
export interface TorchRun {
  params: Params;
  x: Float32Array;
  labels: Int32Array;
  logits: Float32Array;
  loss: number;
  grads: Map<string, Float32Array>;
  running: Map<string, Float32Array>;
}

export async function readTorchRun(m: Model, path: string): Promise<TorchRun> {
  const { tensors } = await readSafetensors(path);
  const sub = (prefix: string) =>
    new Map(
      [...tensors].filter(([k]) => k.startsWith(prefix)).map((
        [k, t],
      ) => [k.slice(prefix.length), t]),
    );
  const floats = (t: Tensor | undefined, what: string) => {
    if (!t) throw new Error(`${path}: no tensor ${what}`);
    return Float32Array.from(t.data as ArrayLike<number>);
  };
  return {
    params: paramsFromTensors(m, sub("param."), path),
    x: floats(tensors.get("x"), "x"),
    labels: Int32Array.from(tensors.get("labels")!.data as ArrayLike<number>),
    logits: floats(tensors.get("logits"), "logits"),
    loss: floats(tensors.get("loss"), "loss")[0],
    grads: new Map([...sub("grad.")].map(([k, t]) => [k, floats(t, k)])),
    running: new Map([...sub("running.")].map(([k, t]) => [k, floats(t, k)])),
  };
}

/** One compared tensor: its error relative to PyTorch's largest |value|. */
export interface Comparison {
  what: string;
  error: number;
}

/** A conv's bias right before BN has no effect on the loss: its gradient is 0 up to rounding
 *  in both frameworks, which no relative error can judge. Compared as absolute values. */
const beforeBn = (m: Model, name: string) => {
  const i = m.params.findIndex((p) => p.name === name);
  return m.params[i]?.role === "bias" && m.params[i + 1]?.role === "scale";
};

function compareAll(
  m: Model,
  t: TorchRun,
  got: {
    logits: ArrayLike<number>;
    loss: number;
    grads: Map<string, ArrayLike<number>>;
    running: Map<string, ArrayLike<number>>;
  },
  where: string,
): Comparison[] {
  const out: Comparison[] = [
    { what: `${where} eval logits`, error: relError(got.logits, t.logits) },
    { what: `${where} train loss`, error: Math.abs(got.loss - t.loss) / Math.abs(t.loss) },
  ];
  for (const [name, want] of t.grads) {
    const g = got.grads.get(name);
    if (!g) throw new Error(`${where}: no gradient for ${name}`);
    const error = beforeBn(m, name)
      ? Math.max(...Array.from(g, Math.abs), ...Array.from(want, Math.abs))
      : relError(g, want);
    out.push({ what: `${where} grad ${name}${beforeBn(m, name) ? " (|g|, ~0)" : ""}`, error });
  }
  for (const [name, want] of t.running) {
    const r = got.running.get(name);
    if (!r) throw new Error(`${where}: no running statistic ${name}`);
    out.push({ what: `${where} running ${name}`, error: relError(r, want) });
  }
  return out;
}

/** The reference interpreter (f32) on PyTorch's file. */
export function compareReference(m: Model, t: TorchRun): Comparison[] {
  const n = t.labels.length, fwd = forwardGraph(m, n);
  const logits = evaluate(fwd, { inputs: { x: t.x }, params: t.params })[fwd.outputs.logits].data;
  const g = trainGraph(m, n, { dropout: false });
  const v = evaluate(g, {
    inputs: { x: t.x, labels: t.labels, dloss: Float32Array.of(1) },
    params: t.params,
  });
  const named = (prefix: string) =>
    new Map(
      Object.entries(g.outputs).filter(([k]) => k.startsWith(prefix)).map((
        [k, id],
      ) => [k.slice(prefix.length), v[id].data as Float32Array]),
    );
  return compareAll(m, t, {
    logits: logits as Float32Array,
    loss: v[g.outputs.loss].data[0],
    grads: named("grad:"),
    running: named("running:"),
  }, "reference");
}

/** The GPU: the forward runner (BN folded) and the training step. */
export async function compareGpu(
  m: Model,
  t: TorchRun,
  gpu: { device: GPUDevice; tiles: import("../compiler/lower.ts").TilePolicy },
): Promise<Comparison[]> {
  const { ForwardRunner } = await import("../runtime/forward.ts");
  const { TrainStep } = await import("../runtime/train_step.ts");
  const n = t.labels.length;
  const fr = await ForwardRunner.create(gpu.device, m, n, gpu.tiles);
  const step = await TrainStep.create(gpu.device, m, {
    batch: n,
    dropout: false,
    tiles: gpu.tiles,
  });
  try {
    fr.setParams(t.params);
    step.setParams(t.params);
    const logits = await fr.logits(t.x);
    const r = await step.step([{ x: t.x, y: t.labels }], 0, 1, { update: false });
    const after = await step.getParams();
    return compareAll(m, t, {
      logits,
      loss: r.loss,
      grads: await step.getGrads(),
      running: new Map([...t.running.keys()].map((k) => [k, after.get(k)!])),
    }, "gpu");
  } finally {
    fr.destroy();
    step.destroy();
  }
}

export const TOLERANCE = 1e-4;

if (import.meta.main) {
  const { loadNet, main, parse, UsageError, variantOf, variantOptions } = await import(
    "../cli/common.ts"
  );
  await main(async () => {
    const { values: v, positionals } = parse(Deno.args, {
      ...variantOptions,
      "cpu-only": { type: "boolean" },
    });
    const [net, file] = positionals;
    if (!file) throw new UsageError("usage: torch_bn_check.ts NET [variant flags] FILE");
    const m = await loadNet(net, variantOf(v));
    const t = await readTorchRun(m, file);
    const rows = compareReference(m, t);
    if (!v["cpu-only"]) {
      const { openGpu } = await import("../cli/gpu.ts");
      rows.push(...await compareGpu(m, t, await openGpu()));
    }
    for (const r of rows) {
      const bad = !(r.error <= TOLERANCE);
      console.log(`${bad ? "FAIL" : "ok  "} ${r.error.toExponential(2)}  ${r.what}`);
    }
    const worst = rows.reduce((a, b) => (b.error > a.error ? b : a));
    console.log(
      `${m.name}: ${rows.length} tensors compared; worst ${worst.error.toExponential(2)} ` +
        `(${worst.what})`,
    );
    if (rows.some((r) => !(r.error <= TOLERANCE))) Deno.exit(1);
  });
}
