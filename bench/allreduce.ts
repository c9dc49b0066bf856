// The MPI all-reduce alone, as training uses it (parallel/comm.ts: float32 sum over
// MPI_COMM_WORLD on a worker thread), for buffer sizes up to VGG-16's 138M gradients:
//   mpiexec -n 2 deno run -A bench/allreduce.ts [--max-mb 553] [--repeats 3] [--json]
// Prints, per size, the best time of `repeats` (after one untimed first touch) and the bus
// bandwidth as NCCL's tests define it: bytes x 2(N-1)/N / time, what each rank's link carried.
import { parseArgs } from "node:util";
import { Ranks } from "../parallel/session.ts";

const ranks = Ranks.detect();
const comm = ranks.open();
if (!comm) {
  console.error("bench/allreduce.ts runs under an MPI launcher: mpiexec -n 2 deno run -A ...");
  Deno.exit(2);
}
const { values: v } = parseArgs({
  args: Deno.args,
  options: {
    "max-mb": { type: "string", default: "553" },
    repeats: { type: "string", default: "3" },
    json: { type: "boolean" },
  },
});
const maxBytes = Number(v["max-mb"]) * 1e6, repeats = Number(v.repeats);
const rows: { bytes: number; ms: number; bus_gb_per_s: number }[] = [];
for (let bytes = 2 ** 20; bytes <= maxBytes * 1.0001; bytes = Math.min(bytes * 4, maxBytes)) {
  const n = Math.floor(bytes / 4), send = new Float32Array(n).fill(comm.rank + 1);
  const recv = new Float32Array(n);
  await comm.sum(send, recv, "bench"); // first touch: page faults, connection set-up
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    await comm.sum64([0], "bench sync"); // start together
    const t0 = performance.now();
    await comm.sum(send, recv, "bench");
    best = Math.min(best, performance.now() - t0);
  }
  if (recv[n - 1] !== (comm.size * (comm.size + 1)) / 2) throw new Error("wrong sum");
  const bus = (n * 4 * 2 * (comm.size - 1)) / comm.size / best / 1e6;
  rows.push({ bytes: n * 4, ms: Number(best.toFixed(2)), bus_gb_per_s: Number(bus.toFixed(2)) });
  if (bytes >= maxBytes) break;
}
if (comm.rank === 0) {
  if (v.json) console.log(JSON.stringify({ ranks: comm.size, mpi: comm.library, rows }));
  else {
    console.log(`all-reduce (float32 sum), ${comm.size} ranks, ${comm.library}`);
    for (const r of rows) {
      console.log(
        `  ${(r.bytes / 1e6).toFixed(1).padStart(8)} MB  ${r.ms.toFixed(2).padStart(9)} ms  ` +
          `${r.bus_gb_per_s.toFixed(2).padStart(6)} GB/s bus bandwidth`,
      );
    }
  }
}
await ranks.exit(0);
