// The decode workers: batches do not depend on the number of workers (or on sharding), bad
// files are replaced the same way whoever decodes them, and the pool stops cleanly, also
// when the consumer stops early and when it idles.
import assert from "node:assert/strict";
import { join } from "node:path";
import sharp from "sharp";
import { type Batch, batches } from "../data/dataset.ts";
import { encodeFrames, FrameKind, FrameReader } from "../data/decode_protocol.ts";
import { loadImageFolder } from "../data/imagefolder.ts";
import { allowedCpus, type DecodeMode, DecodePool, defaultDecodeMode } from "../data/workers.ts";

/** train/{a,b,c}/ and val/{a,b,c}/ of small noisy JPEGs and PNGs, plus one corrupt file. */
async function makeTree(root: string) {
  let k = 0;
  for (const split of ["train", "val"]) {
    for (const cls of ["a", "b", "c"]) {
      await Deno.mkdir(join(root, split, cls), { recursive: true });
      for (let i = 0; i < (split === "train" ? 6 : 2); i++, k++) {
        const w = 30 + (k % 5) * 4, h = 26 + (k % 3) * 6;
        const raw = Uint8Array.from({ length: w * h * 3 }, (_, j) => (j * 31 + k * 97) % 251);
        const img = sharp(raw, { raw: { width: w, height: h, channels: 3 } });
        const path = join(root, split, cls, `${i}.${k % 2 ? "png" : "jpg"}`);
        await (k % 2 ? img.png() : img.jpeg({ quality: 90 })).toFile(path);
      }
    }
  }
  await Deno.writeTextFile(join(root, "train/b/bad.jpg"), "not a jpeg");
}

async function withTree(fn: (root: string) => Promise<void>) {
  const root = await Deno.makeTempDir();
  try {
    await makeTree(root);
    await fn(root);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
}

const NO_PCA = { values: [0, 0, 0], vectors: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] };
const OPTS = { crop: 16, scale: [18, 30] as [number, number], statsSide: 16 };

/** Every training batch of one epoch (batch 5, shuffled, augmented) and the test batches. */
async function epoch(root: string, workers: number, shard?: { index: number; count: number }) {
  const d = await loadImageFolder(root, { ...OPTS, workers });
  try {
    assert.equal(d.workers, workers);
    const opts = { batchSize: 5, shuffle: true, seed: 4, epoch: 1, augment: true, shard };
    return {
      train: await Array.fromAsync(batches(d.train, opts)),
      test: await Array.fromAsync(batches(d.test, { batchSize: 4, shard })),
    };
  } finally {
    await d.close();
  }
}

/** Equal batches, whether their memory is shared or not; a mismatch names its first value. */
function assertSameBatches(got: Batch[], want: Batch[], what: string) {
  assert.equal(got.length, want.length, what);
  got.forEach((b, i) => {
    const j = b.x.findIndex((v, k) => !Object.is(v, want[i].x[k]));
    assert.ok(j < 0 && b.x.length === want[i].x.length, `${what}: batch ${i} differs at ${j}`);
    assert.deepEqual({ ...b, x: null }, { ...want[i], x: null }, `${what}: batch ${i}`);
  });
}

/** Runs `fn` with the pools' decode mode set to `mode` (data/workers.ts reads VGG_DECODE). */
async function inMode<T>(mode: DecodeMode, fn: () => Promise<T>): Promise<T> {
  const before = Deno.env.get("VGG_DECODE");
  Deno.env.set("VGG_DECODE", mode);
  try {
    return await fn();
  } finally {
    if (before === undefined) Deno.env.delete("VGG_DECODE");
    else Deno.env.set("VGG_DECODE", before);
  }
}

/** Shared batch files this process has in /dev/shm (data/shared_file.ts). */
function ourSharedFiles(): string[] {
  return [...Deno.readDirSync("/dev/shm")].map((e) => e.name)
    .filter((n) => n.startsWith(`vgg-batch-${Deno.pid}-`));
}

Deno.test("workers: 0, 1 and 4 workers give identical batches, bad file replaced alike", () =>
  withTree(async (root) => {
    const inline = await epoch(root, 0);
    const skipped = inline.train.flatMap((b) => b.skipped);
    assert.equal(skipped.length, 1, "the corrupt file appears once per epoch");
    assert.match(skipped[0].path, /train\/b\/bad\.jpg$/);
    assert.ok(inline.train.every((b) => b.x.every(Number.isFinite)));
    assert.equal(defaultDecodeMode(), "processes", "decode processes where -A allows them");
    for (const mode of ["processes", "threads"] as const) {
      for (const workers of [1, 4]) {
        const got = await inMode(mode, () => epoch(root, workers));
        assertSameBatches(got.train, inline.train, `${workers} workers (${mode}), train`);
        assertSameBatches(got.test, inline.test, `${workers} workers (${mode}), test`);
      }
    }
    assert.deepEqual(ourSharedFiles(), [], "closed pools leave no shared files");
    // Recycled shared arrays (as the training loop reads them) hold the same values.
    const d = await loadImageFolder(root, { ...OPTS, workers: 2 });
    const copies: Batch[] = [], buffers = new Set<ArrayBufferLike>();
    const opts = { batchSize: 2, shuffle: true, seed: 4, epoch: 1, augment: true };
    for await (const b of batches(d.train, { ...opts, recycle: true })) {
      buffers.add(b.x.buffer);
      copies.push({ ...b, x: b.x.slice() });
    }
    // The next epoch starts with the arrays the last one handed back.
    const next = await batches(d.train, { ...opts, epoch: 2, recycle: true }).next();
    assert.ok(buffers.has(next.value!.x.buffer), "arrays carried over to the next epoch");
    await d.close();
    const here = await loadImageFolder(root, { ...OPTS, workers: 0 });
    assertSameBatches(copies, await Array.fromAsync(batches(here.train, opts)), "recycled");
    assert.ok(buffers.size < copies.length, "arrays were reused");
  }));

Deno.test("workers: two shards with two workers each, concatenated, are the unsharded epoch", () =>
  withTree(async (root) => {
    const whole = await epoch(root, 0);
    const parts = await Promise.all([0, 1].map((index) => epoch(root, 2, { index, count: 2 })));
    whole.train.forEach((b, i) => {
      const [p, q] = parts.map((s) => s.train[i]);
      const shifted = q.skipped.map((k) => ({ ...k, position: k.position + p.n }));
      const joined = {
        x: Float32Array.from([...p.x, ...q.x]),
        y: Int32Array.from([...p.y, ...q.y]),
        n: p.n + q.n,
        skipped: [...p.skipped, ...shifted],
      };
      assertSameBatches([joined], [b], `batch ${i}`);
    });
  }));

Deno.test("workers: stopping early, closing while busy, and idling never crash or hang", () =>
  withTree(async (root) => {
    const d = await loadImageFolder(root, { ...OPTS, workers: 2 });
    for await (const _ of batches(d.train, { batchSize: 3, augment: true })) break;
    // Work still queued when close() is called is rejected; work in flight finishes first.
    const pending = d.test.read(Int32Array.from([0, 1, 2, 3, 4, 5]), { augment: false, seed: 0 });
    const closed = d.close();
    await assert.rejects(pending, /decode pool closed/);
    await closed;
    // Reading again starts fresh workers.
    assert.equal((await Array.fromAsync(batches(d.test, { batchSize: 6 })))[0].n, 6);
    await d.close();

    // A pool left idle stops its workers by itself, so a process without close() still ends.
    const pool = new DecodePool(1, { idleMs: 50 });
    const out = pool.allocate(3 * 16 * 16);
    const files = (await Array.fromAsync(Deno.readDir(join(root, "val/a")))).map((e) => e.name);
    const failures = await pool.decode({
      augment: false,
      cfg: { ...OPTS, testScale: 18, pcaStd: 0, flip: false, mean: [0, 0, 0], eigen: NO_PCA },
      paths: [join(root, "val/a", files[0])],
      seeds: [0],
      offsets: [0],
      out,
    });
    assert.deepEqual(failures, []);
    assert.ok(out.some((v) => v !== 0));
    assert.equal(pool.running, 1);
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(pool.running, 0, "the idle worker stopped");
    await pool.close();
  }));

Deno.test("workers: a decode process that dies fails its batch by name; close still returns", () =>
  withTree(async (root) => {
    const d = await inMode(
      "processes",
      () => loadImageFolder(root, { ...OPTS, workers: 2, firstCpu: 1 }),
    );
    try {
      assert.equal(d.decodeMode, "processes");
      const opts = { batchSize: 4, shuffle: true, seed: 1, augment: true };
      for await (const _ of batches(d.train, opts)) break;
      const pids = d.decodePids();
      assert.equal(pids.length, 2, "one process per worker");
      // Worker k's process is pinned to core firstCpu + k (here 1 + k) of those allowed.
      const cpus = allowedCpus()!;
      const pinned = pids.map((pid) => allowedCpus(pid));
      assert.deepEqual(pinned, [1, 2].map((k) => [cpus[k % cpus.length]]));
      assert.ok(ourSharedFiles().length > 0, "batches live in shared files");
      Deno.kill(pids[0], "SIGKILL");
      await assert.rejects(
        Array.fromAsync(batches(d.train, { ...opts, epoch: 1 })),
        /decode process exited with code \d+ \(SIGKILL\)/,
      );
    } finally {
      await d.close();
    }
    assert.deepEqual(ourSharedFiles(), [], "close() removes the shared files");
  }));

Deno.test("decode protocol: frames come out whole however the stream is cut", () => {
  const text = new TextEncoder();
  const frames = Array.from({ length: 7 }, (_, i) => ({
    id: 100 + i,
    index: i,
    kind: i % 3 === 0 ? FrameKind.BadFile : FrameKind.Sample,
    payload: i % 3 === 0 ? text.encode(`file ${i}: bad`) : new Uint8Array(),
  }));
  const bytes = encodeFrames(frames);
  for (const cut of [1, 5, 31, 32, 33, 1000]) {
    const reader = new FrameReader();
    const got = [];
    for (let at = 0; at < bytes.length; at += cut) {
      for (const f of reader.push(bytes.subarray(at, at + cut))) {
        got.push({ ...f, payload: f.payload.slice() });
      }
    }
    assert.deepEqual(got, frames, `chunks of ${cut} bytes`);
    assert.equal(reader.pending, 0);
  }
});

Deno.test("workers: VGG_DECODE picks where workers decode; another value is an error naming it", async () => {
  assert.equal(await inMode("threads", () => Promise.resolve(defaultDecodeMode())), "threads");
  assert.equal(
    await inMode("processes", () => Promise.resolve(new DecodePool(1).mode)),
    "processes",
  );
  await assert.rejects(
    inMode("gpu" as DecodeMode, () => Promise.resolve(defaultDecodeMode())),
    /VGG_DECODE must be "threads" or "processes", got "gpu"/,
  );
});
