// Small helpers for reference evaluations.
import type { Shape } from "../shape.ts";
import type { FloatArray, Tensor } from "./types.ts";

/** A zeroed float array of the same precision as `like` (f64 in gradient checks, else f32). */
export function zerosLike(like: Tensor, n: number): FloatArray {
  return like.data instanceof Float64Array ? new Float64Array(n) : new Float32Array(n);
}

export function floats(t: Tensor): FloatArray {
  if (!(t.data instanceof Float32Array || t.data instanceof Float64Array)) {
    throw new Error("reference: expected a float tensor");
  }
  return t.data;
}

export const tensor = (shape: Shape, data: Tensor["data"]): Tensor => ({ shape, data });

/** [N, C, spatial] view of an NCHW (or [N, C]) shape. */
export function ncs(s: Shape): [number, number, number] {
  return [s[0], s[1], s.slice(2).reduce((a, b) => a * b, 1)];
}
