// A command's life as one rank of an MPI job: start MPI when a launcher started this process,
// agree with the other ranks after a phase that may fail, print errors once, and end together.
import { detectLaunch, type Launch, processEnv } from "./launch.ts";
import { Communicator, sharedWithRank0 } from "./comm.ts";
import { exitNow } from "./libc.ts";

/** Errors that every rank raises alike from the same flags and files. */
const SAME_ON_EVERY_RANK = new Set(["UsageError", "TrainingStopped", "MpiError"]);

export class Ranks {
  comm?: Communicator;
  constructor(readonly launch: Launch | undefined) {}

  /** The launch this process is part of (undefined: a plain single process). */
  static detect(): Ranks {
    return new Ranks(detectLaunch(processEnv()));
  }

  /** Starts MPI (a no-op in a single process). */
  open(): Communicator | undefined {
    if (this.launch && !this.comm) this.comm = Communicator.open(this.launch, processEnv());
    return this.comm;
  }

  /** Options for cli/common.ts main(): rank 0 prints what all ranks share; the others print
   *  only their own errors, prefixed with their rank; MPI is finalized before the exit. */
  mainOptions() {
    if (!this.launch) return {};
    return {
      rank: this.launch.rank,
      shared: (e: Error) => SAME_ON_EVERY_RANK.has(e.name) || sharedWithRank0.has(e),
      exit: (code: number) => this.exit(code),
    };
  }

  /** Runs `f` on every rank and agrees on the outcome: if any rank failed, all stop here (each
   *  printing only its own error). */
  async agreed<T>(what: string, f: () => Promise<T>): Promise<T> {
    if (!this.comm) return await f();
    let value: T | undefined, error: unknown;
    try {
      value = await f();
    } catch (e) {
      error = e ?? new Error("unknown error");
    }
    await this.comm.agree(what, error);
    return value as T;
  }

  /** Ends the process with `code`, after MPI_Finalize when MPI is up (given a few seconds: with
   *  a rank gone it may never return). `_exit`, since a thread may still be inside MPI. */
  async exit(code: number): Promise<never> {
    if (this.comm) {
      await this.comm.finalize(code === 0 || code >= 128 ? 30 : 5).catch(() => {});
      exitNow(code);
    }
    Deno.exit(code);
  }
}
