/**
 * Atomic file replacement: write a sibling temp file, fsync it, then rename over the target.
 * rename(2) within one directory is atomic, so a crash leaves either the old or the new file,
 * never a half-written checkpoint. A stale temp file from a crash is simply overwritten next time.
 */
import { dirname } from "node:path";
import { DataError, describeError } from "./errors.ts";

/** The temp path used for `path`; per-process so two writers never share a temp file. */
export function tempPathFor(path: string): string {
  return `${path}.tmp-${Deno.pid}`;
}

export async function atomicWrite(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = tempPathFor(path);
  try {
    const file = await Deno.open(tmp, { write: true, create: true, truncate: true });
    try {
      let off = 0;
      while (off < bytes.length) off += await file.write(bytes.subarray(off));
      // Data must be on disk before the rename makes it visible, or a crash could expose a
      // renamed-but-empty file.
      await file.sync();
    } finally {
      file.close();
    }
    await Deno.rename(tmp, path);
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw new DataError(`${path}: atomic write failed (${describeError(e)})`);
  }
  await syncDir(dirname(path));
}

export async function atomicWriteText(path: string, text: string): Promise<void> {
  await atomicWrite(path, new TextEncoder().encode(text));
}

/** Persist the rename itself. Best effort: some filesystems refuse to fsync a directory. */
async function syncDir(dir: string): Promise<void> {
  try {
    const d = await Deno.open(dir, { read: true });
    try {
      await d.sync();
    } finally {
      d.close();
    }
  } catch {
    // Not fatal: the file content is already durable; only the rename's durability is at stake.
  }
}
