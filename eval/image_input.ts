// One image file as a net's input, the paper's test pipeline for a single crop: isotropic rescale
// so the smaller side is the net's input side, centre crop, then normalisation: minus the mean
// RGB (0..255 units, the paper's only preprocessing) or torchvision's; 1-channel nets get the
// grey image (ITU-R 601 luma, as PIL's convert("L")) with Fashion-MNIST's normalisation.
import { centerCropBox, cropToCHW } from "../data/augment.ts";
import { DataError } from "../data/errors.ts";
import { FASHION_MNIST_NORMALIZATION } from "../data/fashion_mnist.ts";
import type { Model } from "../dsl/mod.ts";
import { type Preprocess, torchvisionNormalize } from "./sources.ts";

/** ILSVRC-2012 training-set mean RGB (0..255), as published with the VGG Caffe models. */
export const IMAGENET_MEAN_RGB = [123.68, 116.779, 103.939];

export interface ImageInputOptions {
  preprocess?: Preprocess;
  /** Mean RGB for `paper` preprocessing; default IMAGENET_MEAN_RGB. */
  meanRgb?: readonly number[];
}

export async function imageInput(
  path: string,
  m: Model,
  opts: ImageInputOptions = {},
): Promise<Float32Array> {
  const [c, h, w] = m.input;
  if (h !== w) throw new DataError(`net ${m.name}: image inputs need a square net input`);
  if (c !== 1 && c !== 3) {
    throw new DataError(`net ${m.name}: images give 1 or 3 channels, not ${c}`);
  }
  const { decodeRescaled } = await import("../data/image_decode.ts");
  const img = await decodeRescaled(path, h);
  const box = centerCropBox(img.width, img.height, h);
  const rgb = new Float32Array(3 * h * w);
  const paper = (opts.preprocess ?? "paper") === "paper";
  const mean = paper && c === 3 ? (opts.meanRgb ?? IMAGENET_MEAN_RGB) : [0, 0, 0];
  cropToCHW(img.data, img.width, img.height, img.channels, box, false, mean.map((v) => -v), rgb);
  return finishInput(rgb, c, h, w, paper);
}

/** The last step of both image pipelines (CLI and browser page): a mean-subtracted RGB crop
 *  becomes the net's input — torchvision's normalisation when asked for, or for 1-channel nets
 *  grey with the Fashion-MNIST normalisation. */
export function finishInput(
  rgb: Float32Array,
  c: number,
  h: number,
  w: number,
  paper: boolean,
): Float32Array {
  if (c === 3) {
    if (!paper) torchvisionNormalize({ data: rgb, channels: 3, height: h, width: w });
    return rgb;
  }
  const plane = h * w, out = new Float32Array(plane);
  const { scale, mean: [mu], std: [sd] } = FASHION_MNIST_NORMALIZATION;
  for (let i = 0; i < plane; i++) {
    const grey = 0.299 * rgb[i] + 0.587 * rgb[plane + i] + 0.114 * rgb[2 * plane + i];
    out[i] = (grey * scale - mu) / sd;
  }
  return out;
}
