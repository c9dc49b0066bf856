// Lowers a layer tree to IR for a given batch size, naming parameters as torchvision does
// (features.N / classifier.N) and wrapping every shape-rule failure with the layer's name and
// position in the chain. Running it at batch 1 is how `model()` checks shapes at definition.
import { UserError } from "../compiler/errors.ts";
import { GraphBuilder } from "../compiler/ir.ts";
import { fmtShape, ShapeError } from "../compiler/shape.ts";
import { describe, type Layer } from "./layers.ts";

export interface ParamInfo {
  name: string;
  shape: number[];
  /** Fan-in and fan-out for initialisation (Glorot), counting the kernel's area. */
  fanIn: number;
  fanOut: number;
  role: "weight" | "bias";
  layer: string;
}

export interface LayerRow {
  name: string;
  desc: string;
  /** Per-sample output shape. */
  shape: number[];
  params: number;
  /** Forward FLOPs per sample (a multiply-add counts 2). */
  flops: number;
}

export class NetError extends UserError {}

export interface BuildOptions {
  batch: number;
  /** `train` adds dropout (and its seed input); `eval` leaves dropout out. */
  mode: "train" | "eval";
}

export interface Built {
  b: GraphBuilder;
  out: number;
  params: ParamInfo[];
  rows: LayerRow[];
}

class Ctx {
  readonly b = new GraphBuilder();
  readonly params: ParamInfo[] = [];
  readonly rows: LayerRow[] = [];
  position = 0;
  dropouts = 0;
  seed?: number;
  constructor(readonly opts: BuildOptions) {}

  param(name: string, shape: number[], fanIn: number, fanOut: number, role: ParamInfo["role"]) {
    this.params.push({ name, shape, fanIn, fanOut, role, layer: this.b.layer });
    return this.b.add("param", [], { name, shape });
  }
}

/** Lowers `net` applied to an input of per-sample shape `input` ([C,H,W]). */
export function buildNet(net: Layer, input: readonly number[], opts: BuildOptions): Built {
  const ctx = new Ctx(opts);
  const x = ctx.b.add("input", [], { name: "x", shape: [opts.batch, ...input], dtype: "f32" });
  const out = lowerTop(ctx, net, x);
  return { b: ctx.b, out, params: ctx.params, rows: ctx.rows };
}

/** torchvision's scheme: leaves before the first FC are features.i, from it classifier.j. */
function lowerTop(ctx: Ctx, net: Layer, x: number): number {
  const items = net.kind === "seq" ? net.layers : [net];
  const split = items.findIndex((l) => l.kind === "fc" || l.kind === "flatten");
  let fcStart = split;
  if (split >= 0 && items[split].kind === "flatten") fcStart = split + 1;
  items.forEach((l, i) => {
    const name = split < 0 || i < split
      ? `features.${i}`
      : i >= fcStart
      ? `classifier.${i - fcStart}`
      : "flatten";
    x = lower(ctx, l, x, name);
  });
  return x;
}

function lower(ctx: Ctx, l: Layer, x: number, name: string): number {
  const b = ctx.b;
  switch (l.kind) {
    case "seq":
      l.layers.forEach((sub, i) => x = lower(ctx, sub, x, `${name}.${i}`));
      return x;
    case "residual": {
      const y = lower(ctx, l.body, x, name);
      return leaf(ctx, l, name, () => b.add("add", [x, y], {}), 0);
    }
    case "branch": {
      const ys = l.branches.map((br, i) => lower(ctx, br, x, `${name}.${i}`));
      return leaf(ctx, l, name, () => b.add("concat", ys, {}), 0);
    }
    default: {
      const n = l.kind === "conv" && l.name !== undefined ? l.name : name;
      return leaf(ctx, l, n, () => lowerLeaf(ctx, l, x, n));
    }
  }
}

/** Runs one layer's lowering with the error context and records its table row. */
function leaf(ctx: Ctx, l: Layer, name: string, f: () => number, count = 1): number {
  ctx.position += count;
  const before = ctx.params.length, start = ctx.b.nodes.length;
  ctx.b.layer = name;
  let out: number;
  try {
    out = f();
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    const inShape = fmtShape(ctx.b.nodes[ctx.b.nodes.length - 1]?.shape ?? []);
    throw new NetError(
      `layer ${name} (${describe(l)}, position ${ctx.position} in the chain): ${e.message}` +
        ` [last shape ${inShape}]`,
    );
  }
  const node = ctx.b.node(out);
  const params = ctx.params.slice(before).reduce(
    (s, p) => s + p.shape.reduce((a, c) => a * c, 1),
    0,
  );
  ctx.rows.push({
    name,
    desc: describe(l),
    shape: node.shape.slice(1),
    params,
    flops: flopsSince(ctx.b, start) / ctx.opts.batch,
  });
  return out;
}

/** FLOPs of the GEMM-like nodes from `start` on (elementwise work is not counted). */
function flopsSince(b: GraphBuilder, start: number): number {
  let f = 0;
  for (const n of b.nodes.slice(start)) {
    const inShape = b.node(n.inputs[0] ?? 0).shape;
    const outSize = n.shape.reduce((a, c) => a * c, 1);
    if (n.op === "conv2d") f += 2 * outSize * inShape[1] * (n.attrs as { k: number }).k ** 2;
    if (n.op === "matmul") f += 2 * outSize * inShape[1];
  }
  return f;
}

function lowerLeaf(ctx: Ctx, l: Layer, x: number, name: string): number {
  const b = ctx.b, xs = b.node(x).shape;
  switch (l.kind) {
    case "conv": {
      if (xs.length !== 4) {
        throw new ShapeError(`conv needs a [N,C,H,W] input, got ${fmtShape(xs)} (conv after FC?)`);
      }
      const c = xs[1];
      if (l.in !== undefined && l.in !== c) {
        throw new ShapeError(`conv declared ${l.in} input channels, got ${c}`);
      }
      const w = ctx.param(
        `${name}.weight`,
        [l.out, c, l.k, l.k],
        c * l.k * l.k,
        l.out * l.k * l.k,
        "weight",
      );
      const bias = ctx.param(`${name}.bias`, [l.out], c * l.k * l.k, l.out, "bias");
      const y = b.add("conv2d", [x, w], { k: l.k, pad: l.pad ?? (l.k - 1) / 2, flip: false });
      return b.add("bias", [y, bias], {});
    }
    case "fc": {
      let v = x;
      if (xs.length !== 2) {
        v = b.add("reshape", [x], { shape: [xs[0], xs.slice(1).reduce((a, c) => a * c, 1)] });
      }
      const k = b.node(v).shape[1];
      if (l.in !== undefined && l.in !== k) {
        throw new ShapeError(`FC declared ${l.in} inputs, got ${k} (from ${fmtShape(xs)})`);
      }
      const w = ctx.param(`${name}.weight`, [l.out, k], k, l.out, "weight");
      const bias = ctx.param(`${name}.bias`, [l.out], k, l.out, "bias");
      const y = b.add("matmul", [v, w], { transA: false, transB: true });
      return b.add("bias", [y, bias], {});
    }
    case "relu":
      return b.add("relu", [x], {});
    case "pool":
      return b.add("maxpool", [x], {});
    case "lrn":
      return b.add("lrn", [x], l.attrs);
    case "flatten":
      if (xs.length === 2) return x;
      return b.add("reshape", [x], { shape: [xs[0], xs.slice(1).reduce((a, c) => a * c, 1)] });
    case "softmax":
      return b.add("softmax", [x], {});
    case "dropout": {
      const key = ctx.dropouts++;
      if (ctx.opts.mode === "eval") return x;
      ctx.seed ??= b.add("input", [], { name: "seed", shape: [1], dtype: "u32" });
      return b.add("dropout", [x, ctx.seed], { p: l.p, key });
    }
    default:
      throw new Error(`unreachable: ${l.kind}`);
  }
}
