// `deno task train` on an image folder: crops of the net's input side, classes from the
// folders, corrupt images skipped and reported (or fatal with --strict-data), and the paper's
// recipe of section 3.1: S = 256, then S = 384 initialised from it, then scale jittering
// initialised from S = 384 (here at 32x32 crops: S = 37, 55 and [37, 73]).
import assert from "node:assert/strict";
import { join } from "node:path";
import sharp from "sharp";
import { readSafetensors } from "../data/safetensors.ts";
import { jsonEvents, runTrain } from "./helpers/cli.ts";

/** train/{c0,c1,c2}/ (8 images each) and val/ (2 each), 44x36 JPEGs, plus two bad files. */
async function makeFolder(root: string) {
  let k = 0;
  for (const [split, per] of [["train", 8], ["val", 2]] as const) {
    for (const cls of ["c0", "c1", "c2"]) {
      await Deno.mkdir(join(root, split, cls), { recursive: true });
      for (let i = 0; i < per; i++, k++) {
        const raw = Uint8Array.from({ length: 44 * 36 * 3 }, (_, j) => (j * 29 + k * 53) % 256);
        await sharp(raw, { raw: { width: 44, height: 36, channels: 3 } }).jpeg()
          .toFile(join(root, split, cls, `${i}.jpg`));
      }
    }
  }
  await Deno.writeTextFile(join(root, "train/c1/corrupt.jpg"), "not an image");
  const good = await Deno.readFile(join(root, "val/c2/0.jpg"));
  await Deno.writeFile(join(root, "val/c2/cut.jpg"), good.subarray(0, good.length >> 1));
}

const NET = ["nets/a.ts", "--width", "16", "--size", "32", "--batch", "8", "--workers", "2"];

Deno.test("train on an image folder: one-line errors before any training", async () => {
  const dir = await Deno.makeTempDir({ prefix: "train_folder_" });
  try {
    await makeFolder(dir);
    const data = ["--data", `imagefolder:${dir}`];
    // The colour statistics read every training image here, so --strict-data stops at once.
    const strict = await runTrain([...NET, ...data, "--strict-data", "--out", join(dir, "s")]);
    assert.equal(strict.code, 2);
    assert.match(strict.stderr, /^error: .*corrupt\.jpg: cannot decode image .*--strict-data/m);
    const mismatch = await runTrain([...NET, ...data, "--classes", "5", "--out", join(dir, "m")]);
    assert.equal(mismatch.code, 2);
    assert.match(mismatch.stderr, /has 5 classes but imagefolder has 3 \(use --classes 3\)/);
    const small = await runTrain([...NET, ...data, "--scale", "28", "--out", join(dir, "t")]);
    assert.match(small.stderr, /--scale 28: the training scale must be at least the crop 32/);
    const other = await runTrain(["nets/a.ts", "--scale", "256", "--workers", "2"]);
    assert.match(other.stderr, /--scale, --workers: only for --data imagefolder:DIR/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("train: the paper's scales, S then a larger S from it (--init-from), then jittering; bad images reported", async () => {
  const dir = await Deno.makeTempDir({ prefix: "train_scales_" });
  try {
    await makeFolder(dir);
    const base = [...NET, "--data", `imagefolder:${dir}`, "--json"];
    const stage = async (name: string, args: string[]) => {
      const r = await runTrain([...base, ...args, "--out", join(dir, name)]);
      assert.equal(r.code, 0, r.stderr);
      return jsonEvents(r.stdout);
    };
    const info = (events: Record<string, unknown>[]) =>
      String(events.find((e) => e.event === "info" && /data:/.test(String(e.message)))?.message);
    // Stage 1 (S = 256 at 224; 37 at 32), two epochs: trains to the end past the bad files.
    const s256 = await stage("s37", ["--epochs", "2", "--lr", "0.001"]);
    assert.match(info(s256), /S 37, Q 37, 32x32 crops, 2 decode workers/);
    const bad = s256.filter((e) => e.event === "bad_image").map((e) => e.path).sort();
    assert.deepEqual(bad, [join(dir, "train/c1/corrupt.jpg"), join(dir, "val/c2/cut.jpg")]);
    const rows = (await Deno.readTextFile(join(dir, "s37", "metrics.jsonl"))).trim().split("\n")
      .map((l) => JSON.parse(l));
    assert.equal(rows.length, 2, "trained to the end");
    assert.deepEqual(rows[0].bad_files.sort(), bad);
    assert.deepEqual(rows[1].bad_files, [], "each file named once");
    // The truncated val image is read every epoch (the corrupt training one only when drawn).
    assert.ok(rows.every((row) => row.test_skipped_images === 1));
    const { metadata } = await readSafetensors(join(dir, "s37", "weights.safetensors"));
    assert.deepEqual(JSON.parse(metadata.classes), ["c0", "c1", "c2"]);
    assert.equal(JSON.parse(metadata.mean_rgb).length, 3);

    // Stage 2 (S = 384; here 55) from stage 1: every layer copied.
    const s384 = await stage("s55", [
      "--epochs",
      "1",
      "--scale",
      "55",
      "--lr",
      "0.0005",
      "--init-from",
      join(dir, "s37", "weights.safetensors"),
    ]);
    assert.match(info(s384), /S 55, Q 55, 32x32 crops/);
    const init = s384.find((e) => e.event === "init_from") as { copied: string[] };
    assert.equal(init.copied.length, 22, "every layer of A: 8 convs and 3 FCs, weights and biases");
    // Stage 3: scale jittering in [256, 512] (here [37, 73]) from stage 2, tested at Q = 384 (55).
    const multi = await stage("s37-73", [
      "--epochs",
      "1",
      "--scale",
      "37,73",
      "--test-scale",
      "55",
      "--init-from",
      join(dir, "s55", "weights.safetensors"),
      "--lr",
      "0.0005",
    ]);
    assert.match(info(multi), /S 37-73, Q 55, 32x32 crops/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
