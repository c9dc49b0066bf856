import assert from "node:assert/strict";
import { join } from "node:path";
import { DataError } from "../data/errors.ts";
import {
  encodeSafetensors,
  f16ToF32,
  f32ToF16,
  parseSafetensors,
  readSafetensors,
  writeSafetensors,
} from "../data/safetensors.ts";

Deno.test("safetensors: write/read round trip of f32, i32, u8, f16, i64 with metadata", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = join(dir, "w.safetensors");
    const w = Float32Array.from({ length: 24 }, (_, i) => (i - 7) * 0.37);
    const idx = Int32Array.of(-5, 0, 2147483647, -2147483648);
    await writeSafetensors(path, {
      "conv1.weight": { shape: [2, 3, 2, 2], data: w },
      "step": { shape: [], data: Int32Array.of(1234) },
      "idx": { dtype: "I64", shape: [4], data: idx },
      "mask": { shape: [3], data: Uint8Array.of(1, 0, 255) },
      "half": { dtype: "F16", shape: [2, 2], data: Float32Array.of(1, -2.5, 65504, 1 / 3) },
    }, { epoch: "3", format: "vgg-wgsl" });
    const bytes = await Deno.readFile(path);
    const headerLen = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    assert.equal((8 + headerLen) % 8, 0, "data section is 8-byte aligned");
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLen)));
    assert.deepEqual(header["conv1.weight"], {
      dtype: "F32",
      shape: [2, 3, 2, 2],
      data_offsets: [0, 96],
    });

    const { tensors, metadata } = await readSafetensors(path);
    assert.deepEqual(metadata, { epoch: "3", format: "vgg-wgsl" });
    assert.deepEqual([...tensors.keys()].sort(), ["conv1.weight", "half", "idx", "mask", "step"]);
    const t = tensors.get("conv1.weight")!;
    assert.equal(t.dtype, "F32");
    assert.deepEqual(t.shape, [2, 3, 2, 2]);
    assert.deepEqual(t.data, w);
    assert.deepEqual(tensors.get("step")!.data, Int32Array.of(1234));
    assert.deepEqual(tensors.get("step")!.shape, []);
    assert.equal(tensors.get("idx")!.dtype, "I64");
    assert.deepEqual(tensors.get("idx")!.data, idx);
    assert.deepEqual(tensors.get("mask")!.data, Uint8Array.of(1, 0, 255));
    const half = tensors.get("half")!.data as Float32Array;
    assert.deepEqual([...half.subarray(0, 3)], [1, -2.5, 65504]);
    assert.ok(Math.abs(half[3] - 1 / 3) < 1e-3);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("safetensors: f16 conversion matches IEEE half", () => {
  // [float, its half encoding (round to nearest even), that half decoded]
  const cases: [number, number, number][] = [
    [0, 0x0000, 0],
    [-0, 0x8000, -0],
    [1, 0x3c00, 1],
    [-2, 0xc000, -2],
    [65504, 0x7bff, 65504],
    [65520, 0x7c00, Infinity],
    [2 ** -24, 0x0001, 2 ** -24],
    [2 ** -14, 0x0400, 2 ** -14],
    [Infinity, 0x7c00, Infinity],
    [0.1, 0x2e66, 0.0999755859375],
    [1 + 2 ** -11, 0x3c00, 1],
    [1 + 3 * 2 ** -11, 0x3c02, 1 + 2 ** -9],
  ];
  for (const [f, h, back] of cases) {
    assert.equal(f32ToF16(f), h, `f32ToF16(${f})`);
    assert.equal(f16ToF32(h), back, `f16ToF32(0x${h.toString(16)})`);
  }
  assert.ok(Number.isNaN(f16ToF32(f32ToF16(NaN))));
  // Every finite half survives half -> float -> half.
  for (let h = 0; h < 0x10000; h++) {
    if ((h & 0x7c00) === 0x7c00) continue;
    assert.equal(f32ToF16(f16ToF32(h)), h);
  }
});

function withHeader(header: unknown, body = new Uint8Array(0), lenOverride?: number): Uint8Array {
  const json = new TextEncoder().encode(
    typeof header === "string" ? header : JSON.stringify(header),
  );
  const out = new Uint8Array(8 + json.length + body.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(lenOverride ?? json.length), true);
  out.set(json, 8);
  out.set(body, 8 + json.length);
  return out;
}

Deno.test("safetensors: malformed headers are DataErrors naming the file and problem", async () => {
  const body = new Uint8Array(16);
  const cases: [Uint8Array, RegExp][] = [
    [new Uint8Array(5), /m\.st: truncated safetensors file/],
    [withHeader({}, body, 1000), /m\.st: safetensors header length 1000 exceeds the file/],
    [withHeader("{not json", body), /m\.st: safetensors header is not valid UTF-8 JSON/],
    [withHeader([1, 2], body), /not a JSON object/],
    [
      withHeader({ a: { dtype: "F32", shape: [2, 2], data_offsets: [0, 16] } }, new Uint8Array(8)),
      /tensor "a": data_offsets \[0, 16\] beyond the 8-byte data section/,
    ],
    [
      withHeader({ a: { dtype: "F32", shape: [3], data_offsets: [0, 16] } }, body),
      /tensor "a": 16 bytes but shape \[3\] of F32 needs 12/,
    ],
    [
      withHeader({ a: { dtype: "C64", shape: [1], data_offsets: [0, 8] } }, body),
      /tensor "a": unsupported dtype "C64"/,
    ],
    [
      withHeader({ a: { dtype: "F32", shape: [-1], data_offsets: [0, 4] } }, body),
      /shape must be an array of non-negative integers/,
    ],
    [
      withHeader({ a: { dtype: "F32", shape: [1], data_offsets: [8, 4] } }, body),
      /data_offsets must be \[begin, end\]/,
    ],
    [
      withHeader({
        a: { dtype: "U8", shape: [8], data_offsets: [0, 8] },
        b: { dtype: "U8", shape: [8], data_offsets: [4, 12] },
      }, body),
      /tensors "a" and "b" overlap/,
    ],
    [withHeader({ __metadata__: { n: 3 } }, body), /__metadata__ value of "n" is not a string/],
    [
      withHeader(
        { a: { dtype: "I64", shape: [1], data_offsets: [0, 8] } },
        new Uint8Array(8).fill(0x7f),
      ),
      /does not fit in int32/,
    ],
  ];
  for (const [bytes, re] of cases) {
    assert.throws(
      () => parseSafetensors(bytes, "m.st"),
      (e: unknown) => e instanceof DataError && re.test(e.message) && !e.message.includes("\n"),
      String(re),
    );
  }
  await assert.rejects(
    readSafetensors("/nonexistent/x.safetensors"),
    /x\.safetensors: file not found/,
  );
  // A header written by another tool, unaligned and unpadded, still parses.
  const t = parseSafetensors(
    withHeader(
      { x: { dtype: "F32", shape: [1], data_offsets: [0, 4] } },
      new Uint8Array(Float32Array.of(2.5).buffer),
    ),
    "ok",
  );
  assert.deepEqual(t.tensors.get("x")!.data, Float32Array.of(2.5));
  assert.throws(
    () => encodeSafetensors({ a: { shape: [3], data: new Float32Array(2) } }),
    /does not match/,
  );
  assert.throws(
    () => encodeSafetensors({ a: { dtype: "I32", shape: [2], data: new Float32Array(2) } }),
    /cannot be I32/,
  );
});
