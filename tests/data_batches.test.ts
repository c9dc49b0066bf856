import assert from "node:assert/strict";
import {
  type Batch,
  batches,
  epochOrder,
  memorySplit,
  shardRange,
  type Split,
} from "../data/dataset.ts";
import { deriveSeed, makeRng, permutation } from "../data/rng.ts";

function toySplit(count = 10, side = 2): Split {
  const size = side * side;
  // Sample i holds the values i*100 + 0..size-1, so batches reveal which samples they contain.
  const images = Float32Array.from(
    { length: count * size },
    (_, k) => Math.floor(k / size) * 100 + (k % size),
  );
  const labels = Int32Array.from({ length: count }, (_, i) => i % 3);
  return memorySplit(images, labels, [1, side, side]);
}

async function collect(split: Split, opts: Parameters<typeof batches>[1]) {
  const out = [];
  for await (const b of batches(split, opts)) out.push(b);
  return out;
}

Deno.test("rng: deterministic, seeds independent, permutation is a permutation", () => {
  const a = makeRng(42), b = makeRng(42), c = makeRng(43);
  const sa = Array.from({ length: 5 }, () => a.u32());
  assert.deepEqual(sa, Array.from({ length: 5 }, () => b.u32()));
  assert.notDeepEqual(sa, Array.from({ length: 5 }, () => c.u32()));
  assert.notEqual(deriveSeed(1, 0), deriveSeed(1, 1));
  assert.notEqual(deriveSeed(1, 2), deriveSeed(2, 1));
  const p = permutation(1000, makeRng(5));
  assert.deepEqual([...p].sort((x, y) => x - y), Array.from({ length: 1000 }, (_, i) => i));
  const r = makeRng(9);
  let s = 0;
  for (let i = 0; i < 10000; i++) {
    const f = r.float();
    assert.ok(f >= 0 && f < 1);
    s += f;
  }
  assert.ok(Math.abs(s / 10000 - 0.5) < 0.02);
});

Deno.test("batches: deterministic for the same seed/epoch, different across epochs, full coverage", async () => {
  const split = toySplit(10);
  const opts = { batchSize: 4, shuffle: true, seed: 7, epoch: 0 };
  const a = await collect(split, opts);
  const b = await collect(split, opts);
  assert.deepEqual(a, b);
  assert.deepEqual(a.map((x) => x.n), [4, 4, 2]);
  const seenIn = (bs: typeof a) =>
    bs.flatMap((x) => Array.from({ length: x.n }, (_, i) => x.x[i * 4] / 100));
  const order0 = seenIn(a);
  assert.deepEqual([...order0].sort((x, y) => x - y), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.notDeepEqual(order0, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], "shuffled");
  const order1 = seenIn(await collect(split, { ...opts, epoch: 1 }));
  assert.notDeepEqual(order0, order1);
  assert.notDeepEqual(order0, seenIn(await collect(split, { ...opts, seed: 8 })));
  // Labels travel with their images.
  for (const bt of a) for (let i = 0; i < bt.n; i++) assert.equal(bt.y[i], (bt.x[i * 4] / 100) % 3);
  assert.deepEqual([...epochOrder(5, false, 1, 1)], [0, 1, 2, 3, 4]);

  const dropped = await collect(split, { ...opts, dropLast: true });
  assert.deepEqual(dropped.map((x) => x.n), [4, 4]);
  assert.equal((await collect(split, { batchSize: 3, limit: 7 })).reduce((s, x) => s + x.n, 0), 7);
});

Deno.test("batches: augmentation flips deterministically per (seed, epoch)", async () => {
  const split = toySplit(64, 2);
  const opts = { batchSize: 16, shuffle: false, seed: 1, epoch: 0, augment: true };
  const a = await collect(split, opts);
  assert.deepEqual(a, await collect(split, opts));
  let flipped = 0;
  for (const bt of a) {
    for (let i = 0; i < bt.n; i++) {
      const v = Array.from(bt.x.subarray(i * 4, i * 4 + 4), (x) => x % 100);
      if (v.join() === "1,0,3,2") flipped++;
      else assert.equal(v.join(), "0,1,2,3");
    }
  }
  assert.ok(flipped > 16 && flipped < 48, `flipped ${flipped} of 64`);
  assert.notDeepEqual(a, await collect(split, { ...opts, epoch: 1 }));
  // The stored images are never modified by augmentation.
  assert.deepEqual([...split.images!.subarray(0, 4)], [0, 1, 2, 3]);
});

Deno.test("batches: the next batch is prepared while the consumer awaits the current one", async () => {
  const reads: number[] = [];
  const base = toySplit(12);
  const split: Split = {
    ...base,
    read(indices, opts) {
      reads.push(indices[0]);
      return base.read(indices, opts);
    },
  };
  const it = batches(split, { batchSize: 4 });
  const first = await it.next();
  assert.equal(first.done, false);
  // Simulate the consumer doing async work (GPU step) on batch 0.
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(reads, [0, 4], "batch 1 was read before the consumer asked for it");
  await it.return(undefined);
  // Stopping early waits for the in-flight prefetch; no stray reads afterwards.
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(reads, [0, 4]);
});

Deno.test("batches: a read error surfaces to the consumer", async () => {
  const base = toySplit(8);
  const split: Split = {
    ...base,
    read: (idx, opts) => idx[0] >= 4 ? Promise.reject(new Error("boom")) : base.read(idx, opts),
  };
  await assert.rejects(collect(split, { batchSize: 4 }), /boom/);
  assert.throws(() => memorySplit(new Float32Array(3), new Int32Array(1), [1, 2, 2]));
  await assert.rejects(collect(base, { batchSize: 0 }), /batchSize must be a positive integer/);
});

/** Concatenates the parts of one global batch in shard order. */
function concat(parts: Batch[]): Batch {
  const x = new Float32Array(parts.reduce((s, p) => s + p.x.length, 0));
  const y = new Int32Array(parts.reduce((s, p) => s + p.n, 0));
  let o = 0, k = 0;
  for (const p of parts) {
    x.set(p.x, o);
    y.set(p.y, k);
    o += p.x.length;
    k += p.n;
  }
  return { x, y, n: k, skipped: [] };
}

Deno.test("batches: N shards, concatenated in rank order, are the unsharded batches exactly", async () => {
  const split = toySplit(50, 2);
  const opts = { batchSize: 12, shuffle: true, seed: 3, epoch: 2, augment: true };
  const whole = await collect(split, opts);
  let flips = 0;
  for (const b of whole) flips += b.x.filter((v, i) => i % 4 === 0 && v % 100 === 1).length;
  assert.ok(flips > 0, "augmentation is on");
  for (const count of [1, 2, 3, 5]) {
    const shards = await Promise.all(
      Array.from(
        { length: count },
        (_, index) => collect(split, { ...opts, shard: { index, count } }),
      ),
    );
    assert.deepEqual(
      whole.map((_, b) => concat(shards.map((s) => s[b]))),
      whole.map((b) => ({ ...b, skipped: [] })),
      `${count} shards`,
    );
    // The last batch (2 samples) leaves some of 3 or 5 ranks empty; the others split it.
    assert.deepEqual(
      shards.map((s) => s[4].n),
      Array.from({ length: count }, (_, i) => {
        const [lo, hi] = shardRange(2, i, count);
        return hi - lo;
      }),
    );
  }
  // Only the shard's own samples are read.
  const reads: number[] = [];
  const counting: Split = {
    ...split,
    read(indices, o) {
      reads.push(indices.length);
      return split.read(indices, o);
    },
  };
  await collect(counting, { ...opts, dropLast: true, shard: { index: 1, count: 4 } });
  assert.deepEqual(reads, [3, 3, 3, 3]);
  for (const shard of [{ index: 2, count: 2 }, { index: -1, count: 2 }, { index: 0, count: 0 }]) {
    await assert.rejects(collect(split, { ...opts, shard }), /needs 0 <= index < count/);
  }
});

Deno.test("batches: a deeper prefetch reads ahead but yields the same batches; a later failure waits its turn", async () => {
  const base = toySplit(40);
  const reads: number[] = [];
  const split: Split = {
    ...base,
    prefetch: 3,
    read(indices, opts) {
      reads.push(indices[0]);
      return base.read(indices, opts);
    },
  };
  const opts = { batchSize: 4, shuffle: true, seed: 1, augment: true };
  const it = batches(split, opts);
  await it.next();
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(reads.length, 4, "batch 0 plus three ahead");
  await it.return(undefined);
  assert.deepEqual(await collect(split, opts), await collect(base, opts));

  let seen = 0;
  const failing: Split = {
    ...base,
    prefetch: 3,
    read: (idx, o) => idx[0] >= 8 ? Promise.reject(new Error("late")) : base.read(idx, o),
  };
  await assert.rejects(async () => {
    for await (const _ of batches(failing, { batchSize: 4 })) seen++;
  }, /late/);
  assert.equal(seen, 2, "batches before the failing one arrive first");
});

Deno.test("batches: with recycle, arrays are reused once the consumer moves on; same values", async () => {
  const split = toySplit(40, 2);
  const opts = { batchSize: 4, shuffle: true, seed: 2, augment: true };
  const want = await collect(split, opts);
  const seen = new Set<ArrayBufferLike>();
  let i = 0;
  for await (const b of batches(split, { ...opts, recycle: true })) {
    assert.deepEqual(b, want[i++], `batch ${i - 1}`);
    seen.add(b.x.buffer);
  }
  assert.equal(i, 10);
  assert.equal(seen.size, 2, "prefetch 1: the batch in hand and the one being prepared");
});
