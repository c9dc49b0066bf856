// An image as a net's input in the browser: the same test pipeline as `deno task predict`
// (eval/image_input.ts): isotropic rescale so the smaller side is the net's input side, centre
// crop, then minus the mean RGB (`paper`), torchvision's normalisation, or, for 1-channel nets,
// grey (ITU-R 601 luma) with Fashion-MNIST's normalisation. Only the decoding and resizing
// differ: the CLI uses libvips (sharp), the page the browser's decoder and the Lanczos-3 filter
// below (libvips' default kernel too), so a rescaled image agrees to about one grey level, and an
// image already at the input side is used exactly as it is.
import { centerCropBox, cropToCHW, rescaledSize } from "../data/augment.ts";
import { DataError } from "../data/errors.ts";
import type { Model } from "../dsl/mod.ts";
import { finishInput, IMAGENET_MEAN_RGB } from "../eval/image_input.ts";
import type { Preprocess } from "../eval/sources.ts";

/** Interleaved 8-bit pixels (HWC), as data/image_decode.ts's RawImage. */
export interface Pixels {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

export interface PreprocessOptions {
  preprocess?: Preprocess;
  /** Mean RGB (0..255) for `paper`; default ImageNet's. */
  meanRgb?: readonly number[];
}

/** RGBA from a canvas to RGB; alpha is dropped, not composited, as sharp's removeAlpha(). */
export function dropAlpha(rgba: ArrayLike<number>, width: number, height: number): Pixels {
  const n = width * height;
  if (rgba.length !== 4 * n) {
    throw new DataError(`image: ${rgba.length} bytes for ${width}x${height} RGBA`);
  }
  const data = new Uint8Array(3 * n);
  for (let i = 0; i < n; i++) {
    data[3 * i] = rgba[4 * i];
    data[3 * i + 1] = rgba[4 * i + 1];
    data[3 * i + 2] = rgba[4 * i + 2];
  }
  return { data, width, height, channels: 3 };
}

function lanczos3(x: number): number {
  if (x === 0) return 1;
  if (x <= -3 || x >= 3) return 0;
  const px = Math.PI * x;
  return (3 * Math.sin(px) * Math.sin(px / 3)) / (px * px);
}

/** Taps along one axis: for each output index, source indices and normalised weights. */
function taps(src: number, dst: number): { index: Int32Array; weight: Float64Array; n: number } {
  const scale = src / dst;
  // Shrinking widens the kernel by the scale so every source pixel contributes (antialiasing).
  const stretch = Math.max(1, scale), support = 3 * stretch;
  const n = Math.ceil(2 * support) + 1;
  const index = new Int32Array(dst * n), weight = new Float64Array(dst * n);
  for (let o = 0; o < dst; o++) {
    // Where output pixel o samples the source: pixel centres line up when shrinking; when
    // enlarging, libvips (sharp) puts output pixel o at source o * scale - 0.5 (measured against
    // sharp 0.34: the two then agree to a fraction of a grey level on smooth images).
    const centre = scale >= 1 ? (o + 0.5) * scale : o * scale;
    const first = Math.floor(centre - support);
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const i = first + k;
      const w = lanczos3((i + 0.5 - centre) / stretch);
      index[o * n + k] = Math.min(Math.max(i, 0), src - 1); // edges repeat
      weight[o * n + k] = w;
      sum += w;
    }
    for (let k = 0; k < n; k++) weight[o * n + k] /= sum;
  }
  return { index, weight, n };
}

/** Separable Lanczos-3 resize, rounded back to 8 bits. */
export function resizeLanczos3(img: Pixels, width: number, height: number): Pixels {
  const { data, width: w, height: h, channels: c } = img;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new DataError(`resize: bad target size ${width}x${height}`);
  }
  const xs = taps(w, width), ys = taps(h, height);
  // Horizontal pass into floats (h x width x c), then vertical into bytes.
  const mid = new Float32Array(h * width * c);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < width; x++) {
      for (let ch = 0; ch < c; ch++) {
        let s = 0;
        for (let k = 0; k < xs.n; k++) {
          s += data[(y * w + xs.index[x * xs.n + k]) * c + ch] * xs.weight[x * xs.n + k];
        }
        mid[(y * width + x) * c + ch] = s;
      }
    }
  }
  const out = new Uint8Array(height * width * c);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let ch = 0; ch < c; ch++) {
        let s = 0;
        for (let k = 0; k < ys.n; k++) {
          s += mid[(ys.index[y * ys.n + k] * width + x) * c + ch] * ys.weight[y * ys.n + k];
        }
        out[(y * width + x) * c + ch] = Math.min(255, Math.max(0, Math.round(s)));
      }
    }
  }
  return { data: out, width, height, channels: c };
}

/** Isotropic rescale so the smaller side is `s`; an image already that size is returned as is. */
export function rescaleSmallerSide(img: Pixels, s: number): Pixels {
  const { width, height } = rescaledSize(img.width, img.height, s);
  return width === img.width && height === img.height ? img : resizeLanczos3(img, width, height);
}

/** The net's input (CHW floats) for one decoded image; mirrors eval/image_input.ts. */
export function imageToInput(img: Pixels, m: Model, opts: PreprocessOptions = {}): Float32Array {
  const [c, h, w] = m.input;
  if (h !== w) throw new DataError(`net ${m.name}: image inputs need a square net input`);
  if (c !== 1 && c !== 3) {
    throw new DataError(`net ${m.name}: images give 1 or 3 channels, not ${c}`);
  }
  const scaled = rescaleSmallerSide(img, h);
  const box = centerCropBox(scaled.width, scaled.height, h);
  const rgb = new Float32Array(3 * h * w);
  const paper = (opts.preprocess ?? "paper") === "paper";
  const mean = paper && c === 3 ? (opts.meanRgb ?? IMAGENET_MEAN_RGB) : [0, 0, 0];
  cropToCHW(
    scaled.data,
    scaled.width,
    scaled.height,
    scaled.channels,
    box,
    false,
    mean.map((v) => -v),
    rgb,
  );
  return finishInput(rgb, c, h, w, paper);
}

/**
 * The input back as displayable RGBA (for the page's preview), stretched to 0..255 over its own
 * range: it shows what the net sees whatever the normalisation. One range for all channels keeps
 * the colours' balance.
 */
export function inputToRgba(x: Float32Array, channels: number, side: number): Uint8ClampedArray {
  const plane = side * side, out = new Uint8ClampedArray(4 * plane);
  let lo = Infinity, hi = -Infinity;
  for (const v of x) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const k = hi > lo ? 255 / (hi - lo) : 0;
  for (let i = 0; i < plane; i++) {
    for (let ch = 0; ch < 3; ch++) out[4 * i + ch] = (x[(ch % channels) * plane + i] - lo) * k;
    out[4 * i + 3] = 255;
  }
  return out;
}
