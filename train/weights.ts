// Weight files: safetensors with torchvision's VGG names (features.N.weight, classifier.N.bias,
// features.N.running_mean, ...) and PyTorch's layouts (conv OIHW, linear [out, in]), which is
// exactly how the DSL names and lays out parameters, so files move between this project and
// PyTorch unchanged.
import { DataError } from "../data/errors.ts";
import {
  readSafetensors,
  type Tensor,
  type TensorInput,
  writeSafetensors,
} from "../data/safetensors.ts";
import type { Model, ParamInfo, Params } from "../dsl/mod.ts";

/** A parameter as its file stores it: f32, except batch norm's num_batches_tracked, an int64
 *  counter in PyTorch's state dicts (kept as f32 here: exact below 2^24 forwards). */
export function paramTensor(p: ParamInfo, data: Float32Array): TensorInput {
  if (p.role === "batch_count") {
    return { shape: p.shape, data: Int32Array.from(data, Math.round), dtype: "I64" };
  }
  return { shape: p.shape, data };
}

export async function saveWeights(
  m: Model,
  params: Params,
  path: string,
  metadata: Record<string, string> = {},
): Promise<void> {
  const tensors = new Map<string, TensorInput>();
  for (const p of m.params) tensors.set(p.name, paramTensor(p, params.get(p.name)!));
  await writeSafetensors(path, tensors, { format: "pt", net: m.name, ...metadata });
}

/** Checks names and shapes against the model; lists every missing, extra or mis-shaped tensor. */
export function paramsFromTensors(m: Model, tensors: Map<string, Tensor>, file: string): Params {
  const problems: string[] = [];
  const out: Params = new Map();
  for (const p of m.params) {
    const t = tensors.get(p.name);
    if (!t) {
      problems.push(`missing ${p.name} [${p.shape}]`);
      continue;
    }
    if (t.shape.join(",") !== p.shape.join(",")) {
      problems.push(`${p.name} has shape [${t.shape}], the net needs [${p.shape}]`);
      continue;
    }
    if (p.role === "batch_count" && t.data instanceof Int32Array) {
      out.set(p.name, Float32Array.from(t.data));
      continue;
    }
    if (!(t.data instanceof Float32Array)) {
      problems.push(`${p.name} is ${t.dtype}, expected a float tensor`);
      continue;
    }
    out.set(p.name, t.data);
  }
  const known = new Set(m.params.map((p) => p.name));
  // A training checkpoint also holds optimizer state: not weights, not an error.
  const extra = [...tensors.keys()].filter((k) => !known.has(k) && !k.startsWith("optimizer."));
  if (extra.length) {
    problems.push(`unexpected ${extra.slice(0, 8).join(", ")}${extra.length > 8 ? ", ..." : ""}`);
  }
  if (problems.length) {
    throw new DataError(`${file} does not fit net ${m.name}: ${problems.slice(0, 12).join("; ")}`);
  }
  return out;
}

export async function loadWeights(m: Model, path: string): Promise<Params> {
  const { tensors } = await readSafetensors(path);
  return paramsFromTensors(m, tensors, path);
}
