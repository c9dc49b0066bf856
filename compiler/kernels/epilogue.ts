// Epilogue ops in WGSL: the elementwise tail a producer (conv, matmul, elementwise) applies to
// each output value before storing it, so bias, ReLU, ReLU's gradient mask, residual adds and
// dropout cost no extra pass over memory. Shared by every kernel that takes an epilogue.
import { DROPOUT_WGSL, dropoutThreshold } from "../ops/dropout_hash.ts";
import { type Expr, f32, u32, type WgslWriter } from "../wgsl/mod.ts";
import { read } from "./common.ts";
import type { Binding, EpilogueOp } from "./spec.ts";

/** The binding an op reads, if any: named by position so two adds never collide. */
function bindingOf(op: EpilogueOp, k: number): Binding | null {
  switch (op.op) {
    case "bias":
    case "mask":
    case "add":
      return read(`ep${k}_${op.op}`);
    case "dropout":
      return read(`ep${k}_seed`, "u32");
    case "relu":
      return null;
  }
}

/** The extra input bindings, in epilogue order (they follow the kernel's main inputs). */
export function epilogueBindings(ops: readonly EpilogueOp[]): Binding[] {
  return ops.flatMap((op, k) => bindingOf(op, k) ?? []);
}

/** Module-scope helpers the ops need (the dropout hash), emitted once. */
export function emitEpilogueHelpers(w: WgslWriter, ops: readonly EpilogueOp[]): void {
  if (ops.some((op) => op.op === "dropout")) w.blank().fragment(DROPOUT_WGSL);
}

/** Whether every op maps 0 to 0 wherever it is applied (mask, relu, dropout; not bias or add):
 *  a producer whose outputs are mostly zeros (maxpool_grad) then runs the ops on the rest only. */
export const preservesZero = (ops: readonly EpilogueOp[]): boolean =>
  ops.every((op) => op.op === "mask" || op.op === "relu" || op.op === "dropout");

export const needsChannel = (ops: readonly EpilogueOp[]): boolean =>
  ops.some((op) => op.op === "bias");

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
    const b = bindingOf(op, k)?.name ?? "";
    switch (op.op) {
      case "bias":
        w.line(`${v} += ${w.load(b, c())};`);
        break;
      case "relu":
        // Not max(v, 0): WGSL leaves max's NaN behaviour open; this keeps NaN visible.
        w.line(`${v} = select(${v}, 0.0f, ${v} < 0.0f);`);
        break;
      case "mask":
        // ReLU's gradient: pass where the ReLU output is > 0 (so 0 at the kink, as PyTorch).
        w.line(`${v} = select(0.0f, ${v}, ${w.load(b, i)} > 0.0f);`);
        break;
      case "add":
        w.line(`${v} += ${w.load(b, i)};`);
        break;
      case "dropout": {
        // Keep when the hash is at or above p * 2^32 (ops/dropout_hash.ts), scaled by 1/(1-p).
        // The hash counts elements from the global batch's start: seed[1] is the first
        // sample's position in it (dropoutIndex; u32 arithmetic wraps alike on both sides).
        const at = `${b}[1] * ${u32(op.sample).code} + ${i.code}`;
        const bits = `dropout_bits(${b}[0], ${u32(op.key >>> 0).code}, ${at})`;
        const t = u32(dropoutThreshold(op.p)).code;
        const scale = f32(1 / (1 - op.p)).code;
        w.line(`${v} = select(0.0f, ${v} * ${scale}, ${bits} >= ${t});`);
        break;
      }
    }
  });
}

/** Bytes the ops read besides the main output (for the roofline in `explain`). */
export function epilogueBytes(ops: readonly EpilogueOp[], size: number, channels: number): number {
  return ops.reduce((s, op) => {
    if (op.op === "bias") return s + 4 * channels;
    if (op.op === "mask" || op.op === "add") return s + 4 * size;
    return op.op === "dropout" ? s + 8 : s;
  }, 0);
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
