// Was this process started as one rank of an MPI job? Launchers say so in the environment
// before MPI is even loaded: MPICH's Hydra (and Intel MPI, MVAPICH) set PMI_RANK / PMI_SIZE,
// Open MPI's mpiexec OMPI_COMM_WORLD_*, Slurm's srun SLURM_PROCID / SLURM_STEP_NUM_TASKS
// (with PMI_* or PMIX_* when an MPI plugin wires the ranks up). A plain `deno task train`
// has none of them and stays one process. The rank and size used for training come from MPI
// itself (parallel/mpi.ts); these values pick the library to try first, let only rank 0
// print a flag error before MPI is up, and expose a launcher/library mismatch (each rank of a
// job whose library does not speak the launcher's protocol starts alone, as rank 0 of 1).

export type Env = (name: string) => string | undefined;

export interface Launch {
  /** Who started the ranks, for messages ("MPICH Hydra", "Open MPI's mpiexec", "Slurm's srun"). */
  launcher: string;
  /** The environment's rank and world size. */
  rank: number;
  size: number;
  /** The variable that told, for messages: "OMPI_COMM_WORLD_SIZE=2". */
  evidence: string;
  /** The library family whose protocol the launcher speaks: tried first. */
  prefers: "openmpi" | "mpich";
}

const int = (v: string | undefined): number | undefined => {
  if (v === undefined || !/^\d+$/.test(v.trim())) return undefined;
  return Number(v);
};

/** The launch this environment describes, or undefined for a plain single process (also when
 *  a launcher started just one rank: one rank trains exactly as one process does). */
export function detectLaunch(env: Env): Launch | undefined {
  const found = detect(env);
  return found && found.size > 1 ? found : undefined;
}

function detect(env: Env): Launch | undefined {
  const ompiSize = int(env("OMPI_COMM_WORLD_SIZE"));
  if (ompiSize !== undefined) {
    return {
      launcher: "Open MPI's mpiexec",
      rank: int(env("OMPI_COMM_WORLD_RANK")) ?? 0,
      size: ompiSize,
      evidence: `OMPI_COMM_WORLD_SIZE=${ompiSize}`,
      prefers: "openmpi",
    };
  }
  const slurmSize = int(env("SLURM_STEP_NUM_TASKS"));
  const slurmRank = int(env("SLURM_PROCID"));
  const pmiSize = int(env("PMI_SIZE"));
  if (pmiSize !== undefined) {
    // Hydra (MPICH, Intel MPI, MVAPICH) or srun --mpi=pmi2: both speak PMI, MPICH's protocol.
    const srun = slurmSize !== undefined;
    return {
      launcher: srun ? "Slurm's srun (PMI)" : "MPICH Hydra (mpiexec)",
      rank: int(env("PMI_RANK")) ?? slurmRank ?? 0,
      size: pmiSize,
      evidence: `PMI_SIZE=${pmiSize}`,
      prefers: "mpich",
    };
  }
  // srun sets SLURM_STEP_NUM_TASKS for the tasks it starts (a batch script itself has
  // SLURM_NTASKS and SLURM_PROCID=0 but no step, and stays one process).
  if (slurmSize !== undefined && slurmRank !== undefined) {
    const pmix = env("PMIX_RANK") !== undefined;
    return {
      launcher: pmix ? "Slurm's srun (PMIx)" : "Slurm's srun",
      rank: slurmRank,
      size: slurmSize,
      evidence: `SLURM_STEP_NUM_TASKS=${slurmSize}`,
      // PMIx is Open MPI's native protocol; MPICH builds take PMI-2 (srun --mpi=pmi2).
      prefers: pmix ? "openmpi" : "mpich",
    };
  }
  return undefined;
}

/** The environment of this process (empty without --allow-env). */
export function processEnv(): Env {
  return (name) => {
    try {
      return Deno.env.get(name);
    } catch {
      return undefined;
    }
  };
}
