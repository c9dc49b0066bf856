import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { DataError } from "../data/errors.ts";
import { encodeIdx, parseIdx, readIdxImages, readIdxLabels, writeIdxGz } from "../data/idx.ts";

Deno.test("idx: encode/parse round trip, gzipped and plain files", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const pixels = Uint8Array.from({ length: 2 * 3 * 4 }, (_, i) => i * 7);
    await writeIdxGz(join(dir, "img.gz"), [2, 3, 4], pixels);
    const img = await readIdxImages(join(dir, "img.gz"));
    assert.deepEqual([img.count, img.rows, img.cols], [2, 3, 4]);
    assert.deepEqual([...img.pixels], [...pixels]);

    await Deno.writeFile(join(dir, "lbl"), encodeIdx([3], Uint8Array.of(9, 0, 4)));
    assert.deepEqual([...(await readIdxLabels(join(dir, "lbl")))], [9, 0, 4]);
    // The standard header bytes: magic 0x00000801 and a big-endian count.
    assert.deepEqual([...encodeIdx([3], new Uint8Array(3)).subarray(0, 8)], [
      0,
      0,
      8,
      1,
      0,
      0,
      0,
      3,
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("idx: bad magic, truncation, trailing bytes and wrong rank are DataErrors naming the file", async () => {
  const good = encodeIdx([2, 2, 2], new Uint8Array(8));
  const cases: [Uint8Array, RegExp][] = [
    [Uint8Array.of(1, 2, 8, 3, 0, 0, 0, 1), /f\.idx: bad IDX magic number 0x01020803/],
    [good.subarray(0, good.length - 1), /f\.idx: truncated IDX data: .*need 8 bytes, found 7/],
    [good.subarray(0, 9), /f\.idx: truncated IDX header/],
    [Uint8Array.from([...good, 0]), /f\.idx: corrupt IDX file: .* 1 extra/],
    [Uint8Array.of(0, 0, 0x0d, 1, 0, 0, 0, 0), /float32 is not supported/],
    [Uint8Array.of(0, 0), /f\.idx: truncated IDX file/],
  ];
  for (const [bytes, re] of cases) {
    assert.throws(
      () => parseIdx(bytes, "f.idx"),
      (e: unknown) => e instanceof DataError && re.test(e.message),
    );
  }

  const dir = await Deno.makeTempDir();
  try {
    const path = join(dir, "cut-images-idx3-ubyte.gz");
    // A gzip stream cut in half: the decompressor must fail, and the message must name the file.
    const gz = gzipSync(encodeIdx([4, 28, 28], new Uint8Array(4 * 784).map((_, i) => i * 31)));
    await Deno.writeFile(path, gz.subarray(0, gz.length >> 1));
    await assert.rejects(
      readIdxImages(path),
      (e: unknown) =>
        e instanceof DataError && e.message.startsWith(path) && !e.message.includes("\n"),
    );

    await Deno.writeFile(join(dir, "lbl"), encodeIdx([2, 2], new Uint8Array(4)));
    await assert.rejects(readIdxLabels(join(dir, "lbl")), /expected an IDX label file with 1 dim/);
    await assert.rejects(readIdxImages(join(dir, "missing.gz")), /missing\.gz: file not found/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
