// ImageNet as people have it: a flat val/ labelled by Kaggle's LOC_val_solution.csv or by the
// devkit's ground truth with its meta.mat (class ids in the devkit's order, not sorted), class
// words from LOC_synset_mapping.txt, and every colour layout decoded to RGB.
import assert from "node:assert/strict";
import { join } from "node:path";
import sharp from "sharp";
import { decodeRegion, imageSize, plainSize } from "../data/image_decode.ts";
import { listImageFolder } from "../data/imagefolder.ts";
import { readMat } from "../data/matfile.ts";
import { writeMat } from "./helpers/matfile.ts";

const WNIDS = ["n01440764", "n01443537", "n02119789"]; // sorted: the training class order
const WORDS = ["tench, Tinca tinca", "goldfish, Carassius auratus", "kit fox, Vulpes macrotis"];

async function png(path: string, seed: number) {
  const raw = Uint8Array.from({ length: 20 * 16 * 3 }, (_, i) => (i * 13 + seed * 71) % 256);
  await sharp(raw, { raw: { width: 20, height: 16, channels: 3 } }).png().toFile(path);
}

/** DIR/train/<wnid>/ (2 images each) and a flat DIR/val/ of 4 images, classes 2, 0, 1, 2. */
async function imagenetTree(root: string): Promise<string[]> {
  for (const [c, w] of WNIDS.entries()) {
    await Deno.mkdir(join(root, "train", w), { recursive: true });
    for (let i = 0; i < 2; i++) await png(join(root, "train", w, `${w}_${i}.png`), c * 2 + i);
  }
  await Deno.mkdir(join(root, "val"));
  const ids = [1, 2, 3, 4].map((k) => `ILSVRC2012_val_${String(k).padStart(8, "0")}`);
  for (const [k, id] of ids.entries()) await png(join(root, "val", `${id}.png`), 10 + k);
  return ids;
}

async function withDir(fn: (root: string) => Promise<void>) {
  const root = await Deno.makeTempDir();
  try {
    await fn(root);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
}

const VAL_CLASSES = [2, 0, 1, 2];

Deno.test("imagenet: flat val with Kaggle's LOC_val_solution.csv three folders up; words", () =>
  withDir(async (top) => {
    // Kaggle: TOP/LOC_*.{csv,txt} and TOP/ILSVRC/Data/CLS-LOC/{train,val}.
    const root = join(top, "ILSVRC", "Data", "CLS-LOC");
    const ids = await imagenetTree(root);
    await assert.rejects(listImageFolder(root), /holds images without class folders, and no/);
    const rows = ids.map((id, k) =>
      `${id},${WNIDS[VAL_CLASSES[k]]} 10 20 30 40 ${WNIDS[VAL_CLASSES[k]]} 1 2 3 4`
    );
    await Deno.writeTextFile(
      join(top, "LOC_val_solution.csv"),
      `ImageId,PredictionString\n${rows.join("\n")}\n`,
    );
    let l = await listImageFolder(root);
    assert.deepEqual(l.classes, WNIDS);
    assert.deepEqual(l.classNames, WNIDS, "no mapping file yet: the folder names");
    assert.deepEqual([...l.test.labels], VAL_CLASSES);
    assert.equal(l.valLabels, join(top, "LOC_val_solution.csv"));
    // Shuffled lines, as Kaggle's file is: labels go by image id, not by line.
    await Deno.writeTextFile(
      join(top, "LOC_synset_mapping.txt"),
      [2, 0, 1].map((c) => `${WNIDS[c]} ${WORDS[c]}`).join("\n") + "\n",
    );
    l = await listImageFolder(root);
    assert.deepEqual(l.classNames, WORDS);

    // A val image of a class the training set lacks, and one the file does not list.
    await Deno.writeTextFile(
      join(top, "LOC_val_solution.csv"),
      `ImageId,PredictionString\n${rows.slice(1).join("\n")}\n${ids[0]},n09999999 1 2 3 4\n`,
    );
    await assert.rejects(
      listImageFolder(root),
      new RegExp(`${ids[0]}\\.png: its class n09999999 .* is not one of the 3 training classes`),
    );
    await Deno.writeTextFile(join(top, "LOC_val_solution.csv"), rows.slice(1).join("\n"));
    await assert.rejects(listImageFolder(root), new RegExp(`${ids[0]}\\.png: no label in`));
  }));

Deno.test("imagenet: flat val with the devkit's ground truth, mapped through meta.mat's order", () =>
  withDir(async (root) => {
    await imagenetTree(root);
    const devkit = join(root, "ILSVRC2012_devkit_t12", "data");
    await Deno.mkdir(devkit, { recursive: true });
    // Devkit ids are not in sorted order: id 1 is the kit fox (sorted index 2), and so on.
    const devkitOrder = [2, 0, 1];
    const idOf = (c: number) => devkitOrder.indexOf(c) + 1;
    await Deno.writeTextFile(
      join(devkit, "ILSVRC2012_validation_ground_truth.txt"),
      VAL_CLASSES.map(idOf).join("\n") + "\n",
    );
    await assert.rejects(listImageFolder(root), /meta\.mat .* is needed beside it/);
    const synsets = devkitOrder.map((c, i) => ({
      ILSVRC2012_ID: i + 1,
      WNID: WNIDS[c],
      words: WORDS[c],
      num_children: 0,
      children: [] as number[],
    }));
    // An internal node (id > 1000 in the real file), as meta.mat lists 1860 synsets.
    synsets.push({
      ILSVRC2012_ID: 1001,
      WNID: "n00001740",
      words: "entity",
      num_children: 3,
      children: [1, 2, 3],
    });
    for (const compress of [false, true]) {
      const mat = writeMat({ synsets: { struct: synsets } }, compress);
      await Deno.writeFile(join(devkit, "meta.mat"), mat);
      const read = readMat(mat, "meta.mat").get("synsets");
      assert.equal(read?.kind === "struct" && read.elements.length, 4);
      const l = await listImageFolder(root);
      assert.deepEqual(l.classes, WNIDS);
      assert.deepEqual([...l.test.labels], VAL_CLASSES, `compressed: ${compress}`);
      assert.deepEqual(l.classNames, WORDS, "words from meta.mat");
    }
    await Deno.writeTextFile(
      join(devkit, "ILSVRC2012_validation_ground_truth.txt"),
      "1\n2\n7\n1\n",
    );
    await assert.rejects(listImageFolder(root), /ground_truth\.txt:3: class id '7' is not in/);
  }));

Deno.test("imagenet: CMYK and greyscale JPEGs, 16-bit, palette and grey+alpha PNGs decode to RGB", async () => {
  const w = 24, h = 18;
  const rgb = Uint8Array.from({ length: w * h * 3 }, (_, i) => 40 + ((i * 7) % 170));
  const base = () => sharp(rgb, { raw: { width: w, height: h, channels: 3 } });
  const files: Record<string, Uint8Array> = {
    cmyk: await base().toColourspace("cmyk").jpeg({ quality: 95 }).toBuffer(),
    grey: await base().toColourspace("b-w").jpeg({ quality: 95 }).toBuffer(),
    rgb16: await base().toColourspace("rgb16").png().toBuffer(),
    palette: await base().png({ palette: true, colours: 256 }).toBuffer(),
    greyAlpha: await base().toColourspace("b-w").ensureAlpha(0.5).png().toBuffer(),
  };
  files.progressive = await base().jpeg({ progressive: true }).toBuffer();
  assert.equal((await sharp(files.cmyk).metadata()).space, "cmyk");
  assert.equal((await sharp(files.rgb16).metadata()).depth, "ushort");
  for (const [name, bytes] of Object.entries(files)) {
    // The JavaScript header reader agrees with libvips.
    assert.deepEqual(plainSize(bytes), { width: w, height: h }, name);
    assert.deepEqual(await imageSize(bytes, name), { width: w, height: h });
    const img = await decodeRegion(bytes, name, { width: w, height: h });
    assert.equal(img.channels, 3, name);
    assert.equal(img.data.length, w * h * 3, name);
    let diff = 0, grey = true;
    for (let p = 0; p < w * h; p++) {
      const [r, g, b] = img.data.subarray(3 * p, 3 * p + 3);
      if (r !== g || g !== b) grey = false;
      diff += Math.abs(r - rgb[3 * p]) + Math.abs(g - rgb[3 * p + 1]) +
        Math.abs(b - rgb[3 * p + 2]);
    }
    if (name.startsWith("grey")) assert.ok(grey, `${name}: R = G = B`);
    // Colour images keep their colours (CMYK through an ICC round trip, palette quantised).
    else assert.ok(diff / (3 * w * h) < 12, `${name}: mean difference ${diff / (3 * w * h)}`);
  }
});

Deno.test("imagenet: EXIF orientation turns the image before sizes and crops", async () => {
  const w = 24, h = 16;
  // Left half dark, right half light; orientation 6 shows it turned 90 degrees clockwise.
  const rgb = Uint8Array.from({ length: w * h * 3 }, (_, i) => ((i / 3) % w < w / 2 ? 20 : 230));
  const turned = await sharp(rgb, { raw: { width: w, height: h, channels: 3 } })
    .withMetadata({ orientation: 6 }).jpeg({ quality: 95 }).toBuffer();
  assert.equal(plainSize(turned), null, "EXIF present: libvips decides");
  assert.deepEqual(await imageSize(turned, "turned"), { width: h, height: w });
  const img = await decodeRegion(turned, "turned", { width: h, height: w });
  assert.deepEqual([img.width, img.height], [h, w]);
  // Turned clockwise, the old left half (dark) is now the top half.
  assert.ok(img.data[0] < 60 && img.data[(w - 1) * h * 3] > 180);
});
