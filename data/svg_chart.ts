/**
 * Minimal SVG line charts for the training report: pure string building, no DOM, no external
 * assets, so the report is one self-contained HTML file.
 */

export interface Series {
  name: string;
  /** [x, y] pairs; non-finite y (or y <= 0 on a log axis) leaves a gap in the line. */
  points: Array<[number, number]>;
  color?: string;
  dashed?: boolean;
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  width?: number;
  height?: number;
  yScale?: "linear" | "log";
  /** Force the y range to include these values (e.g. 0 and 100 for accuracy in %). */
  yInclude?: number[];
}

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"];

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Round-number ticks (1, 2, 5 x 10^k steps) covering [min, max]. */
export function niceTicks(min: number, max: number, maxTicks = 6): number[] {
  if (!(isFinite(min) && isFinite(max))) return [];
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    min -= pad;
    max += pad;
  }
  const rough = (max - min) / Math.max(1, maxTicks - 1);
  const mag = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= rough) ?? 10 * mag;
  const first = Math.floor(min / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v <= max + step * (1 - 1e-9); v += step) {
    // Snap away float noise like 0.30000000000000004.
    ticks.push(Number((Math.round(v / step) * step).toPrecision(12)));
  }
  return ticks;
}

/** Powers of ten covering [min, max] (both > 0); adds 2x and 5x when that gives few ticks. */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0 && max > 0 && isFinite(min) && isFinite(max))) return [];
  const lo = Math.floor(Math.log10(min) + 1e-9);
  let hi = Math.ceil(Math.log10(max) - 1e-9);
  if (hi === lo) hi++;
  const ticks: number[] = [];
  for (let k = lo; k <= hi; k++) {
    const mults = hi - lo <= 2 ? [1, 2, 5] : [1];
    for (const m of mults) {
      const v = Number((m * 10 ** k).toPrecision(12));
      if (v <= 10 ** hi) ticks.push(v);
    }
  }
  return ticks;
}

/** Short label for a tick value. */
export function formatTick(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(0).replace("e+", "e");
  return String(Number(v.toPrecision(4)));
}

/** Render a line chart as an <svg> element string. */
export function lineChart(opts: ChartOptions): string {
  const width = opts.width ?? 640;
  const height = opts.height ?? 320;
  const log = opts.yScale === "log";
  const m = { left: 64, right: 16, top: 48, bottom: 48 };
  const pw = width - m.left - m.right;
  const ph = height - m.top - m.bottom;
  const usable = (y: number) => isFinite(y) && (!log || y > 0);

  const xs: number[] = [];
  const ys: number[] = [...(opts.yInclude ?? [])].filter(usable);
  for (const s of opts.series) {
    for (const [x, y] of s.points) {
      if (isFinite(x) && usable(y)) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(opts.title)}" ` +
      `font-family="sans-serif" font-size="11">`,
  );
  out.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  out.push(
    `<text x="${width / 2}" y="16" text-anchor="middle" font-size="14" font-weight="bold">` +
      `${escapeXml(opts.title)}</text>`,
  );
  if (xs.length === 0) {
    out.push(
      `<text x="${width / 2}" y="${height / 2}" text-anchor="middle" fill="#888">no data</text>`,
    );
    out.push(`</svg>`);
    return out.join("\n");
  }

  const xTicks = niceTicks(Math.min(...xs), Math.max(...xs), 8);
  const yTicks = log
    ? logTicks(Math.min(...ys), Math.max(...ys))
    : niceTicks(Math.min(...ys), Math.max(...ys), 6);
  const [x0, x1] = [xTicks[0], xTicks[xTicks.length - 1]];
  const [y0, y1] = [yTicks[0], yTicks[yTicks.length - 1]];
  const t = (v: number) => (log ? Math.log10(v) : v);
  const px = (x: number) => m.left + ((x - x0) / (x1 - x0)) * pw;
  const py = (y: number) => m.top + ph - ((t(y) - t(y0)) / (t(y1) - t(y0))) * ph;
  const f = (v: number) => v.toFixed(1);

  // Grid, ticks and tick labels.
  for (const v of yTicks) {
    const y = f(py(v));
    out.push(`<line x1="${m.left}" x2="${m.left + pw}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`);
    out.push(
      `<text x="${m.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">` +
        `${formatTick(v)}</text>`,
    );
  }
  for (const v of xTicks) {
    const x = f(px(v));
    out.push(`<line x1="${x}" x2="${x}" y1="${m.top}" y2="${m.top + ph}" stroke="#f0f0f0"/>`);
    out.push(`<line x1="${x}" x2="${x}" y1="${m.top + ph}" y2="${m.top + ph + 4}" stroke="#333"/>`);
    out.push(`<text x="${x}" y="${m.top + ph + 16}" text-anchor="middle">${formatTick(v)}</text>`);
  }
  // Axes and axis labels.
  out.push(
    `<path d="M${m.left} ${m.top}V${m.top + ph}H${m.left + pw}" fill="none" stroke="#333" ` +
      `class="axis"/>`,
  );
  out.push(
    `<text x="${m.left + pw / 2}" y="${height - 8}" text-anchor="middle">` +
      `${escapeXml(opts.xLabel)}</text>`,
  );
  out.push(
    `<text transform="translate(14 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">` +
      `${escapeXml(opts.yLabel + (log ? " (log scale)" : ""))}</text>`,
  );

  // Series: one path per series; gaps start a new subpath. Points get markers so a single
  // epoch is still visible.
  opts.series.forEach((s, i) => {
    const color = s.color ?? PALETTE[i % PALETTE.length];
    let d = "";
    let pen = false;
    const dots: string[] = [];
    for (const [x, y] of s.points) {
      if (!isFinite(x) || !usable(y)) {
        pen = false;
        continue;
      }
      d += `${pen ? "L" : "M"}${f(px(x))} ${f(py(y))}`;
      pen = true;
      dots.push(`<circle cx="${f(px(x))}" cy="${f(py(y))}" r="2.5" fill="${color}"/>`);
    }
    if (d) {
      out.push(
        `<path class="series" data-series="${escapeXml(s.name)}" d="${d}" fill="none" ` +
          `stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`,
      );
      out.push(...dots);
    }
    // Legend entries in a row under the title.
    const lx = m.left + i * 150;
    out.push(
      `<line x1="${lx}" x2="${lx + 20}" y1="32" y2="32" stroke="${color}" stroke-width="2"` +
        `${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`,
    );
    out.push(`<text x="${lx + 26}" y="32" dominant-baseline="middle">${escapeXml(s.name)}</text>`);
  });
  out.push(`</svg>`);
  return out.join("\n");
}
