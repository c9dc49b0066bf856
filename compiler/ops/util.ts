// Small helpers for primitives: reference evaluation, lowering, layer arguments.
import type { EpilogueOp } from "../kernels/spec.ts";
import type { Shape } from "../shape.ts";
import type { FoldableNode } from "./epilogues.ts";
import type { FloatArray, Lowered, Tensor } from "./types.ts";

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

export const numel = (s: Shape): number => s.reduce((a, b) => a * b, 1);

/** The [N, C, H, W] fields of a 4-D shape, as pool-like kernel specs hold them. */
export const nchw = (s: Shape) => ({ n: s[0], c: s[1], h: s[2], w: s[3] });

/** The epilogue layout of an output shape: channel = axis 1, spatial = the axes after it. */
export const layoutOf = (s: Shape) => ({ channels: s[1] ?? 1, spatial: numel(s.slice(2)) });

/** An epilogue op as a kernel spec holds it: the primitive's name and its attributes. */
export function epilogueOp(n: FoldableNode): EpilogueOp {
  // The spread pairs each name with its own attributes; TypeScript cannot follow that pairing
  // through the union, so it is asserted once here.
  return { op: n.op, ...n.attrs } as EpilogueOp;
}

/** A foldable primitive that found no producer to fold into runs alone: an elementwise kernel
 *  over its input `main`, the op its epilogue, its other inputs the epilogue's extras. */
export function standalone(n: FoldableNode, main = 0): Lowered[] {
  return [{
    spec: {
      kind: "elementwise",
      size: numel(n.shape),
      layout: layoutOf(n.shape),
      epilogue: [epilogueOp(n)],
    },
    inputs: [n.inputs[main], ...n.inputs.filter((_, k) => k !== main)],
  }];
}

/** A positive integer layer argument, or an error naming it. */
export function positive(n: number, what: string): number {
  if (!Number.isInteger(n) || n <= 0) {
    throw new Error(`${what} must be a positive integer, got ${n}`);
  }
  return n;
}

/** `s` with one more epilogue op (a KernelDef's `epilogue`). */
export const appendEpilogue = <S extends { epilogue?: EpilogueOp[] }>(s: S, op: EpilogueOp): S => ({
  ...s,
  epilogue: [...(s.epilogue ?? []), op],
});
