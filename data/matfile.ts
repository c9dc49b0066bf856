/**
 * A reader for MATLAB level-5 MAT-files (the format of `save` up to -v7, zlib-compressed
 * elements included), enough for the ILSVRC2012 devkit's `meta.mat`: numeric and char arrays,
 * structs and cells. Little-endian files only (every file MATLAB writes on x86).
 *
 * Layout (MathWorks, "MAT-File Format", level 5): a 128-byte header, then data elements. Each
 * element has an 8-byte tag (type, byte count) and its data padded to 8 bytes, or, when the data
 * fit in 4 bytes, a "small element" whose tag packs the count in its upper 16 bits. A matrix
 * (miMATRIX) holds sub-elements: array flags (class), dimensions, name, then the class's data.
 */
import { inflateSync } from "node:zlib";
import { DataError } from "./errors.ts";

export type MatValue =
  | { kind: "numeric"; dims: number[]; data: Float64Array }
  | { kind: "char"; dims: number[]; text: string }
  | { kind: "struct"; dims: number[]; fields: string[]; elements: Map<string, MatValue>[] }
  | { kind: "cell"; dims: number[]; elements: MatValue[] }
  | { kind: "empty"; dims: number[] };

// Data types (miXXX) and array classes (mxXXX_CLASS) from the format description.
const MI = { INT8: 1, UINT8: 2, INT16: 3, UINT16: 4, INT32: 5, UINT32: 6, SINGLE: 7, DOUBLE: 9 };
const MI_INT64 = 12, MI_UINT64 = 13, MI_MATRIX = 14, MI_COMPRESSED = 15;
const MI_UTF8 = 16, MI_UTF16 = 17, MI_UTF32 = 18;
const MX_CELL = 1, MX_STRUCT = 2, MX_CHAR = 4, MX_DOUBLE = 6, MX_UINT64 = 15;

interface Element {
  type: number;
  bytes: Uint8Array;
}

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array, readonly name: string) {}
  get view() {
    return new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  }
  done(): boolean {
    return this.pos >= this.buf.length;
  }
  fail(why: string): never {
    throw new DataError(`${this.name}: not a readable MAT-file (${why} at byte ${this.pos})`);
  }
  element(): Element {
    if (this.pos + 8 > this.buf.length) this.fail("element tag cut short");
    const v = this.view, first = v.getUint32(this.pos, true);
    if (first >>> 16 !== 0) {
      // Small element: type in the low half, count in the high half, data in the next 4 bytes.
      const type = first & 0xffff, n = first >>> 16;
      if (n > 4) this.fail(`small element of ${n} bytes`);
      const bytes = this.buf.subarray(this.pos + 4, this.pos + 4 + n);
      this.pos += 8;
      return { type, bytes };
    }
    const n = v.getUint32(this.pos + 4, true), start = this.pos + 8;
    if (start + n > this.buf.length) this.fail(`element of ${n} bytes past the end`);
    // Compressed elements are not padded; the others are, to 8 bytes.
    this.pos = first === MI_COMPRESSED ? start + n : start + Math.ceil(n / 8) * 8;
    return { type: first, bytes: this.buf.subarray(start, start + n) };
  }
}

function numbers(e: Element, r: Reader): Float64Array {
  const v = new DataView(e.bytes.buffer, e.bytes.byteOffset, e.bytes.byteLength);
  const sizes: Record<number, number> = {
    [MI.INT8]: 1,
    [MI.UINT8]: 1,
    [MI.INT16]: 2,
    [MI.UINT16]: 2,
    [MI.INT32]: 4,
    [MI.UINT32]: 4,
    [MI.SINGLE]: 4,
    [MI.DOUBLE]: 8,
    [MI_INT64]: 8,
    [MI_UINT64]: 8,
    [MI_UTF8]: 1,
    [MI_UTF16]: 2,
    [MI_UTF32]: 4,
  };
  const size = sizes[e.type];
  if (!size) r.fail(`numeric data of type ${e.type}`);
  const out = new Float64Array(e.bytes.length / size);
  for (let i = 0; i < out.length; i++) {
    const o = i * size;
    switch (e.type) {
      case MI.INT8:
        out[i] = v.getInt8(o);
        break;
      case MI.INT16:
        out[i] = v.getInt16(o, true);
        break;
      case MI.INT32:
        out[i] = v.getInt32(o, true);
        break;
      case MI.SINGLE:
        out[i] = v.getFloat32(o, true);
        break;
      case MI.DOUBLE:
        out[i] = v.getFloat64(o, true);
        break;
      case MI_INT64:
        out[i] = Number(v.getBigInt64(o, true));
        break;
      case MI_UINT64:
        out[i] = Number(v.getBigUint64(o, true));
        break;
      default: // unsigned 8/16/32-bit and the UTF code units
        out[i] = size === 1
          ? v.getUint8(o)
          : size === 2
          ? v.getUint16(o, true)
          : v.getUint32(o, true);
    }
  }
  return out;
}

function text(e: Element, r: Reader): string {
  if (e.type === MI_UTF8) return new TextDecoder().decode(e.bytes);
  if (e.type === MI_UTF16) return new TextDecoder("utf-16le").decode(e.bytes);
  return String.fromCodePoint(...numbers(e, r));
}

/** One miMATRIX element's contents; `named` is false for struct fields and cells. */
function matrix(bytes: Uint8Array, r0: Reader): MatValue {
  if (bytes.length === 0) return { kind: "empty", dims: [0, 0] };
  const r = new Reader(bytes, r0.name);
  const flags = r.element(), dimsEl = r.element();
  r.element(); // the array name
  const cls = flags.bytes[0];
  const dims = Array.from(numbers(dimsEl, r));
  const count = dims.reduce((a, b) => a * b, 1);
  if (cls === MX_CHAR) {
    const s = r.done() ? "" : text(r.element(), r);
    // MATLAB stores char arrays column-major; a 1xN row (the usual string) reads as it is.
    return { kind: "char", dims, text: s };
  }
  if (cls === MX_STRUCT) {
    const len = numbers(r.element(), r)[0];
    const names = r.element().bytes;
    const fields: string[] = [];
    for (let i = 0; i + len <= names.length; i += len) {
      const raw = names.subarray(i, i + len), end = raw.indexOf(0);
      fields.push(new TextDecoder().decode(end < 0 ? raw : raw.subarray(0, end)));
    }
    const elements: Map<string, MatValue>[] = [];
    for (let k = 0; k < count; k++) {
      const m = new Map<string, MatValue>();
      for (const f of fields) {
        const e = r.element();
        if (e.type !== MI_MATRIX) r.fail(`struct field ${f} of type ${e.type}`);
        m.set(f, matrix(e.bytes, r));
      }
      elements.push(m);
    }
    return { kind: "struct", dims, fields, elements };
  }
  if (cls === MX_CELL) {
    const elements: MatValue[] = [];
    for (let k = 0; k < count; k++) {
      const e = r.element();
      if (e.type !== MI_MATRIX) r.fail(`cell element of type ${e.type}`);
      elements.push(matrix(e.bytes, r));
    }
    return { kind: "cell", dims, elements };
  }
  if (cls >= MX_DOUBLE && cls <= MX_UINT64) {
    // The stored type may be narrower than the class (MATLAB saves small integers compactly).
    return { kind: "numeric", dims, data: count ? numbers(r.element(), r) : new Float64Array() };
  }
  return r.fail(`array class ${cls}`);
}

/** The named top-level variables of a MAT-file. */
export function readMat(buf: Uint8Array, name: string): Map<string, MatValue> {
  const header = new TextDecoder("latin1").decode(buf.subarray(0, 116));
  if (buf.length < 128 || !header.startsWith("MATLAB 5.0 MAT-file")) {
    throw new DataError(`${name}: not a MATLAB 5.0 MAT-file (a -v7.3 file is HDF5: save with -v7)`);
  }
  if (buf[126] !== 0x49 || buf[127] !== 0x4d) {
    throw new DataError(`${name}: big-endian MAT-files are not supported`);
  }
  const out = new Map<string, MatValue>();
  const top = new Reader(buf.subarray(128), name);
  while (!top.done()) {
    let e = top.element();
    if (e.type === MI_COMPRESSED) {
      let raw: Uint8Array;
      try {
        raw = new Uint8Array(inflateSync(e.bytes));
      } catch (err) {
        return top.fail(`corrupt compressed element (${(err as Error).message})`);
      }
      e = new Reader(raw, name).element();
    }
    if (e.type !== MI_MATRIX) continue;
    const inner = new Reader(e.bytes, name);
    inner.element();
    inner.element();
    const varName = new TextDecoder().decode(inner.element().bytes);
    out.set(varName, matrix(e.bytes, top));
  }
  return out;
}

/** A struct field as a string (char array) or number (first element), for table-like structs. */
export function fieldText(v: MatValue | undefined): string | undefined {
  return v?.kind === "char" ? v.text : undefined;
}

export function fieldNumber(v: MatValue | undefined): number | undefined {
  return v?.kind === "numeric" && v.data.length ? v.data[0] : undefined;
}
