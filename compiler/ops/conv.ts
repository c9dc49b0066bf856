// Convolution, stride 1, zero padding: the forward conv, and the weight gradient. The input
// gradient is the same conv primitive with `flip` (the transposed, spatially flipped kernel)
// and padding k-1-pad, so it shares the forward's kernel. The kernels are the implicit-GEMM
// family of compiler/kernels/conv*.ts, or, for a 3x3 pad-1 conv the tile policy runs by
// Winograd, the chain of compiler/kernels/winograd*.ts. The DSL's conv layer is conv2d followed
// by bias.
import type { Layer } from "../../dsl/layers.ts";
import { convOut } from "../kernels/conv_geometry.ts";
import type { ConvGradWeightSpec, ConvSpec, GemmTile } from "../kernels/spec.ts";
import { fmtShape, require, requireRank, ShapeError } from "../shape.ts";
import type { Graph } from "../ir.ts";
import {
  choiceOptions,
  type WinogradChain,
  winogradChain,
  type WinogradChoice,
  winogradGradWeightChain,
} from "../kernels/winograd_chain.ts";
import type { LayerTable, Lowered, OpTable } from "./types.ts";
import { packOf, storedIndex } from "../kernels/conv_pack.ts";
import { withPacking } from "../kernels/conv_register.ts";
import { floats, nchw, numel, positive, zerosLike } from "./util.ts";

/** x[N,C,H,W] * w[O,C,k,k] -> [N,O,H,W]; stride 1; `flip` reads w as the spatially flipped
 *  transpose of a [C,O,k,k] tensor, which makes this the input gradient of a conv. */
export interface ConvAttrs {
  k: number;
  pad: number;
  flip: boolean;
}

/** (x[N,C,H,W], g[N,O,H,W]) -> dw[O,C,k,k]: a GEMM over batch and space. */
export interface ConvGradWeightAttrs {
  k: number;
  pad: number;
}

/** Weight value W[o,c,ky,kx] as this conv reads it (see `flip`). */
function weightAt(
  w: ArrayLike<number>,
  flip: boolean,
  o: number,
  c: number,
  ky: number,
  kx: number,
  O: number,
  C: number,
  k: number,
): number {
  return w[storedIndex({ c: C, o: O, k, flip }, o, c, ky, kx)];
}

/** Winograd's F(m x m, 3 x 3) serves 3x3 convs with padding 1 (VGG's, and their input
 *  gradients, whose padding k - 1 - pad is 1 again); the tile policy decides whether it runs. */
const winogradApplies = (q: { k: number; pad: number }) => q.k === 3 && q.pad === 1;

/** A "direct" row-segment tile, the variant a pool folds into: the probe with which the lowering
 *  asks whether a pool will fold into a conv (never emitted). */
const PROBE_TILE: GemmTile = { variant: "direct", bm: 8, bn: 8, bk: 2, tm: 8, tn: 8, ks: 1 };

/** The f32 weight behind a conv's weight input: under `--precision f16` the conv reads an f16
 *  copy (compiler/precision.ts), but the filter transform reads the master weight, so that U
 *  holds the transform of the exact weight rather than spread the copy's rounding over alpha^2
 *  values (the copy is then read by nothing and dropped from the plan). */
function masterWeight(g: Graph, w: number): number {
  const n = g.nodes[w];
  return n.op === "half" ? n.inputs[0] : w;
}

/** A conv run by Winograd: its chain's kernels (compiler/kernels/winograd_chain.ts) with the
 *  transformed tensors U, V and M as scratch values. The filter transform reads only the
 *  weight, so the runtime runs it once per weight update (runtime/executor.ts paramKernels);
 *  the last kernel writes the conv's value and takes its folds (epilogue, pool). */
function winogradLowering(
  x: number,
  w: number,
  q: Omit<ConvSpec, "tile">,
  choice: WinogradChoice,
): Lowered[] {
  const chain = winogradChain(
    {
      m: choice.m,
      n: q.n,
      c: q.c,
      h: q.h,
      w: q.w,
      o: q.o,
      flip: q.flip,
      epilogue: [],
      variant: choice.variant,
    },
    choiceOptions(choice),
  );
  return chainLowering(chain, { x, wt: w }, "y");
}

/** A chain's steps as the node's kernels: the named inputs bound to graph values, the buffer
 *  `out` to the node's value, every other buffer a scratch value. */
function chainLowering(
  chain: WinogradChain,
  given: Record<string, number>,
  out: string,
): Lowered[] {
  const operand = (b: string) => given[b] ?? { scratch: b };
  return chain.steps.map(({ spec, buffers }) => {
    const last = buffers.at(-1)!;
    return {
      spec,
      // An accumulating weight gradient reads and writes dw: bound once, as its output.
      inputs: buffers.slice(0, -1).map(operand),
      ...(last === out ? {} : { output: { scratch: last } }),
      step: spec.kind,
    };
  });
}

export const prims: Pick<OpTable, "conv2d" | "conv2d_grad_weight"> = {
  conv2d: {
    shape: ([x, w], a) => {
      requireRank(x, 4, "conv input");
      requireRank(w, 4, "conv weight");
      const [o, c] = a.flip ? [w[1], w[0]] : [w[0], w[1]];
      require(w[2] === a.k && w[3] === a.k, `conv weight ${fmtShape(w)} is not ${a.k}x${a.k}`);
      require(
        c === x[1],
        `conv expects ${c} input channels, got ${x[1]} (input ${fmtShape(x)})`,
      );
      const h = convOut(x[2], a.k, a.pad), wd = convOut(x[3], a.k, a.pad);
      require(h > 0 && wd > 0, `conv ${a.k}x${a.k} does not fit input ${fmtShape(x)}`);
      return { shape: [x[0], o, h, wd], dtype: "f32" };
    },
    reference: ([xt, wt], a) => {
      const [N, C, H, W] = xt.shape, k = a.k;
      const O = a.flip ? wt.shape[1] : wt.shape[0];
      const Ho = convOut(H, k, a.pad), Wo = convOut(W, k, a.pad);
      const x = floats(xt), w = floats(wt), y = zerosLike(xt, N * O * Ho * Wo);
      for (let n = 0; n < N; n++) {
        for (let o = 0; o < O; o++) {
          for (let i = 0; i < Ho; i++) {
            for (let j = 0; j < Wo; j++) {
              let s = 0;
              for (let c = 0; c < C; c++) {
                for (let ky = 0; ky < k; ky++) {
                  const yy = i + ky - a.pad;
                  if (yy < 0 || yy >= H) continue;
                  for (let kx = 0; kx < k; kx++) {
                    const xx = j + kx - a.pad;
                    if (xx < 0 || xx >= W) continue;
                    s += x[((n * C + c) * H + yy) * W + xx] *
                      weightAt(w, a.flip, o, c, ky, kx, O, C, k);
                  }
                }
              }
              y[((n * O + o) * Ho + i) * Wo + j] = s;
            }
          }
        }
      }
      return { shape: [N, O, Ho, Wo], data: y };
    },
    vjp: (b, node, g) => {
      const [x, w] = node.inputs;
      const { k, pad, flip } = node.attrs;
      // d/dx: correlate g with the flipped, transposed kernel; padding k-1-pad restores the size.
      const dx = b.add("conv2d", [g, w], { k, pad: k - 1 - pad, flip: !flip });
      if (flip) throw new Error("autodiff: the weight gradient of a flipped conv is not needed");
      const dw = b.add("conv2d_grad_weight", [x, g], { k, pad });
      return [dx, dw];
    },
    lower: (n, cx) => {
      const x = cx.graph.nodes[n.inputs[0]].shape;
      const q: Omit<ConvSpec, "tile"> = {
        kind: "conv",
        ...nchw(x),
        o: n.shape[1],
        k: n.attrs.k,
        pad: n.attrs.pad,
        flip: n.attrs.flip,
        epilogue: [],
      };
      // The policy is told of a pool that will fold into the conv's kernel (forward plans): a
      // pooled kernel costs differently (the direct conv computes whole 2x2 windows, Winograd's
      // output transform pools in registers), so a tuning table keys it apart. The spec itself
      // gets the pool from the fold.
      const pool = n.attrs.flip ? undefined : cx.poolAfter(n.id, { ...q, tile: PROBE_TILE });
      const asked = pool ? { ...q, pool } : q;
      const choice = winogradApplies(q) ? cx.tiles.winograd(asked) : undefined;
      if (!choice) {
        const spec = withPacking({ ...q, tile: cx.tiles.conv(asked) });
        if (!spec.packed) return [{ spec, inputs: n.inputs, ...(pool ? { query: asked } : {}) }];
        // The weight copy first (it reads only the weight: made once per update, from the f32
        // master weight as Winograd's filter transform), then the conv reading it.
        return [
          {
            spec: packOf(q),
            inputs: [masterWeight(cx.graph, n.inputs[1])],
            output: { scratch: "wp" },
            step: "conv_pack",
          },
          { spec, inputs: [n.inputs[0], { scratch: "wp" }], ...(pool ? { query: asked } : {}) },
        ];
      }
      return winogradLowering(n.inputs[0], masterWeight(cx.graph, n.inputs[1]), q, choice);
    },
    storage: { half: true, halfWeights: true },
    flops: (n, [x]) => 2 * numel(n.shape) * x[1] * n.attrs.k ** 2,
  },
  conv2d_grad_weight: {
    shape: ([x, g], a) => {
      requireRank(x, 4, "conv_grad_weight input");
      requireRank(g, 4, "conv_grad_weight gradient");
      require(x[0] === g[0], `batch ${x[0]} vs ${g[0]}`);
      const h = convOut(x[2], a.k, a.pad), w = convOut(x[3], a.k, a.pad);
      require(
        g[2] === h && g[3] === w,
        `conv_grad_weight gradient ${fmtShape(g)} is not the output of a ${a.k}x${a.k} conv ` +
          `(pad ${a.pad}) of ${fmtShape(x)}`,
      );
      return { shape: [g[1], x[1], a.k, a.k], dtype: "f32" };
    },
    reference: ([xt, gt], a) => {
      const [N, C, H, W] = xt.shape, [, O, Ho, Wo] = gt.shape, k = a.k;
      const x = floats(xt), g = floats(gt), dw = zerosLike(xt, O * C * k * k);
      for (let o = 0; o < O; o++) {
        for (let c = 0; c < C; c++) {
          for (let ky = 0; ky < k; ky++) {
            for (let kx = 0; kx < k; kx++) {
              let s = 0;
              for (let n = 0; n < N; n++) {
                for (let i = 0; i < Ho; i++) {
                  const yy = i + ky - a.pad;
                  if (yy < 0 || yy >= H) continue;
                  for (let j = 0; j < Wo; j++) {
                    const xx = j + kx - a.pad;
                    if (xx < 0 || xx >= W) continue;
                    s += g[((n * O + o) * Ho + i) * Wo + j] * x[((n * C + c) * H + yy) * W + xx];
                  }
                }
              }
              dw[((o * C + c) * k + ky) * k + kx] = s;
            }
          }
        }
      }
      return { shape: [O, C, k, k], data: dw };
    },
    vjp: { notDifferentiable: "backward-only (no second derivatives)" },
    lower: (n, cx) => {
      const x = cx.graph.nodes[n.inputs[0]].shape;
      const q: Omit<ConvGradWeightSpec, "tile"> = {
        kind: "conv_grad_weight",
        ...nchw(x),
        o: n.shape[0],
        k: n.attrs.k,
        pad: n.attrs.pad,
        accumulate: cx.accumulate,
      };
      const choice = winogradApplies(q) ? cx.tiles.winogradGradWeight(q) : undefined;
      if (!choice) return [{ spec: { ...q, tile: cx.tiles.convGradWeight(q) }, inputs: n.inputs }];
      const { m, ...opts } = choice;
      const chain = winogradGradWeightChain(
        { m, n: q.n, c: q.c, h: q.h, w: q.w, o: q.o, accumulate: q.accumulate },
        opts,
      );
      return chainLowering(chain, { x: n.inputs[0], g: n.inputs[1] }, "dw");
    },
    storage: { half: true },
  },
};

// ---- DSL ---------------------------------------------------------------------------------------

export interface ConvLayer {
  readonly k: number;
  readonly out: number;
  readonly in?: number;
  /** Zero padding on each side; default (k - 1) / 2, which keeps the resolution. */
  readonly pad?: number;
  /** Pins the parameter names (`${name}.weight`) instead of the position in the chain: a
   *  transform that rewrites a net (fully convolutional test nets) keeps torchvision's names. */
  readonly name?: string;
}

/** 3x3 convolution (stride 1, padding 1) with bias; `in` optionally pins the input channels. */
export const conv3 = (out: number, opts: { in?: number } = {}): Layer =>
  Object.freeze({ kind: "conv", k: 3, out: positive(out, "conv3 width"), ...opts });
/** 1x1 convolution with bias (config C). */
export const conv1 = (out: number, opts: { in?: number } = {}): Layer =>
  Object.freeze({ kind: "conv", k: 1, out: positive(out, "conv1 width"), ...opts });
/** k x k convolution, stride 1, with bias and explicit padding (default: keep the size). */
export function conv(
  k: number,
  out: number,
  opts: { in?: number; pad?: number; name?: string } = {},
): Layer {
  positive(k, "conv kernel size");
  const pad = opts.pad ?? (k - 1) / 2;
  if (!Number.isInteger(pad) || pad < 0) {
    throw new Error(`conv${k} padding must be a non-negative integer, got ${pad}`);
  }
  return Object.freeze({ kind: "conv", k, out: positive(out, `conv${k} width`), ...opts, pad });
}

export const layers: Pick<LayerTable, "conv"> = {
  conv: {
    describe: (l) => `conv${l.k}-${l.out}`,
    build: (cx, x, l, name) => {
      const xs = cx.b.node(x).shape;
      if (xs.length !== 4) {
        throw new ShapeError(`conv needs a [N,C,H,W] input, got ${fmtShape(xs)} (conv after FC?)`);
      }
      const c = xs[1];
      if (l.in !== undefined && l.in !== c) {
        throw new ShapeError(`conv declared ${l.in} input channels, got ${c}`);
      }
      const fanIn = c * l.k * l.k;
      const w = cx.param(`${name}.weight`, [l.out, c, l.k, l.k], "weight", {
        fanIn,
        fanOut: l.out * l.k * l.k,
      });
      const bias = cx.param(`${name}.bias`, [l.out], "bias");
      const y = cx.b.add("conv2d", [x, w], { k: l.k, pad: l.pad ?? (l.k - 1) / 2, flip: false });
      return cx.b.add("bias", [y, bias], {});
    },
    spell: {
      call: { conv3: ([c]) => conv3(c), conv1: ([c]) => conv1(c) },
    },
    divide: (l, div) => ({ ...l, out: div(l.out), ...(l.in ? { in: div(l.in) } : {}) }),
  },
};
