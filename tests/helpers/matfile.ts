// A small writer of MATLAB level-5 MAT-files, for tests of data/matfile.ts's reader: numeric
// (double), char and struct arrays, optionally zlib-compressed as MATLAB 7 saves them. (The
// reader was also checked against files MATLAB 6.5 and 7.4 wrote: scipy's test data.)
import { deflateSync } from "node:zlib";

export type MatIn = number | number[] | string | { struct: Record<string, MatIn>[] };

const MI_INT8 = 1, MI_INT32 = 5, MI_UINT32 = 6, MI_DOUBLE = 9, MI_UTF16 = 17;
const MI_MATRIX = 14, MI_COMPRESSED = 15;

function element(type: number, bytes: Uint8Array): Uint8Array {
  if (bytes.length <= 4 && type !== MI_MATRIX) {
    const out = new Uint8Array(8);
    new DataView(out.buffer).setUint32(0, (bytes.length << 16) | type, true);
    out.set(bytes, 4);
    return out;
  }
  const out = new Uint8Array(8 + Math.ceil(bytes.length / 8) * 8);
  const v = new DataView(out.buffer);
  v.setUint32(0, type, true);
  v.setUint32(4, bytes.length, true);
  out.set(bytes, 8);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function ints(type: number, values: number[]): Uint8Array {
  const b = new Uint8Array(values.length * 4), v = new DataView(b.buffer);
  values.forEach((x, i) =>
    type === MI_INT32 ? v.setInt32(i * 4, x, true) : v.setUint32(i * 4, x, true)
  );
  return element(type, b);
}

function matrix(value: MatIn, name: string): Uint8Array {
  const head = (cls: number, dims: number[]) => [
    ints(MI_UINT32, [cls, 0]),
    ints(MI_INT32, dims),
    element(MI_INT8, new TextEncoder().encode(name)),
  ];
  let parts: Uint8Array[];
  if (typeof value === "string") {
    const codes = new Uint8Array(value.length * 2), v = new DataView(codes.buffer);
    for (let i = 0; i < value.length; i++) v.setUint16(i * 2, value.charCodeAt(i), true);
    parts = [...head(4, [1, value.length]), element(MI_UTF16, codes)];
  } else if (typeof value === "number" || Array.isArray(value)) {
    const xs = typeof value === "number" ? [value] : value;
    const b = new Uint8Array(xs.length * 8), v = new DataView(b.buffer);
    xs.forEach((x, i) => v.setFloat64(i * 8, x, true));
    parts = [...head(6, [1, xs.length]), ...(xs.length ? [element(MI_DOUBLE, b)] : [])];
  } else {
    const fields = Object.keys(value.struct[0] ?? {});
    const names = new Uint8Array(fields.length * 32);
    fields.forEach((f, i) => names.set(new TextEncoder().encode(f), i * 32));
    parts = [
      ...head(2, [value.struct.length, 1]),
      ints(MI_INT32, [32]),
      element(MI_INT8, names),
      ...value.struct.flatMap((s) => fields.map((f) => matrix(s[f], ""))),
    ];
  }
  return element(MI_MATRIX, concat(parts));
}

/** A MAT-file holding `vars`, each element compressed when `compress`. */
export function writeMat(vars: Record<string, MatIn>, compress = true): Uint8Array {
  const header = new Uint8Array(128).fill(0x20);
  header.set(new TextEncoder().encode("MATLAB 5.0 MAT-file, written by tests/helpers/matfile.ts"));
  header.set([0, 1, 0x49, 0x4d], 124); // version 0x0100, endian indicator "IM" (little-endian)
  const body = Object.entries(vars).map(([name, v]) => {
    const m = matrix(v, name);
    if (!compress) return m;
    const z = new Uint8Array(deflateSync(m));
    const out = new Uint8Array(8 + z.length), dv = new DataView(out.buffer);
    dv.setUint32(0, MI_COMPRESSED, true);
    dv.setUint32(4, z.length, true);
    out.set(z, 8);
    return out;
  });
  return concat([header, ...body]);
}
