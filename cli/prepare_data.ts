// deno task prepare-data imagefolder:DIR --max-side S --out DIR2 [--quality Q] [--json]
// Writes a copy of an image folder whose images' smaller side is at most S (rescaled when
// larger, copied otherwise; ImageNet's label files along), which decodes faster. Interrupted,
// it can be run again: files already written are kept.
import { prepareFolder } from "../data/prepare.ts";
import { parseDataSpec } from "../data/sources.ts";
import { eta } from "../train/progress.ts";
import { bytes } from "./format.ts";
import { intFlag, main, parse, UsageError } from "./common.ts";

const HELP = `usage: deno task prepare-data imagefolder:DIR --max-side S --out DIR2 [--quality Q]
       [--json]
Images whose smaller side exceeds S are rescaled so it is S (JPEG quality Q, default 90); the
others, unreadable files included, are copied unchanged. Use S = Smax of training (512 for the
paper's scale jittering).`;

await main(async () => {
  const { values: v, positionals } = parse(Deno.args, {
    "max-side": { type: "string" },
    out: { type: "string" },
    quality: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (v.help) return console.log(HELP);
  const spec = parseDataSpec(positionals[0]);
  if (spec.kind !== "imagefolder" || !positionals[0]) {
    throw new UsageError(`give imagefolder:DIR\n${HELP}`);
  }
  const maxSide = intFlag(v["max-side"], "max-side");
  if (!maxSide || !v.out) throw new UsageError(`--max-side and --out are required\n${HELP}`);
  const t0 = performance.now();
  const tty = !v.json && Deno.stderr.isTerminal();
  let last = 0;
  const enc = new TextEncoder();
  const report = await prepareFolder(spec.dir!, v.out, {
    maxSide,
    quality: intFlag(v.quality, "quality", 90),
    onProgress: (done, total) => {
      const now = performance.now();
      if (v.json || (now - last < (tty ? 200 : 10_000) && done < total)) return;
      last = now;
      const rate = done / ((now - t0) / 1000);
      const line = `${done}/${total} images, ${rate.toFixed(1)} img/s, ETA ${
        eta((total - done) / rate)
      }`;
      if (tty) Deno.stderr.writeSync(enc.encode(`\r\x1b[K${line}`));
      else console.error(line);
    },
  });
  if (tty) Deno.stderr.writeSync(enc.encode("\n"));
  const seconds = (performance.now() - t0) / 1000;
  if (v.json) {
    console.log(JSON.stringify({
      ...report,
      unreadable: Object.fromEntries(report.unreadable),
      seconds,
      out: v.out,
    }));
    return;
  }
  for (const reason of report.unreadable.values()) {
    console.error(`warning: ${reason}; copied as is`);
  }
  console.log(
    `${v.out}: ${report.resized} images rescaled to a smaller side of ${maxSide}, ` +
      `${report.copied} copied, ${report.kept} already there; ${bytes(report.bytesIn)} read, ` +
      `${bytes(report.bytesOut)} written, ${seconds.toFixed(1)} s`,
  );
});
