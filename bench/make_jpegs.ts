/**
 * Writes a folder of synthetic photograph-like JPEGs for `deno task bench-data`, reproducibly:
 *
 *   deno run -A bench/make_jpegs.ts OUT_DIR [--classes 10] [--train 100] [--val 20]
 *       [--width 500] [--height 375] [--quality 90] [--seed 1]
 *
 * OUT_DIR/train/c<k>/<i>.JPEG and OUT_DIR/val/c<k>/<i>.JPEG, ImageNet's layout. Decode time
 * depends on the pixel count and on the entropy-coded size, so the content imitates a photograph
 * rather than being flat or pure noise: a 1/f ("pink") luminance field with weaker chroma noise,
 * a sky-to-ground gradient, a dozen soft-edged textured objects, and sensor grain, encoded with
 * libjpeg at quality 90 and 4:2:0 chroma subsampling. At 500x375 the files average about 95 KiB
 * (ImageNet's training JPEGs average about 110 KB over all their sizes). Everything comes from the seed,
 * so the same command writes the same bytes.
 */
import sharp from "sharp";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { deriveSeed, makeRng, type Rng } from "../data/rng.ts";

/** Value noise: a random grid of `cell`-pixel spacing, interpolated with a smoothstep. */
function addValueNoise(
  out: Float32Array,
  w: number,
  h: number,
  cell: number,
  amp: number,
  rng: Rng,
) {
  const gw = Math.ceil(w / cell) + 2, gh = Math.ceil(h / cell) + 2;
  const grid = Float32Array.from({ length: gw * gh }, () => rng.float() * 2 - 1);
  const ox = rng.float() * cell, oy = rng.float() * cell;
  for (let y = 0; y < h; y++) {
    const fy = (y + oy) / cell, iy = Math.floor(fy), ty = fy - iy, sy = ty * ty * (3 - 2 * ty);
    for (let x = 0; x < w; x++) {
      const fx = (x + ox) / cell, ix = Math.floor(fx), tx = fx - ix, sx = tx * tx * (3 - 2 * tx);
      const a = grid[iy * gw + ix], b = grid[iy * gw + ix + 1];
      const c = grid[(iy + 1) * gw + ix], d = grid[(iy + 1) * gw + ix + 1];
      const top = a + (b - a) * sx, bottom = c + (d - c) * sx;
      out[y * w + x] += amp * (top + (bottom - top) * sy);
    }
  }
}

/** A 1/f field: octaves from `w` down to 2 pixels, amplitude proportional to the cell size. */
function pinkNoise(
  w: number,
  h: number,
  rng: Rng,
  slope: number,
  finest = 2,
  coarsest = Math.max(w, h) / 2,
): Float32Array {
  const out = new Float32Array(w * h);
  for (let cell = coarsest; cell >= finest; cell /= 2) {
    addValueNoise(out, w, h, cell, Math.pow(cell / 256, slope), rng);
  }
  return out;
}

/** Amplitudes, in 8-bit levels: the fine texture (objects, and the textured part of the scene)
 *  and the per-pixel grain. Tuned so 500x375 files average about 95 KiB at quality 90. */
const DETAIL = 70, GRAIN = 4;

/** One photograph-like RGB image, interleaved 8-bit. */
export function syntheticPhoto(w: number, h: number, seed: number): Uint8Array {
  const rng = makeRng(seed);
  const luma = pinkNoise(w, h, rng, 0.6);
  // Texture: octaves of 1 to 4 pixels only, shown where a smooth random mask is high (grass
  // next to sky), so the image mixes flat and busy regions as photographs do.
  const detail = pinkNoise(w, h, rng, 0, 1, 4);
  const mask = pinkNoise(w, h, rng, 1);
  const chroma = [pinkNoise(w, h, rng, 0.8), pinkNoise(w, h, rng, 0.8)];
  const rgb = new Float32Array(w * h * 3);
  // Scene: a sky colour fading into a ground colour at a random horizon.
  const sky = [120 + 100 * rng.float(), 140 + 90 * rng.float(), 160 + 90 * rng.float()];
  const ground = [40 + 120 * rng.float(), 40 + 110 * rng.float(), 20 + 90 * rng.float()];
  const horizon = h * (0.25 + 0.5 * rng.float());
  for (let y = 0; y < h; y++) {
    const t = 1 / (1 + Math.exp(-(y - horizon) / (h * 0.05)));
    for (let x = 0; x < w; x++) {
      const p = y * w + x, u = 25 * chroma[0][p], v = 25 * chroma[1][p];
      const l = 40 * luma[p] + DETAIL * detail[p] * Math.max(0, 0.3 + mask[p]);
      rgb[p * 3] = sky[0] * (1 - t) + ground[0] * t + l + 1.4 * v;
      rgb[p * 3 + 1] = sky[1] * (1 - t) + ground[1] * t + l - 0.34 * u - 0.71 * v;
      rgb[p * 3 + 2] = sky[2] * (1 - t) + ground[2] * t + l + 1.77 * u;
    }
  }
  // Objects: soft-edged ellipses, each with its own colour and a fine texture.
  const objects = 8 + rng.int(8);
  for (let k = 0; k < objects; k++) {
    const cx = w * rng.float(), cy = h * (0.2 + 0.8 * rng.float());
    const rx = w * (0.03 + 0.2 * rng.float()), ry = h * (0.03 + 0.25 * rng.float());
    const col = [255 * rng.float(), 255 * rng.float(), 255 * rng.float()];
    const freq = 0.1 + 0.6 * rng.float(),
      phase = 6.28 * rng.float(),
      texAmp = 10 + 30 * rng.float();
    const x0 = Math.max(0, Math.floor(cx - rx - 2)), x1 = Math.min(w, Math.ceil(cx + rx + 2));
    const y0 = Math.max(0, Math.floor(cy - ry - 2)), y1 = Math.min(h, Math.ceil(cy + ry + 2));
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const d = Math.hypot((x - cx) / rx, (y - cy) / ry);
        // Alpha falls from 1 to 0 over about 1.5 pixels of the rim: an anti-aliased edge.
        const alpha = Math.min(1, Math.max(0, (1 - d) * Math.min(rx, ry) / 1.5));
        if (alpha <= 0) continue;
        const p = y * w + x;
        const tex = texAmp * Math.sin(freq * x + phase) * Math.sin(freq * 0.7 * y) +
          DETAIL * detail[p];
        for (let c = 0; c < 3; c++) {
          rgb[p * 3 + c] = rgb[p * 3 + c] * (1 - alpha) + (col[c] + tex) * alpha;
        }
      }
    }
  }
  const out = new Uint8Array(w * h * 3);
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.max(0, Math.min(255, Math.round(rgb[i] + GRAIN * rng.normal())));
  }
  return out;
}

if (import.meta.main) {
  const { values: v, positionals } = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: {
      classes: { type: "string", default: "10" },
      train: { type: "string", default: "100" },
      val: { type: "string", default: "20" },
      width: { type: "string", default: "500" },
      height: { type: "string", default: "375" },
      quality: { type: "string", default: "90" },
      seed: { type: "string", default: "1" },
    },
  });
  const out = positionals[0];
  if (!out) {
    console.error("usage: deno run -A bench/make_jpegs.ts OUT_DIR [--classes N] [--train N] ...");
    Deno.exit(2);
  }
  const [classes, perTrain, perVal, w, h, quality, seed] = [
    v.classes,
    v.train,
    v.val,
    v.width,
    v.height,
    v.quality,
    v.seed,
  ].map(Number);
  let bytes = 0, files = 0;
  for (const [split, per] of [["train", perTrain], ["val", perVal]] as const) {
    for (let c = 0; c < classes; c++) {
      const dir = join(out, split, `c${String(c).padStart(3, "0")}`);
      await Deno.mkdir(dir, { recursive: true });
      for (let i = 0; i < per; i++) {
        const s = deriveSeed(seed, split === "train" ? 0 : 1, c, i);
        const jpg = await sharp(syntheticPhoto(w, h, s), {
          raw: { width: w, height: h, channels: 3 },
        })
          .jpeg({ quality, chromaSubsampling: "4:2:0" })
          .toBuffer();
        await Deno.writeFile(join(dir, `${i}.JPEG`), jpg);
        bytes += jpg.length;
        files++;
      }
    }
  }
  console.log(
    `${files} JPEGs of ${w}x${h} in ${out}, ${(bytes / files / 1024).toFixed(1)} KiB average`,
  );
}
