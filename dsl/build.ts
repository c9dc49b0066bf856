// Lowers a layer tree to IR for a given batch size, naming parameters as torchvision does
// (features.N / classifier.N) and wrapping every shape-rule failure with the layer's name and
// position in the chain. Running it at batch 1 is how `model()` checks shapes at definition.
import { UserError } from "../compiler/errors.ts";
import { defOf, GraphBuilder } from "../compiler/ir.ts";
import { type Role, ROLES } from "../compiler/ops/leaves.ts";
import type { Fans, LayerContext } from "../compiler/ops/types.ts";
import { fmtShape, ShapeError } from "../compiler/shape.ts";
import { describe, type Layer, layerDef } from "./layers.ts";

export interface ParamInfo {
  name: string;
  shape: number[];
  /** How the parameter starts and whether SGD updates and decays it (compiler/ops/leaves.ts). */
  role: Role;
  /** Weights: fan-in and fan-out for initialisation (Glorot), counting the kernel's area. */
  fanIn?: number;
  fanOut?: number;
  layer: string;
}

export interface LayerRow {
  name: string;
  desc: string;
  /** The leaf's layer kind ("conv", "pool", ...); "residual" and "branch" for the merges. */
  kind: string;
  /** A pooling layer: it ends a stage of the paper's Table 1. */
  endsStage: boolean;
  /** Per-sample output shape. */
  shape: number[];
  params: number;
  /** Forward FLOPs per sample (a multiply-add counts 2). */
  flops: number;
}

export class NetError extends UserError {}

export interface BuildOptions {
  batch: number;
  /** `train`: batch statistics (batch norm), dropout on; `eval`: running statistics, dropout
   *  off (the identity). */
  mode: "train" | "eval";
  /** Dropout in a training graph (default on; off for gradient checks). */
  dropout?: boolean;
}

export interface Built {
  b: GraphBuilder;
  out: number;
  params: ParamInfo[];
  rows: LayerRow[];
}

class Ctx implements LayerContext {
  readonly b = new GraphBuilder();
  readonly params: ParamInfo[] = [];
  readonly rows: LayerRow[] = [];
  readonly mode: "train" | "eval";
  readonly dropout: boolean;
  position = 0;
  private dropouts = 0;
  private seedId?: number;
  constructor(readonly opts: BuildOptions) {
    this.mode = opts.mode;
    this.dropout = opts.mode === "train" && opts.dropout !== false;
  }

  param(name: string, shape: number[], role: Role, fans?: Fans): number {
    this.params.push({ name, shape, role, ...fans, layer: this.b.layer });
    return this.b.add("param", [], { name, shape, role });
  }

  /** Dropout's seed input, u32[2]: the step's seed and the position of the tensor's first sample
   *  in the global batch (masks follow the sample: compiler/ops/dropout_hash.ts). */
  seed(): number {
    return this.seedId ??= this.b.add("input", [], { name: "seed", shape: [2], dtype: "u32" });
  }

  dropoutKey(): number {
    return this.dropouts++;
  }

  output(name: string, id: number): void {
    this.b.output(name, id);
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
      // A layer may pin its parameters' names (fully convolutional nets keep the FCs').
      const n = "name" in l && l.name !== undefined ? l.name : name;
      return leaf(ctx, l, n, () => layerDef(l).build(ctx, x, l, n));
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
  // Trained parameters only, as paramCount (running statistics are not counted).
  const params = ctx.params.slice(before).filter((p) => ROLES[p.role].trainable).reduce(
    (s, p) => s + p.shape.reduce((a, c) => a * c, 1),
    0,
  );
  const isLeaf = l.kind !== "seq" && l.kind !== "residual" && l.kind !== "branch";
  ctx.rows.push({
    name,
    desc: describe(l),
    kind: l.kind,
    endsStage: isLeaf && !!layerDef(l).endsStage,
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
    f += defOf(n).flops?.(n, n.inputs.map((i) => b.node(i).shape)) ?? 0;
  }
  return f;
}
