// The world communicator of an MPI job as training uses it: rank and size from MPI, sums over
// ranks (float32 gradients, float64 metrics and flags), agreement on errors, and a watchdog.
//
// Collectives run one at a time, in the order the caller issues them (every rank issues the
// same sequence), each on a Deno worker thread (FFI `nonblocking`), so the event loop stays free
// meanwhile: the GPU keeps being fed (the gradient all-reduce overlaps the backward pass) and the
// watchdog can act when a peer is gone.
//
// What happens when a rank dies (measured here, 2 ranks, one SIGKILLed in a collective):
// MPICH's Hydra kills the others at once (within 0.1 s) and prints "BAD TERMINATION ... PID
// <pid> ... EXIT CODE: 9"; Open MPI 4.1's mpiexec sends the others SIGTERM, then SIGKILL a second
// later, and prints "process rank 1 with PID ... exited on signal 9". Both end the job in
// seconds. Launchers that do not (srun without --kill-on-bad-exit) would leave the others in the
// collective for ever: the watchdog checks the ranks on this host while a collective waits (a
// dead one ends the job within about 2 s, naming it) and gives up on any collective after
// VGG_MPI_TIMEOUT seconds (default 300: a peer on another host may be dead or hung).
import type { Launch } from "./launch.ts";
import { MpiError, MpiLibrary } from "./mpi.ts";
import { MPI_THREAD_SERIALIZED } from "./abi.ts";
import { exitNow } from "./libc.ts";

/** What the training program needs from a group of ranks (tests may provide their own). */
export interface Collective {
  readonly rank: number;
  readonly size: number;
  /** Sums float32 `send` over ranks, element-wise, into `recv` (same length). */
  sum(send: Float32Array, recv: Float32Array, what: string): Promise<void>;
  /** Sums float64 values over ranks. */
  sum64(values: readonly number[], what: string): Promise<number[]>;
}

/** Errors rank 0 had as well (after `agree`): rank 0 prints them, the others need not. */
export const sharedWithRank0 = new WeakSet<object>();

/** Another rank failed (it printed why); this one stops quietly. */
export class PeerFailed extends Error {
  constructor(what: string) {
    super(`another rank failed during ${what}`);
    this.name = "PeerFailed";
  }
}

export interface Peer {
  pid: number;
  host: string;
}

const HOST_BYTES = 60, RECORD = 4 + HOST_BYTES;
const DEFAULT_TIMEOUT_S = 300;
/** Elements per MPI_Allreduce call of a float32 sum (16 MiB; see `sum`). */
export const CHUNK = 4 * 2 ** 20;

export class Communicator implements Collective {
  private queue: Promise<unknown> = Promise.resolve();
  private finalized = false;

  private constructor(
    readonly mpi: MpiLibrary,
    readonly rank: number,
    readonly size: number,
    /** Every rank's process id and host, by rank. */
    readonly peers: Peer[],
    /** Collectives on worker threads (the library allows calls from any thread). */
    readonly async: boolean,
    readonly timeoutS: number,
    /** The library's own description, e.g. "MPICH Version: 4.0.2 (libmpich.so.12)". */
    readonly library: string,
  ) {}

  /** Loads MPI, initialises it and checks it against the launcher's word. */
  static open(launch: Launch, env: (k: string) => string | undefined): Communicator {
    const mpi = MpiLibrary.open(launch.prefers, env("VGG_MPI_LIB") || undefined);
    const provided = mpi.init();
    const rank = mpi.rank(), size = mpi.size();
    const library = `${mpi.version()} (${mpi.path})`;
    if (size !== launch.size) {
      // A library that does not speak the launcher's protocol starts each rank alone.
      throw new MpiError(
        `${launch.launcher} started ${launch.size} ranks (${launch.evidence}) but the MPI ` +
          `library ${library} sees ${size} (this is rank ${rank} of ${size}): the launcher and ` +
          "the library do not match. Launch with the library's own mpiexec (mpiexec.mpich for " +
          "MPICH, mpiexec.openmpi for Open MPI; srun --mpi=pmi2 or --mpi=pmix under Slurm) or " +
          "set VGG_MPI_LIB to the launcher's libmpi (e.g. " +
          "/usr/lib/x86_64-linux-gnu/openmpi/lib/libmpi.so.40)",
      );
    }
    const peers = exchangePeers(mpi, size);
    const t = Number(env("VGG_MPI_TIMEOUT") ?? DEFAULT_TIMEOUT_S);
    return new Communicator(
      mpi,
      rank,
      size,
      peers,
      provided >= MPI_THREAD_SERIALIZED,
      Number.isFinite(t) && t > 0 ? t : DEFAULT_TIMEOUT_S,
      library,
    );
  }

  /** "rank 1 of 4 (pid 812 on node3)". */
  describe(rank = this.rank): string {
    const p = this.peers[rank];
    return `rank ${rank} of ${this.size} (pid ${p.pid} on ${p.host})`;
  }

  /** This rank's index among the ranks on its host, and how many there are. */
  local(): { rank: number; size: number } {
    const host = this.peers[this.rank].host;
    const same = this.peers.map((p, r) => [p, r] as const).filter(([p]) => p.host === host);
    return { rank: same.findIndex(([, r]) => r === this.rank), size: same.length };
  }

  async sum(send: Float32Array, recv: Float32Array, what: string): Promise<void> {
    if (send.length !== recv.length) throw new Error(`sum ${what}: lengths differ`);
    // In pieces of at most CHUNK elements (every rank cuts alike). An MPI library allocates its
    // temporary buffers per call; above glibc's 32 MiB mmap threshold each is fresh memory whose
    // page faults dominate (measured here: VGG-16's 553 MB in one call, 0.1 GB/s).
    for (let at = 0; at < send.length; at += CHUNK) {
      const n = Math.min(CHUNK, send.length - at);
      const s = send.subarray(at, at + n), r = recv.subarray(at, at + n);
      await this.collective(what, () => this.mpi.allreduce(s, r, n, "float", "sum", this.async));
    }
  }

  async sum64(values: readonly number[], what: string): Promise<number[]> {
    const send = Float64Array.from(values), recv = new Float64Array(send.length);
    await this.collective(
      what,
      () => this.mpi.allreduce(send, recv, send.length, "double", "sum", this.async),
    );
    return [...recv];
  }

  /** Every rank passes here together: throws the local error if there is one, PeerFailed if
   *  another rank had one, so all ranks stop at the same point. A rank's error that rank 0 had
   *  too is marked `sharedWithRank0`: printed by rank 0 alone, not once per rank. */
  async agree(what: string, local?: unknown): Promise<void> {
    const failed = local === undefined ? 0 : 1;
    const [any, atRank0] = await this.sum64(
      [failed, this.rank === 0 ? failed : 0],
      `the agreement after ${what}`,
    );
    if (local !== undefined) {
      if (this.rank !== 0 && atRank0 > 0 && typeof local === "object" && local) {
        sharedWithRank0.add(local);
      }
      throw local;
    }
    if (any > 0) throw new PeerFailed(what);
  }

  /** MPI_Finalize, given `limitS` seconds: when other ranks are gone or stuck it may never
   *  return, and the process then ends without it. */
  async finalize(limitS = 10): Promise<void> {
    if (this.finalized) return;
    this.finalized = true;
    await this.queue.catch(() => {});
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<"late">((r) => timer = setTimeout(() => r("late"), limitS * 1000));
    try {
      await Promise.race([this.mpi.finalize(), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs one collective after the previous ones, watched (see the header). */
  private collective(what: string, call: () => Promise<number> | number): Promise<void> {
    const run = async () => {
      const t0 = performance.now();
      const timer = this.async ? setInterval(() => this.watch(what, t0), 1000) : undefined;
      try {
        this.mpi.check(await call(), what);
      } finally {
        clearInterval(timer);
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => {});
    return next;
  }

  private watch(what: string, t0: number): void {
    const waited = (performance.now() - t0) / 1000;
    if (waited < 2) return;
    const host = this.peers[this.rank].host;
    for (const [r, p] of this.peers.entries()) {
      if (r === this.rank || p.host !== host || processAlive(p.pid)) continue;
      this.die(`${this.describe(r)} has died; ${what} cannot complete. Stopping the job.`);
    }
    if (waited > this.timeoutS) {
      const remote = this.peers.some((p) => p.host !== host);
      this.die(
        `${what} has waited ${Math.round(waited)} s for the other ranks (VGG_MPI_TIMEOUT=` +
          `${this.timeoutS}): ${
            remote ? "a rank has died or hung (those on this host are alive)" : "a rank is hung"
          }. Stopping the job.`,
      );
    }
  }

  /** Ends this rank now, with a message naming it; the launcher then ends the others. */
  private die(message: string): never {
    console.error(`error: ${this.describe()}: ${message}`);
    exitNow(1);
  }
}

/** Every rank's pid and host name, gathered once at start (the watchdog and messages). */
function exchangePeers(mpi: MpiLibrary, size: number): Peer[] {
  const mine = new Uint8Array(RECORD);
  new DataView(mine.buffer).setInt32(0, Deno.pid, true);
  mine.set(new TextEncoder().encode(Deno.hostname()).subarray(0, HOST_BYTES), 4);
  const all = new Uint8Array(RECORD * size);
  mpi.allgather(mine, all);
  const view = new DataView(all.buffer);
  return Array.from({ length: size }, (_, r) => {
    const host = all.subarray(r * RECORD + 4, (r + 1) * RECORD);
    const end = host.indexOf(0);
    return {
      pid: view.getInt32(r * RECORD, true),
      host: new TextDecoder().decode(end < 0 ? host : host.subarray(0, end)),
    };
  });
}

/** Whether process `pid` on this host is alive (Linux /proc; a zombie is dead). Elsewhere,
 *  assumed alive: only the timeout then applies. */
export function processAlive(pid: number): boolean {
  let stat: string;
  try {
    stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
  } catch (e) {
    return !(e instanceof Deno.errors.NotFound);
  }
  const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  return state !== "Z" && state !== "X";
}
