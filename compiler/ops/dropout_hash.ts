// The dropout mask's random bits: a counter-based hash of (seed, layer key, element index), so
// the same seed gives the same mask on the CPU reference and in WGSL, in any dispatch order.
// The element index counts from the start of the whole (global) batch, not of the tensor at
// hand: a tensor holding samples [offset, offset + n) of the batch uses
// (offset * per-sample elements + its own index), so one process with micro-batches and N
// data-parallel ranks draw exactly the masks one process with the whole batch draws.
// The mixer is Chris Wellons' "lowbias32" (good avalanche, two multiplies). Both versions
// below must stay bit-identical: tests compare them.

function lowbias32(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** Random u32 for element i of the dropout layer `key` in the step with `seed`. */
export function dropoutBits(seed: number, key: number, i: number): number {
  return lowbias32((i ^ lowbias32((seed ^ lowbias32(key >>> 0)) >>> 0)) >>> 0);
}

/** The hash's element index of element i of a tensor whose first sample is sample `offset` of
 *  the global batch, `perSample` elements a sample: u32 arithmetic, wrapping as WGSL's does. */
export function dropoutIndex(offset: number, perSample: number, i: number): number {
  return (Math.imul(offset, perSample) + i) >>> 0;
}

/** Keep element when its bits are at or above p * 2^32 (so P(keep) = 1 - p). */
export function dropoutThreshold(p: number): number {
  return Math.min(0xffffffff, Math.floor(p * 4294967296));
}

export const DROPOUT_WGSL = `fn lowbias32(v: u32) -> u32 {
  var x = v;
  x = x ^ (x >> 16u);
  x = x * 0x7feb352du;
  x = x ^ (x >> 15u);
  x = x * 0x846ca68bu;
  return x ^ (x >> 16u);
}
fn dropout_bits(seed: u32, key: u32, i: u32) -> u32 {
  return lowbias32(i ^ lowbias32(seed ^ lowbias32(key)));
}`;
