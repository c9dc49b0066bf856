// The test-time evaluation modes of section 3.2 as posterior computations, each returning soft-max
// posteriors [n, classes] for images already rescaled to one test scale Q:
//   single crop: the centre crop at the net's input size (plus its mirror with `flip`);
//   multi-crop:  a 5x5 grid of crops x 2 flips, posteriors averaged;
//   dense:       the fully convolutional net over the whole image, the score map spatially
//                averaged, then soft-max (plus the mirrored image with `flip`).
// Dense together with multi-crop averages the two (Table 5); scales and models (fusion) are
// averaged by the caller.
import { softmaxRows } from "../train/evaluate.ts";
import { spatialMean } from "../dsl/transforms.ts";
import type { CropBox } from "../data/augment.ts";
import { centerCrop, cropInto, flipped, gridCrops } from "./crops.ts";
import type { Image } from "./resize.ts";
import type { Scorer } from "./scorer.ts";

export interface TestMode {
  /** Test scales Q (smallest side after the isotropic rescale). */
  scales: number[];
  dense: boolean;
  multiCrop: boolean;
  /** Also score the mirrored image (single crop, dense); multi-crop always flips. */
  flip: boolean;
  /** Crops per side of the multi-crop grid; default 5. */
  grid?: number;
}

/** Crops (views) scored per call, bounding the input buffer (50 crops of 224 are 30 MB). */
const VIEWS_PER_CALL = 256;

/** Element-wise mean of equally shaped arrays. */
export function meanOf(parts: Float32Array[]): Float32Array {
  if (parts.length === 0) throw new Error("meanOf: nothing to average");
  const out = new Float32Array(parts[0].length);
  for (const p of parts) for (let i = 0; i < out.length; i++) out[i] += p[i];
  for (let i = 0; i < out.length; i++) out[i] /= parts.length;
  return out;
}

/** Posteriors of one model at one scale, by the mode's methods. */
export async function scalePosteriors(
  scorer: Scorer,
  images: Image[],
  mode: TestMode,
): Promise<Float32Array> {
  const side = scorer.model.input[1];
  const parts: Float32Array[] = [];
  if (!mode.dense && !mode.multiCrop) {
    const flips = mode.flip ? [false, true] : [false];
    parts.push(await cropPosteriors(scorer, images, (img) => [centerCrop(img, side)], flips));
  }
  if (mode.multiCrop) {
    const grid = (img: Image) => gridCrops(img.width, img.height, side, mode.grid ?? 5);
    parts.push(await cropPosteriors(scorer, images, grid, [false, true]));
  }
  if (mode.dense) parts.push(await densePosteriors(scorer, images, mode.flip));
  return meanOf(parts);
}

/** Mean soft-max over every (crop, flip) view of each image. */
export async function cropPosteriors(
  scorer: Scorer,
  images: Image[],
  boxes: (img: Image) => CropBox[],
  flips: boolean[],
): Promise<Float32Array> {
  const [c, s] = scorer.model.input, k = scorer.model.classes, per = c * s * s;
  const views = images.flatMap((img, i) =>
    boxes(img).flatMap((box) => flips.map((flip) => ({ i, box, flip })))
  );
  const out = new Float32Array(images.length * k), count = new Float32Array(images.length);
  for (let v = 0; v < views.length; v += VIEWS_PER_CALL) {
    const part = views.slice(v, v + VIEWS_PER_CALL);
    const x = new Float32Array(part.length * per);
    part.forEach((w, j) => cropInto(images[w.i], w.box, w.flip, x, j * per));
    const probs = softmaxRows(await scorer.logits(x, part.length), k);
    part.forEach((w, j) => {
      for (let q = 0; q < k; q++) out[w.i * k + q] += probs[j * k + q];
      count[w.i]++;
    });
  }
  for (let i = 0; i < images.length; i++) for (let q = 0; q < k; q++) out[i * k + q] /= count[i];
  return out;
}

/** Dense evaluation: images of equal size are batched through the fully convolutional net. */
export async function densePosteriors(
  scorer: Scorer,
  images: Image[],
  flip: boolean,
): Promise<Float32Array> {
  const k = scorer.model.classes;
  const out = new Float32Array(images.length * k);
  const bySize = new Map<string, number[]>();
  images.forEach((img, i) => {
    const key = `${img.height}x${img.width}`;
    bySize.set(key, [...(bySize.get(key) ?? []), i]);
  });
  const views = flip ? [false, true] : [false];
  for (const idx of bySize.values()) {
    const { channels: c, height: h, width: w } = images[idx[0]];
    const per = c * h * w, n = idx.length * views.length;
    const x = new Float32Array(n * per);
    idx.forEach((i, j) => {
      views.forEach((f, v) =>
        x.set((f ? flipped(images[i]) : images[i]).data, (j * views.length + v) * per)
      );
    });
    const { maps, area } = await scorer.scoreMaps(x, n, h, w);
    const probs = softmaxRows(spatialMean(maps, n, k, area), k);
    idx.forEach((i, j) => {
      for (let v = 0; v < views.length; v++) {
        for (let q = 0; q < k; q++) {
          out[i * k + q] += probs[(j * views.length + v) * k + q] / views.length;
        }
      }
    });
  }
  return out;
}
