import assert from "node:assert/strict";
import { join } from "node:path";
import {
  CIFAR10_RECORD,
  CIFAR10_TEST_FILE,
  CIFAR10_TRAIN_FILES,
  loadCifar10,
  parseCifarBatch,
} from "../data/cifar10.ts";
import { DataError } from "../data/errors.ts";
import { loadData } from "../data/sources.ts";

/** A fake batch in the real binary layout: label i%10; R plane = label*20, G = n, B = 255 - n. */
function fakeBatch(count: number, first: number): Uint8Array {
  const out = new Uint8Array(count * CIFAR10_RECORD);
  for (let i = 0; i < count; i++) {
    const n = first + i;
    const rec = out.subarray(i * CIFAR10_RECORD, (i + 1) * CIFAR10_RECORD);
    rec[0] = n % 10;
    rec.subarray(1, 1025).fill((n % 10) * 20);
    rec.subarray(1025, 2049).fill(n);
    rec.subarray(2049).fill(255 - n);
  }
  return out;
}

async function fakeTree(dir: string) {
  for (let b = 0; b < 5; b++) {
    await Deno.writeFile(join(dir, CIFAR10_TRAIN_FILES[b]), fakeBatch(4, b * 4));
  }
  await Deno.writeFile(join(dir, CIFAR10_TEST_FILE), fakeBatch(3, 100));
}

Deno.test("cifar10: tiny fake tree loads with labels, planar pixels and class names", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await fakeTree(dir);
    let d = await loadCifar10(dir);
    assert.equal(d.classes[0], "airplane");
    assert.equal(d.train.count, 20);
    assert.equal(d.test.count, 3);
    assert.deepEqual([...d.train.labels.subarray(0, 12)], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    const x = d.train.images!;
    // Sample 7 has R = 140 for every pixel and G = 7; check through the normalisation.
    const norm = d.normalization;
    const r = (140 / 255 - norm.mean[0]) / norm.std[0];
    const g = (7 / 255 - norm.mean[1]) / norm.std[1];
    assert.ok(Math.abs(x[7 * 3072 + 5] - r) < 1e-5);
    assert.ok(Math.abs(x[7 * 3072 + 1024 + 999] - g) < 1e-5);
    // Training-set normalisation: each channel has mean 0 over the training images.
    for (let c = 0; c < 3; c++) {
      let s = 0;
      for (let n = 0; n < 20; n++) for (let i = 0; i < 1024; i++) s += x[n * 3072 + c * 1024 + i];
      assert.ok(Math.abs(s / (20 * 1024)) < 1e-4);
    }

    await Deno.writeTextFile(join(dir, "batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");
    d = (await loadData(`cifar10:${dir}`)).dataset;
    assert.deepEqual(d.classes, [..."abcdefghij"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("cifar10: truncated file, bad label, missing batch are DataErrors naming the file", async () => {
  const good = fakeBatch(2, 0);
  assert.throws(
    () => parseCifarBatch(good.subarray(0, good.length - 5), "x.bin"),
    (e: unknown) =>
      e instanceof DataError && /^x\.bin: size 6141 is not a positive multiple/.test(e.message),
  );
  const bad = good.slice();
  bad[CIFAR10_RECORD] = 10;
  assert.throws(() => parseCifarBatch(bad, "x.bin"), /x\.bin: record 1 has label 10/);

  const dir = await Deno.makeTempDir();
  try {
    await fakeTree(dir);
    await Deno.writeFile(join(dir, "data_batch_3.bin"), good.subarray(0, 100));
    await assert.rejects(
      loadCifar10(dir),
      (e: unknown) => e instanceof DataError && e.message.startsWith(join(dir, "data_batch_3.bin")),
    );
    await Deno.remove(join(dir, "data_batch_3.bin"));
    await assert.rejects(loadCifar10(dir), /CIFAR-10 file data_batch_3\.bin not found/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
