// A run directory's metrics.jsonl (and config.json, when given) as the training report, in the
// browser: the page renders data/report.ts's own HTML, so the curves are report.html's.
import { DataError } from "../data/errors.ts";
import { type MetricRow, parseMetricsJsonl, renderReport } from "../data/report.ts";

export { parseMetricsJsonl };

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
