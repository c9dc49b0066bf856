/**
 * The safetensors format: u64 little-endian header length N, N bytes of JSON header
 * {name: {dtype, shape, data_offsets: [begin, end]}, __metadata__?: {string: string}}, then the
 * tensor bytes (offsets relative to the end of the header), all little-endian.
 *
 * Reading converts to the three array types the rest of the stack uses: F32/F16/BF16 -> Float32Array,
 * I32/I64 -> Int32Array (I64 must fit), U8 -> Uint8Array.
 */
import { atomicWrite } from "./atomic.ts";
import { DataError } from "./errors.ts";
import { readFileBytes } from "./files.ts";

export type Dtype = "F32" | "F16" | "BF16" | "I32" | "I64" | "U8";
export type TensorData = Float32Array | Int32Array | Uint8Array;

export interface Tensor {
  /** The dtype stored in the file (reading) or to store (writing). */
  dtype: Dtype;
  shape: number[];
  data: TensorData;
}

/** For writing, dtype may be left out: it then follows the array type (F32, I32, U8). */
export type TensorInput = Omit<Tensor, "dtype"> & { dtype?: Dtype };

export interface Safetensors {
  tensors: Map<string, Tensor>;
  metadata: Record<string, string>;
}

const DTYPE_BYTES: Record<Dtype, number> = { F32: 4, F16: 2, BF16: 2, I32: 4, I64: 8, U8: 1 };
/** Headers beyond this are certainly corrupt; the reference implementation uses 100 MB too. */
const MAX_HEADER = 100_000_000;

function isDtype(x: unknown): x is Dtype {
  return typeof x === "string" && Object.hasOwn(DTYPE_BYTES, x);
}

/** IEEE half -> float. */
export function f16ToF32(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

const f32Scratch = new Float32Array(1);
const u32Scratch = new Uint32Array(f32Scratch.buffer);

/** float -> IEEE half, round to nearest even (what numpy/torch produce). */
export function f32ToF16(value: number): number {
  f32Scratch[0] = value;
  const x = u32Scratch[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 31) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    const rest = mant & ((1 << shift) - 1);
    let m = mant >>> shift;
    if (rest > half || (rest === half && (m & 1))) m++;
    return sign | m;
  }
  let out = sign | (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  // Carry from rounding may bump the exponent, which is still the right encoding.
  if (rest > 0x1000 || (rest === 0x1000 && (out & 1))) out++;
  return out;
}

function decodeTensor(dtype: Dtype, bytes: Uint8Array, count: number, where: string): TensorData {
  // Copy first: slices of the file are not necessarily 4- or 8-byte aligned.
  const buf = bytes.slice().buffer;
  switch (dtype) {
    case "F32":
      return new Float32Array(buf);
    case "I32":
      return new Int32Array(buf);
    case "U8":
      return new Uint8Array(buf);
    case "F16": {
      const h = new Uint16Array(buf);
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = f16ToF32(h[i]);
      return out;
    }
    case "BF16": {
      const h = new Uint16Array(buf);
      const out = new Float32Array(count);
      const u = new Uint32Array(out.buffer);
      for (let i = 0; i < count; i++) u[i] = h[i] << 16;
      return out;
    }
    case "I64": {
      const src = new BigInt64Array(buf);
      const out = new Int32Array(count);
      for (let i = 0; i < count; i++) {
        const v = src[i];
        if (v > 2147483647n || v < -2147483648n) {
          throw new DataError(`${where}: I64 value ${v} at element ${i} does not fit in int32`);
        }
        out[i] = Number(v);
      }
      return out;
    }
  }
}

/** Parse safetensors bytes; `name` (usually the path) is used in error messages. */
export function parseSafetensors(bytes: Uint8Array, name: string): Safetensors {
  if (bytes.length < 8) throw new DataError(`${name}: truncated safetensors file (no header)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = Number(view.getBigUint64(0, true));
  if (headerLen > MAX_HEADER || 8 + headerLen > bytes.length) {
    throw new DataError(
      `${name}: safetensors header length ${headerLen} exceeds the file (${bytes.length} bytes)`,
    );
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(
      bytes.subarray(8, 8 + headerLen),
    ));
  } catch {
    throw new DataError(`${name}: safetensors header is not valid UTF-8 JSON`);
  }
  if (typeof header !== "object" || header === null || Array.isArray(header)) {
    throw new DataError(`${name}: safetensors header is not a JSON object`);
  }
  const body = bytes.subarray(8 + headerLen);
  const tensors = new Map<string, Tensor>();
  let metadata: Record<string, string> = {};
  const spans: [number, number, string][] = [];
  for (const [key, raw] of Object.entries(header as Record<string, unknown>)) {
    if (key === "__metadata__") {
      metadata = parseMetadata(raw, name);
      continue;
    }
    const where = `${name}: tensor ${JSON.stringify(key)}`;
    const entry = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (typeof entry !== "object" || entry === null) throw new DataError(`${where}: bad entry`);
    if (!isDtype(entry.dtype)) {
      throw new DataError(`${where}: unsupported dtype ${JSON.stringify(entry.dtype)}`);
    }
    const shape = entry.shape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
      throw new DataError(`${where}: shape must be an array of non-negative integers`);
    }
    const offs = entry.data_offsets;
    if (
      !Array.isArray(offs) || offs.length !== 2 ||
      !offs.every((o) => Number.isSafeInteger(o) && o >= 0) || offs[0] > offs[1]
    ) {
      throw new DataError(`${where}: data_offsets must be [begin, end] with 0 <= begin <= end`);
    }
    const [begin, end] = offs as [number, number];
    if (end > body.length) {
      throw new DataError(
        `${where}: data_offsets [${begin}, ${end}] beyond the ${body.length}-byte data section`,
      );
    }
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    const expect = count * DTYPE_BYTES[entry.dtype];
    if (end - begin !== expect) {
      throw new DataError(
        `${where}: ${end - begin} bytes but shape [${shape.join(", ")}] of ${entry.dtype} ` +
          `needs ${expect}`,
      );
    }
    spans.push([begin, end, key]);
    tensors.set(key, {
      dtype: entry.dtype,
      shape: [...shape],
      data: decodeTensor(entry.dtype, body.subarray(begin, end), count, where),
    });
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i][0] < spans[i - 1][1]) {
      throw new DataError(
        `${name}: tensors ${JSON.stringify(spans[i - 1][2])} and ${
          JSON.stringify(spans[i][2])
        } overlap`,
      );
    }
  }
  return { tensors, metadata };
}

function parseMetadata(raw: unknown, name: string): Record<string, string> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new DataError(`${name}: __metadata__ must be an object of strings`);
  }
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== "string") {
      throw new DataError(`${name}: __metadata__ value of ${JSON.stringify(k)} is not a string`);
    }
  }
  return { ...(raw as Record<string, string>) };
}

export async function readSafetensors(path: string): Promise<Safetensors> {
  return parseSafetensors(await readFileBytes(path), path);
}

function defaultDtype(data: TensorData): Dtype {
  if (data instanceof Float32Array) return "F32";
  if (data instanceof Int32Array) return "I32";
  return "U8";
}

/** Bytes of one tensor in the requested dtype, checking the array type can represent it. */
function encodeTensor(name: string, t: TensorInput): { dtype: Dtype; bytes: Uint8Array } {
  const dtype = t.dtype ?? defaultDtype(t.data);
  const count = t.shape.reduce((a, b) => a * b, 1);
  if (!t.shape.every((d) => Number.isSafeInteger(d) && d >= 0) || count !== t.data.length) {
    throw new Error(
      `writeSafetensors: tensor ${name}: shape [${t.shape.join(", ")}] does not match ` +
        `${t.data.length} elements`,
    );
  }
  const src = t.data;
  const isFloat = src instanceof Float32Array;
  const ok = (dtype === "F32" || dtype === "F16" || dtype === "BF16")
    ? isFloat
    : (dtype === "I32" || dtype === "I64")
    ? src instanceof Int32Array
    : src instanceof Uint8Array;
  if (!ok) {
    throw new Error(`writeSafetensors: tensor ${name}: ${src.constructor.name} cannot be ${dtype}`);
  }
  switch (dtype) {
    case "F32":
    case "I32":
    case "U8":
      return { dtype, bytes: new Uint8Array(src.buffer, src.byteOffset, src.byteLength) };
    case "F16": {
      const out = new Uint16Array(count);
      for (let i = 0; i < count; i++) out[i] = f32ToF16(src[i]);
      return { dtype, bytes: new Uint8Array(out.buffer) };
    }
    case "BF16": {
      // Round to nearest even on the dropped 16 bits.
      const u = new Uint32Array(Float32Array.from(src).buffer);
      const out = new Uint16Array(count);
      for (let i = 0; i < count; i++) {
        const x = u[i];
        const isNan = (x & 0x7f800000) === 0x7f800000 && (x & 0x7fffff) !== 0;
        out[i] = isNan ? (x >>> 16) | 0x40 : (x + 0x7fff + ((x >>> 16) & 1)) >>> 16;
      }
      return { dtype, bytes: new Uint8Array(out.buffer) };
    }
    case "I64": {
      const out = new BigInt64Array(count);
      for (let i = 0; i < count; i++) out[i] = BigInt(src[i]);
      return { dtype, bytes: new Uint8Array(out.buffer) };
    }
  }
}

/** Serialise tensors (in the given order) and string metadata to safetensors bytes. */
export function encodeSafetensors(
  tensors: Map<string, TensorInput> | Record<string, TensorInput>,
  metadata: Record<string, string> = {},
): Uint8Array {
  const entries = tensors instanceof Map ? [...tensors] : Object.entries(tensors);
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (const [name, t] of entries) {
    if (name === "__metadata__") throw new Error("writeSafetensors: reserved tensor name");
    const { dtype, bytes } = encodeTensor(name, t);
    header[name] = { dtype, shape: t.shape, data_offsets: [offset, offset + bytes.length] };
    parts.push(bytes);
    offset += bytes.length;
  }
  const raw = new TextEncoder().encode(JSON.stringify(header));
  // Pad with spaces so the data section starts 8-byte aligned, as the reference writer does.
  const head = new Uint8Array(raw.length + ((8 - (raw.length % 8)) % 8)).fill(0x20);
  head.set(raw);
  const out = new Uint8Array(8 + head.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let pos = 8 + head.length;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

/** Write a safetensors file atomically (temp file, fsync, rename). */
export async function writeSafetensors(
  path: string,
  tensors: Map<string, TensorInput> | Record<string, TensorInput>,
  metadata: Record<string, string> = {},
): Promise<void> {
  await atomicWrite(path, encodeSafetensors(tensors, metadata));
}
