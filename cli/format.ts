// Human-readable numbers and tables for the commands' output.
export function human(n: number, unit = ""): string {
  const a = Math.abs(n);
  const [d, s] = a >= 1e12
    ? [1e12, "T"]
    : a >= 1e9
    ? [1e9, "G"]
    : a >= 1e6
    ? [1e6, "M"]
    : a >= 1e3
    ? [1e3, "k"]
    : [1, ""];
  return `${(n / d).toFixed(d === 1 ? 0 : 2)}${s}${unit}`;
}

export function bytes(n: number): string {
  const u = ["B", "KiB", "MiB", "GiB"];
  let i = 0;
  while (n >= 1024 && i < u.length - 1) n /= 1024, i++;
  return `${n.toFixed(i ? 1 : 0)} ${u[i]}`;
}

/** Left-aligned text columns, right-aligned numbers. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const w = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const numeric = header.map((_, i) =>
    rows.length > 0 &&
    rows.every((r) => typeof r[i] === "number" || /^[\d.,]+\s?[kMGT]?/.test(String(r[i])))
  );
  return cells.map((r) =>
    r.map((c, i) => numeric[i] ? c.padStart(w[i]) : c.padEnd(w[i])).join("  ").trimEnd()
  ).join("\n");
}

export function thousands(n: number): string {
  return n.toLocaleString("en-US");
}
