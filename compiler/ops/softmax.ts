// Softmax over the last axis, and the loss: mean softmax cross-entropy over the batch. The
// kernels are the row-wise family of compiler/kernels/rows.ts (rows = batch, cols = classes).
import type { Layer } from "../../dsl/layers.ts";
import type { RowSpec } from "../kernels/spec.ts";
import { fmtShape, require, requireRank, type Shape } from "../shape.ts";
import type { LayerTable, Lowered, OpTable } from "./types.ts";
import { floats, zerosLike } from "./util.ts";

type None = Record<never, never>;
/** Over the last axis. */
export type SoftmaxAttrs = None;
/** (y, g) -> y * (g - sum(g * y)), y being the softmax's output. */
export type SoftmaxGradAttrs = None;
/** (logits[N,K], labels:i32[N]) -> mean cross-entropy, shape []. */
export type SoftmaxXentAttrs = None;
/** (logits, labels, g:[]) -> (softmax(logits) - onehot(labels)) * g / N. */
export type SoftmaxXentGradAttrs = None;

const rows = (kind: RowSpec["kind"], s: Shape, inputs: readonly number[]): Lowered[] => [
  { spec: { kind, rows: s[0], cols: s[1] }, inputs },
];

/** Row-wise softmax into out (max subtracted first: exp never overflows). */
function softmaxRows(z: ArrayLike<number>, out: Float32Array | Float64Array, cols: number) {
  for (let r = 0; r * cols < z.length; r++) {
    let mx = -Infinity, sum = 0;
    for (let j = 0; j < cols; j++) mx = Math.max(mx, z[r * cols + j]);
    for (let j = 0; j < cols; j++) sum += out[r * cols + j] = Math.exp(z[r * cols + j] - mx);
    for (let j = 0; j < cols; j++) out[r * cols + j] /= sum;
  }
}

function labelsOf(t: { data: ArrayLike<number> }, rows: number, cols: number): ArrayLike<number> {
  for (let r = 0; r < rows; r++) {
    const y = t.data[r];
    if (!(y >= 0 && y < cols)) throw new Error(`label ${y} of row ${r} is outside [0, ${cols})`);
  }
  return t.data;
}

const lossInputs = (z: readonly number[], y: readonly number[], yType: string) => {
  requireRank(z, 2, "softmax_xent logits");
  require(
    y.length === 1 && y[0] === z[0] && yType === "i32",
    `labels must be i32[${z[0]}], got ${yType}${fmtShape(y)}`,
  );
};

export const prims: Pick<
  OpTable,
  "softmax" | "softmax_grad" | "softmax_xent" | "softmax_xent_grad"
> = {
  softmax: {
    shape: ([x]) => {
      requireRank(x, 2, "softmax input");
      return { shape: x, dtype: "f32" };
    },
    reference: ([xt]) => {
      const y = zerosLike(xt, xt.data.length);
      softmaxRows(floats(xt), y, xt.shape[1]);
      return { shape: xt.shape, data: y };
    },
    vjp: (b, node, g) => [b.add("softmax_grad", [node.id, g], {})],
    lower: (n) => rows("softmax", n.shape, n.inputs),
    storage: { half: true },
  },
  softmax_grad: {
    shape: ([y, g]) => {
      requireRank(y, 2, "softmax_grad input");
      require(fmtShape(g) === fmtShape(y), `softmax_grad shapes ${fmtShape(y)} vs ${fmtShape(g)}`);
      return { shape: y, dtype: "f32" };
    },
    reference: ([yt, gt]) => {
      const y = floats(yt), g = floats(gt), cols = yt.shape[1], d = zerosLike(yt, y.length);
      for (let r = 0; r * cols < y.length; r++) {
        let dot = 0;
        for (let j = 0; j < cols; j++) dot += g[r * cols + j] * y[r * cols + j];
        for (let j = 0; j < cols; j++) d[r * cols + j] = y[r * cols + j] * (g[r * cols + j] - dot);
      }
      return { shape: yt.shape, data: d };
    },
    vjp: { notDifferentiable: "backward-only" },
    lower: (n) => rows("softmax_grad", n.shape, n.inputs),
    storage: { half: true },
  },
  softmax_xent: {
    shape: ([z, y], _a, [, yType]) => {
      lossInputs(z, y, yType);
      return { shape: [], dtype: "f32" };
    },
    // loss = mean_r (logsumexp(z_r) - z_r[y_r])
    reference: ([zt, yt]) => {
      const [rows, cols] = zt.shape, z = floats(zt), y = labelsOf(yt, rows, cols);
      let total = 0;
      for (let r = 0; r < rows; r++) {
        let mx = -Infinity, sum = 0;
        for (let j = 0; j < cols; j++) mx = Math.max(mx, z[r * cols + j]);
        for (let j = 0; j < cols; j++) sum += Math.exp(z[r * cols + j] - mx);
        total += Math.log(sum) + mx - z[r * cols + y[r]];
      }
      const out = zerosLike(zt, 1);
      out[0] = total / rows;
      return { shape: [], data: out };
    },
    vjp: (b, node, g) => [b.add("softmax_xent_grad", [...node.inputs, g], {}), null],
    lower: (n, cx) => rows("softmax_xent", cx.graph.nodes[n.inputs[0]].shape, n.inputs),
    storage: { half: true },
  },
  softmax_xent_grad: {
    shape: ([z, y, g], _a, [, yType]) => {
      lossInputs(z, y, yType);
      require(g.length === 0, `softmax_xent_grad cotangent must be a scalar, got ${fmtShape(g)}`);
      return { shape: z, dtype: "f32" };
    },
    reference: ([zt, yt, gt]) => {
      const [rows, cols] = zt.shape, y = labelsOf(yt, rows, cols), g = floats(gt)[0];
      const d = zerosLike(zt, rows * cols);
      softmaxRows(floats(zt), d, cols);
      for (let r = 0; r < rows; r++) d[r * cols + y[r]] -= 1;
      for (let i = 0; i < d.length; i++) d[i] *= g / rows;
      return { shape: zt.shape, data: d };
    },
    vjp: { notDifferentiable: "backward-only" },
    lower: (n) => rows("softmax_xent_grad", n.shape, n.inputs),
    storage: { half: true },
  },
};

// ---- DSL ---------------------------------------------------------------------------------------

export type SoftmaxLayer = None;

export const softmax: Layer = Object.freeze({ kind: "softmax" });

export const layers: Pick<LayerTable, "softmax"> = {
  softmax: {
    describe: () => "soft-max",
    build: (cx, x) => cx.b.add("softmax", [x], {}),
    spell: { bare: { softmax, "soft-max": softmax } },
  },
};
