// General matrix product with transpose flags; a fully connected layer is
// matmul(x[N,in], W[out,in], transB) as PyTorch's Linear stores W, then bias. The kernel is
// compiler/kernels/matmul.ts.
import type { Layer } from "../../dsl/layers.ts";
import type { MatmulSpec } from "../kernels/spec.ts";
import { fmtShape, require, requireRank, ShapeError } from "../shape.ts";
import type { LayerTable, OpTable } from "./types.ts";
import { floats, numel, positive, zerosLike } from "./util.ts";

/** op(A)[M,K] . op(B)[K,N]; transB with B = W[out,in] is PyTorch's Linear. */
export interface MatmulAttrs {
  transA: boolean;
  transB: boolean;
}

/** [rows, inner] of op(A) and [inner, cols] of op(B). */
function dims(a: readonly number[], b: readonly number[], transA: boolean, transB: boolean) {
  const [m, ka] = transA ? [a[1], a[0]] : [a[0], a[1]];
  const [kb, n] = transB ? [b[1], b[0]] : [b[0], b[1]];
  return { m, ka, kb, n };
}

export const prims: Pick<OpTable, "matmul"> = {
  matmul: {
    shape: ([a, b], at) => {
      requireRank(a, 2, "matmul left operand");
      requireRank(b, 2, "matmul right operand");
      const { m, ka, kb, n } = dims(a, b, at.transA, at.transB);
      require(
        ka === kb,
        `matmul inner sizes differ: ${fmtShape(a)}${at.transA ? "^T" : ""} x ${fmtShape(b)}${
          at.transB ? "^T" : ""
        } (${ka} vs ${kb})`,
      );
      return { shape: [m, n], dtype: "f32" };
    },
    reference: ([at, bt], attrs) => {
      const { m, ka: K, n } = dims(at.shape, bt.shape, attrs.transA, attrs.transB);
      const a = floats(at), b = floats(bt), c = zerosLike(at, m * n);
      const A = (i: number, k: number) => attrs.transA ? a[k * m + i] : a[i * K + k];
      const B = (k: number, j: number) => attrs.transB ? b[j * K + k] : b[k * n + j];
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < K; k++) s += A(i, k) * B(k, j);
          c[i * n + j] = s;
        }
      }
      return { shape: [m, n], data: c };
    },
    // C = op(A) op(B). dop(A) = G op(B)^T and dop(B) = op(A)^T G, transposed back when the
    // operand is stored transposed; each case is one more matmul with other flags.
    vjp: (b, node, g) => {
      const [a, bb] = node.inputs, { transA: tA, transB: tB } = node.attrs;
      const da = tA
        ? b.add("matmul", [bb, g], { transA: tB, transB: true })
        : b.add("matmul", [g, bb], { transA: false, transB: !tB });
      const db = tB
        ? b.add("matmul", [g, a], { transA: true, transB: tA })
        : b.add("matmul", [a, g], { transA: !tA, transB: false });
      return [da, db];
    },
    lower: (n, cx) => {
      const A = cx.graph.nodes[n.inputs[0]].shape;
      const q: Omit<MatmulSpec, "tile"> = {
        kind: "matmul",
        m: n.shape[0],
        n: n.shape[1],
        k: n.attrs.transA ? A[0] : A[1],
        ...n.attrs,
        accumulate: cx.accumulate,
        epilogue: [],
      };
      return [{ spec: { ...q, tile: cx.tiles.matmul(q) }, inputs: n.inputs }];
    },
    storage: { half: true, halfWeights: true },
    flops: (n, [a]) => 2 * numel(n.shape) * a[1],
  },
};

// ---- DSL ---------------------------------------------------------------------------------------

export interface FcLayer {
  readonly out: number;
  readonly in?: number;
}

/** Fully connected layer with bias; flattens a 4-D input first. */
export const fc = (out: number, opts: { in?: number } = {}): Layer =>
  Object.freeze({ kind: "fc", out: positive(out, "fc width"), ...opts });

export const layers: Pick<LayerTable, "fc"> = {
  fc: {
    describe: (l) => `FC-${l.out}`,
    build: (cx, x, l, name) => {
      const b = cx.b, xs = b.node(x).shape;
      let v = x;
      if (xs.length !== 2) v = b.add("reshape", [x], { shape: [xs[0], numel(xs.slice(1))] });
      const k = b.node(v).shape[1];
      if (l.in !== undefined && l.in !== k) {
        throw new ShapeError(`FC declared ${l.in} inputs, got ${k} (from ${fmtShape(xs)})`);
      }
      const w = cx.param(`${name}.weight`, [l.out, k], "weight", { fanIn: k, fanOut: l.out });
      const bias = cx.param(`${name}.bias`, [l.out], "bias");
      const y = b.add("matmul", [v, w], { transA: false, transB: true });
      return b.add("bias", [y, bias], {});
    },
    spell: { call: { fc: ([c]) => fc(c) } },
    divide: (l, div) => ({ ...l, out: div(l.out), ...(l.in ? { in: div(l.in) } : {}) }),
  },
};
