// N ranks inside one process: each member's sum() waits until every member has contributed to
// the same call (the k-th call of each member meets the k-th of the others, as MPI collectives
// do), then all get the element-wise sum. It lets the data-parallel training step be checked
// against one big batch without MPI (tests/parallel_step.test.ts); the MPI transport itself is
// tested with real ranks (tests/parallel_mpi.test.ts).
import type { Collective } from "../../parallel/comm.ts";

interface Round {
  parts: (Float64Array | undefined)[];
  waiting: ((sum: Float64Array) => void)[];
}

export function localGroup(size: number): Collective[] {
  const rounds = new Map<number, Round>();
  const calls: number[] = new Array(size).fill(0);
  const join = (rank: number, values: Float64Array): Promise<Float64Array> => {
    const k = calls[rank]++;
    const round: Round = rounds.get(k) ??
      { parts: Array.from({ length: size }, () => undefined), waiting: [] };
    rounds.set(k, round);
    round.parts[rank] = values;
    const result = new Promise<Float64Array>((resolve) => round.waiting.push(resolve));
    if (round.parts.every((p) => p !== undefined)) {
      // Summed in rank order, rounded once (what MPI's float sum of two ranks gives).
      const sum = new Float64Array(values.length);
      for (const p of round.parts) p!.forEach((v, i) => sum[i] += v);
      rounds.delete(k);
      for (const w of round.waiting) w(sum);
    }
    return result;
  };
  return Array.from({ length: size }, (_, rank) => ({
    rank,
    size,
    async sum(send: Float32Array, recv: Float32Array): Promise<void> {
      recv.set(await join(rank, Float64Array.from(send)));
    },
    async sum64(values: readonly number[]): Promise<number[]> {
      return [...await join(rank, Float64Array.from(values))];
    },
  }));
}
