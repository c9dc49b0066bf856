// The pure side of the peer comparison: a model's forward IR read back as a plain layer chain
// (what the peers rebuild with their own ops), and the layout conversions that feed this
// project's parameters (OIHW conv weights, [out, in] FC weights, NCHW images) to a peer that
// wants another layout. No GPU, no peer library: tests/bench_compare.test.ts checks all of it.
import { forwardGraph, type Model } from "../../dsl/mod.ts";

/** A Float32Array on a plain ArrayBuffer (what the peers' constructors accept). */
export type F32 = Float32Array<ArrayBuffer>;

export type PeerLayer =
  | {
    kind: "conv";
    weight: string;
    bias: string;
    cin: number;
    cout: number;
    k: number;
    pad: number;
    relu: boolean;
  }
  | { kind: "relu" }
  | { kind: "pool" }
  | { kind: "flatten"; c: number; h: number; w: number }
  | { kind: "fc"; weight: string; bias: string; inF: number; outF: number; relu: boolean };

export interface PeerNet {
  name: string;
  /** Per-image input [C, H, W]. */
  input: [number, number, number];
  classes: number;
  layers: PeerLayer[];
}

/**
 * Reads `forwardGraph(m, 1)` (eval mode: dropout is the identity) as a chain of conv / relu /
 * 2x2 max-pool / flatten / FC layers ending at the logits. A net with anything else (LRN,
 * branches, residuals) is refused with the op's name: the peers are not taught those.
 */
export function peerNet(m: Model): PeerNet {
  const g = forwardGraph(m, 1);
  const paramName = (id: number) => {
    const n = g.nodes[id];
    if (n.op !== "param") throw new Error(`peer nets: %${id} is not a parameter`);
    return n.attrs.name;
  };
  const layers: PeerLayer[] = [];
  let cur = -1;
  const logits = g.outputs.logits;
  for (const n of g.nodes) {
    if (n.op === "param") continue;
    if (n.op === "input") {
      if (n.attrs.name !== "x") {
        throw new Error(`peer nets: unexpected input`);
      }
      cur = n.id;
      continue;
    }
    if (cur > logits) break; // past the logits: soft-max only
    if (n.inputs[0] !== cur) {
      throw new Error(`peer nets support a plain chain of layers; %${n.id} (${n.op}) branches`);
    }
    const last = layers.at(-1);
    switch (n.op) {
      case "conv2d": {
        const a = n.attrs;
        const ws = g.nodes[n.inputs[1]].shape;
        if (a.flip) throw new Error("peer nets: flipped conv");
        layers.push({
          kind: "conv",
          weight: paramName(n.inputs[1]),
          bias: "",
          cin: ws[1],
          cout: ws[0],
          k: a.k,
          pad: a.pad,
          relu: false,
        });
        break;
      }
      case "matmul": {
        const a = n.attrs;
        const ws = g.nodes[n.inputs[1]].shape;
        if (a.transA || !a.transB) throw new Error("peer nets: FC expects x * W^T");
        layers.push({
          kind: "fc",
          weight: paramName(n.inputs[1]),
          bias: "",
          inF: ws[1],
          outF: ws[0],
          relu: false,
        });
        break;
      }
      case "bias":
        if (!last || (last.kind !== "conv" && last.kind !== "fc") || last.bias) {
          throw new Error(`peer nets: bias %${n.id} follows no conv or FC`);
        }
        last.bias = paramName(n.inputs[1]);
        break;
      case "relu":
        if (last && (last.kind === "conv" || last.kind === "fc") && !last.relu) last.relu = true;
        else layers.push({ kind: "relu" });
        break;
      case "maxpool":
        layers.push({ kind: "pool" });
        break;
      case "reshape": {
        const s = g.nodes[n.inputs[0]].shape;
        if (s.length !== 4 || n.shape.length !== 2) {
          throw new Error("peer nets: reshape other than flatten");
        }
        layers.push({ kind: "flatten", c: s[1], h: s[2], w: s[3] });
        break;
      }
      default:
        throw new Error(`peer nets support conv, relu, 2x2 max-pool, flatten and FC; got ${n.op}`);
    }
    cur = n.id;
    if (cur === logits) break;
  }
  if (cur !== logits) throw new Error("peer nets: the chain does not reach the logits");
  const [c, h, w] = m.input;
  return { name: m.name, input: [c, h, w], classes: m.classes, layers };
}

/** Conv weight [O, I, KH, KW] (ours, PyTorch's) to [KH, KW, I, O] (TensorFlow's filter). */
export function oihwToHwio(w: Float32Array, o: number, i: number, kh: number, kw: number): F32 {
  if (w.length !== o * i * kh * kw) {
    throw new Error(`OIHW weight: ${w.length} values, not ${o}x${i}x${kh}x${kw}`);
  }
  const out = new Float32Array(w.length);
  for (let a = 0; a < o; a++) {
    for (let b = 0; b < i; b++) {
      for (let y = 0; y < kh; y++) {
        for (let x = 0; x < kw; x++) {
          out[((y * kw + x) * i + b) * o + a] = w[((a * i + b) * kh + y) * kw + x];
        }
      }
    }
  }
  return out;
}

/** Images [N, C, H, W] to [N, H, W, C]. */
export function nchwToNhwc(x: Float32Array, n: number, c: number, h: number, w: number): F32 {
  if (x.length !== n * c * h * w) {
    throw new Error(`NCHW: ${x.length} values, not ${n}x${c}x${h}x${w}`);
  }
  const out = new Float32Array(x.length);
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      for (let y = 0; y < h; y++) {
        for (let xx = 0; xx < w; xx++) {
          out[((b * h + y) * w + xx) * c + ch] = x[((b * c + ch) * h + y) * w + xx];
        }
      }
    }
  }
  return out;
}

/** FC weight [out, in] (y = x W^T, ours) to [in, out] (y = x W). */
export function fcToInOut(w: Float32Array, outF: number, inF: number): F32 {
  if (w.length !== outF * inF) throw new Error(`FC weight: ${w.length} values, not ${outF}x${inF}`);
  const t = new Float32Array(w.length);
  for (let o = 0; o < outF; o++) for (let i = 0; i < inF; i++) t[i * outF + o] = w[o * inF + i];
  return t;
}

/**
 * The first FC after a flatten, for a peer that flattens NHWC activations: ours flattens
 * [C, H, W] (input index (c*H + y)*W + x), an NHWC peer flattens [H, W, C] (index
 * (y*W + x)*C + c). Returns [in, out] with its rows in the NHWC order, so both compute the same
 * function.
 */
export function fcAfterNchwFlattenToNhwcInOut(
  w: Float32Array,
  outF: number,
  c: number,
  h: number,
  wd: number,
): F32 {
  const inF = c * h * wd;
  if (w.length !== outF * inF) throw new Error(`FC weight: ${w.length} values, not ${outF}x${inF}`);
  const t = new Float32Array(w.length);
  for (let o = 0; o < outF; o++) {
    for (let ch = 0; ch < c; ch++) {
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < wd; x++) {
          t[((y * wd + x) * c + ch) * outF + o] = w[o * inF + (ch * h + y) * wd + x];
        }
      }
    }
  }
  return t;
}

/** One-hot rows [N, classes] of integer labels. */
export function oneHot(y: Int32Array, classes: number): F32 {
  const out = new Float32Array(y.length * classes);
  y.forEach((c, i) => {
    if (c < 0 || c >= classes) throw new Error(`label ${c} outside 0..${classes - 1}`);
    out[i * classes + c] = 1;
  });
  return out;
}

/** Largest |a - b| over two equal-length arrays (Infinity when lengths differ or a NaN shows). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= m)) m = Number.isNaN(d) ? Infinity : d;
  }
  return m;
}
