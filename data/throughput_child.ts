/**
 * One measurement of data/throughput.ts in a process of its own, which the parent starts pinned
 * to as many cores as it has workers (`taskset`). Arguments: one JSON object
 * `{ root, workers, round, opts }`; prints the WorkerRun as one JSON line.
 */
import { measureFolder } from "./throughput.ts";

if (import.meta.main) {
  const { root, workers, round, opts } = JSON.parse(Deno.args[0]);
  console.log(JSON.stringify(await measureFolder(root, workers, round, opts)));
}
