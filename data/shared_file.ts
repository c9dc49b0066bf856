/**
 * Memory shared between processes: a file in /dev/shm mapped with mmap (through Deno's FFI), so
 * that a decode process (data/decode_process.ts) writes a batch's floats where the training loop
 * reads them, with no copy on the way. The mapping is an ordinary ArrayBuffer for JavaScript and
 * `GPUQueue.writeBuffer`.
 *
 * A mapping lives as long as its array: it is unmapped when the garbage collector frees the
 * array (a FinalizationRegistry), never while JavaScript can still reach it. The creator also
 * removes the file then; the processes that mapped it keep their mapping until they drop it.
 */

const SYMBOLS = {
  open: { parameters: ["buffer", "i32", "i32"], result: "i32" },
  close: { parameters: ["i32"], result: "i32" },
  mmap: { parameters: ["pointer", "usize", "i32", "i32", "i32", "i64"], result: "pointer" },
  munmap: { parameters: ["pointer", "usize"], result: "i32" },
  posix_fallocate: { parameters: ["i32", "i64", "i64"], result: "i32" },
  statvfs: { parameters: ["buffer", "buffer"], result: "i32" },
} as const;

const O_RDWR = 2, PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1, MAP_POPULATE = 0x8000;

let lib: Deno.DynamicLibrary<typeof SYMBOLS>["symbols"] | null | undefined;

function libc() {
  if (lib !== undefined) return lib;
  try {
    lib = Deno.dlopen("libc.so.6", SYMBOLS).symbols;
  } catch {
    lib = null;
  }
  return lib;
}

/** /dev/shm cannot hold a batch. */
export class SharedSpaceError extends Error {}

/** Where shared batches go: /dev/shm (memory, not disk). */
export const SHARED_DIR = "/dev/shm";

/**
 * Bytes free in /dev/shm (statvfs), or null if unknown. Containers often mount a small one
 * (Docker: 64 MiB unless `--shm-size`), where a few batches of 224x224 images do not fit.
 */
export function sharedSpace(): number | null {
  const c = libc();
  if (!c) return null;
  // struct statvfs (glibc, 64-bit): f_bsize, f_frsize, f_blocks, f_bfree, f_bavail, ...
  const buf = new BigUint64Array(16);
  if (c.statvfs(new TextEncoder().encode(SHARED_DIR + "\0"), buf) !== 0) return null;
  return Number(buf[4] * buf[1]);
}

/**
 * True when this process can share memory with others: FFI and file permissions, glibc, and
 * /dev/shm.
 */
export function canShare(): boolean {
  const granted = (d: Deno.PermissionDescriptor) =>
    Deno.permissions.querySync(d).state === "granted";
  if (!granted({ name: "ffi" }) || !granted({ name: "write", path: SHARED_DIR })) return false;
  try {
    if (!Deno.statSync(SHARED_DIR).isDirectory) return false;
  } catch {
    return false;
  }
  return libc() !== null;
}

const unmap = new FinalizationRegistry<{ ptr: Deno.PointerObject; bytes: number; path?: string }>(
  ({ ptr, bytes, path }) => {
    libc()!.munmap(ptr, BigInt(bytes));
    if (path) removeShared(path);
  },
);

/** Maps `bytes` of the file at `path` (which must be that long), read and write. */
export function mapFile(path: string, bytes: number, owned = false): Float32Array {
  const c = libc();
  if (!c) throw new Error("shared memory needs glibc through Deno's FFI");
  const fd = c.open(new TextEncoder().encode(path + "\0"), O_RDWR, 0);
  if (fd < 0) throw new Error(`${path}: cannot open for mapping`);
  // The creator reserves the file's memory now: a full /dev/shm is then this error, not a
  // SIGBUS in whichever process first writes past the space.
  if (owned && c.posix_fallocate(fd, 0n, BigInt(bytes)) !== 0) {
    c.close(fd);
    removeShared(path);
    throw new SharedSpaceError(
      `${SHARED_DIR} has no room for ${(bytes / 2 ** 20).toFixed(1)} MiB of batch memory ` +
        `(${((sharedSpace() ?? 0) / 2 ** 20).toFixed(0)} MiB free): enlarge it (Docker: ` +
        `--shm-size) or decode in threads (VGG_DECODE=threads)`,
    );
  }
  const ptr = c.mmap(
    null,
    BigInt(bytes),
    PROT_READ | PROT_WRITE,
    MAP_SHARED | MAP_POPULATE,
    fd,
    0n,
  );
  c.close(fd);
  // MAP_FAILED is (void*)-1.
  if (!ptr || Deno.UnsafePointer.value(ptr) === 0xffff_ffff_ffff_ffffn) {
    throw new Error(`${path}: mmap of ${bytes} bytes failed`);
  }
  const array = new Float32Array(Deno.UnsafePointerView.getArrayBuffer(ptr, bytes));
  unmap.register(array.buffer, { ptr, bytes, path: owned ? path : undefined });
  return array;
}

/** Files this process created and has not removed yet: removed when it exits normally. */
const created = new Set<string>();
let swept = false;

/** Removes a file from createShared() (its mappings stay valid). */
export function removeShared(path: string): void {
  created.delete(path);
  try {
    Deno.removeSync(path);
  } catch { /* already gone */ }
}

/**
 * Files left by processes that are gone (killed before they could remove them): their names
 * carry the creator's pid.
 */
function sweep(): void {
  swept = true;
  globalThis.addEventListener("unload", () => [...created].forEach(removeShared));
  for (const e of Deno.readDirSync(SHARED_DIR)) {
    const m = e.name.match(/^vgg-batch-(\d+)-/);
    if (!m) continue;
    try {
      Deno.statSync(`/proc/${m[1]}`);
    } catch {
      try {
        Deno.removeSync(`${SHARED_DIR}/${e.name}`);
      } catch { /* another process swept it */ }
    }
  }
}

/** A new shared array of `floats` zeros, and the file other processes map to reach it. */
export function createShared(floats: number): { path: string; array: Float32Array } {
  if (!swept) sweep();
  const bytes = Math.max(4, floats * 4);
  const path = Deno.makeTempFileSync({ dir: SHARED_DIR, prefix: `vgg-batch-${Deno.pid}-` });
  created.add(path);
  Deno.truncateSync(path, bytes);
  return { path, array: mapFile(path, bytes, true) };
}
