// Test images at any scale Q, from the sources `--data` names. In-memory sets (Fashion-MNIST
// padded to 32, CIFAR-10) are resized bilinearly so their side is Q; image folders are decoded
// and isotropically rescaled by libvips (data/imagefolder.ts), then normalised.
import type { Dataset } from "../data/dataset.ts";
import { DataError } from "../data/errors.ts";
import type { ImageFolderDataset } from "../data/imagefolder.ts";
import { type Image, rescaleSmallestSide } from "./resize.ts";

export interface TestSource {
  count: number;
  labels: Int32Array;
  classes: string[];
  channels: number;
  /** Test image i rescaled so its smaller side is q: normalised CHW floats. */
  load(i: number, q: number): Promise<Image>;
}

/** torchvision's ImageNet normalisation (published weights expect it): (p/255 - mean) / std. */
export const TORCHVISION_MEAN = [0.485, 0.456, 0.406];
export const TORCHVISION_STD = [0.229, 0.224, 0.225];

/** How 0..255 pixels become inputs: `paper` subtracts the mean RGB, `torchvision` as above. */
export type Preprocess = "paper" | "torchvision";

/** The test split of a dataset held in memory (already normalised). */
export function memorySource(d: Dataset): TestSource {
  const images = d.test.images;
  if (!images) throw new DataError(`${d.name}: test images are not held in memory`);
  const [c, h, w] = d.test.sampleShape, per = c * h * w;
  return {
    count: d.test.count,
    labels: d.test.labels,
    classes: d.classes,
    channels: c,
    load(i, q) {
      const img = { data: images.slice(i * per, (i + 1) * per), channels: c, height: h, width: w };
      return Promise.resolve(Math.min(h, w) === q ? img : rescaleSmallestSide(img, q));
    },
  };
}

/** The `val` split of an image folder; pixels minus the training mean RGB, or torchvision's. */
export async function imageFolderSource(
  d: ImageFolderDataset,
  preprocess: Preprocess = "paper",
): Promise<TestSource> {
  const { loadFullImage } = await import("../data/imagefolder.ts");
  const files = d.files.test;
  return {
    count: files.length,
    labels: d.test.labels,
    classes: d.classNames,
    channels: 3,
    async load(i, q) {
      const mean = preprocess === "paper" ? d.stats.meanRgb : [0, 0, 0];
      const img = await loadFullImage(files[i], q, mean);
      const out = { data: img.data, channels: 3, height: img.height, width: img.width };
      if (preprocess === "torchvision") torchvisionNormalize(out);
      return out;
    },
  };
}

/** In place: 0..255 RGB to torchvision's normalised inputs. */
export function torchvisionNormalize(img: Image): void {
  const plane = img.height * img.width;
  for (let c = 0; c < img.channels; c++) {
    const m = TORCHVISION_MEAN[c], s = TORCHVISION_STD[c];
    const p = img.data.subarray(c * plane, (c + 1) * plane);
    for (let i = 0; i < plane; i++) p[i] = (p[i] / 255 - m) / s;
  }
}
