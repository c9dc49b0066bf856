/**
 * Where a training sample's time goes, stage by stage, in one thread (libvips on one thread):
 *
 *   deno run -A bench/data_stages.ts DIR [--images N] [--rounds N] [--scale SMIN,SMAX] [--json]
 *
 * Each stage runs over the same N training images of DIR (an image folder, e.g. from
 * bench/make_jpegs.ts), rounds interleaved, and reports the process's CPU time per image (all
 * threads), the best round: a figure that load elsewhere on the machine can only inflate.
 * Stages: reading the file (async and sync), the header (sharp's metadata, or read in
 * JavaScript as data/image_decode.ts does for JPEGs and PNGs without EXIF), a full decode to
 * RGB, the crop-to-CHW pass in JavaScript, the pipeline before the workers (decode, rescale the
 * whole image to S with Lanczos-3, crop in JavaScript) and the one now used (decode and rescale
 * only the crop, linear kernel: data/sample.ts), the latter also with Lanczos-3.
 */
import process from "node:process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import {
  chooseScale,
  cropToCHW,
  parseScale,
  type PipelineSettings,
  randomCropBox,
  trainPlan,
} from "../data/augment.ts";
import { decodeRegion, imageSize, plainSize } from "../data/image_decode.ts";
import { deriveSeed, makeRng } from "../data/rng.ts";
import { loadSample } from "../data/sample.ts";

const { values: v, positionals } = parseArgs({
  args: Deno.args,
  allowPositionals: true,
  options: {
    images: { type: "string", default: "200" },
    rounds: { type: "string", default: "3" },
    scale: { type: "string", default: "256,512" },
    json: { type: "boolean" },
  },
});
const root = positionals[0];
if (!root) {
  console.error("usage: deno run -A bench/data_stages.ts DIR [--images N] [--rounds N] [--json]");
  Deno.exit(2);
}
sharp.concurrency(1);
sharp.cache(false);

const files: string[] = [];
for (const c of [...Deno.readDirSync(join(root, "train"))].map((e) => e.name).sort()) {
  const dir = join(root, "train", c);
  for (const f of [...Deno.readDirSync(dir)].map((e) => e.name).sort()) files.push(join(dir, f));
}
// Spread over the classes: every k-th file.
const n = Math.min(Number(v.images), files.length);
const list = Array.from({ length: n }, (_, i) => files[Math.floor((i * files.length) / n)]);
const bytes = list.map((f) => Deno.readFileSync(f));
const sizes = await Promise.all(bytes.map((b, i) => imageSize(b, list[i])));
const cfg: PipelineSettings = {
  crop: 224,
  scale: parseScale(v.scale!),
  testScale: 384,
  pcaStd: 0.1,
  flip: true,
  mean: [120, 115, 100],
  eigen: {
    values: [0.2, 0.02, 0.005],
    vectors: [[0.58, 0.58, 0.58], [-0.7, 0, 0.7], [0.4, -0.8, 0.4]],
  },
};
const out = new Float32Array(3 * 224 * 224);
const whole = { left: 0, top: 0, width: 224, height: 224 };
const rgb = new Uint8Array(224 * 224 * 3).map((_, i) => i % 251);
const seed = (i: number) => deriveSeed(7, i);
const plan = (i: number) => trainPlan(sizes[i].width, sizes[i].height, cfg, makeRng(seed(i)));

const stages: Record<string, (i: number) => Promise<unknown> | unknown> = {
  "read file (async)": (i) => Deno.readFile(list[i]),
  "read file (sync)": (i) => Deno.readFileSync(list[i]),
  "header (sharp metadata)": (i) => sharp(bytes[i]).metadata(),
  "header (JavaScript: plainSize)": (i) => plainSize(bytes[i]),
  "decode whole image": (i) => sharp(bytes[i]).raw().toBuffer(),
  "crop to CHW, flip, colour (JS)": (i) =>
    cropToCHW(rgb, 224, 224, 3, whole, i % 2 === 0, cfg.mean, out),
  "before: rescale whole image to S, crop in JS": async (i) => {
    // The pipeline before this change: decode, resize everything to S, crop afterwards.
    const rng = makeRng(seed(i));
    const s = chooseScale(cfg.scale, rng);
    const { data, info } = await sharp(bytes[i]).rotate().resize(s, s, { fit: "outside" })
      .removeAlpha().toColourspace("srgb").raw().toBuffer({ resolveWithObject: true });
    const box = randomCropBox(info.width, info.height, 224, rng);
    const px = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    cropToCHW(px, info.width, info.height, 3, box, rng.float() < 0.5, [-120, -115, -100], out);
  },
  "now: decode and rescale the crop only": (i) => {
    const p = plan(i);
    return decodeRegion(bytes[i], list[i], p.size, p.box, "linear");
  },
  "the same with Lanczos-3 instead of linear": (i) => {
    const p = plan(i);
    return decodeRegion(bytes[i], list[i], p.size, p.box, "lanczos3");
  },
  "now: whole sample (data/sample.ts)": (i) => loadSample(list[i], seed(i), true, cfg, out, 0),
};

const rounds = Number(v.rounds);
const cpu: Record<string, number[]> = {};
const load0 = Deno.loadavg()[0];
for (let r = 0; r < rounds; r++) {
  for (const [name, f] of Object.entries(stages)) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) await f(i);
    const c = process.cpuUsage(c0);
    (cpu[name] ??= []).push((c.user + c.system) / 1000 / n);
  }
}
const rows = Object.entries(cpu).map(([stage, ms]) => ({
  stage,
  cpu_ms_per_image: Math.min(...ms),
  rounds: ms,
}));
if (v.json) {
  console.log(
    JSON.stringify({
      root,
      images: n,
      scale: cfg.scale,
      load_before: load0,
      load_after: Deno.loadavg()[0],
      stages: rows,
    }),
  );
} else {
  console.log(
    `${n} images of ${root}, S ${[cfg.scale].flat().join("-")}, crop 224; 1-minute load ${
      load0.toFixed(2)
    }`,
  );
  for (const r of rows) {
    console.log(
      `${r.stage.padEnd(46)} ${r.cpu_ms_per_image.toFixed(3).padStart(7)} ms CPU/image  (${
        (1000 / r.cpu_ms_per_image).toFixed(0)
      } per core-second)`,
    );
  }
  console.log(`1-minute load after: ${Deno.loadavg()[0].toFixed(2)}`);
}
