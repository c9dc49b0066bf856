// The evaluation loop: test images in chunks, each chunk loaded once per scale, posteriors
// averaged over methods (per scale), scales and models (fusion), then top-1 / top-5 error and
// the confusion matrix.
import { EvalAccumulator, type EvalResult } from "../train/evaluate.ts";
import { scalePosteriors, type TestMode } from "./posteriors.ts";
import type { Scorer } from "./scorer.ts";
import type { TestSource } from "./sources.ts";

export interface EvalRunOptions {
  /** Use only the first `limit` test images. */
  limit?: number;
  /** Images per chunk (loaded together, batched together). Default 32. */
  chunk?: number;
  onChunk?: (done: number, total: number) => void;
}

export interface EvalRun extends EvalResult {
  seconds: number;
  imagesPerS: number;
}

/** Averaged posteriors [n, classes] of images `indices` under every model and scale. */
export async function posteriors(
  source: TestSource,
  scorers: Scorer[],
  mode: TestMode,
  indices: number[],
): Promise<Float32Array> {
  const k = scorers[0].model.classes;
  const total = new Float32Array(indices.length * k);
  for (const q of mode.scales) {
    const images = await Promise.all(indices.map((i) => source.load(i, q)));
    for (const s of scorers) {
      const p = await scalePosteriors(s, images, mode);
      for (let i = 0; i < total.length; i++) total[i] += p[i];
    }
  }
  const parts = mode.scales.length * scorers.length;
  for (let i = 0; i < total.length; i++) total[i] /= parts;
  return total;
}

export async function evaluateSource(
  source: TestSource,
  scorers: Scorer[],
  mode: TestMode,
  opts: EvalRunOptions = {},
): Promise<EvalRun> {
  if (scorers.length === 0) throw new Error("evaluate: no model");
  const k = scorers[0].model.classes;
  if (scorers.some((s) => s.model.classes !== k)) throw new Error("fused models differ in classes");
  const n = Math.min(source.count, opts.limit ?? source.count), chunk = opts.chunk ?? 32;
  const acc = new EvalAccumulator(k);
  const t0 = performance.now();
  for (let start = 0; start < n; start += chunk) {
    const idx = Array.from({ length: Math.min(chunk, n - start) }, (_, j) => start + j);
    const p = await posteriors(source, scorers, mode, idx);
    acc.add(p, source.labels.subarray(start, start + idx.length), idx.length, false);
    opts.onChunk?.(start + idx.length, n);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { ...acc.result(), seconds, imagesPerS: n / seconds };
}

export interface ClassSummary {
  class: number;
  name: string;
  count: number;
  /** Fraction of this class's images not predicted as it (top-1). */
  error: number;
  /** The wrong class predicted most often, or null when none was. */
  mostConfused: { class: number; name: string; count: number } | null;
}

/** For each class: its top-1 error rate and the class it is most often mistaken for. */
export function confusionSummary(confusion: number[][], names: string[]): ClassSummary[] {
  return confusion.map((row, c) => {
    const count = row.reduce((a, b) => a + b, 0);
    let best = -1;
    row.forEach((v, j) => {
      if (j !== c && v > 0 && (best < 0 || v > row[best])) best = j;
    });
    return {
      class: c,
      name: names[c] ?? `class ${c}`,
      count,
      error: count ? 1 - row[c] / count : 0,
      mostConfused: best < 0
        ? null
        : { class: best, name: names[best] ?? `class ${best}`, count: row[best] },
    };
  });
}
