// A line-and-indentation builder for WGSL. Kernels are written as a sequence of calls rather
// than nested template strings, so the text depends only on the calls: equal specs give
// byte-identical WGSL (snapshots change only when the code does).
import { type Expr, strip } from "./expr.ts";

const INDENT = "  ";

export class WgslWriter {
  readonly #lines: string[] = [];
  #depth = 0;

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
