// A model: a layer tree bound to an input shape. Building one lowers it once at batch 1, so
// every shape is checked when the net is defined; afterwards it hands out IR graphs for any
// batch and mode, initial parameters, and a CPU reference forward.
import { grad } from "../compiler/autodiff.ts";
import { inferenceGraph } from "../compiler/inference.ts";
import { ROLES } from "../compiler/ops/leaves.ts";
import { evaluate } from "../compiler/interpret.ts";
import { fmtShape, type Graph } from "../compiler/ir.ts";
import { buildNet, type LayerRow, NetError, type ParamInfo } from "./build.ts";
import { initParams, type InitScheme, type Params } from "./init.ts";
import type { Layer } from "./layers.ts";

export interface Model {
  readonly name: string;
  readonly net: Layer;
  /** Per-sample input shape [C, H, W]. */
  readonly input: readonly number[];
  /** Width of the output (classes). */
  readonly classes: number;
  readonly params: readonly ParamInfo[];
  readonly table: readonly LayerRow[];
  /** Whether the net ends in soft-max (then `logits` is the value before it). */
  readonly endsInSoftmax: boolean;
}

export function model(name: string, net: Layer, input: readonly number[]): Model {
  if (input.length !== 3 || input.some((d) => !Number.isInteger(d) || d <= 0)) {
    throw new NetError(`model ${name}: input must be [C,H,W] positive integers, got [${input}]`);
  }
  const built = buildNet(net, input, { batch: 1, mode: "eval" });
  const outShape = built.b.node(built.out).shape;
  const last = net.kind === "seq" ? net.layers[net.layers.length - 1] : net;
  return Object.freeze({
    name,
    net,
    input: Object.freeze([...input]),
    classes: outShape.slice(1).reduce((a, c) => a * c, 1),
    params: built.params,
    table: built.rows,
    endsInSoftmax: last?.kind === "softmax",
  });
}

export interface ForwardOptions {
  /** "eval" (default): running statistics, no dropout; "train": batch statistics. */
  mode?: "train" | "eval";
  /** Dropout in "train" mode (default on). */
  dropout?: boolean;
  /** "eval" mode: apply the inference rewrites (batch norm folded into the conv before it;
   *  compiler/inference.ts). Default on; off to compare against the unfolded graph. */
  fold?: boolean;
  /** Add a labels input and a `loss` output (softmax cross-entropy on the logits). */
  loss?: boolean;
}

/** The forward IR with outputs `logits` and (when the net ends in soft-max) `probs`. */
export function forwardGraph(m: Model, batch: number, opts: ForwardOptions = {}): Graph {
  const { b, out } = buildNet(m.net, m.input, {
    batch,
    mode: opts.mode ?? "eval",
    dropout: opts.dropout,
  });
  const logits = m.endsInSoftmax ? b.node(out).inputs[0] : out;
  if (b.node(logits).shape.length !== 2) {
    throw new NetError(
      `model ${m.name}: output ${fmtShape(b.node(logits).shape)} is not [N, classes]`,
    );
  }
  b.output("logits", logits);
  // A training step needs the loss, not the probabilities: leave the soft-max out (the pass
  // that prunes dead nodes drops it).
  if (m.endsInSoftmax && !opts.loss) b.output("probs", out);
  if (opts.loss) {
    b.layer = "loss";
    const labels = b.add("input", [], { name: "labels", shape: [batch], dtype: "i32" });
    b.output("loss", b.add("softmax_xent", [logits, labels], {}));
  }
  const g = b.build();
  return (opts.mode ?? "eval") === "eval" && opts.fold !== false ? inferenceGraph(g) : g;
}

/** Forward in training mode + loss + backward: outputs `logits`, `loss`, `grad:<name>` per
 *  trainable parameter, and `running:<name>` per running statistic (its updated value).
 *  `dropout: false` keeps everything of training mode but dropout (gradient checks). */
export function trainGraph(m: Model, batch: number, opts: { dropout?: boolean } = {}): Graph {
  const fwd = forwardGraph(m, batch, {
    mode: "train",
    dropout: opts.dropout !== false,
    loss: true,
  });
  return grad(fwd, "loss");
}

export function init(m: Model, seed: number, scheme: InitScheme = "glorot"): Params {
  return initParams(m.params, seed, scheme);
}

/** Reference (CPU) forward: logits for a batch laid out NCHW. */
export function applyReference(m: Model, params: Params, x: Float32Array): Float32Array {
  const per = m.input.reduce((a, c) => a * c, 1);
  if (x.length % per !== 0) throw new Error(`input length ${x.length} is not a multiple of ${per}`);
  const g = forwardGraph(m, x.length / per);
  const vals = evaluate(g, { inputs: { x }, params });
  return vals[g.outputs.logits].data as Float32Array;
}

/** Trained parameters, as PyTorch counts `parameters()` (batch norm's running statistics are
 *  buffers there, and not counted). */
export function paramCount(m: Model): number {
  return m.params.filter((p) => ROLES[p.role].trainable)
    .reduce((s, p) => s + p.shape.reduce((a, c) => a * c, 1), 0);
}
