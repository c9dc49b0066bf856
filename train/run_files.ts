// A training run's outputs besides the checkpoint: metrics.jsonl (one row per epoch) and the HTML
// report drawn from it, both written atomically.
import { basename, join } from "node:path";
import { atomicWriteText } from "../data/atomic.ts";
import { type MetricRow, readMetricsJsonl, renderReport } from "../data/report.ts";
import type { RunContext, TrainConfig } from "./loop.ts";

/** The rows written so far (none when the file is missing or unreadable). */
export async function readMetrics(path: string): Promise<MetricRow[]> {
  try {
    return await readMetricsJsonl(path);
  } catch {
    return [];
  }
}

/** Writes metrics.jsonl and report.html into the run directory. */
export async function writeMetrics(
  ctx: RunContext,
  cfg: TrainConfig,
  rows: MetricRow[],
): Promise<void> {
  await atomicWriteText(
    join(ctx.out, "metrics.jsonl"),
    rows.map((r) => JSON.stringify(r)).join("\n") + "\n",
  );
  const last = rows[rows.length - 1];
  const html = renderReport({
    title: `Training ${ctx.model.name} (${basename(cfg.net)})`,
    config: { ...cfg, adapter: ctx.adapter, data: ctx.dataDescription },
    epochs: rows,
    throughput: last
      ? { images_per_s: Number(last.images_per_s.toFixed(1)), adapter: ctx.adapter }
      : undefined,
    notes: [ctx.dataDescription, `adapter: ${ctx.adapter}`, ...(ctx.notes ?? [])],
    generatedAt: new Date().toISOString(),
  });
  await atomicWriteText(join(ctx.out, "report.html"), html);
}
