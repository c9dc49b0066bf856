// Crop geometry for testing (section 3.2): the centre crop, and the multi-crop grid, a 5x5
// regular grid of crops of the net's input size whose outer crops touch the image's edges.
import { centerCropBox, type CropBox, flipHorizontalCHW } from "../data/augment.ts";
import type { Image } from "./resize.ts";

/** `n` offsets from 0 to size - crop, evenly spaced (rounded): the grid along one axis. */
export function gridOffsets(size: number, crop: number, n: number): number[] {
  if (crop > size) throw new Error(`crop ${crop} does not fit in ${size}`);
  if (n === 1) return [Math.floor((size - crop) / 2)];
  return Array.from({ length: n }, (_, i) => Math.round((i * (size - crop)) / (n - 1)));
}

/** The n x n grid of square crops covering a width x height image edge to edge, row-major. */
export function gridCrops(width: number, height: number, crop: number, n = 5): CropBox[] {
  const xs = gridOffsets(width, crop, n), ys = gridOffsets(height, crop, n);
  return ys.flatMap((top) => xs.map((left) => ({ left, top, width: crop, height: crop })));
}

export function centerCrop(img: Image, crop: number): CropBox {
  return centerCropBox(img.width, img.height, crop);
}

/** Copies `box` of a CHW image into `out` at `offset`, mirrored left-right when `flip`. */
export function cropInto(
  img: Image,
  box: CropBox,
  flip: boolean,
  out: Float32Array,
  offset = 0,
): void {
  const { data, channels: c, height: h, width: w } = img;
  if (box.left < 0 || box.top < 0 || box.left + box.width > w || box.top + box.height > h) {
    throw new Error(`crop box ${JSON.stringify(box)} outside the ${w}x${h} image`);
  }
  for (let ch = 0; ch < c; ch++) {
    for (let y = 0; y < box.height; y++) {
      const src = (ch * h + box.top + y) * w + box.left;
      const dst = offset + (ch * box.height + y) * box.width;
      out.set(data.subarray(src, src + box.width), dst);
      if (flip) out.subarray(dst, dst + box.width).reverse();
    }
  }
}

/** A mirrored copy of a whole image. */
export function flipped(img: Image): Image {
  const data = img.data.slice();
  flipHorizontalCHW(data, img.channels, img.height, img.width);
  return { ...img, data };
}
