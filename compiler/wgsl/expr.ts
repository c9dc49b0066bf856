// Typed WGSL expressions. Every fragment carries its WGSL type and binary operators check that
// both sides agree, because WGSL has no implicit conversions: a u32/i32 mix-up in index math
// is then an emit-time error naming both operands instead of a pipeline compile error.
// Constants fold (x * 1, x + 0, 3u * 4u), so shape-specialised code stays readable.

export type ScalarType = "f32" | "i32" | "u32" | "bool";
export type WgslType = ScalarType | "vec4<f32>";

export interface Expr {
  readonly type: WgslType;
  /** WGSL source; binary results are parenthesised so they nest safely. */
  readonly code: string;
  /** The value when known at emit time (literals and folded constants). */
  readonly value?: number | boolean;
}

/** An operand: an expression, or a JS number taking the other operand's type. */
export type Operand = Expr | number;

const U32_MAX = 4294967295;

export function u32(n: number): Expr {
  if (!Number.isInteger(n) || n < 0 || n > U32_MAX) throw new Error(`WGSL: ${n} is not a u32`);
  return { type: "u32", code: `${n}u`, value: n };
}

export function i32(n: number): Expr {
  if (!Number.isInteger(n) || n < -2147483648 || n > 2147483647) {
    throw new Error(`WGSL: ${n} is not an i32`);
  }
  // i32's most negative value has no literal form; no kernel needs it.
  return { type: "i32", code: n < 0 ? `(${n}i)` : `${n}i`, value: n };
}

/** An f32 literal that parses back to exactly Math.fround(n): JS prints the shortest decimal
 *  that round-trips the double, and the double is the f32 value, so WGSL rounds to it again. */
export function f32(n: number): Expr {
  if (!Number.isFinite(n)) throw new Error(`WGSL: ${n} has no f32 literal`);
  const v = Math.fround(n);
  if (!Number.isFinite(v)) throw new Error(`WGSL: ${n} overflows f32`);
  let s = Object.is(v, -0) ? "-0.0" : String(v);
  if (!/[.e]/.test(s)) s += ".0";
  s += "f";
  return { type: "f32", code: v < 0 || Object.is(v, -0) ? `(${s})` : s, value: v };
}

export function bool(b: boolean): Expr {
  return { type: "bool", code: b ? "true" : "false", value: b };
}

/** A named value (let, var, binding element, builtin component). */
export function ref(name: string, type: WgslType): Expr {
  return { type, code: name };
}

function lift(x: Operand, like: WgslType): Expr {
  if (typeof x !== "number") return x;
  if (like === "u32") return u32(x);
  if (like === "i32") return i32(x);
  if (like === "f32") return f32(x);
  throw new Error(`WGSL: cannot lift ${x} to ${like}`);
}

function pair(a: Operand, b: Operand, op: string): [Expr, Expr] {
  if (typeof a === "number" && typeof b === "number") {
    throw new Error(`WGSL: ${a} ${op} ${b} has no type; wrap one side`);
  }
  const ea = lift(a, typeof b === "number" ? (a as Expr).type : b.type);
  const eb = lift(b, ea.type);
  if (ea.type !== eb.type) {
    throw new Error(`WGSL type mismatch: (${ea.code}: ${ea.type}) ${op} (${eb.code}: ${eb.type})`);
  }
  return [ea, eb];
}

const known = (e: Expr): e is Expr & { value: number } => typeof e.value === "number";

function make(type: WgslType, value: number | boolean): Expr {
  if (typeof value === "boolean") return bool(value);
  if (type === "u32") return u32(value);
  if (type === "i32") return i32(value);
  return f32(value);
}

function integral(e: Expr): boolean {
  return e.type === "u32" || e.type === "i32";
}

export function add(a: Operand, b: Operand): Expr {
  const [x, y] = pair(a, b, "+");
  if (known(x) && known(y) && integral(x)) return make(x.type, x.value + y.value);
  if (known(y) && y.value === 0) return x;
  if (known(x) && x.value === 0) return y;
  return { type: x.type, code: `(${x.code} + ${y.code})` };
}

export function sub(a: Operand, b: Operand): Expr {
  const [x, y] = pair(a, b, "-");
  if (known(x) && known(y) && integral(x)) return make(x.type, x.value - y.value);
  if (known(y) && y.value === 0) return x;
  return { type: x.type, code: `(${x.code} - ${y.code})` };
}

export function mul(a: Operand, b: Operand): Expr {
  const [x, y] = pair(a, b, "*");
  if (known(x) && known(y) && integral(x)) return make(x.type, x.value * y.value);
  if (integral(x) && ((known(x) && x.value === 0) || (known(y) && y.value === 0))) {
    return make(x.type, 0);
  }
  if (known(y) && y.value === 1) return x;
  if (known(x) && x.value === 1) return y;
  return { type: x.type, code: `(${x.code} * ${y.code})` };
}

export function div(a: Operand, b: Operand): Expr {
  const [x, y] = pair(a, b, "/");
  if (known(y) && y.value === 0 && integral(y)) throw new Error(`WGSL: ${x.code} / 0`);
  if (known(x) && known(y) && integral(x)) return make(x.type, Math.trunc(x.value / y.value));
  if (known(y) && y.value === 1) return x;
  return { type: x.type, code: `(${x.code} / ${y.code})` };
}

export function mod(a: Operand, b: Operand): Expr {
  const [x, y] = pair(a, b, "%");
  if (known(y) && y.value === 0 && integral(y)) throw new Error(`WGSL: ${x.code} % 0`);
  if (known(x) && known(y) && integral(x)) return make(x.type, x.value % y.value);
  if (known(y) && y.value === 1 && integral(x)) return make(x.type, 0);
  return { type: x.type, code: `(${x.code} % ${y.code})` };
}

function compare(op: string, f: (p: number, q: number) => boolean) {
  return (a: Operand, b: Operand): Expr => {
    const [x, y] = pair(a, b, op);
    if (known(x) && known(y)) return bool(f(x.value, y.value));
    return { type: "bool", code: `(${x.code} ${op} ${y.code})` };
  };
}
export const lt = compare("<", (p, q) => p < q);
export const gt = compare(">", (p, q) => p > q);
export const ge = compare(">=", (p, q) => p >= q);

export function and(...terms: Expr[]): Expr {
  const live = terms.filter((t) => t.value !== true);
  for (const t of live) if (t.type !== "bool") throw new Error(`WGSL: ${t.code} is not bool`);
  if (live.some((t) => t.value === false)) return bool(false);
  if (live.length === 0) return bool(true);
  if (live.length === 1) return live[0];
  return { type: "bool", code: `(${live.map((t) => t.code).join(" && ")})` };
}

/** WGSL `select(f, t, cond)`: t where cond holds. Both sides are evaluated (no branch), so
 *  an index inside either must be in bounds by itself. */
export function select(f: Operand, t: Operand, cond: Expr): Expr {
  const [x, y] = pair(f, t, "select");
  if (cond.value === true) return y;
  if (cond.value === false) return x;
  return { type: x.type, code: `select(${x.code}, ${y.code}, ${cond.code})` };
}

export function min(a: Operand, b: Operand): Expr {
  const [x, y] = pair(a, b, "min");
  if (known(x) && known(y) && integral(x)) return make(x.type, Math.min(x.value, y.value));
  return { type: x.type, code: `min(${x.code}, ${y.code})` };
}

export function max(a: Operand, b: Operand): Expr {
  const [x, y] = pair(a, b, "max");
  if (known(x) && known(y) && integral(x)) return make(x.type, Math.max(x.value, y.value));
  return { type: x.type, code: `max(${x.code}, ${y.code})` };
}

/** Value conversion `T(e)`, e.g. u32(i) or f32(n). */
export function cast(type: ScalarType, e: Expr): Expr {
  if (e.type === type) return e;
  if (known(e) && integral(e) && (type === "u32" || type === "i32")) return make(type, e.value);
  return { type, code: `${type}(${e.code})` };
}

/** Indexing a binding or array: `name[i]` with a u32 (or i32) index. */
export function index(name: string, i: Expr, elem: WgslType): Expr {
  if (!integral(i)) throw new Error(`WGSL: index ${i.code} of ${name} is ${i.type}`);
  return { type: elem, code: `${name}[${strip(i.code)}]` };
}

/** Drops one pair of parentheses around a whole expression (for statement level). */
export function strip(code: string): string {
  if (!code.startsWith("(") || !code.endsWith(")")) return code;
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    if (code[i] === "(") depth++;
    else if (code[i] === ")") depth--;
    if (depth === 0 && i < code.length - 1) return code;
  }
  return code.slice(1, -1);
}
