// Cross-products of test cases: all of them when VGG_TEST_FULL=1 (CI's run on Vulkan), and in the
// default run (`deno task test`, what a new user runs) a fixed, seeded sample that still checks
// every value of every dimension: each tile variant, shape, transpose, flip or model at least
// `times` times. Every kernel a test compiles costs 0.3-0.6 s on a CPU adapter (more through
// OpenGL), so the full products of the kernel sweeps were most of a fresh machine's test run
// there (tests/run.ts, README "Tests").
import { makeRng, permutation } from "../../data/rng.ts";

/** Whether this run takes every combination (VGG_TEST_FULL=1). */
export const FULL: boolean = (() => {
  try {
    return Deno.env.get("VGG_TEST_FULL") === "1";
  } catch {
    return false;
  }
})();

/** A test-name suffix that says the cases are a sample, and how to run them all. */
export const SAMPLED: string = FULL ? "" : " (sampled; VGG_TEST_FULL=1 runs every combination)";

/**
 * `cases`, or with FULL off a subset that keeps each case whose key in some dimension has been
 * seen fewer than `times` times, visiting the cases in an order fixed by `seed`. So every value
 * of every dimension stays covered (at least `times` times, or as often as it occurs), and the
 * same cases run every time.
 */
export function sweep<T>(
  cases: readonly T[],
  dims: readonly ((c: T) => unknown)[],
  opts: { seed: number; times?: number },
): T[] {
  if (FULL) return [...cases];
  const times = opts.times ?? 2;
  const seen = dims.map(() => new Map<string, number>());
  const keep = new Set<number>();
  for (const i of permutation(cases.length, makeRng(opts.seed))) {
    const keys = dims.map((d) => JSON.stringify(d(cases[i])));
    if (!keys.some((k, d) => (seen[d].get(k) ?? 0) < times)) continue;
    keep.add(i);
    keys.forEach((k, d) => seen[d].set(k, (seen[d].get(k) ?? 0) + 1));
  }
  // In the original order, so a sampled run reads like the full one.
  return cases.filter((_, i) => keep.has(i));
}
