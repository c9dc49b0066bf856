// Shape helpers shared by the IR and the primitives' shape rules (imports nothing else of the
// compiler: safe for both).
import { UserError } from "./errors.ts";
export type DType = "f32" | "i32" | "u32";
export type Shape = readonly number[];

/** A shape rule violation; the DSL wraps it with the layer's name and position. */
export class ShapeError extends UserError {}

export const size = (s: Shape): number => s.reduce((a, b) => a * b, 1);
export const fmtShape = (s: Shape): string => `[${s.join(",")}]`;

export function require(cond: boolean, message: string): asserts cond {
  if (!cond) throw new ShapeError(message);
}

export function requireRank(s: Shape, rank: number, what: string): void {
  require(s.length === rank, `${what} must have rank ${rank}, got ${fmtShape(s)}`);
}
