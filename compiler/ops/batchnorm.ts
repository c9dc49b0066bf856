// Batch normalisation over the channel axis (axis 1; PyTorch's BatchNorm2d, and BatchNorm1d on
// [N, F]), as torchvision's VGG-BN nets use it: conv >> BN >> ReLU. The primitives, their
// kernels, the inference rewrite that folds BN into the conv before it, and the DSL layer.
//
// Training normalises with the batch's statistics: mean and biased variance per channel over
// batch and space, y = (x - mean) / sqrt(var + eps) * gamma + beta, and updates the running
// statistics as PyTorch does (momentum 0.1: r = 0.9 r + 0.1 s, the variance unbiased by
// n / (n - 1); num_batches_tracked + 1). Evaluation uses the running statistics; where a conv
// and its bias come right before (every BN of torchvision's VGG-BN), the inference graph folds
// BN into that conv's weight and bias, which the forward runner computes once per set of
// weights, so inference costs nothing extra.
//
//   bn_stats(x) -> s[C, 2]                      (mean, biased variance) per channel
//   batchnorm(x, s, gamma, beta) -> y           an epilogue op (the ReLU after it folds in)
//   bn_running(r, s) -> r'                      a running statistic's update (graph outputs
//                                               `running:<name>`, copied over the parameter)
// Backward (batchnorm's rule; xhat = (x - mean) rstd, n values per channel):
//   bn_sums(x, s, g) -> [2, C]                  (sum g xhat, sum g) per channel
//   bn_param_grad(sums) -> dgamma | dbeta       a row of it (accumulates under micro-batching)
//   batchnorm_grad(x, s, gamma, g, sums) -> dx  gamma rstd (g - sum g / n - xhat sum g xhat / n)
// Inference:
//   batchnorm_eval(x, gamma, beta, mean, var)   an epilogue op, where nothing can take it
//   bn_fold_weight(w, gamma, var), bn_fold_bias(b, gamma, beta, mean, var)
import type { Layer } from "../../dsl/layers.ts";
import { add, f32, mul, type WgslWriter } from "../wgsl/mod.ts";
import {
  declareBindings,
  entry,
  FLAT_WORKGROUP,
  flatEntry,
  grid,
  kernel,
  newWriter,
  read,
  readWrite,
} from "../kernels/common.ts";
import { f } from "../kernels/io.ts";
import type { EmittedKernel, Stored } from "../kernels/spec.ts";
import { fmtShape, require, type Shape, ShapeError } from "../shape.ts";
import type { EpilogueTable } from "./epilogues.ts";
import type { KernelDef, LayerTable, OpTable, Tensor } from "./types.ts";
import { floats, ncs, numel, standalone, zerosLike } from "./util.ts";

/** PyTorch's BatchNorm defaults. */
export const BN_EPS = 1e-5;
export const BN_MOMENTUM = 0.1;

export type BnStatsAttrs = Record<never, never>;
export interface EpsAttrs {
  eps: number;
}
export interface BnParamGradAttrs {
  /** 0: the scale's gradient (sum g xhat), 1: the shift's (sum g). */
  row: 0 | 1;
}
export interface BnRunningAttrs {
  stat: "mean" | "var" | "count";
  momentum: number;
  /** Values per channel in the batch (the variance's n / (n - 1)). */
  count: number;
}

const sameShape = (a: Shape, b: Shape) => fmtShape(a) === fmtShape(b);

function channels(x: Shape, what: string): number {
  require(x.length >= 2, `${what} input must be [N,C,...], got ${fmtShape(x)}`);
  return x[1];
}

const requireChannelVector = (v: Shape, c: number, what: string) =>
  require(v.length === 1 && v[0] === c, `${what} ${fmtShape(v)} does not match ${c} channels`);

const requireStats = (s: Shape, c: number) =>
  require(
    s.length === 2 && s[0] === c && s[1] === 2,
    `batch statistics must be [${c},2], got ${fmtShape(s)}`,
  );

/** Mean and biased variance per channel: [C, 2] (two passes, as the kernel). */
function statsOf(xt: Tensor): Float32Array | Float64Array {
  const [N, C, S] = ncs(xt.shape), x = floats(xt), s = zerosLike(xt, 2 * C), n = N * S;
  for (let c = 0; c < C; c++) {
    let sum = 0;
    for (let i = 0; i < N; i++) for (let p = 0; p < S; p++) sum += x[(i * C + c) * S + p];
    const mean = sum / n;
    let sq = 0;
    for (let i = 0; i < N; i++) {
      for (let p = 0; p < S; p++) sq += (x[(i * C + c) * S + p] - mean) ** 2;
    }
    s[2 * c] = mean;
    s[2 * c + 1] = sq / n;
  }
  return s;
}

export const prims: Pick<
  OpTable,
  | "bn_stats"
  | "batchnorm"
  | "bn_sums"
  | "bn_param_grad"
  | "batchnorm_grad"
  | "bn_running"
  | "batchnorm_eval"
  | "bn_fold_weight"
  | "bn_fold_bias"
> = {
  bn_stats: {
    shape: ([x]) => ({ shape: [channels(x, "bn_stats"), 2], dtype: "f32" }),
    reference: ([xt]) => ({ shape: [xt.shape[1], 2], data: statsOf(xt) }),
    // batchnorm's rule differentiates through its statistics (see below): none flows here, and
    // any other reader on the loss's path would be a graph this rule does not cover.
    vjp: { notDifferentiable: "differentiated by the batchnorm that reads it" },
    lower: (
      n,
      cx,
    ) => [{
      spec: { kind: "bn_stats", ...dims(cx.graph.nodes[n.inputs[0]].shape) },
      inputs: n.inputs,
    }],
    // Statistics stay f32 under --precision f16: they are few, and every value reads them.
    storage: { half: false },
  },

  batchnorm: {
    shape: ([x, s, gamma, beta]) => {
      const c = channels(x, "batchnorm");
      requireStats(s, c);
      requireChannelVector(gamma, c, "batchnorm scale");
      requireChannelVector(beta, c, "batchnorm shift");
      return { shape: x, dtype: "f32" };
    },
    reference: ([xt, st, gt, bt], a) => {
      const [, C, S] = ncs(xt.shape), x = floats(xt), s = floats(st);
      const gamma = floats(gt), beta = floats(bt), y = zerosLike(xt, x.length);
      for (let i = 0; i < x.length; i++) {
        const c = Math.floor(i / S) % C;
        y[i] = (x[i] - s[2 * c]) / Math.sqrt(s[2 * c + 1] + a.eps) * gamma[c] + beta[c];
      }
      return { shape: xt.shape, data: y };
    },
    // The statistics are bn_stats of the same x: the rule returns x's whole cotangent (through
    // the mean and variance too), the standard batch-norm backward, and none for them.
    vjp: (b, node, g) => {
      const [x, s, gamma] = node.inputs, st = b.node(s);
      if (st.op !== "bn_stats" || st.inputs[0] !== x) {
        throw new Error(`autodiff: batchnorm (layer ${node.layer}) needs bn_stats of its input`);
      }
      const eps = node.attrs.eps;
      const sums = b.add("bn_sums", [x, s, g], { eps });
      return [
        b.add("batchnorm_grad", [x, s, gamma, g, sums], { eps }),
        null,
        b.add("bn_param_grad", [sums], { row: 0 }),
        b.add("bn_param_grad", [sums], { row: 1 }),
      ];
    },
    lower: (n) => standalone(n),
    fold: { main: [0] },
    storage: { half: true },
  },

  bn_sums: {
    shape: ([x, s, g]) => {
      const c = channels(x, "bn_sums");
      requireStats(s, c);
      require(sameShape(x, g), `bn_sums shapes ${fmtShape(x)} vs ${fmtShape(g)}`);
      return { shape: [2, c], dtype: "f32" };
    },
    reference: ([xt, st, gt], a) => {
      const [, C, S] = ncs(xt.shape), x = floats(xt), s = floats(st), g = floats(gt);
      const out = zerosLike(xt, 2 * C);
      for (let i = 0; i < x.length; i++) {
        const c = Math.floor(i / S) % C;
        out[c] += g[i] * (x[i] - s[2 * c]) / Math.sqrt(s[2 * c + 1] + a.eps);
        out[C + c] += g[i];
      }
      return { shape: [2, C], data: out };
    },
    vjp: { notDifferentiable: "backward-only" },
    lower: (n, cx) => [{
      spec: { kind: "bn_sums", ...dims(cx.graph.nodes[n.inputs[0]].shape), eps: n.attrs.eps },
      inputs: n.inputs,
    }],
    storage: { half: false },
  },

  bn_param_grad: {
    shape: ([sums]) => {
      require(sums.length === 2 && sums[0] === 2, `bn_param_grad input must be [2,C]`);
      return { shape: [sums[1]], dtype: "f32" };
    },
    reference: ([st], a) => {
      const C = st.shape[1];
      return { shape: [C], data: floats(st).slice(a.row * C, (a.row + 1) * C) };
    },
    vjp: { notDifferentiable: "backward-only" },
    // A gradient output: it accumulates over micro-batches where the step does.
    lower: (n, cx) => [{
      spec: { kind: "bn_param_grad", c: n.shape[0], row: n.attrs.row, accumulate: cx.accumulate },
      inputs: n.inputs,
    }],
    storage: { half: false },
  },

  batchnorm_grad: {
    shape: ([x, s, gamma, g, sums]) => {
      const c = channels(x, "batchnorm_grad");
      requireStats(s, c);
      requireChannelVector(gamma, c, "batchnorm_grad scale");
      require(sameShape(x, g), `batchnorm_grad shapes ${fmtShape(x)} vs ${fmtShape(g)}`);
      require(sums.length === 2 && sums[0] === 2 && sums[1] === c, "batchnorm_grad sums");
      return { shape: x, dtype: "f32" };
    },
    reference: ([xt, st, gmt, gt, smt], a) => {
      const [N, C, S] = ncs(xt.shape), x = floats(xt), s = floats(st), gamma = floats(gmt);
      const g = floats(gt), sums = floats(smt), n = N * S, dx = zerosLike(xt, x.length);
      for (let i = 0; i < x.length; i++) {
        const c = Math.floor(i / S) % C, rstd = 1 / Math.sqrt(s[2 * c + 1] + a.eps);
        const xhat = (x[i] - s[2 * c]) * rstd;
        dx[i] = gamma[c] * rstd * (g[i] - sums[C + c] / n - xhat * sums[c] / n);
      }
      return { shape: xt.shape, data: dx };
    },
    vjp: { notDifferentiable: "backward-only" },
    lower: (n) => [{
      spec: { kind: "batchnorm_grad", ...dims(n.shape), eps: n.attrs.eps },
      inputs: n.inputs,
    }],
    storage: { half: true },
  },

  bn_running: {
    shape: ([old, s], a) => {
      if (a.stat === "count") {
        require(old.length === 0 && s === undefined, "bn_running count takes the scalar count");
      } else {
        require(old.length === 1, `running ${a.stat} must be [C], got ${fmtShape(old)}`);
        requireStats(s, old[0]);
        require(a.count > 1, "the unbiased variance needs more than one value per channel");
      }
      return { shape: old, dtype: "f32" };
    },
    reference: ([ot, st], a) => {
      const old = floats(ot), out = zerosLike(ot, old.length);
      if (a.stat === "count") {
        out[0] = old[0] + 1;
        return { shape: ot.shape, data: out };
      }
      const s = floats(st), m = a.momentum;
      const unbias = a.stat === "var" ? a.count / (a.count - 1) : 1;
      for (let c = 0; c < old.length; c++) {
        out[c] = (1 - m) * old[c] + m * s[2 * c + (a.stat === "var" ? 1 : 0)] * unbias;
      }
      return { shape: ot.shape, data: out };
    },
    vjp: { notDifferentiable: "a running statistic takes no gradient" },
    lower: (n) => [{
      spec: { kind: "bn_running", c: Math.max(1, numel(n.shape)), ...n.attrs },
      inputs: n.inputs,
    }],
    storage: { half: false },
  },

  batchnorm_eval: {
    shape: ([x, gamma, beta, mean, vr]) => {
      const c = channels(x, "batchnorm_eval");
      for (const [v, what] of [[gamma, "scale"], [beta, "shift"], [mean, "mean"], [vr, "var"]]) {
        requireChannelVector(v as Shape, c, `batchnorm_eval ${what}`);
      }
      return { shape: x, dtype: "f32" };
    },
    reference: ([xt, gt, bt, mt, vt], a) => {
      const [, C, S] = ncs(xt.shape), x = floats(xt), gamma = floats(gt), beta = floats(bt);
      const mean = floats(mt), vr = floats(vt), y = zerosLike(xt, x.length);
      for (let i = 0; i < x.length; i++) {
        const c = Math.floor(i / S) % C;
        y[i] = (x[i] - mean[c]) / Math.sqrt(vr[c] + a.eps) * gamma[c] + beta[c];
      }
      return { shape: xt.shape, data: y };
    },
    vjp: { notDifferentiable: "inference-only (training graphs normalise by batch statistics)" },
    lower: (n) => standalone(n),
    fold: { main: [0] },
    // conv >> bias >> BN: the conv's weight and bias absorb it (inference graphs only).
    rewrite: (cx, n) => {
      const [x, gamma, beta, mean, vr] = n.inputs, biasNode = cx.graph.nodes[x];
      if (biasNode.op !== "bias" || !cx.single(x)) return undefined;
      const conv = cx.graph.nodes[biasNode.inputs[0]];
      if (conv.op !== "conv2d" || conv.attrs.flip || !cx.single(conv.id)) return undefined;
      const { b, map } = cx, eps = n.attrs.eps;
      b.layer = conv.layer;
      const w = b.add("bn_fold_weight", [map(conv.inputs[1]), map(gamma), map(vr)], { eps });
      const bias = b.add(
        "bn_fold_bias",
        [map(biasNode.inputs[1]), map(gamma), map(beta), map(mean), map(vr)],
        { eps },
      );
      const y = b.add("conv2d", [map(conv.inputs[0]), w], conv.attrs);
      return b.add("bias", [y, bias], {});
    },
    storage: { half: true },
  },

  // w[o, ...] * gamma[o] / sqrt(var[o] + eps): the conv weight with BN's scale folded in.
  bn_fold_weight: {
    shape: ([w, gamma, vr]) => {
      require(w.length >= 2, `bn_fold_weight weight must be [O,...], got ${fmtShape(w)}`);
      requireChannelVector(gamma, w[0], "bn_fold_weight scale");
      requireChannelVector(vr, w[0], "bn_fold_weight var");
      return { shape: w, dtype: "f32" };
    },
    reference: ([wt, gt, vt], a) => {
      const w = floats(wt), gamma = floats(gt), vr = floats(vt), out = zerosLike(wt, w.length);
      const per = w.length / gamma.length;
      for (let i = 0; i < w.length; i++) {
        const o = Math.floor(i / per);
        out[i] = w[i] * (gamma[o] / Math.sqrt(vr[o] + a.eps));
      }
      return { shape: wt.shape, data: out };
    },
    vjp: { notDifferentiable: "inference-only" },
    lower: (n) => [{
      spec: {
        kind: "bn_fold_weight",
        o: n.shape[0],
        per: numel(n.shape.slice(1)),
        eps: n.attrs.eps,
      },
      inputs: n.inputs,
    }],
    // The GEMM reads it as it reads a weight's f16 copy.
    storage: { half: true },
  },

  // (b - mean) * gamma / sqrt(var + eps) + beta: batchnorm_eval over the bias, channel = axis 0.
  bn_fold_bias: {
    shape: ([b, gamma, beta, mean, vr]) => {
      require(b.length === 1, `bn_fold_bias bias must be [O], got ${fmtShape(b)}`);
      for (const v of [gamma, beta, mean, vr]) requireChannelVector(v, b[0], "bn_fold_bias");
      return { shape: b, dtype: "f32" };
    },
    reference: ([bt, ...rest], a) => {
      const y = prims.batchnorm_eval.reference([
        { shape: [1, bt.shape[0]], data: bt.data },
        ...rest,
      ], a);
      return { shape: bt.shape, data: y.data };
    },
    vjp: { notDifferentiable: "inference-only" },
    lower: (n) => [{
      spec: {
        kind: "elementwise",
        size: n.shape[0],
        layout: { channels: n.shape[0], spatial: 1 },
        epilogue: [{ op: "batchnorm_eval", eps: n.attrs.eps }],
      },
      inputs: n.inputs,
    }],
    // A bias: kept f32 as the parameters are.
    storage: { half: false },
  },
};

const dims = (s: Shape) => ({ n: s[0], c: s[1], spatial: numel(s.slice(2)) });

// ---- Epilogues ---------------------------------------------------------------------------------

/** rstd = 1 / sqrt(var + eps) as WGSL (inverseSqrt: within the tests' tolerance). */
const rstd = (v: string, eps: number) => `inverseSqrt(${v} + ${f32(eps).code})`;

export const epilogues: Pick<EpilogueTable, "batchnorm" | "batchnorm_eval"> = {
  batchnorm: {
    label: "batchnorm",
    inputs: [
      { name: "stats", per: "channel", rows: 2 },
      { name: "scale", per: "channel" },
      { name: "shift", per: "channel" },
    ],
    preservesZero: false,
    emit: ({ w, v, c, input }, op) => {
      const [st, gamma, beta] = [0, 1, 2].map(input);
      const mean = w.load(st, mul(c(), 2)), vr = w.load(st, add(mul(c(), 2), 1));
      w.line(
        `${v} = (${v} - ${mean}) * ${rstd(vr, op.eps)} * ${w.load(gamma, c())} + ${
          w.load(beta, c())
        };`,
      );
    },
  },
  batchnorm_eval: {
    label: "batchnorm",
    inputs: [
      { name: "scale", per: "channel" },
      { name: "shift", per: "channel" },
      { name: "mean", per: "channel" },
      { name: "var", per: "channel" },
    ],
    preservesZero: false,
    emit: ({ w, v, c, input }, op) => {
      const [gamma, beta, mean, vr] = [0, 1, 2, 3].map(input);
      w.line(
        `${v} = (${v} - ${w.load(mean, c())}) * ${rstd(w.load(vr, c()), op.eps)} * ${
          w.load(gamma, c())
        } + ${w.load(beta, c())};`,
      );
    },
  },
};

// ---- Kernels -----------------------------------------------------------------------------------

interface ChannelDims {
  /** Batch, channels, and the values per channel per image. */
  n: number;
  c: number;
  spatial: number;
}

/** Per channel: mean and biased variance, as [C, 2]. Input x. */
export interface BnStatsSpec extends Stored, ChannelDims {
  kind: "bn_stats";
}
/** Per channel: (sum g xhat, sum g), as [2, C]. Inputs x, stats, g. */
export interface BnSumsSpec extends Stored, ChannelDims {
  kind: "bn_sums";
  eps: number;
}
/** out[c] (+)= sums[row, c]. */
export interface BnParamGradSpec extends Stored {
  kind: "bn_param_grad";
  c: number;
  row: 0 | 1;
  accumulate: boolean;
}
/** dx from x, stats, gamma, g, sums. */
export interface BatchnormGradSpec extends Stored, ChannelDims {
  kind: "batchnorm_grad";
  eps: number;
}
/** A running statistic's update (`c` values; 1 for the count). Inputs old (, stats). */
export interface BnRunningSpec extends Stored, BnRunningAttrs {
  kind: "bn_running";
  c: number;
}
/** w'[o, j] = w[o, j] gamma[o] / sqrt(var[o] + eps), `per` values per o. */
export interface BnFoldWeightSpec extends Stored {
  kind: "bn_fold_weight";
  o: number;
  per: number;
  eps: number;
}

/** Invocations per channel of the reductions. */
const WG = 64;

/** One workgroup per channel; each invocation sums the values j = lid, lid + 64, ... of the
 *  channel's n x spatial, then invocation 0 adds the partial sums in index order: the result
 *  does not depend on scheduling. `pass` emits one pass: `acc` names accumulators, `at` the
 *  value's flat index. */
function channelPasses(
  w: WgslWriter,
  s: ChannelDims,
  passes: { accs: string[]; body: (at: string) => void; done: (totals: string[]) => void }[],
  setup: () => void = () => {},
) {
  const count = s.n * s.spatial, width = Math.max(...passes.map((p) => p.accs.length));
  for (let k = 0; k < width; k++) w.line(`var<workgroup> part${k}: array<f32, ${WG}>;`);
  w.blank();
  const g = grid(s.c);
  entry(w, [WG, 1, 1], g, (wid) => {
    w.line(`let ch = ${wid.code};`);
    setup();
    passes.forEach((p, q) => {
      if (q > 0) w.line("workgroupBarrier();");
      w.scope(() => {
        p.accs.forEach((a) => w.line(`var ${a} = 0.0f;`));
        w.block(`for (var j = lid.x; j < ${count}u; j += ${WG}u)`, () => {
          w.line(
            `let at = (j / ${s.spatial}u * ${s.c}u + ch) * ${s.spatial}u + j % ${s.spatial}u;`,
          );
          p.body("at");
        });
        p.accs.forEach((a, k) => w.line(`part${k}[lid.x] = ${a};`));
      });
      w.line("workgroupBarrier();");
      // Every invocation adds the same partials in the same order: all hold the totals.
      w.scope(() => {
        p.accs.forEach((_, k) => w.line(`var total${k} = 0.0f;`));
        w.loop("t", 0, WG, () => p.accs.forEach((_, k) => w.line(`total${k} += part${k}[t];`)));
        p.done(p.accs.map((_, k) => `total${k}`));
      });
    });
  });
  return g;
}

function emitBnStats(s: BnStatsSpec): EmittedKernel {
  const w = newWriter(`bn_stats ${s.n}x${s.c}x${s.spatial}`);
  const bindings = declareBindings(w, [read("x"), readWrite("stats")], undefined, s.f16);
  const n = f32(s.n * s.spatial).code;
  w.line("var<private> mean_c: f32;");
  const g = channelPasses(w, s, [
    {
      accs: ["sum"],
      body: (at) => w.line(`sum += ${w.load("x", at)};`),
      done: ([t]) => w.line(`mean_c = ${t} / ${n};`),
    },
    {
      // The variance around the mean: no cancellation, whatever the mean's size.
      accs: ["sq"],
      body: (at) => {
        w.line(`let d = ${w.load("x", at)} - mean_c;`);
        w.line("sq += d * d;");
      },
      done: ([t]) =>
        w.block("if (lid.x == 0u)", () => {
          w.store("stats", "2u * ch", "mean_c");
          w.store("stats", "2u * ch + 1u", `${t} / ${n}`);
        }),
    },
  ]);
  const size = s.n * s.c * s.spatial;
  return kernel({
    name: "bn_stats",
    wgsl: w.toString(),
    workgroupSize: [WG, 1, 1],
    grid: g,
    bindings,
    workgroupStorageBytes: 4 * WG,
    flops: 3 * size,
    bytes: 4 * (2 * size + 2 * s.c),
  });
}

function emitBnSums(s: BnSumsSpec): EmittedKernel {
  const w = newWriter(`bn_sums ${s.n}x${s.c}x${s.spatial}`);
  const bindings = declareBindings(
    w,
    [read("x"), read("stats"), read("g"), readWrite("sums")],
    undefined,
    s.f16,
  );
  const g = channelPasses(w, s, [{
    accs: ["sgx", "sg"],
    body: (at) => {
      w.line(`let gv = ${w.load("g", at)};`);
      w.line(`sgx += gv * (${w.load("x", at)} - mean_c) * rstd_c;`);
      w.line("sg += gv;");
    },
    done: ([sgx, sg]) =>
      w.block("if (lid.x == 0u)", () => {
        w.store("sums", "ch", sgx);
        w.store("sums", `${s.c}u + ch`, sg);
      }),
  }], () => {
    // The channel's statistics, read once.
    w.line(`let mean_c = ${w.load("stats", "2u * ch")};`);
    w.line(`let rstd_c = ${rstd(w.load("stats", "2u * ch + 1u"), s.eps)};`);
  });
  const size = s.n * s.c * s.spatial;
  return kernel({
    name: "bn_sums",
    wgsl: w.toString(),
    workgroupSize: [WG, 1, 1],
    grid: g,
    bindings,
    workgroupStorageBytes: 8 * WG,
    flops: 5 * size,
    bytes: 4 * (2 * size + 4 * s.c),
  });
}

function emitBnParamGrad(s: BnParamGradSpec): EmittedKernel {
  const w = newWriter(`bn_param_grad row ${s.row} of [2,${s.c}]`);
  const bindings = declareBindings(w, [read("sums"), readWrite("grad")], undefined, s.f16);
  w.blank();
  const g = flatEntry(w, s.c, (i) => {
    w.store("grad", i, w.load("sums", add(i, s.row * s.c)), s.accumulate ? "+" : "");
  });
  return kernel({
    name: "bn_param_grad",
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: s.accumulate ? s.c : 0,
    bytes: 4 * s.c * (s.accumulate ? 3 : 2),
  });
}

function emitBatchnormGrad(s: BatchnormGradSpec): EmittedKernel {
  const size = s.n * s.c * s.spatial, n = f32(s.n * s.spatial).code;
  const w = newWriter(`batchnorm_grad ${s.n}x${s.c}x${s.spatial}`);
  const bindings = declareBindings(
    w,
    [read("x"), read("stats"), read("scale"), read("g"), read("sums"), readWrite("dx")],
    undefined,
    s.f16,
  );
  w.blank();
  const g = flatEntry(w, size, (i) => {
    w.line(`let c = (${i.code} / ${s.spatial}u) % ${s.c}u;`);
    w.line(`let rstd = ${rstd(w.load("stats", "2u * c + 1u"), s.eps)};`);
    w.line(`let xhat = (${w.load("x", i)} - ${w.load("stats", "2u * c")}) * rstd;`);
    w.line(`let sum_gx = ${w.load("sums", "c")};`);
    w.line(`let sum_g = ${w.load("sums", `${s.c}u + c`)};`);
    w.store(
      "dx",
      i,
      `${w.load("scale", "c")} * rstd * (${w.load("g", i)} - sum_g / ${n} - xhat * sum_gx / ${n})`,
    );
  });
  return kernel({
    name: "batchnorm_grad",
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: 9 * size,
    bytes: 4 * (3 * size + 5 * s.c),
  });
}

function emitBnRunning(s: BnRunningSpec): EmittedKernel {
  const w = newWriter(`bn_running ${s.stat} ${s.c}`);
  const count = s.stat === "count";
  const bindings = declareBindings(
    w,
    count
      ? [read("old"), readWrite("updated")]
      : [read("old"), read("stats"), readWrite("updated")],
    undefined,
    s.f16,
  );
  w.blank();
  const m = s.momentum;
  const g = flatEntry(w, s.c, (i) => {
    if (count) {
      w.store("updated", i, `${w.load("old", i)} + 1.0f`);
      return;
    }
    // PyTorch's update: (1 - momentum) r + momentum s, the variance unbiased by n / (n - 1).
    const stat = w.load("stats", s.stat === "var" ? `2u * ${i.code} + 1u` : `2u * ${i.code}`);
    const unbias = s.stat === "var" ? ` * ${f32(s.count / (s.count - 1)).code}` : "";
    w.store(
      "updated",
      i,
      `${f32(1 - m).code} * ${w.load("old", i)} + ${f32(m).code} * ${stat}${unbias}`,
    );
  });
  return kernel({
    name: `bn_running ${s.stat}`,
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: 4 * s.c,
    bytes: 4 * (count ? 2 : 4) * s.c,
  });
}

function emitBnFoldWeight(s: BnFoldWeightSpec): EmittedKernel {
  const size = s.o * s.per;
  const w = newWriter(`bn_fold_weight ${s.o}x${s.per}`);
  const bindings = declareBindings(
    w,
    [read("w"), read("scale"), read("variance"), readWrite("folded")],
    undefined,
    s.f16,
  );
  w.blank();
  const g = flatEntry(w, size, (i) => {
    w.line(`let o = ${i.code} / ${s.per}u;`);
    w.store(
      "folded",
      i,
      `${w.load("w", i)} * (${w.load("scale", "o")} * ${rstd(w.load("variance", "o"), s.eps)})`,
    );
  });
  return kernel({
    name: "bn_fold_weight",
    wgsl: w.toString(),
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: 3 * size,
    bytes: 4 * (2 * size + 2 * s.o),
  });
}

const values = (s: ChannelDims) => s.n * s.c * s.spatial;

export const kernels: {
  bn_stats: KernelDef<BnStatsSpec>;
  bn_sums: KernelDef<BnSumsSpec>;
  bn_param_grad: KernelDef<BnParamGradSpec>;
  batchnorm_grad: KernelDef<BatchnormGradSpec>;
  bn_running: KernelDef<BnRunningSpec>;
  bn_fold_weight: KernelDef<BnFoldWeightSpec>;
} = {
  bn_stats: { emit: emitBnStats, storage: (s) => [f(values(s)), f(2 * s.c)] },
  bn_sums: {
    emit: emitBnSums,
    storage: (s) => [f(values(s)), f(2 * s.c), f(values(s)), f(2 * s.c)],
  },
  bn_param_grad: { emit: emitBnParamGrad, storage: (s) => [f(2 * s.c), f(s.c)] },
  batchnorm_grad: {
    emit: emitBatchnormGrad,
    storage: (s) => [f(values(s)), f(2 * s.c), f(s.c), f(values(s)), f(2 * s.c), f(values(s))],
  },
  bn_running: {
    emit: emitBnRunning,
    storage: (s) => s.stat === "count" ? [f(1), f(1)] : [f(s.c), f(2 * s.c), f(s.c)],
  },
  bn_fold_weight: {
    emit: emitBnFoldWeight,
    storage: (s) => [f(s.o * s.per), f(s.o), f(s.o), f(s.o * s.per)],
  },
};

// ---- DSL ---------------------------------------------------------------------------------------

export interface BnLayer {
  /** Added to the variance (PyTorch's 1e-5). */
  readonly eps?: number;
  /** Weight of the batch's statistics in the running ones (PyTorch's 0.1). */
  readonly momentum?: number;
}

/** Batch normalisation with PyTorch's defaults; `batchNorm({ eps, momentum })` sets them. */
export const bn: Layer = Object.freeze({ kind: "bn" });
export const batchNorm = (opts: { eps?: number; momentum?: number } = {}): Layer => {
  if (opts.eps !== undefined && !(opts.eps > 0)) {
    throw new Error(`batch norm eps must be > 0, got ${opts.eps}`);
  }
  if (opts.momentum !== undefined && !(opts.momentum >= 0 && opts.momentum <= 1)) {
    throw new Error(`batch norm momentum must be in [0, 1], got ${opts.momentum}`);
  }
  return Object.freeze({ kind: "bn", ...opts });
};

export const layers: Pick<LayerTable, "bn"> = {
  bn: {
    describe: () => "BN",
    build: (cx, x, l, name) => {
      const b = cx.b, s = b.node(x).shape;
      if (s.length < 2) {
        throw new ShapeError(`batch norm needs a [N,C,...] input, got ${fmtShape(s)}`);
      }
      const c = s[1], eps = l.eps ?? BN_EPS, momentum = l.momentum ?? BN_MOMENTUM;
      // torchvision's names and order: weight, bias, running_mean, running_var,
      // num_batches_tracked.
      const gamma = cx.param(`${name}.weight`, [c], "scale");
      const beta = cx.param(`${name}.bias`, [c], "shift");
      const mean = cx.param(`${name}.running_mean`, [c], "running_mean");
      const vr = cx.param(`${name}.running_var`, [c], "running_var");
      const seen = cx.param(`${name}.num_batches_tracked`, [], "batch_count");
      if (cx.mode === "eval") return b.add("batchnorm_eval", [x, gamma, beta, mean, vr], { eps });
      const count = s[0] * numel(s.slice(2));
      if (count < 2) {
        throw new ShapeError(
          `batch norm in training needs more than one value per channel, got ${fmtShape(s)}`,
        );
      }
      const stats = b.add("bn_stats", [x], {});
      const run = (param: number, stat: BnRunningAttrs["stat"], what: string) =>
        cx.output(
          `running:${name}.${what}`,
          b.add("bn_running", stat === "count" ? [param] : [param, stats], {
            stat,
            momentum,
            count,
          }),
        );
      run(mean, "mean", "running_mean");
      run(vr, "var", "running_var");
      run(seen, "count", "num_batches_tracked");
      return b.add("batchnorm", [x, stats, gamma, beta], { eps });
    },
    spell: { bare: { bn, BN: bn } },
  },
};
