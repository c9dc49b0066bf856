// The data tools: prepare-data's resized copy (smaller side at most S, small and unreadable
// files copied as they are, label files along, a second run keeps what is there) and
// bench-data's JSON (both paths, every worker count, efficiency).
import assert from "node:assert/strict";
import { join } from "node:path";
import sharp from "sharp";
import { imageSize } from "../data/image_decode.ts";
import { listImageFolder } from "../data/imagefolder.ts";
import { prepareFolder } from "../data/prepare.ts";
import { allowedCpus } from "../data/throughput.ts";
import { ROOT } from "./helpers/cli.ts";

async function jpeg(path: string, w: number, h: number) {
  const raw = Uint8Array.from({ length: w * h * 3 }, (_, i) => (i * 17 + w) % 256);
  await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).jpeg().toFile(path);
}

async function withDir(fn: (dir: string) => Promise<void>) {
  const dir = await Deno.makeTempDir();
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("prepare-data: smaller side at most S; small and unreadable files copied; resumable", () =>
  withDir(async (dir) => {
    const src = join(dir, "src"), dst = join(dir, "dst");
    for (const split of ["train", "val"]) {
      await Deno.mkdir(join(src, split, "n01"), { recursive: true });
    }
    await Deno.mkdir(join(src, "train", "n02"));
    await jpeg(join(src, "train/n01/big.JPEG"), 90, 60); // smaller side 60 > 40: rescaled
    await jpeg(join(src, "train/n02/tall.JPEG"), 50, 120); // 50 > 40: rescaled to 40x96
    await jpeg(join(src, "train/n02/small.JPEG"), 40, 30); // copied as is
    await Deno.writeTextFile(join(src, "train/n01/bad.JPEG"), "not an image");
    await jpeg(join(src, "val/n01/v.JPEG"), 80, 80);
    await Deno.writeTextFile(join(src, "LOC_synset_mapping.txt"), "n01 one\nn02 two\n");

    const r = await prepareFolder(src, dst, { maxSide: 40 });
    assert.deepEqual([r.total, r.resized, r.copied, r.kept], [5, 3, 2, 0]);
    assert.deepEqual([...r.unreadable.keys()], [join(src, "train/n01/bad.JPEG")]);
    const size = async (rel: string) => {
      const p = join(dst, rel);
      return await imageSize(await Deno.readFile(p), p);
    };
    assert.deepEqual(await size("train/n01/big.JPEG"), { width: 60, height: 40 });
    assert.deepEqual(await size("train/n02/tall.JPEG"), { width: 40, height: 96 });
    assert.deepEqual(await size("val/n01/v.JPEG"), { width: 40, height: 40 });
    for (const rel of ["train/n02/small.JPEG", "train/n01/bad.JPEG", "LOC_synset_mapping.txt"]) {
      assert.deepEqual(
        await Deno.readFile(join(dst, rel)),
        await Deno.readFile(join(src, rel)),
        rel,
      );
    }
    assert.deepEqual((await listImageFolder(dst)).classNames, ["one", "two"]);
    assert.ok(r.bytesOut < r.bytesIn);

    // Interrupted and run again: what is there is kept, what is missing is written.
    await Deno.remove(join(dst, "val/n01/v.JPEG"));
    const again = await prepareFolder(src, dst, { maxSide: 40 });
    assert.deepEqual([again.resized, again.kept], [1, 4]);
    assert.deepEqual(await size("val/n01/v.JPEG"), { width: 40, height: 40 });
  }));

Deno.test("bench-data --json: both paths for 1 and 2 workers, efficiency, images_per_s", () =>
  withDir(async (dir) => {
    for (const split of ["train", "val"]) {
      for (const c of ["a", "b"]) {
        await Deno.mkdir(join(dir, split, c), { recursive: true });
        for (let i = 0; i < 4; i++) await jpeg(join(dir, split, c, `${i}.jpg`), 40 + i, 36);
      }
    }
    const cmd = new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        "cli/bench_data.ts",
        `imagefolder:${dir}`,
        ...["--workers", "2", "--batch", "4", "--batches", "1", "--rounds", "1"],
        ...["--crop", "24", "--scale", "28,40", "--json"],
      ],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    });
    const r = await cmd.output();
    const stderr = new TextDecoder().decode(r.stderr);
    assert.equal(r.code, 0, stderr);
    const j = JSON.parse(new TextDecoder().decode(r.stdout));
    assert.deepEqual(j.summary.map((s: { workers: number }) => s.workers), [1, 2]);
    assert.equal(j.workers, 2);
    assert.ok(j.images_per_s > 0 && j.test_images_per_s > 0);
    assert.equal(j.images_per_s, j.summary[1].train_images_per_s);
    assert.equal(j.summary[0].train_efficiency, 1);
    assert.equal(j.runs.length, 2);
    for (const run of j.runs) {
      assert.equal(run.train.images, 4, "one timed batch after the warm-up");
    }
    // Each run in a process pinned to as many cores as workers (taskset is in util-linux).
    const cpus = allowedCpus()!;
    assert.equal(j.pinned, true);
    assert.deepEqual(j.runs.map((r: { cores: number }) => r.cores), [1, Math.min(2, cpus.length)]);
  }));
