// Weight files for evaluation: read once, the width variant guessed from the file (so a net
// trained with a divided width evaluates without repeating --width), then checked against the
// net by train/weights.ts (missing, extra and mis-shaped tensors all listed).
import { readSafetensors, type Safetensors } from "../data/safetensors.ts";
import type { Model, Params } from "../dsl/mod.ts";
import { paramsFromTensors } from "../train/weights.ts";

export interface WeightFile extends Safetensors {
  path: string;
}

export async function readWeightFiles(paths: string[]): Promise<WeightFile[]> {
  return await Promise.all(paths.map(async (path) => ({ path, ...(await readSafetensors(path)) })));
}

/**
 * The width divisor a file was saved with: from its `net` metadata (`A/w8`, as saveWeights
 * writes it), else from the first conv's output channels against the paper's 64. Undefined when
 * neither says.
 */
export function widthOf(f: Safetensors): number | undefined {
  const m = /\/w(\d+)$/.exec(f.metadata.net ?? "");
  if (m) return Number(m[1]);
  if (f.metadata.net !== undefined) return 1;
  const w = f.tensors.get("features.0.weight");
  if (w && w.shape.length === 4 && w.shape[0] <= 64 && 64 % w.shape[0] === 0) {
    return 64 / w.shape[0];
  }
  return undefined;
}

export function paramsOf(m: Model, f: WeightFile): Params {
  return paramsFromTensors(m, f.tensors, f.path);
}
