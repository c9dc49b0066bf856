// Epilogue ops in WGSL: the elementwise tail a producer (conv, matmul, elementwise, the pool
// gradients) applies to each output value before storing it. Every fact of an op (its extra
// inputs, whether it keeps zeros, its WGSL) comes from its primitive's entry in
// compiler/ops/epilogues.ts; here they are put to work for any kernel that takes an epilogue.
import { epilogues } from "../ops/epilogues.ts";
import type { EpilogueDef, EpilogueSite } from "../ops/types.ts";
import type { Expr, WgslWriter } from "../wgsl/mod.ts";
import { read } from "./common.ts";
import type { StorageSize } from "./io.ts";
import type { Binding, EpilogueOp } from "./spec.ts";

/** The facts of `op` (one lookup, typed for any op). */
const facts = (op: EpilogueOp) => epilogues[op.op] as EpilogueDef<EpilogueOp["op"]>;

/** Binding names of op k's extra inputs: by position, so two adds never collide. */
const inputNames = (op: EpilogueOp, k: number) => facts(op).inputs.map((x) => `ep${k}_${x.name}`);

/** The extra input bindings, in epilogue order (they follow the kernel's main inputs). */
export function epilogueBindings(ops: readonly EpilogueOp[]): Binding[] {
  return ops.flatMap((op, k) =>
    facts(op).inputs.map((x, j) => read(inputNames(op, k)[j], x.type ?? "f32"))
  );
}

/** Element counts of the extra inputs for an output of `size` values over `channels`. */
export function epilogueSizes(
  ops: readonly EpilogueOp[],
  size: number,
  channels: number,
): StorageSize[] {
  return ops.flatMap((op) =>
    facts(op).inputs.map((x) => ({
      elems: (x.rows ?? 1) * (x.per === "channel" ? channels : x.per === "element" ? size : 1),
      type: x.type ?? "f32",
    }))
  );
}

/** Module-scope helpers the ops need (the dropout hash), each emitted once. */
export function emitEpilogueHelpers(w: WgslWriter, ops: readonly EpilogueOp[]): void {
  const seen = new Set<string>();
  for (const op of ops) {
    const h = facts(op).helpers;
    if (h && !seen.has(h)) w.blank().fragment(h);
    if (h) seen.add(h);
  }
}

/** Whether every op maps 0 to 0 wherever it is applied (mask, relu, dropout; not bias or add):
 *  a producer whose outputs are mostly zeros (maxpool_grad) then runs the ops on the rest only. */
export const preservesZero = (ops: readonly EpilogueOp[]): boolean =>
  ops.every((op) => facts(op).preservesZero);

/** The ops' labels, for kernel names and WGSL comments. */
export const epilogueLabels = (ops: readonly EpilogueOp[]): string[] =>
  ops.map((op) => facts(op).label);

/** Applies the ops to the f32 variable `v` (a `var`) at output flat index `i`, channel `c`
 *  (only evaluated when an op reads it). */
export function emitEpilogue(
  w: WgslWriter,
  ops: readonly EpilogueOp[],
  v: string,
  i: Expr,
  c: () => Expr,
): void {
  ops.forEach((op, k) => {
    const names = inputNames(op, k);
    const site: EpilogueSite = { w, v, i, c, input: (j) => names[j] };
    facts(op).emit(site, op);
  });
}

/** Bytes the ops read besides the main output (for the roofline in `explain`). */
export function epilogueBytes(ops: readonly EpilogueOp[], size: number, channels: number): number {
  return epilogueSizes(ops, size, channels).reduce((s, x) => s + 4 * x.elems, 0);
}

/** The store of an output value: accumulate adds to what is there; otherwise the epilogue
 *  runs on `v` first. `i` is the flat output index, `c` its channel. */
export function emitOutputStore(
  w: WgslWriter,
  out: string,
  ops: readonly EpilogueOp[],
  accumulate: boolean,
  v: string,
  i: Expr,
  c: () => Expr,
): void {
  if (accumulate) {
    w.store(out, i, v, "+");
    return;
  }
  if (ops.length === 0) {
    w.store(out, i, v);
    return;
  }
  w.line(`var r = ${v};`);
  emitEpilogue(w, ops, "r", i, c);
  w.store(out, i, "r");
}
