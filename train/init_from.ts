// The paper's initialisation of deeper nets (section 3.1): the first four conv layers and the
// three FC layers come from a trained config A, the rest stays random. A's first four convs
// are stage 1 conv 1, stage 2 conv 1, stage 3 convs 1 and 2; each is copied to the conv at the
// same (stage, index within stage) of the deeper net, where the shapes agree by construction.
import { DataError } from "../data/errors.ts";
import { readSafetensors, type Tensor } from "../data/safetensors.ts";
import type { Model, Params } from "../dsl/mod.ts";

/** (stage, index within stage) of every conv layer, by its parameter prefix: a pooling layer
 *  ends a stage (its layer kind says so, whatever its name). */
export function convPositions(m: Model): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  let stage = 0, idx = 0;
  for (const row of m.table) {
    if (row.endsStage) {
      stage++;
      idx = 0;
    } else if (row.kind === "conv") out.set(row.name, [stage, idx++]);
  }
  return out;
}

export interface InitFromResult {
  copied: string[];
  params: Params;
}

/**
 * `--init-from FILE`, the paper's two uses of a trained net. A file with every parameter of this
 * net, shapes equal (the same net trained at another scale: S = 384 starts from S = 256, the
 * multi-scale nets from S = 384, section 3.1), gives all of them; any other file is taken as a
 * trained config A, whose first four convs and three FC layers are copied (initFromA).
 */
export async function initFrom(m: Model, params: Params, path: string): Promise<InitFromResult> {
  const { tensors } = await readSafetensors(path);
  const same = m.params.every((p) => {
    const t = tensors.get(p.name);
    // Float32, or batch norm's int64 num_batches_tracked (read as Int32Array).
    const numeric = t?.data instanceof Float32Array || t?.data instanceof Int32Array;
    return numeric && t!.shape.join(",") === p.shape.join(",");
  });
  if (!same) return initFromA(m, params, path, tensors);
  for (const p of m.params) params.set(p.name, Float32Array.from(tensors.get(p.name)!.data));
  return { copied: m.params.map((p) => p.name), params };
}

/** Copies into `params` (in place) the paper's layers of the A checkpoint at `path`. */
export async function initFromA(
  m: Model,
  params: Params,
  path: string,
  read?: Map<string, Tensor>,
): Promise<InitFromResult> {
  const tensors = read ?? (await readSafetensors(path)).tensors;
  // Conv weights are the rank-4 `features.N.weight` tensors (a batch norm's weight is rank 1).
  const isConv = (k: string) =>
    /^features\.\d+\.weight$/.test(k) && tensors.get(k)!.shape.length === 4;
  const sources = [...new Set([...tensors.keys()].filter(isConv))]
    .map((k) => k.replace(/\.weight$/, ""))
    .sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]));
  if (sources.length < 4) {
    throw new DataError(`${path}: fewer than four conv layers (features.N.weight)`);
  }
  // A's stage structure is known: conv, pool, conv, pool, conv, conv, pool, ... so the first
  // four convs sit at (0,0), (1,0), (2,0), (2,1).
  const aPositions: [number, number][] = [[0, 0], [1, 0], [2, 0], [2, 1]];
  const targets = convPositions(m);
  const pairs: [string, string][] = [];
  sources.slice(0, 4).forEach((src, i) => {
    const [s, j] = aPositions[i];
    const dst = [...targets].find(([, [ts, tj]]) => ts === s && tj === j)?.[0];
    if (dst) pairs.push([src, dst]);
  });
  for (const name of ["classifier.0", "classifier.3", "classifier.6"]) pairs.push([name, name]);
  const copied: string[] = [];
  for (const [src, dst] of pairs) {
    for (const part of ["weight", "bias"]) {
      const t = tensors.get(`${src}.${part}`),
        target = m.params.find((p) => p.name === `${dst}.${part}`);
      if (!t || !target) {
        throw new DataError(`${path}: cannot copy ${src}.${part} to ${dst}.${part} (missing)`);
      }
      if (t.shape.join(",") !== target.shape.join(",")) {
        throw new DataError(
          `${path}: ${src}.${part} is [${t.shape}] but ${dst}.${part} needs [${target.shape}]`,
        );
      }
      params.set(target.name, Float32Array.from(t.data));
      copied.push(src === dst ? target.name : `${src}.${part} -> ${target.name}`);
    }
  }
  return { copied, params };
}
