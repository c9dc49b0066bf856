// The C library calls the MPI binding needs beside MPI itself: dlopen with RTLD_GLOBAL (Deno's
// dlopen is RTLD_LOCAL), dlsym to tell the two MPI ABIs apart, and _exit, which ends the
// process at once even while another thread is blocked inside an MPI call (exit() would run the
// MPI library's destructors, which can wait on that very call).

const SYMBOLS = {
  dlopen: { parameters: ["buffer", "i32"], result: "pointer" },
  dlsym: { parameters: ["pointer", "buffer"], result: "pointer" },
  dlerror: { parameters: [], result: "pointer" },
  _exit: { parameters: ["i32"], result: "void" },
} as const;

export interface Libc {
  dlopen(name: Uint8Array, flags: number): Deno.PointerValue;
  dlsym(handle: Deno.PointerObject, name: Uint8Array): Deno.PointerValue;
  /** The last dlopen error as text. */
  dlerror(): string | undefined;
  exitNow(code: number): never;
}

let loaded: Libc | null | undefined;

/** glibc's libc (Linux), or null where it cannot be loaded. */
export function libc(): Libc | null {
  if (loaded !== undefined) return loaded;
  try {
    const s = Deno.dlopen("libc.so.6", SYMBOLS).symbols;
    loaded = {
      dlopen: (name, flags) => s.dlopen(name, flags),
      dlsym: (h, name) => s.dlsym(h, name),
      dlerror: () => {
        const p = s.dlerror();
        return p ? Deno.UnsafePointerView.getCString(p) : undefined;
      },
      exitNow: (code) => {
        s._exit(code);
        throw new Error("unreachable");
      },
    };
  } catch {
    loaded = null;
  }
  return loaded;
}

/** Ends the process now with `code` (see above); Deno.exit where libc is not at hand. */
export function exitNow(code: number): never {
  const c = libc();
  if (c) c.exitNow(code);
  Deno.exit(code);
}
