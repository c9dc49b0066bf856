// The tagged template: networks written as the user writes them,
//   net`conv3(64) >> relu >> ${block} >> pool`
// and in the paper's Table 1 spelling,
//   net`conv3-64 >> maxpool >> FC-4096 >> FC-4096 >> FC-1000 >> soft-max`.
// Paper-spelled layers carry what Table 1 leaves implicit (section 2.1): `convK-C` is the conv
// followed by ReLU ("all hidden layers are equipped with ReLU"); a hidden `FC-N` is FC, ReLU,
// dropout 0.5 (section 3.1); the FC right before `soft-max` (or last) is the output layer;
// `convK-C-BN` is the conv, batch norm and ReLU (torchvision's VGG-BN). Every layer's own
// spellings (`relu`, `maxpool`, `LRN`, `bn`, `avgpool(2)`, `gap`, ...) come from its declaration
// in compiler/ops/. `a * 3` repeats, parentheses group, `residual(...)` and `branch(a, b)` merge
// branches.
import { UserError } from "../compiler/errors.ts";
import { layers } from "../compiler/ops/mod.ts";
import {
  bn,
  branch,
  conv1,
  conv3,
  dropout,
  fc,
  type Layer,
  relu,
  repeat,
  residual,
  seq,
} from "./layers.ts";

type Tok =
  | { t: "name"; v: string; at: number }
  | { t: "num"; v: number; at: number }
  | { t: "op"; v: string; at: number }
  | { t: "val"; v: unknown; at: number }
  | { t: "end"; at: number };

export class TemplateSyntaxError extends UserError {}

function lex(strings: readonly string[], values: unknown[]): { toks: Tok[]; text: string } {
  const toks: Tok[] = [];
  let text = "";
  strings.forEach((s, k) => {
    let i = 0;
    while (i < s.length) {
      const at = text.length + i, rest = s.slice(i);
      const m = /^\s+/.exec(rest) ?? /^soft-max\b/.exec(rest) ??
        /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
      if (m && /^\s/.test(m[0])) i += m[0].length;
      else if (m) toks.push({ t: "name", v: m[0], at }), i += m[0].length;
      else {
        const num = /^\d+(\.\d+)?(e-?\d+)?/.exec(rest);
        const op = /^(>>|[()*,=-])/.exec(rest);
        if (num) toks.push({ t: "num", v: Number(num[0]), at }), i += num[0].length;
        else if (op) toks.push({ t: "op", v: op[0], at }), i += op[0].length;
        else throw syntax(text + s, at, `unexpected character '${s[i]}'`);
      }
    }
    text += s;
    if (k < values.length) {
      toks.push({ t: "val", v: values[k], at: text.length });
      text += "${…}";
    }
  });
  toks.push({ t: "end", at: text.length });
  return { toks, text };
}

function syntax(text: string, at: number, msg: string): TemplateSyntaxError {
  const before = text.slice(0, at), lineNo = before.split("\n").length;
  const lineStart = before.lastIndexOf("\n") + 1, col = at - lineStart + 1;
  const line = text.slice(lineStart).split("\n")[0];
  return new TemplateSyntaxError(
    `net\`...\` syntax error at line ${lineNo}, column ${col}: ${msg}\n  ${line}\n  ${
      " ".repeat(col - 1)
    }^`,
  );
}

const isLayer = (v: unknown): v is Layer =>
  typeof v === "object" && v !== null && typeof (v as { kind?: unknown }).kind === "string";

/** Spellings name(args): the combinators, and every layer's calls (compiler/ops/, `spell`). */
const calls: Record<string, (args: (number | Layer)[]) => Layer> = {
  residual: (args) => residual(...args.map(layer)),
  branch: (args) => branch(...args.map(layer)),
};
/** Bare spellings: relu, maxpool, LRN, soft-max, ... */
const bare: Record<string, Layer> = {};
for (const def of Object.values(layers)) {
  Object.assign(bare, def.spell?.bare);
  for (const [name, f] of Object.entries(def.spell?.call ?? {})) {
    calls[name] = (args) => f(args.map(num));
  }
}
/** Paper spellings: name-N. `output` is true for an FC that ends the net (before soft-max). */
const paper: Record<string, (n: number, output: boolean) => Layer> = {
  conv3: (n) => seq(conv3(n), relu),
  conv1: (n) => seq(conv1(n), relu),
  FC: (n, output) => output ? fc(n) : seq(fc(n), relu, dropout(0.5)),
};
/** `convK-C-BN`: the conv, batch norm, then the ReLU (torchvision's VGG-BN order: conv, BN,
 *  ReLU, so its parameters are features.i and features.i+1). */
const paperBn: Record<string, (n: number) => Layer> = {
  conv3: (n) => seq(conv3(n), bn, relu),
  conv1: (n) => seq(conv1(n), bn, relu),
};

function num(v: number | Layer | undefined): number {
  if (typeof v !== "number") throw new Error("expected a number");
  return v;
}
function layer(v: number | Layer): Layer {
  if (typeof v === "number") throw new Error("expected a layer");
  return v;
}

class Parser {
  i = 0;
  constructor(readonly toks: Tok[], readonly text: string) {}
  peek(): Tok {
    return this.toks[this.i];
  }
  fail(msg: string, tok = this.peek()): never {
    throw syntax(this.text, tok.at, msg);
  }
  isOp(v: string): boolean {
    const t = this.peek();
    return t.t === "op" && t.v === v;
  }
  expectOp(v: string): void {
    if (!this.isOp(v)) this.fail(`expected '${v}'`);
    this.i++;
  }

  chain(): Layer {
    const items = [this.term()];
    while (this.isOp(">>")) {
      this.i++;
      items.push(this.term());
    }
    // A chain of one is that layer: `branch(conv1(4), ...)` must name its member as the
    // combinator branch(conv1(4), ...) does (features.N.0, not features.N.0.0).
    return items.length === 1 ? items[0] : seq(...items);
  }

  term(): Layer {
    const a = this.atom();
    if (!this.isOp("*")) return a;
    this.i++;
    const n = this.peek();
    if (n.t !== "num" && !(n.t === "val" && typeof n.v === "number")) {
      this.fail("expected a count after '*'");
    }
    this.i++;
    try {
      return repeat(n.v as number, a);
    } catch (e) {
      this.fail((e as Error).message, n);
    }
  }

  atom(): Layer {
    const t = this.peek();
    if (t.t === "op" && t.v === "(") {
      this.i++;
      const c = this.chain();
      this.expectOp(")");
      return c;
    }
    if (t.t === "val") {
      this.i++;
      if (!isLayer(t.v)) this.fail(`interpolated value is not a layer (${typeof t.v})`, t);
      return t.v;
    }
    if (t.t !== "name") {
      this.fail(t.t === "end" ? "expected a layer, found the end" : "expected a layer");
    }
    this.i++;
    if (this.isOp("(")) return this.call(t);
    if (this.isOp("-")) return this.paperSpelled(t);
    const l = bare[t.v];
    if (!l) this.unknown(t);
    return l;
  }

  unknown(t: Tok & { t: "name" }): never {
    const known = [
      ...new Set([...Object.keys(calls), ...Object.keys(bare), ...Object.keys(paper)]),
    ];
    this.fail(`unknown layer '${t.v}' (known: ${known.join(", ")})`, t);
  }

  call(name: Tok & { t: "name" }): Layer {
    const f = calls[name.v];
    if (!f) this.unknown(name);
    this.expectOp("(");
    const args: (number | Layer)[] = [];
    while (!this.isOp(")")) {
      if (args.length) this.expectOp(",");
      const t = this.peek();
      if (t.t === "num" || (t.t === "val" && typeof t.v === "number")) {
        this.i++;
        args.push(t.v as number);
      } else args.push(this.chain());
    }
    this.i++;
    try {
      return f(args);
    } catch (e) {
      this.fail(`${name.v}(...): ${(e as Error).message}`, name);
    }
  }

  paperSpelled(name: Tok & { t: "name" }): Layer {
    const f = paper[name.v];
    if (!f) this.unknown(name);
    this.i++; // '-'
    const n = this.peek();
    if (n.t !== "num" && !(n.t === "val" && typeof n.v === "number")) {
      this.fail(`expected a width after '${name.v}-'`);
    }
    this.i++;
    if (this.isOp("-")) {
      const suffix = this.toks[this.i + 1];
      if (suffix?.t !== "name" || suffix.v !== "BN" || !paperBn[name.v]) {
        this.fail(`expected '>>' after '${name.v}-${n.v}' (only convK-C takes a '-BN' suffix)`);
      }
      this.i += 2;
      try {
        return paperBn[name.v](n.v as number);
      } catch (e) {
        this.fail((e as Error).message, n);
      }
    }
    // An FC is the output layer when soft-max (or nothing) follows it.
    const next = this.peek(), after = this.toks[this.i + 1];
    const output = next.t === "end" || (next.t === "op" && next.v === ")") ||
      (next.t === "op" && next.v === ">>" && after?.t === "name" && /^soft-?max$/.test(after.v));
    try {
      return f(n.v as number, output);
    } catch (e) {
      this.fail((e as Error).message, n);
    }
  }
}

/** Parses the notation into a layer; a syntax error names the line and column. */
export function net(strings: TemplateStringsArray, ...values: unknown[]): Layer {
  const { toks, text } = lex(strings, values);
  const p = new Parser(toks, text);
  const l = p.chain();
  if (p.peek().t !== "end") p.fail("expected '>>' or the end");
  return l;
}
