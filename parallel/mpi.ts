// Loading an MPI library through Deno's FFI and calling the few functions data-parallel
// training needs (init, rank/size, all-reduce, all-gather, abort, finalize), the same way for
// the MPICH ABI and Open MPI's (parallel/abi.ts). `VGG_MPI_LIB` names another library (a path
// or a soname); otherwise the usual names are tried, the launcher's family first.
import {
  type AbiName,
  type Handles,
  LIBRARY_NAMES,
  MPI_THREAD_MULTIPLE,
  MPICH_HANDLES,
  MPICH_SYMBOLS,
  OPENMPI_MARKER,
  OPENMPI_SYMBOLS,
} from "./abi.ts";
import { libc } from "./libc.ts";
import { UserError } from "../compiler/errors.ts";

/** MPI could not be used: missing, the wrong library, or a call failed. Printed as one line. */
export class MpiError extends UserError {}

const RTLD_NOW = 0x2, RTLD_GLOBAL = 0x100;
const cstr = (s: string) => new TextEncoder().encode(s + "\0");

type Lib = Deno.DynamicLibrary<typeof MPICH_SYMBOLS>["symbols"];
type Op = "sum";
type Datatype = "float" | "double" | "byte";

/** One loaded MPI library. */
export class MpiLibrary {
  private constructor(
    /** The name or path it was loaded by. */
    readonly path: string,
    readonly abi: AbiName,
    private readonly lib: Lib,
    private readonly h: Handles,
    private readonly close: () => void,
  ) {}

  /** Loads the first library that opens: `VGG_MPI_LIB` alone when set, else the usual names
   *  with `prefer`'s family first. */
  static open(prefer: AbiName, override?: string): MpiLibrary {
    const other: AbiName = prefer === "mpich" ? "openmpi" : "mpich";
    const names = override ? [override] : [...LIBRARY_NAMES[prefer], ...LIBRARY_NAMES[other]];
    const failures: string[] = [];
    for (const name of names) {
      const r = MpiLibrary.tryOpen(name);
      if (r instanceof MpiLibrary) return r;
      failures.push(`${name}: ${r}`);
    }
    throw new MpiError(
      override
        ? `VGG_MPI_LIB=${override} does not load as an MPI library (${failures[0]})`
        : `no MPI library found (tried ${names.join(", ")}). Install MPICH (apt-get install ` +
          "mpich) or Open MPI (apt-get install openmpi-bin), load your cluster's MPI module, or " +
          "set VGG_MPI_LIB to the libmpi of the mpiexec you launch with",
    );
  }

  private static tryOpen(name: string): MpiLibrary | string {
    // dlopen it RTLD_GLOBAL first: Open MPI's plugins (mca_*.so) resolve their MPI symbols
    // against the already loaded libmpi, which Deno.dlopen alone loads RTLD_LOCAL.
    const c = libc();
    let handle: Deno.PointerValue = null;
    if (c) {
      handle = c.dlopen(cstr(name), RTLD_NOW | RTLD_GLOBAL);
      if (!handle) return c.dlerror() ?? "dlopen failed";
    }
    const abi: AbiName = c && handle
      ? (c.dlsym(handle, cstr(OPENMPI_MARKER)) ? "openmpi" : "mpich")
      : name.includes(".so.40")
      ? "openmpi"
      : "mpich";
    if (c && handle && !c.dlsym(handle, cstr("MPI_Init_thread"))) {
      return "not an MPI library (no MPI_Init_thread)";
    }
    try {
      if (abi === "openmpi") {
        const d = Deno.dlopen(name, OPENMPI_SYMBOLS);
        const s = d.symbols;
        const h: Handles = {
          world: s.ompi_mpi_comm_world,
          float: s.ompi_mpi_float,
          double: s.ompi_mpi_double,
          byte: s.ompi_mpi_byte,
          sum: s.ompi_mpi_op_sum,
        };
        return new MpiLibrary(name, abi, s as unknown as Lib, h, () => d.close());
      }
      const d = Deno.dlopen(name, MPICH_SYMBOLS);
      return new MpiLibrary(name, abi, d.symbols, MPICH_HANDLES, () => d.close());
    } catch (e) {
      return (e as Error).message.split("\n")[0];
    }
  }

  /** MPI_Init_thread asking for MPI_THREAD_MULTIPLE; returns the level provided. */
  init(): number {
    const provided = new Int32Array(1);
    this.check(this.lib.MPI_Init_thread(null, null, MPI_THREAD_MULTIPLE, provided), "MPI_Init");
    return provided[0];
  }

  rank(): number {
    const r = new Int32Array(1);
    this.check(this.lib.MPI_Comm_rank(this.h.world as number, r), "MPI_Comm_rank");
    return r[0];
  }

  size(): number {
    const r = new Int32Array(1);
    this.check(this.lib.MPI_Comm_size(this.h.world as number, r), "MPI_Comm_size");
    return r[0];
  }

  /** The first line of MPI_Get_library_version, e.g. "MPICH Version: 4.0.2". */
  version(): string {
    const buf = new Uint8Array(8192), len = new Int32Array(1);
    if (this.lib.MPI_Get_library_version(buf, len) !== 0) return this.path;
    const text = new TextDecoder().decode(buf.subarray(0, Math.min(len[0], buf.length)));
    return text.split("\n")[0].replace(/\s+/g, " ").replace(/,.*$/, "").trim();
  }

  /** MPI_Allreduce of `count` elements over MPI_COMM_WORLD. `async`: on a worker thread (the
   *  caller's event loop keeps running: GPU work, the watchdog), else on this thread. */
  allreduce(
    send: ArrayBufferView,
    recv: ArrayBufferView,
    count: number,
    type: Datatype,
    op: Op,
    async: boolean,
  ): Promise<number> | number {
    // Typed arrays over any buffer: the FFI passes their data pointer.
    const args = [
      send as BufferSource,
      recv as BufferSource,
      count,
      this.h[type] as number,
      this.h[op] as number,
      this.h.world as number,
    ] as const;
    return async ? this.lib.MPI_Allreduce_async(...args) : this.lib.MPI_Allreduce(...args);
  }

  /** MPI_Allgather of `bytes` bytes per rank (on this thread: used once, at start). */
  allgather(send: Uint8Array, recv: Uint8Array): void {
    const b = this.h.byte as number;
    this.check(
      this.lib.MPI_Allgather(send, send.length, b, recv, send.length, b, this.h.world as number),
      "MPI_Allgather",
    );
  }

  abort(code: number): void {
    this.lib.MPI_Abort(this.h.world as number, code);
  }

  finalize(): Promise<number> {
    return this.lib.MPI_Finalize_async();
  }

  unload(): void {
    this.close();
  }

  check(rc: number, what: string): void {
    // MPI's default error handler aborts the job on errors, so this is rarely reached.
    if (rc !== 0) throw new MpiError(`${what} failed with MPI error code ${rc} (${this.path})`);
  }
}
