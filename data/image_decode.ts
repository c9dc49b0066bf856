/**
 * Decoding image files with sharp (libvips): the only module of the data layer that touches it.
 *
 * Every image becomes 8-bit sRGB with three channels, whatever it was stored as: CMYK and
 * greyscale JPEGs, palette, grey, grey+alpha, RGBA and 16-bit PNGs (alpha is dropped, not
 * composited, as PIL's convert("RGB") does). EXIF orientation is applied first, so sizes and crop
 * boxes are in the image as displayed.
 *
 * Speed (bench/RESULTS.md has the measurements): a training sample needs only its crop, so
 * `decodeRegion` asks libvips for the crop of the rescaled image and nothing else. libvips is
 * demand-driven: it resamples only the crop's pixels, and a JPEG is decoded only down to the
 * crop's last row. Resizing the whole image to S first and cropping in JavaScript cost about
 * twice as much per image.
 */
import sharp from "sharp";
import { type CropBox, rescaledSize } from "./augment.ts";
import { DataError, describeError } from "./errors.ts";
import { readFileBytes } from "./files.ts";

/** Interleaved 8-bit RGB pixels (HWC). */
export interface RawImage {
  data: Uint8Array;
  width: number;
  height: number;
  /** Always 3: every decode ends in sRGB without alpha. */
  channels: number;
}

export interface ImageSize {
  width: number;
  height: number;
}

/** The failure of one file: a DataError whose message names the file and the problem. */
function badImage(name: string, why: string): DataError {
  return new DataError(`${name}: cannot decode image (${why})`);
}

/**
 * JPEG and PNG files cut short (an interrupted download or copy) lack their end marker. libvips
 * only notices when it decodes past the cut, and a crop can end above it, so the check is made on
 * the bytes: the file then counts as bad whatever crop is asked of it.
 */
export function truncation(bytes: Uint8Array): string | null {
  const n = bytes.length;
  if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    // Scanning back from the end, a complete JPEG meets its end-of-image marker (FF D9) before
    // the start of its last scan (FF DA). Inside entropy-coded data a 0xFF byte is always
    // followed by 00 or a restart marker, so neither pair can appear there by accident.
    for (let i = n - 2; i >= 2; i--) {
      if (bytes[i] !== 0xff) continue;
      if (bytes[i + 1] === 0xd9) return null;
      if (bytes[i + 1] === 0xda) return "truncated JPEG: no end-of-image marker";
    }
    return "truncated JPEG: no image data";
  }
  const png = [0x89, 0x50, 0x4e, 0x47];
  if (n >= 4 && png.every((b, i) => bytes[i] === b)) {
    // The last chunk of a PNG is IEND: its type sits 8 bytes before the end (before the CRC).
    const iend = [0x49, 0x45, 0x4e, 0x44];
    if (n < 12 || !iend.every((b, i) => bytes[n - 8 + i] === b)) {
      return "truncated PNG: no IEND chunk";
    }
  }
  return null;
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/**
 * The size of a JPEG or PNG read from its header in JavaScript, or null when the file has EXIF
 * data (its orientation may swap the sides: libvips decides then) or is anything else. Asking
 * libvips for the header costs about 0.2 ms per image, 5% of a sample.
 */
export function plainSize(bytes: Uint8Array): ImageSize | null {
  const n = bytes.length, u16 = (i: number) => (bytes[i] << 8) | bytes[i + 1];
  if (n > 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[12] === 0x49) {
    // PNG: IHDR first; an eXIf chunk (before the image data) may carry an orientation.
    for (let i = 8; i + 8 <= n;) {
      const len = (u16(i) << 16 | u16(i + 2)) >>> 0;
      const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8));
      if (type === "eXIf") return null;
      if (type === "IDAT") break;
      i += 12 + len;
    }
    return { width: (u16(16) << 16 | u16(18)) >>> 0, height: (u16(20) << 16 | u16(22)) >>> 0 };
  }
  if (n < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  for (let i = 2; i + 9 < n;) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xda) return null; // image data before any frame header
    const len = u16(i + 2);
    if (marker === 0xe1 && String.fromCharCode(...bytes.subarray(i + 4, i + 8)) === "Exif") {
      return null;
    }
    if (SOF.has(marker)) return { width: u16(i + 7), height: u16(i + 5) };
    i += 2 + len;
  }
  return null;
}

/** The displayed size of an encoded image (EXIF orientations 5 to 8 swap width and height). */
export async function imageSize(bytes: Uint8Array, name: string): Promise<ImageSize> {
  const plain = plainSize(bytes);
  if (plain && plain.width > 0 && plain.height > 0) return plain;
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch (e) {
    throw badImage(name, describeError(e));
  }
  const { width, height, orientation } = meta;
  if (!width || !height) throw badImage(name, "no image size in the header");
  return orientation && orientation >= 5 ? { width: height, height: width } : { width, height };
}

/** libvips' resampling kernels that the pipelines use (see data/sample.ts for the choice). */
export type Kernel = "lanczos3" | "linear";

/**
 * Decode `bytes`, rescale the image to exactly `size` with `kernel` (default Lanczos-3, libvips'
 * default, as predict and the browser page use) and return the `box` region of the result, or
 * all of it.
 */
export async function decodeRegion(
  bytes: Uint8Array,
  name: string,
  size: ImageSize,
  box?: CropBox,
  kernel: Kernel = "lanczos3",
): Promise<RawImage> {
  const cut = truncation(bytes);
  if (cut) throw badImage(name, cut);
  try {
    // failOn "truncated": fail on truncated data, accept images that decode with a harmless
    // libjpeg warning (some ImageNet files have extraneous bytes before a marker).
    let img = sharp(bytes, { failOn: "truncated" }).rotate()
      .resize(size.width, size.height, { fit: "fill", kernel });
    if (box) img = img.extract(box);
    const { data, info } = await img.removeAlpha().toColourspace("srgb").raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`${info.channels} channels after conversion to sRGB`);
    return {
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      width: info.width,
      height: info.height,
      channels: 3,
    };
  } catch (e) {
    throw badImage(name, describeError(e));
  }
}

/**
 * Decode `path` and rescale it isotropically so its smaller side is `s` (the test pipeline's
 * rescale to Q, predict's rescale to the net's side).
 */
export async function decodeRescaled(path: string, s: number): Promise<RawImage> {
  const bytes = await readFileBytes(path);
  const size = await imageSize(bytes, path);
  return await decodeRegion(bytes, path, rescaledSize(size.width, size.height, s));
}
