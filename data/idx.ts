/**
 * IDX files (the MNIST / Fashion-MNIST container): magic 00 00 <type> <ndims>, then ndims
 * big-endian u32 dimensions, then the elements. Only unsigned bytes (type 0x08) are supported,
 * which is what every image and label file of these datasets uses.
 */
import { gzipSync } from "node:zlib";
import { atomicWrite } from "./atomic.ts";
import { DataError } from "./errors.ts";
import { maybeGunzip, readFileBytes } from "./files.ts";

const UBYTE = 0x08;
/** Other element types of the format, named so the error can say what it found. */
const OTHER_TYPES: Record<number, string> = {
  0x09: "signed byte",
  0x0b: "int16",
  0x0c: "int32",
  0x0d: "float32",
  0x0e: "float64",
};

export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count*rows*cols bytes, row-major per image. */
  pixels: Uint8Array;
}

/** Parse an (already gunzipped) IDX ubyte array; `name` is used in error messages. */
export function parseIdx(bytes: Uint8Array, name: string): IdxArray {
  if (bytes.length < 4) throw new DataError(`${name}: truncated IDX file (${bytes.length} bytes)`);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const magic = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, "0")).join("");
    throw new DataError(`${name}: bad IDX magic number 0x${magic} (not an IDX file)`);
  }
  const type = bytes[2];
  if (type !== UBYTE) {
    const what = OTHER_TYPES[type];
    throw new DataError(
      what
        ? `${name}: IDX element type ${what} is not supported (only unsigned byte)`
        : `${name}: unknown IDX element type 0x${type.toString(16)}`,
    );
  }
  const ndims = bytes[3];
  if (ndims === 0) throw new DataError(`${name}: IDX file declares zero dimensions`);
  const headerLen = 4 + 4 * ndims;
  if (bytes.length < headerLen) {
    throw new DataError(`${name}: truncated IDX header (${bytes.length} of ${headerLen} bytes)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  let total = 1;
  for (let i = 0; i < ndims; i++) {
    const d = view.getUint32(4 + 4 * i, false);
    dims.push(d);
    total *= d;
  }
  const have = bytes.length - headerLen;
  if (have < total) {
    throw new DataError(
      `${name}: truncated IDX data: dims [${dims.join(", ")}] need ${total} bytes, found ${have}`,
    );
  }
  if (have > total) {
    throw new DataError(
      `${name}: corrupt IDX file: dims [${dims.join(", ")}] need ${total} bytes, ` +
        `found ${have - total} extra`,
    );
  }
  return { dims, data: bytes.subarray(headerLen) };
}

/** Read a file (gzipped or not) and parse it as IDX. */
export async function readIdx(path: string): Promise<IdxArray> {
  return parseIdx(maybeGunzip(await readFileBytes(path), path), path);
}

/** Read an IDX image file: 3 dims [count, rows, cols]. */
export async function readIdxImages(path: string): Promise<IdxImages> {
  const { dims, data } = await readIdx(path);
  if (dims.length !== 3) {
    throw new DataError(`${path}: expected an IDX image file with 3 dims, found ${dims.length}`);
  }
  return { count: dims[0], rows: dims[1], cols: dims[2], pixels: data };
}

/** Read an IDX label file: 1 dim [count]. */
export async function readIdxLabels(path: string): Promise<Uint8Array> {
  const { dims, data } = await readIdx(path);
  if (dims.length !== 1) {
    throw new DataError(`${path}: expected an IDX label file with 1 dim, found ${dims.length}`);
  }
  return data;
}

/** Serialise a ubyte array as IDX. */
export function encodeIdx(dims: number[], data: Uint8Array): Uint8Array {
  const total = dims.reduce((a, b) => a * b, 1);
  if (total !== data.length) {
    throw new Error(`encodeIdx: dims [${dims.join(", ")}] need ${total} bytes, got ${data.length}`);
  }
  if (dims.length === 0 || dims.length > 255) throw new Error("encodeIdx: bad number of dims");
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  out[2] = UBYTE;
  out[3] = dims.length;
  const view = new DataView(out.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

/**
 * Write a gzipped IDX file atomically. zlib's gzip header carries no timestamp, so the same
 * input always yields the same bytes (the embedded subset stays stable in git).
 */
export async function writeIdxGz(path: string, dims: number[], data: Uint8Array): Promise<void> {
  await atomicWrite(path, new Uint8Array(gzipSync(encodeIdx(dims, data), { level: 9 })));
}
