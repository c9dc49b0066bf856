/**
 * Seeded pseudo-random numbers. Shuffling and augmentation must be reproducible from
 * (seed, epoch, batch) alone, so nothing in the data layer touches Math.random.
 */

/** splitmix32 finaliser: a good 32-bit integer hash, used to derive independent seeds. */
export function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return (x ^ (x >>> 15)) >>> 0;
}

/**
 * Combine several integers into one seed. Each part goes through the hash so that nearby inputs
 * ((seed, 0) vs (seed, 1)) give unrelated streams.
 */
export function deriveSeed(...parts: number[]): number {
  let h = 0x6a09e667;
  for (const p of parts) h = mix32(h ^ mix32(p >>> 0));
  return h;
}

/** A stream of random numbers; all methods advance the same underlying mulberry32 state. */
export interface Rng {
  /** Uniform unsigned 32-bit integer. */
  u32(): number;
  /** Uniform float in [0, 1). */
  float(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [lo, hi], both inclusive. */
  intRange(lo: number, hi: number): number;
  /** Standard normal sample (Box-Muller). */
  normal(): number;
}

/** mulberry32: tiny, fast, passes the statistical tests that matter for shuffling/augmenting. */
export function makeRng(seed: number): Rng {
  let state = seed >>> 0;
  const u32 = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const float = (): number => u32() / 4294967296;
  return {
    u32,
    float,
    // Multiply-shift is unbiased enough for n far below 2^32 (dataset sizes, crop offsets).
    int: (n: number) => Math.floor(float() * n),
    intRange: (lo: number, hi: number) => lo + Math.floor(float() * (hi - lo + 1)),
    normal: () => {
      // 1 - float() is in (0, 1], so the log is finite.
      const u = 1 - float();
      const v = float();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

/** Fisher-Yates permutation of 0..n-1. */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}
