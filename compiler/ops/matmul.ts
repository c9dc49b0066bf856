// General matrix product with transpose flags; a fully connected layer is
// matmul(x[N,in], W[out,in], transB) as PyTorch's Linear stores W.
import { fmtShape, require, requireRank } from "../shape.ts";
import type { OpDef } from "./types.ts";
import { floats, zerosLike } from "./util.ts";

/** [rows, inner] of op(A) and [inner, cols] of op(B). */
function dims(a: readonly number[], b: readonly number[], transA: boolean, transB: boolean) {
  const [m, ka] = transA ? [a[1], a[0]] : [a[0], a[1]];
  const [kb, n] = transB ? [b[1], b[0]] : [b[0], b[1]];
  return { m, ka, kb, n };
}

export const matmul: OpDef<"matmul"> = {
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
};
