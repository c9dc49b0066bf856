/**
 * Training report: one self-contained HTML page (inline CSS and SVG, no external assets) with
 * loss, accuracy, learning-rate and throughput charts and tables of the config and the metrics.
 */
import { DataError } from "./errors.ts";
import { readFileBytes } from "./files.ts";
import { escapeXml, lineChart } from "./svg_chart.ts";

/**
 * One line of metrics.jsonl, one per epoch. Accuracies are fractions in [0, 1]. A value that was
 * not measured is NaN (JSON null or absent in the file) and shows as a gap / dash.
 */
export interface MetricRow {
  epoch: number;
  train_loss: number;
  test_loss: number;
  test_accuracy: number;
  test_top5_accuracy: number;
  images_per_s: number;
  lr: number;
  [extra: string]: unknown;
}

export interface ReportInput {
  title: string;
  config: Record<string, unknown>;
  epochs: MetricRow[];
  /** Throughput figures (e.g. images_per_s, ms_per_step, device), shown as a table. */
  throughput?: Record<string, number | string>;
  /** Free-text lines shown under the title (data source, device...). */
  notes?: string[];
  /** Timestamp text; passed in rather than read from the clock so output is reproducible. */
  generatedAt?: string;
}

const STANDARD = [
  "train_loss",
  "test_loss",
  "test_accuracy",
  "test_top5_accuracy",
  "images_per_s",
  "lr",
] as const;

function num(v: unknown): number {
  return typeof v === "number" ? v : NaN;
}

/** Read metrics.jsonl: one JSON object per non-empty line, each with a numeric `epoch`. */
export async function readMetricsJsonl(path: string): Promise<MetricRow[]> {
  return parseMetricsJsonl(new TextDecoder().decode(await readFileBytes(path)), path);
}

/** The same parse on text (the browser page has no file system); `name` is for messages. */
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
    for (const k of STANDARD) row[k] = num(o[k]);
    rows.push(row);
  });
  return rows;
}

function fmt(v: unknown, digits = 4): string {
  if (typeof v === "number") {
    if (!isFinite(v)) return "—";
    if (Number.isInteger(v)) return String(v);
    return Math.abs(v) < 1e-3 ? v.toExponential(2) : String(Number(v.toPrecision(digits)));
  }
  if (v === null || v === undefined) return "—";
  return typeof v === "string" ? v : JSON.stringify(v);
}

function pct(v: number): string {
  return isFinite(v) ? `${(v * 100).toFixed(2)}%` : "—";
}

function table(head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th>${escapeXml(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join("")}</tr>`);
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body.join("\n")}\n</tbody></table>`;
}

function series(rows: MetricRow[], key: string, scale = 1): Array<[number, number]> {
  return rows.map((r) => [r.epoch, num(r[key]) * scale]);
}

/** Log scale for the learning rate when it spans at least a factor of 10 (step decays). */
function lrScale(rows: MetricRow[]): "linear" | "log" {
  const lrs = rows.map((r) => r.lr).filter((v) => isFinite(v));
  if (lrs.length === 0 || lrs.some((v) => v <= 0)) return "linear";
  return Math.max(...lrs) / Math.min(...lrs) >= 10 ? "log" : "linear";
}

function summary(rows: MetricRow[]): string[] {
  const lines: string[] = [];
  const withAcc = rows.filter((r) => isFinite(r.test_accuracy));
  if (withAcc.length > 0) {
    const best = withAcc.reduce((a, b) => (b.test_accuracy > a.test_accuracy ? b : a));
    const last = withAcc[withAcc.length - 1];
    lines.push(
      `Final test accuracy ${pct(last.test_accuracy)} (epoch ${last.epoch}), ` +
        `top-5 ${pct(last.test_top5_accuracy)}.`,
    );
    lines.push(`Best test accuracy ${pct(best.test_accuracy)} at epoch ${best.epoch}.`);
  }
  return lines;
}

export function renderReport(input: ReportInput): string {
  const rows = [...input.epochs].sort((a, b) => a.epoch - b.epoch);
  const charts = [
    lineChart({
      title: "Loss",
      xLabel: "epoch",
      yLabel: "cross-entropy loss",
      series: [
        { name: "train loss", points: series(rows, "train_loss") },
        { name: "test loss", points: series(rows, "test_loss"), dashed: true },
      ],
    }),
    lineChart({
      title: "Test accuracy",
      xLabel: "epoch",
      yLabel: "accuracy (%)",
      yInclude: [100],
      series: [
        { name: "top-1", points: series(rows, "test_accuracy", 100) },
        { name: "top-5", points: series(rows, "test_top5_accuracy", 100), dashed: true },
      ],
    }),
    lineChart({
      title: "Learning rate",
      xLabel: "epoch",
      yLabel: "learning rate",
      yScale: lrScale(rows),
      series: [{ name: "lr", points: series(rows, "lr") }],
    }),
    lineChart({
      title: "Throughput",
      xLabel: "epoch",
      yLabel: "images / s",
      yInclude: [0],
      series: [{ name: "train images/s", points: series(rows, "images_per_s") }],
    }),
  ];

  const extras: string[] = [];
  for (const r of rows) {
    for (const k of Object.keys(r)) {
      if (k !== "epoch" && !(STANDARD as readonly string[]).includes(k) && !extras.includes(k)) {
        extras.push(k);
      }
    }
  }
  const metricsTable = table(
    ["epoch", "train loss", "test loss", "top-1", "top-5", "lr", "images/s", ...extras],
    rows.map((r) => [
      fmt(r.epoch),
      fmt(r.train_loss),
      fmt(r.test_loss),
      pct(r.test_accuracy),
      pct(r.test_top5_accuracy),
      fmt(r.lr),
      fmt(r.images_per_s),
      ...extras.map((k) => fmt(r[k])),
    ]),
  );
  const configTable = table(
    ["setting", "value"],
    Object.entries(input.config).map(([k, v]) => [k, fmt(v, 8)]),
  );
  const throughput = input.throughput && Object.keys(input.throughput).length > 0
    ? `<h2>Throughput</h2>\n${
      table(["measure", "value"], Object.entries(input.throughput).map(([k, v]) => [k, fmt(v)]))
    }`
    : "";
  const notes = [...(input.notes ?? []), ...summary(rows)]
    .map((n) => `<p>${escapeXml(n)}</p>`).join("\n");
  const generated = input.generatedAt
    ? `<p class="muted">Generated ${escapeXml(input.generatedAt)}</p>`
    : "";

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(input.title)}</title>
<style>
body { font-family: sans-serif; margin: 24px auto; max-width: 1340px; color: #222; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
.charts svg { border: 1px solid #ddd; }
table { border-collapse: collapse; margin: 8px 0 24px; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
th { background: #f4f4f4; }
td:first-child, th:first-child { text-align: left; }
.muted { color: #888; font-size: 12px; }
</style>
</head>
<body>
<h1>${escapeXml(input.title)}</h1>
${generated}
${notes}
<h2>Charts</h2>
<div class="charts">
${charts.join("\n")}
</div>
<h2>Per-epoch metrics</h2>
${rows.length > 0 ? metricsTable : "<p>No epochs recorded.</p>"}
${throughput}
<h2>Configuration</h2>
${configTable}
</body>
</html>
`;
}
