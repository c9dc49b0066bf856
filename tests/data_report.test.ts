import assert from "node:assert/strict";
import { join } from "node:path";
import { DataError } from "../data/errors.ts";
import { type MetricRow, readMetricsJsonl, renderReport } from "../data/report.ts";
import { lineChart, logTicks, niceTicks } from "../data/svg_chart.ts";

const rows: MetricRow[] = [1, 2, 3, 4].map((epoch) => ({
  epoch,
  train_loss: 2 / epoch,
  test_loss: 2.2 / epoch,
  test_accuracy: 0.5 + epoch * 0.1,
  test_top5_accuracy: 0.9 + epoch * 0.02,
  images_per_s: 1000 + epoch,
  lr: epoch < 3 ? 0.01 : 0.001,
  epoch_time_s: 60 + epoch,
}));

Deno.test("svg chart: ticks cover the data and are round numbers", () => {
  assert.deepEqual(niceTicks(0.13, 0.87, 6), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(1, 4, 8), [1, 1.5, 2, 2.5, 3, 3.5, 4]);
  assert.deepEqual(logTicks(0.001, 0.01), [0.001, 0.002, 0.005, 0.01]);
  assert.deepEqual(logTicks(1e-5, 0.1), [1e-5, 1e-4, 1e-3, 1e-2, 0.1]);
  const t = niceTicks(5, 5);
  assert.ok(t[0] < 5 && t[t.length - 1] > 5);
});

Deno.test("svg chart: one path per series, gaps split the path, axes and legend present", () => {
  const svg = lineChart({
    title: "T <&>",
    xLabel: "epoch",
    yLabel: "v",
    series: [
      { name: "a", points: [[1, 1], [2, 2], [3, NaN], [4, 4]] },
      { name: "b", points: [[1, 3]] },
    ],
  });
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /<\/svg>$/);
  assert.ok(svg.includes("T &lt;&amp;&gt;"));
  const paths = [...svg.matchAll(/<path class="series" data-series="([^"]+)" d="([^"]+)"/g)];
  assert.deepEqual(paths.map((p) => p[1]), ["a", "b"]);
  assert.equal(paths[0][2].match(/M/g)!.length, 2, "NaN splits the line");
  assert.equal(paths[0][2].match(/L/g)!.length, 1);
  assert.ok(svg.includes('class="axis"'));
  assert.equal((svg.match(/<circle/g) ?? []).length, 4);
  // Data maps into the plot area (64..624 x 48..272 for the default 640x320).
  for (const [, x, y] of paths[0][2].matchAll(/[ML]([\d.]+) ([\d.]+)/g)) {
    assert.ok(+x >= 64 && +x <= 624 && +y >= 48 && +y <= 272, `${x},${y}`);
  }
  assert.match(lineChart({ title: "e", xLabel: "x", yLabel: "y", series: [] }), /no data/);
});

Deno.test("report: self-contained HTML with charts and tables for the given data", () => {
  const html = renderReport({
    title: "vgg-a on fashion-mnist",
    config: { net: "A", batch_size: 64, lr_schedule: { decay: 0.1 } },
    epochs: rows,
    throughput: { images_per_s: 1003.5, device: "test" },
    notes: ["data: fashion-mnist embedded subset"],
    generatedAt: "2024-01-01T00:00:00Z",
  });
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<\/html>\n$/);
  assert.ok(!/(src|href)=["']?https?:/.test(html), "no external assets");
  assert.equal((html.match(/<svg /g) ?? []).length, 4);
  for (const s of ["train loss", "test loss", "top-1", "top-5", "lr", "train images/s"]) {
    assert.ok(html.includes(`data-series="${s}"`), s);
  }
  // The lr drops 10x, so its chart is on a log scale.
  assert.ok(html.includes("learning rate (log scale)"));
  // Each series path has one point per epoch.
  const loss = html.match(/data-series="train loss" d="([^"]+)"/)![1];
  assert.equal(loss.match(/[ML]/g)!.length, 4);
  assert.ok(html.includes("<td>90.00%</td>") && html.includes("<td>0.001</td>"));
  assert.ok(html.includes("<th>epoch_time_s</th>") && html.includes("<td>64</td>"));
  assert.ok(html.includes("<td>lr_schedule</td><td>{&quot;decay&quot;:0.1}</td>"));
  assert.ok(html.includes("Best test accuracy 90.00% at epoch 4."));
  assert.ok(html.includes("<td>device</td><td>test</td>"));
});

Deno.test("report: readMetricsJsonl parses rows and reports bad lines with file:line", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = join(dir, "metrics.jsonl");
    await Deno.writeTextFile(
      path,
      rows.map((r) => JSON.stringify(r)).join("\n") + "\n" +
        JSON.stringify({ epoch: 5, test_loss: null }) + "\n\n",
    );
    const read = await readMetricsJsonl(path);
    assert.equal(read.length, 5);
    assert.deepEqual(read[0], rows[0]);
    assert.ok(Number.isNaN(read[4].test_loss) && Number.isNaN(read[4].lr));
    const html = renderReport({ title: "t", config: {}, epochs: read });
    assert.equal(html.match(/data-series="test loss" d="([^"]+)"/)![1].match(/[ML]/g)!.length, 4);

    await Deno.writeTextFile(path, '{"epoch": 1}\n{"epoch": 2,\n');
    await assert.rejects(
      readMetricsJsonl(path),
      (e: unknown) => e instanceof DataError && e.message === `${path}:2: not valid JSON`,
    );
    await Deno.writeTextFile(path, '{"loss": 1}\n');
    await assert.rejects(readMetricsJsonl(path), /:1: missing numeric epoch/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
