// The two binary interfaces of the MPI libraries clusters run, as Deno FFI tables.
//
// MPICH ABI (MPICH >= 3.1, Intel MPI >= 5, Cray MPICH, MVAPICH2 >= 2.0 share it): handles are C
// ints with fixed values, read from MPICH 4.0.2's mpi.h
// (/usr/include/x86_64-linux-gnu/mpich/mpi.h):
//   MPI_COMM_WORLD ((MPI_Comm)0x44000000)    MPI_FLOAT  ((MPI_Datatype)0x4c00040a)
//   MPI_DOUBLE     ((MPI_Datatype)0x4c00080b) MPI_BYTE  ((MPI_Datatype)0x4c00010d)
//   MPI_SUM        (MPI_Op)(0x58000003)
// Open MPI (libmpi.so.40: Open MPI 3 to 5): handles are pointers, the addresses of exported
// objects (mpi.h: `#define MPI_COMM_WORLD OMPI_PREDEFINED_GLOBAL(MPI_Comm,
// ompi_mpi_comm_world)`, i.e. `&ompi_mpi_comm_world`); Deno's FFI gives a static symbol of
// type "pointer" as its address, which is that handle.

export type AbiName = "mpich" | "openmpi";

/** The handles the binding uses: an int (MPICH ABI) or a pointer (Open MPI). */
export interface Handles {
  world: number | Deno.PointerValue;
  float: number | Deno.PointerValue;
  double: number | Deno.PointerValue;
  byte: number | Deno.PointerValue;
  sum: number | Deno.PointerValue;
}

export const MPICH_HANDLES: Handles = {
  world: 0x44000000,
  float: 0x4c00040a,
  double: 0x4c00080b,
  byte: 0x4c00010d,
  sum: 0x58000003,
};

/** MPI_THREAD_SERIALIZED: any thread may call MPI, one at a time (the collectives run on Deno's
 *  blocking-call threads, one after another). The same value in both ABIs. */
export const MPI_THREAD_SERIALIZED = 2;
export const MPI_THREAD_MULTIPLE = 3;

/** The functions used, with the handle type of the ABI (`H`). `nonblocking` calls run on a
 *  Deno worker thread and return a promise: the collectives that wait on other ranks. */
function functions<H extends "i32" | "pointer">(h: H) {
  return {
    MPI_Init_thread: { parameters: ["pointer", "pointer", "i32", "buffer"], result: "i32" },
    MPI_Initialized: { parameters: ["buffer"], result: "i32" },
    MPI_Comm_rank: { parameters: [h, "buffer"], result: "i32" },
    MPI_Comm_size: { parameters: [h, "buffer"], result: "i32" },
    MPI_Get_library_version: { parameters: ["buffer", "buffer"], result: "i32" },
    MPI_Allreduce: { parameters: ["buffer", "buffer", "i32", h, h, h], result: "i32" },
    MPI_Allreduce_async: {
      name: "MPI_Allreduce",
      parameters: ["buffer", "buffer", "i32", h, h, h],
      result: "i32",
      nonblocking: true,
    },
    MPI_Allgather: { parameters: ["buffer", "i32", h, "buffer", "i32", h, h], result: "i32" },
    MPI_Abort: { parameters: [h, "i32"], result: "i32" },
    MPI_Finalize_async: { name: "MPI_Finalize", parameters: [], result: "i32", nonblocking: true },
  } as const;
}

export const MPICH_SYMBOLS = functions("i32");
export const OPENMPI_SYMBOLS = {
  ...functions("pointer"),
  ompi_mpi_comm_world: { type: "pointer" },
  ompi_mpi_float: { type: "pointer" },
  ompi_mpi_double: { type: "pointer" },
  ompi_mpi_byte: { type: "pointer" },
  ompi_mpi_op_sum: { type: "pointer" },
} as const;

/** The one symbol that tells Open MPI's ABI from MPICH's in a loaded library. */
export const OPENMPI_MARKER = "ompi_mpi_comm_world";

/** Library names tried, in order, per family (sonames: the dynamic loader searches its path,
 *  LD_LIBRARY_PATH included, as module systems on clusters set it). */
export const LIBRARY_NAMES: Record<AbiName, string[]> = {
  // libmpi.so.12: MPICH's own soname, Intel MPI, MVAPICH, Cray; libmpich.so.12: Debian/Ubuntu.
  mpich: ["libmpi.so.12", "libmpich.so.12", "libmpich.so"],
  openmpi: ["libmpi.so.40"],
};
