// Model-to-model transforms. `fullyConvolutional` is the paper's dense-evaluation net (section
// 3.2): the first FC becomes a conv the size of the last feature map (7x7 for 224 inputs, no
// padding), the other FCs 1x1 convs, dropout and soft-max go, and the net ends in a class score
// map [N, classes, H', W'] for any input at least the training size.
//
// The weights are reused as they are. An FC weight [out, C*h*w] holds, for output o, the input
// flattened in PyTorch (NCHW) order, at o*C*h*w + c*h*w + y*w + x; a conv weight [out, C, h, w]
// holds W[o,c,y,x] at ((o*C + c)*h + y)*w + x: the same offset. The converted convs keep the
// FCs' parameter names (pinned with `conv(..., { name })`), so a Params map of the original is
// a Params map of the converted net: same names, same Float32Arrays, only the shapes differ.
import { inferenceGraph } from "../compiler/inference.ts";
import { evaluate } from "../compiler/interpret.ts";
import type { Graph } from "../compiler/ir.ts";
import { fmtShape } from "../compiler/shape.ts";
import { buildNet, NetError } from "./build.ts";
import type { Params } from "./init.ts";
import { conv, describe, type Layer, leaves, seq } from "./layers.ts";
import { type Model, model } from "./model.ts";

/** The fully convolutional version of `m`, bound to the same (training-size) input. */
export function fullyConvolutional(m: Model): Model {
  const items = m.net.kind === "seq" ? m.net.layers : [m.net];
  const first = items.findIndex((l) => l.kind === "fc" || l.kind === "flatten");
  const fail = (why: string): never => {
    throw new NetError(`fullyConvolutional(${m.name}): ${why}`);
  };
  if (first < 0) fail("the net has no FC layer to convert");
  const features = items.slice(0, first);
  if (features.flatMap(leaves).some((l) => l.kind === "fc")) {
    fail("an FC layer nested inside a residual or branch cannot be converted");
  }
  // The last feature map: what the first FC flattens.
  const fmap = features.length === 0 ? [1, ...m.input] : (() => {
    const built = buildNet(seq(...features), m.input, { batch: 1, mode: "eval" });
    return built.b.node(built.out).shape;
  })();
  if (fmap.length !== 4) fail(`the first FC's input ${fmtShape(fmap)} is not a [N,C,h,w] map`);
  if (fmap[2] !== fmap[3]) fail(`the last feature map ${fmtShape(fmap)} is not square`);
  // ParamInfo.layer is the name each FC got in the original; the converted convs keep it.
  const fcNames = m.params.filter((p) => p.role === "weight" && p.shape.length === 2)
    .map((p) => p.layer);
  const head: Layer[] = [];
  let k = fmap[2], fcs = 0;
  for (const [i, l] of items.slice(first).entries()) {
    switch (l.kind) {
      case "fc":
        head.push(conv(k, l.out, { pad: 0, name: fcNames[fcs++] }));
        k = 1;
        break;
      case "relu":
        head.push(l);
        break;
      case "flatten": // the convs read the map directly
      case "dropout": // identity at test time
        break;
      case "softmax":
        // Soft-max runs after the spatial average (over classes, not over the map).
        if (first + i !== items.length - 1) fail("soft-max before the last layer");
        break;
      default:
        fail(`cannot convert ${describe(l)} after the first FC`);
    }
  }
  const fc = model(`${m.name}/fully-conv`, seq(...features, ...head), m.input);
  if (fc.classes !== m.classes) fail(`score map has ${fc.classes} channels, not ${m.classes}`);
  return fc;
}

/** The original's parameters as the converted net's: the same arrays (views), sizes checked. */
export function fullyConvolutionalParams(fc: Model, params: Params): Params {
  const out: Params = new Map();
  for (const p of fc.params) {
    const v = params.get(p.name);
    const n = p.shape.reduce((a, c) => a * c, 1);
    if (!v) throw new NetError(`no value for parameter ${p.name}`);
    if (v.length !== n) {
      throw new NetError(`${p.name} has ${v.length} values, ${fmtShape(p.shape)} needs ${n}`);
    }
    out.set(p.name, v);
  }
  return out;
}

/** The converted net's forward at `height` x `width`: output `scores` [batch, classes, H', W']. */
export function scoreMapGraph(fc: Model, batch: number, height: number, width: number): Graph {
  const [c, h0, w0] = fc.input;
  if (height < h0 || width < w0) {
    throw new NetError(
      `${fc.name}: a ${width}x${height} input is smaller than the training size ${w0}x${h0}`,
    );
  }
  const { b, out } = buildNet(fc.net, [c, height, width], { batch, mode: "eval" });
  const s = b.node(out).shape;
  if (s.length !== 4 || s[1] !== fc.classes) {
    throw new NetError(`${fc.name}: output ${fmtShape(s)} is not a [N, classes, H, W] map`);
  }
  b.output("scores", out);
  return inferenceGraph(b.build());
}

/** Shape of the score map for a batch of `height` x `width` inputs. */
export function scoreMapShape(fc: Model, height: number, width: number): number[] {
  const g = scoreMapGraph(fc, 1, height, width);
  return [...g.nodes[g.outputs.scores].shape.slice(1)];
}

/** Reference (CPU) class score maps [N, classes, H', W'] for images laid out NCHW. */
export function scoreMapReference(
  fc: Model,
  params: Params,
  x: Float32Array,
  height: number,
  width: number,
): Float32Array {
  const per = fc.input[0] * height * width;
  if (x.length % per !== 0) throw new Error(`input length ${x.length} is not a multiple of ${per}`);
  const g = scoreMapGraph(fc, x.length / per, height, width);
  const vals = evaluate(g, { inputs: { x }, params });
  return vals[g.outputs.scores].data as Float32Array;
}

/** Spatial average (sum-pooling / area) of score maps: [N, K, H, W] -> [N, K]. */
export function spatialMean(maps: Float32Array, n: number, k: number, area: number): Float32Array {
  if (maps.length < n * k * area) throw new Error(`spatialMean: ${maps.length} < ${n * k * area}`);
  const out = new Float32Array(n * k);
  for (let i = 0; i < n * k; i++) {
    let s = 0;
    for (let j = 0; j < area; j++) s += maps[i * area + j];
    out[i] = s / area;
  }
  return out;
}
