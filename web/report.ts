// A run directory's metrics.jsonl (and config.json, when given) as the training report, in the
// browser: the page renders data/report.ts's own HTML, so the curves are report.html's.
// data/report.ts reads the file with Deno (readMetricsJsonl); this is the same parse on text.
import { DataError } from "../data/errors.ts";
import { type MetricRow, renderReport } from "../data/report.ts";

/** The numeric columns every row has (NaN when absent or null), as in data/report.ts. */
const STANDARD = [
  "train_loss",
  "test_loss",
  "test_accuracy",
  "test_top5_accuracy",
  "images_per_s",
  "lr",
] as const;

/** One JSON object per non-empty line, each with a numeric `epoch`; `name` is for messages. */
export function parseMetricsJsonl(text: string, name: string): MetricRow[] {
  const rows: MetricRow[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      throw new DataError(`${name}:${i + 1}: not valid JSON`);
    }
    if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
      throw new DataError(`${name}:${i + 1}: expected a JSON object`);
    }
    const o = obj as Record<string, unknown>;
    if (typeof o.epoch !== "number") throw new DataError(`${name}:${i + 1}: missing numeric epoch`);
    const row = { ...o } as MetricRow;
    for (const k of STANDARD) row[k] = typeof o[k] === "number" ? o[k] as number : NaN;
    rows.push(row);
  });
  return rows;
}

/** config.json of a run (an object); anything else is a DataError naming the file. */
export function parseConfig(text: string, name: string): Record<string, unknown> {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    throw new DataError(`${name}: not valid JSON`);
  }
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
    throw new DataError(`${name}: expected a JSON object`);
  }
  return obj as Record<string, unknown>;
}

/** The report page for uploaded files; the title names the net when config.json says it. */
export function runReport(
  rows: MetricRow[],
  config: Record<string, unknown> = {},
  files: string[] = [],
): string {
  const net = typeof config.net === "string" ? ` ${config.net}` : "";
  return renderReport({
    title: `Training${net}`,
    config,
    epochs: rows,
    notes: [`From ${files.join(" and ") || "metrics.jsonl"}, rendered in the browser.`],
  });
}
