// A line-and-indentation builder for WGSL. Kernels are written as a sequence of calls rather
// than nested template strings, so the text depends only on the calls: equal specs give
// byte-identical WGSL (snapshots change only when the code does).
import { type Expr, strip } from "./expr.ts";

const INDENT = "  ";

export class WgslWriter {
  readonly #lines: string[] = [];
  #depth = 0;
  /** Element types of the storage arrays declared so far (kernels/common.ts declareBindings).
   *  Kernels compute in f32; an array stored as f16 is read and written through load and
   *  store, which convert, so one emitter serves both precisions. */
  readonly #storage = new Map<string, string>();

  /** Records that `name` is a storage array of `elem` (f32, f16, vec4<f32>, vec4<f16>, ...). */
  storage(name: string, elem: string): this {
    this.#storage.set(name, elem);
    return this;
  }

  /** `name[i]` as the f32 (vec4<f32> for a vec4 view) value kernels compute with. Names the
   *  writer has not seen (workgroup and local arrays) read as they are. A string index is
   *  used as written, an Expr without its outer parentheses. */
  load(name: string, i: Expr | string): string {
    const at = `${name}[${typeof i === "string" ? i : strip(i.code)}]`;
    const e = this.#storage.get(name);
    return e === "f16" ? `f32(${at})` : e === "vec4<f16>" ? `vec4<f32>(${at})` : at;
  }

  /** load as a typed expression (f32, or vec4<f32> for a vec4 view). */
  at(name: string, i: Expr): Expr {
    const e = this.#storage.get(name) ?? "f32";
    return { type: e.startsWith("vec4") ? "vec4<f32>" : "f32", code: this.load(name, i) };
  }

  /** The statement `name[i] = v;` (op "+": `+=`), converting v to the stored type. */
  store(name: string, i: Expr | string, v: Expr | string, op: "" | "+" = ""): this {
    return this.line(this.storeText(name, i, v, op));
  }

  /** store's statement as text, for a caller that places it itself (a one-line `if`). */
  storeText(name: string, i: Expr | string, v: Expr | string, op: "" | "+" = ""): string {
    const at = `${name}[${typeof i === "string" ? i : strip(i.code)}]`;
    const val = typeof v === "string" ? v : strip(v.code);
    const e = this.#storage.get(name);
    if (e !== "f16" && e !== "vec4<f16>") return `${at} ${op}= ${val};`;
    const t = e === "f16" ? "f16" : "vec4<f16>";
    return op === "+"
      ? `${at} = ${t}(${this.load(name, i)} + ${val});`
      : `${at} = ${t}(${strip(val)});`;
  }

  /** One line at the current indentation. */
  line(text: string): this {
    this.#lines.push(text === "" ? "" : INDENT.repeat(this.#depth) + text);
    return this;
  }

  /** A multi-line fragment (e.g. a helper function kept as a constant), re-indented. */
  fragment(text: string): this {
    for (const l of text.replace(/\n+$/, "").split("\n")) this.line(l);
    return this;
  }

  blank(): this {
    if (this.#lines.length && this.#lines[this.#lines.length - 1] !== "") this.#lines.push("");
    return this;
  }

  /** `header {`, the body one level deeper, `}`. */
  block(header: string, body: () => void): this {
    this.line(header ? `${header} {` : "{");
    this.#depth++;
    body();
    this.#depth--;
    return this.line("}");
  }

  /** A bare `{ ... }` scope, so names declared inside may repeat in the next one. */
  scope(body: () => void): this {
    return this.block("", body);
  }

  /** `for (var name = from; name < to; name += step)` over u32, the body one level deeper. */
  loop(name: string, from: Expr | number, to: Expr | number, body: () => void, step = 1): this {
    const f = typeof from === "number" ? `${from}u` : strip(from.code);
    const t = typeof to === "number" ? `${to}u` : strip(to.code);
    const inc = step === 1 ? `${name}++` : `${name} += ${step}u`;
    return this.block(`for (var ${name} = ${f}; ${name} < ${t}; ${inc})`, body);
  }

  /** `if (cond)`; skipped, or a plain scope, when the condition is known at emit time. */
  when(cond: Expr, body: () => void): this {
    if (cond.value === false) return this;
    if (cond.value === true) return this.scope(body);
    return this.block(`if (${strip(cond.code)})`, body);
  }

  let(name: string, e: Expr): Expr {
    this.line(`let ${name} = ${strip(e.code)};`);
    return { type: e.type, code: name, value: e.value };
  }

  var(name: string, e: Expr): Expr {
    this.line(`var ${name} = ${strip(e.code)};`);
    return { type: e.type, code: name };
  }

  /** `target op= value;` (op "" for plain assignment). */
  assign(target: string, e: Expr, op = ""): this {
    return this.line(`${target} ${op}= ${strip(e.code)};`);
  }

  toString(): string {
    return this.#lines.join("\n").replace(/\n+$/, "") + "\n";
  }
}
