import assert from "node:assert/strict";
import { join } from "node:path";
import { atomicWrite, atomicWriteText, tempPathFor } from "../data/atomic.ts";
import { DataError } from "../data/errors.ts";

Deno.test("atomic: a crash before rename leaves the old file intact; the next write recovers", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = join(dir, "ckpt.safetensors");
    await atomicWriteText(path, "old content");
    // Simulate a writer that died mid-write: a partial temp file next to the target.
    const tmp = tempPathFor(path);
    assert.equal(tmp, `${path}.tmp-${Deno.pid}`);
    await Deno.writeTextFile(tmp, "new con");
    assert.equal(await Deno.readTextFile(path), "old content");

    await atomicWrite(path, new TextEncoder().encode("new content, complete"));
    assert.equal(await Deno.readTextFile(path), "new content, complete");
    const names = [];
    for await (const e of Deno.readDir(dir)) names.push(e.name);
    assert.deepEqual(names, ["ckpt.safetensors"], "no temp file left behind");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("atomic: a failed write throws a DataError and leaves no temp file", async () => {
  const dir = await Deno.makeTempDir();
  try {
    // The target is a non-empty directory, so the final rename fails after the temp was written.
    const path = join(dir, "target");
    await Deno.mkdir(join(path, "sub"), { recursive: true });
    await assert.rejects(
      atomicWriteText(path, "x"),
      (e: unknown) =>
        e instanceof DataError && e.message.startsWith(`${path}: atomic write failed`),
    );
    const names = [];
    for await (const e of Deno.readDir(dir)) names.push(e.name);
    assert.deepEqual(names, ["target"]);
    await assert.rejects(atomicWriteText(join(dir, "no/such/dir/f"), "x"), DataError);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("atomic: concurrent readers only ever see a complete old or new file", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = join(dir, "f");
    const big = (c: string) => c.repeat(1 << 20);
    await atomicWriteText(path, big("a"));
    let stop = false;
    const seen = new Set<string>();
    const reader = (async () => {
      while (!stop) {
        const t = await Deno.readTextFile(path);
        seen.add(
          t.length === 1 << 20 && (t === big("a") || t === big("b")) ? t[0] : `bad:${t.length}`,
        );
      }
    })();
    for (let i = 0; i < 6; i++) await atomicWriteText(path, big(i % 2 ? "a" : "b"));
    stop = true;
    await reader;
    assert.ok([...seen].every((s) => s === "a" || s === "b"), [...seen].join(","));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
