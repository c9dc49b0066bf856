/**
 * Pure geometry and maths of the VGG training pipeline (Simonyan & Zisserman 2014, sec. 3.1),
 * kept free of I/O so each step can be tested on its own.
 */
import { DataError } from "./errors.ts";
import type { Rng } from "./rng.ts";

/** Training scale S: a fixed smallest-side length, or a [Smin, Smax] range for scale jittering. */
export type ScaleSpec = number | readonly [number, number];

export interface CropBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Default test scale: S itself, or the middle of the jitter range (the paper's Q = 384). */
export function defaultTestScale(scale: ScaleSpec): number {
  return typeof scale === "number" ? scale : Math.floor((scale[0] + scale[1]) / 2);
}

/** Default training scale: the paper's S = 256 for 224 crops, in proportion for other sides. */
export function defaultScale(crop: number): number {
  return Math.round((crop * 256) / 224);
}

/** `--scale` text: `S` or `SMIN,SMAX`. */
export function parseScale(text: string): ScaleSpec {
  const parts = text.split(",").map((p) => Number(p.trim()));
  if (
    (parts.length === 1 || parts.length === 2) && parts.every((n) => Number.isInteger(n) && n > 0)
  ) {
    return parts.length === 1 ? parts[0] : [parts[0], parts[1]];
  }
  throw new DataError(`--scale must be S or SMIN,SMAX (positive integers), got '${text}'`);
}

/** Pick S for one image: fixed, or uniform over the integers of [Smin, Smax]. */
export function chooseScale(scale: ScaleSpec, rng: Rng): number {
  if (typeof scale === "number") return scale;
  const [lo, hi] = scale;
  return rng.intRange(lo, hi);
}

/** Size after an isotropic rescale that makes the smaller side exactly `s`. */
export function rescaledSize(width: number, height: number, s: number) {
  if (width <= height) return { width: s, height: Math.max(s, Math.round((height * s) / width)) };
  return { width: Math.max(s, Math.round((width * s) / height)), height: s };
}

/** A uniformly placed square crop lying entirely inside a width x height image. */
export function randomCropBox(width: number, height: number, crop: number, rng: Rng): CropBox {
  if (crop > width || crop > height) {
    throw new Error(`crop ${crop} does not fit in a ${width}x${height} image`);
  }
  return {
    left: rng.int(width - crop + 1),
    top: rng.int(height - crop + 1),
    width: crop,
    height: crop,
  };
}

/** The centred square crop used at test time. */
export function centerCropBox(width: number, height: number, crop: number): CropBox {
  if (crop > width || crop > height) {
    throw new Error(`crop ${crop} does not fit in a ${width}x${height} image`);
  }
  return {
    left: Math.floor((width - crop) / 2),
    top: Math.floor((height - crop) / 2),
    width: crop,
    height: crop,
  };
}

/** Mirror an image stored as CHW floats left-to-right, in place. */
export function flipHorizontalCHW(data: Float32Array, c: number, h: number, w: number): void {
  for (let row = 0; row < c * h; row++) {
    const base = row * w;
    for (let i = 0, j = w - 1; i < j; i++, j--) {
      const t = data[base + i];
      data[base + i] = data[base + j];
      data[base + j] = t;
    }
  }
}

/**
 * Copy `box` out of an interleaved 8-bit image (HWC, `channels` per pixel) into `out` as CHW
 * floats, optionally mirrored, adding `bias[c]` to every pixel (bias = -mean + colour shift).
 * Grey images (1 or 2 channels) are replicated to RGB; alpha is ignored.
 */
export function cropToCHW(
  src: Uint8Array,
  srcWidth: number,
  srcHeight: number,
  channels: number,
  box: CropBox,
  flip: boolean,
  bias: readonly number[],
  out: Float32Array,
  outOffset = 0,
): void {
  if (box.left < 0 || box.top < 0 || box.left + box.width > srcWidth) {
    throw new Error(`crop box outside the ${srcWidth}x${srcHeight} image`);
  }
  if (box.top + box.height > srcHeight) throw new Error(`crop box below the image`);
  const plane = box.width * box.height;
  // One pass per output row, three planes written together; a mirrored row is read backwards.
  // Grey sources read their one channel three times (step 0 between channels).
  const cs = channels < 3 ? 0 : 1;
  const [b0, b1, b2] = bias;
  const step = flip ? -channels : channels;
  for (let y = 0; y < box.height; y++) {
    const rowStart = ((box.top + y) * srcWidth + box.left) * channels;
    let p = flip ? rowStart + (box.width - 1) * channels : rowStart;
    const o = outOffset + y * box.width;
    for (let x = 0; x < box.width; x++, p += step) {
      out[o + x] = src[p] + b0;
      out[o + plane + x] = src[p + cs] + b1;
      out[o + 2 * plane + x] = src[p + 2 * cs] + b2;
    }
  }
}

/** Eigen-decomposition of a symmetric 3x3 matrix: values descending, unit eigenvectors. */
export interface Eigen3 {
  values: number[];
  /** vectors[i] belongs to values[i]. */
  vectors: number[][];
}

/**
 * Cyclic Jacobi rotations on a symmetric 3x3 matrix (row-major, 9 numbers). Converges
 * quadratically; a 3x3 needs a handful of sweeps, so a fixed cap is ample.
 */
export function jacobiEigenSymmetric3(m: readonly number[]): Eigen3 {
  if (m.length !== 9) throw new Error(`jacobiEigenSymmetric3: need 9 numbers, got ${m.length}`);
  const a = [[m[0], m[1], m[2]], [m[3], m[4], m[5]], [m[6], m[7], m[8]]];
  const scale = maxAbs(m) || 1;
  for (const [i, j] of [[0, 1], [0, 2], [1, 2]]) {
    if (Math.abs(a[i][j] - a[j][i]) > 1e-9 * scale) {
      throw new Error("jacobiEigenSymmetric3: matrix is not symmetric");
    }
  }
  const v = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = Math.abs(a[0][1]) + Math.abs(a[0][2]) + Math.abs(a[1][2]);
    if (off <= 1e-15 * scale) break;
    for (let p = 0; p < 2; p++) {
      for (let q = p + 1; q < 3; q++) {
        if (Math.abs(a[p][q]) <= 1e-300) continue;
        // Rotation angle that zeroes a[p][q] (Numerical Recipes' stable form).
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < 3; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < 3; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < 3; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = [0, 1, 2].sort((i, j) => a[j][j] - a[i][i]);
  return {
    values: order.map((i) => a[i][i]),
    vectors: order.map((i) => [v[0][i], v[1][i], v[2][i]]),
  };
}

function maxAbs(m: readonly number[]): number {
  return m.reduce((acc, x) => Math.max(acc, Math.abs(x)), 0);
}

/**
 * Accumulates pixel sums for the mean RGB and the 3x3 RGB covariance in float64, so a large
 * sample of images does not lose precision.
 */
export class RgbMoments {
  n = 0;
  readonly sum = [0, 0, 0];
  readonly sumProducts = [0, 0, 0, 0, 0, 0, 0, 0, 0];

  /** Add pixels of an interleaved 8-bit image (grey is replicated, alpha ignored). */
  addPixels(src: Uint8Array, channels: number): void {
    const grey = channels < 3;
    for (let p = 0; p < src.length; p += channels) {
      const r = src[p];
      const g = grey ? r : src[p + 1];
      const b = grey ? r : src[p + 2];
      this.add(r, g, b);
    }
  }

  add(r: number, g: number, b: number): void {
    const px = [r, g, b];
    this.n++;
    for (let i = 0; i < 3; i++) {
      this.sum[i] += px[i];
      for (let j = 0; j < 3; j++) this.sumProducts[i * 3 + j] += px[i] * px[j];
    }
  }

  mean(): number[] {
    return this.sum.map((s) => s / this.n);
  }

  /** Population covariance, row-major 3x3, in the units of the added pixel values. */
  covariance(): number[] {
    const mu = this.mean();
    const cov: number[] = [];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) cov.push(this.sumProducts[i * 3 + j] / this.n - mu[i] * mu[j]);
    }
    return cov;
  }
}

/** alpha_i ~ N(0, std^2), one triple per image per presentation. */
export function samplePcaAlphas(rng: Rng, std = 0.1): number[] {
  return [rng.normal() * std, rng.normal() * std, rng.normal() * std];
}

/**
 * Krizhevsky et al. (2012) colour shift: sum_i alpha_i * lambda_i * v_i, added to every pixel's
 * RGB. The result is in the units the eigenvalues were computed in.
 */
export function pcaColorShift(eigen: Eigen3, alphas: readonly number[]): number[] {
  const shift = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    for (let c = 0; c < 3; c++) shift[c] += alphas[i] * eigen.values[i] * eigen.vectors[i][c];
  }
  return shift;
}

/** The fixed settings of one split's pipeline (sec. 3.1 for training, 3.2 for testing). */
export interface PipelineSettings {
  /** Side of the square crop: the net's input side. */
  crop: number;
  /** Training scale S, fixed or [Smin, Smax]. */
  scale: ScaleSpec;
  /** Test scale Q. */
  testScale: number;
  /** Standard deviation of the PCA colour-shift alphas; 0 disables it. */
  pcaStd: number;
  /** Random horizontal flips during training. */
  flip: boolean;
  /** Mean RGB of the training set, 0..255 units. */
  mean: readonly number[];
  /** Eigen-decomposition of the training set's RGB covariance, [0, 1] pixel units. */
  eigen: Eigen3;
}

/** What is done to one image: rescale to `size`, take `box`, mirror or not, add `bias`. */
export interface SamplePlan {
  size: { width: number; height: number };
  box: CropBox;
  flip: boolean;
  /** Added to every pixel of each channel: minus the mean RGB plus the colour shift. */
  bias: number[];
}

/**
 * A training sample's plan for an image of the given size, drawn from the sample's own stream in
 * the paper's order: S, the crop's position in the image rescaled to S, the flip, the colour
 * shift's alphas. The draws depend only on the stream and the image size, never on decoding.
 */
export function trainPlan(width: number, height: number, cfg: PipelineSettings, rng: Rng) {
  const size = rescaledSize(width, height, chooseScale(cfg.scale, rng));
  const box = randomCropBox(size.width, size.height, cfg.crop, rng);
  const flip = cfg.flip && rng.float() < 0.5;
  // The eigen-decomposition is in [0,1] pixel units; the inputs are in 0..255 units.
  const shift = cfg.pcaStd > 0
    ? pcaColorShift(cfg.eigen, samplePcaAlphas(rng, cfg.pcaStd)).map((v) => v * 255)
    : [0, 0, 0];
  return { size, box, flip, bias: cfg.mean.map((m, c) => shift[c] - m) } satisfies SamplePlan;
}

/** The test pipeline's plan: rescale so the smaller side is Q, centre crop, minus the mean. */
export function testPlan(width: number, height: number, cfg: PipelineSettings): SamplePlan {
  const size = rescaledSize(width, height, cfg.testScale);
  const box = centerCropBox(size.width, size.height, cfg.crop);
  return { size, box, flip: false, bias: cfg.mean.map((m) => -m) };
}
