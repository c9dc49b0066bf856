// deno run -A bench/conv_layers.ts REV [ROUNDS] [NET ARGS...] [--forward]
// Per-layer conv time of the training step (with --forward, of the forward pass: its plan folds
// the pools into the convs), a git revision against the working tree, in one run:
// checks REV out into a temporary worktree, then alternates `deno task bench NET --train --json`
// between the two trees ROUNDS times (default 3; one process per measurement), keeps each
// kernel's best GPU time over the rounds, and sums a conv layer's kernels per pass: forward,
// input gradient, weight gradient, and the Winograd filter transforms (once per step). A kernel is
// forward if it runs before the loss, else backward; in the backward a conv2d kernel is the input
// gradient. GFLOP/s count the direct conv's FLOPs (2 N O C 9 H W) whatever runs, so they compare.
// Prints a Markdown table (ms, and GFLOP/s in parentheses) and, with --json, the numbers.
// Defaults: E at width 8, 32x32, 10 classes, batch 64. A benchmark, not a test.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { trainGraph } from "../dsl/mod.ts";
import { loadNet, variantOf, variantOptions } from "../cli/common.ts";

interface Kernel {
  name: string;
  ms: number;
}

const { values: flags, positionals } = parseArgs({
  args: Deno.args,
  allowPositionals: true,
  options: {
    ...variantOptions,
    batch: { type: "string" },
    json: { type: "boolean" },
    forward: { type: "boolean" },
  },
});
const [rev, roundsArg, netArg] = positionals;
if (!rev) {
  console.error("usage: deno run -A bench/conv_layers.ts REV [ROUNDS] [NET] [--width N ...]");
  Deno.exit(2);
}
const rounds = Number(roundsArg ?? 3);
const net = netArg ?? "nets/e.ts";
const given = Object.fromEntries(
  Object.entries(flags).filter(([k]) => k in variantOptions),
) as Record<string, string>;
const variantValues = Object.keys(given).length ? given : { width: "8", size: "32", classes: "10" };
const variant = Object.entries(variantValues).flatMap(([k, v]) => [`--${k}`, v]);
const batch = Number(flags.batch ?? 64);

const here = new URL("..", import.meta.url).pathname;
const base = await Deno.makeTempDir({ prefix: "conv_layers_" });
const git = (...args: string[]) =>
  new Deno.Command("git", { args: ["-C", here, ...args], stdout: "null" }).output();
await git("worktree", "add", "-q", "--detach", base, rev);

async function bench(tree: string): Promise<Kernel[]> {
  const args = ["task", "bench", net, ...variant, "--batch", `${batch}`];
  if (!flags.forward) args.push("--train");
  const r = await new Deno.Command("deno", {
    args: [...args, "--iters", "3", "--json"],
    cwd: tree,
    stdout: "piped",
    stderr: "null",
  }).output();
  const lines = new TextDecoder().decode(r.stdout).trim().split("\n");
  return JSON.parse(lines.at(-1)!).kernels as Kernel[];
}

/** Each kernel's best time over the rounds, by its position in the step (names repeat: a
 *  Winograd chain's kernels carry the layer's name in the forward and the input gradient). */
function best(runs: Kernel[][]): Kernel[] {
  return runs[0].map((k, i) => ({ name: k.name, ms: Math.min(...runs.map((r) => r[i].ms)) }));
}

type Pass = "forward" | "input-grad" | "weight-grad" | "filter";
/** ms per conv layer and pass. */
function perLayer(kernels: Kernel[]): Map<string, Record<Pass, number>> {
  const loss = flags.forward
    ? kernels.length
    : kernels.findIndex((k) => /softmax|loss|cross/.test(k.name));
  const out = new Map<string, Record<Pass, number>>();
  kernels.forEach((k, i) => {
    const [layer, ops] = k.name.split(":");
    if (!ops?.startsWith("conv2d")) return;
    const pass: Pass = ops.includes("winograd_filter")
      ? "filter"
      : ops.startsWith("conv2d_grad_weight")
      ? "weight-grad"
      : i < loss
      ? "forward"
      : "input-grad";
    const row = out.get(layer) ?? { forward: 0, "input-grad": 0, "weight-grad": 0, filter: 0 };
    row[pass] += k.ms;
    out.set(layer, row);
  });
  return out;
}

try {
  const runs: Record<"before" | "after", Kernel[][]> = { before: [], after: [] };
  for (let r = 0; r < rounds; r++) {
    runs.before.push(await bench(base));
    runs.after.push(await bench(here));
    console.error(`round ${r + 1}/${rounds} done`);
  }
  const before = perLayer(best(runs.before)), after = perLayer(best(runs.after));
  // Direct-conv FLOPs per layer from the net itself: 2 N O C k^2 H W of each conv2d node.
  const m = await loadNet(net, variantOf(variantValues));
  const g = trainGraph(m, batch);
  const flops = new Map<string, { shape: string; flops: number }>();
  for (const n of g.nodes) {
    if (n.op !== "conv2d" || n.attrs.flip) continue;
    const x = g.nodes[n.inputs[0]].shape;
    const [, o, h, w] = n.shape;
    flops.set(n.layer, {
      shape: `${x[1]}->${o} @${h}`,
      flops: 2 * x[0] * o * x[1] * n.attrs.k ** 2 * h * w,
    });
  }
  const cell = (ms: number, f: number) =>
    ms ? `${ms.toFixed(2)} (${(f / ms / 1e6).toFixed(1)})` : "-";
  const rows: string[] = [];
  const totals = { before: [0, 0, 0, 0], after: [0, 0, 0, 0] };
  const passes: Pass[] = ["forward", "input-grad", "weight-grad", "filter"];
  for (const [layer, a] of after) {
    const b = before.get(layer)!, f = flops.get(layer)!;
    passes.forEach((p, i) => {
      totals.before[i] += b[p];
      totals.after[i] += a[p];
    });
    rows.push(
      `| ${layer} | ${f.shape} | ${
        passes.slice(0, 3).map((p) => `${cell(b[p], f.flops)} | ${cell(a[p], f.flops)}`).join(" | ")
      } | ${a.filter ? a.filter.toFixed(2) : "-"} |`,
    );
  }
  const sum = (t: number[]) => t.slice(0, 3).map((x) => x.toFixed(2));
  const [b0, b1, b2] = sum(totals.before), [a0, a1, a2] = sum(totals.after);
  if (flags.json) {
    console.log(
      JSON.stringify({ rev, rounds, net, variant, batch, before: [...before], after: [...after] }),
    );
  } else if (flags.forward) {
    console.log(`| layer | shape | fwd ${rev} | fwd now |`);
    console.log("| --- | --- | ---: | ---: |");
    for (const r of rows) console.log(r.split(" | ").slice(0, 4).join(" | ") + " |");
    console.log(`| all | | ${b0} | ${a0} |`);
  } else {
    console.log(
      `| layer | shape | fwd ${rev} | fwd now | in-grad ${rev} | in-grad now | w-grad ${rev} | w-grad now | filter now |`,
    );
    console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const r of rows) console.log(r);
    console.log(
      `| all | | ${b0} | ${a0} | ${b1} | ${a1} | ${b2} | ${a2} | ${totals.after[3].toFixed(2)} |`,
    );
  }
} finally {
  await git("worktree", "remove", "--force", base);
  await Deno.remove(join(base), { recursive: true }).catch(() => {});
}
