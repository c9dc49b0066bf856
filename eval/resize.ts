// Bilinear resizing of in-memory CHW float images (Fashion-MNIST, CIFAR-10 at test scale Q).
// Half-pixel centres (PyTorch's align_corners=False, no antialiasing): output pixel y samples the
// source at (y + 0.5) * h / oh - 0.5, clamped to the image. Resizing to the same size is an
// exact copy, so Q = S leaves the test images untouched.
import { rescaledSize } from "../data/augment.ts";

/** A CHW float image. */
export interface Image {
  data: Float32Array;
  channels: number;
  height: number;
  width: number;
}

/** Source index pairs and weights along one axis. */
function axis(src: number, dst: number) {
  const i0 = new Int32Array(dst), i1 = new Int32Array(dst), f = new Float32Array(dst);
  const scale = src / dst;
  for (let o = 0; o < dst; o++) {
    const s = Math.min(Math.max((o + 0.5) * scale - 0.5, 0), src - 1);
    i0[o] = Math.floor(s);
    i1[o] = Math.min(i0[o] + 1, src - 1);
    f[o] = s - i0[o];
  }
  return { i0, i1, f };
}

export function resizeBilinear(img: Image, height: number, width: number): Image {
  const { data, channels: c, height: h, width: w } = img;
  if (!Number.isInteger(height) || !Number.isInteger(width) || height < 1 || width < 1) {
    throw new Error(`resize: bad target size ${width}x${height}`);
  }
  if (data.length !== c * h * w) {
    throw new Error(`resize: ${data.length} values for ${c}x${h}x${w}`);
  }
  const ys = axis(h, height), xs = axis(w, width);
  const out = new Float32Array(c * height * width);
  for (let ch = 0; ch < c; ch++) {
    const plane = ch * h * w;
    for (let y = 0; y < height; y++) {
      const r0 = plane + ys.i0[y] * w, r1 = plane + ys.i1[y] * w, fy = ys.f[y];
      const o = (ch * height + y) * width;
      for (let x = 0; x < width; x++) {
        const a = xs.i0[x], b = xs.i1[x], fx = xs.f[x];
        const top = data[r0 + a] + (data[r0 + b] - data[r0 + a]) * fx;
        const bottom = data[r1 + a] + (data[r1 + b] - data[r1 + a]) * fx;
        out[o + x] = top + (bottom - top) * fy;
      }
    }
  }
  return { data: out, channels: c, height, width };
}

/** Isotropic rescale so the smaller side is `q` (the paper's test scale Q). */
export function rescaleSmallestSide(img: Image, q: number): Image {
  const { width, height } = rescaledSize(img.width, img.height, q);
  return resizeBilinear(img, height, width);
}
