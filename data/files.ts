/** Reading files with DataError messages, and transparent gzip handling. */
import { gunzipSync } from "node:zlib";
import { DataError, describeError } from "./errors.ts";

/** Read a whole file; missing or unreadable files become a DataError naming the path. */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  try {
    return await Deno.readFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new DataError(`${path}: file not found`);
    if (e instanceof Deno.errors.IsADirectory) throw new DataError(`${path}: is a directory`);
    throw new DataError(`${path}: cannot read (${describeError(e)})`);
  }
}

/** True when the bytes start with the gzip magic number (1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Gunzip when the bytes are gzip, else return them unchanged. Deciding by content rather than by
 * the ".gz" suffix lets users point at either the compressed or the unpacked standard files.
 */
export function maybeGunzip(bytes: Uint8Array, name: string): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    // Synchronous zlib is the fastest path here and loading happens once per run.
    return new Uint8Array(gunzipSync(bytes));
  } catch (e) {
    throw new DataError(`${name}: corrupt gzip data (${describeError(e)})`);
  }
}

/** True if `path` exists (file or directory). */
export async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}
