// The Winograd transforms (compiler/winograd/transforms.ts) and the CPU Winograd convolution
// (compiler/winograd/reference.ts), no GPU: the exact identity behind each F(m, r), and the
// float64 Winograd forward, input gradient and weight gradient against the primitives' own
// references on shapes whose sides m does not divide.
import assert from "node:assert";
import { ops } from "../compiler/ops/mod.ts";
import {
  forwardTransform,
  type Matrices,
  numeric,
  parsePoints,
  radd,
  requal,
  rmul,
  rtext,
  TILES,
  toomCook,
  weightGradTransform,
  type Winograd1D,
  ZERO,
} from "../compiler/winograd/transforms.ts";
import { winogradConv, winogradConvGradWeight } from "../compiler/winograd/reference.ts";
import { assertClose, rand, t } from "./kernel_reference.ts";

/** sum_j A^T[i][j] G[j][k] B^T[j][l] = [l == i + k] exactly: y = A^T((G g) . (B^T d)) is then
 *  the correlation y_i = sum_k g_k d_{i+k} for every g and d (take unit vectors). */
function assertIdentity(f: Winograd1D, what: string) {
  for (let i = 0; i < f.m; i++) {
    for (let k = 0; k < f.r; k++) {
      for (let l = 0; l < f.alpha; l++) {
        let s = ZERO;
        for (let j = 0; j < f.alpha; j++) {
          s = radd(s, rmul(rmul(f.AT[i][j], f.G[j][k]), f.BT[j][l]));
        }
        const want = l === i + k ? 1n : 0n;
        assert.ok(
          s.num === want && s.den === 1n,
          `${what}: (i=${i}, k=${k}, l=${l}) gives ${rtext(s)}, want ${want}`,
        );
      }
    }
  }
}

Deno.test("winograd: F(m,3) and F(3,m) are exact minimal filters for the chosen points", () => {
  for (const m of TILES) {
    const f = forwardTransform(m), b = weightGradTransform(m);
    assert.equal(f.alpha, m + 2);
    assertIdentity(f, `F(${m},3)`);
    assertIdentity(b, `F(3,${m})`);
    // The weight gradient transforms input tiles with the forward's B^T.
    assert.ok(f.BT.every((row, j) => row.every((v, l) => requal(v, b.BT[j][l]))));
  }
  // Other point sets build too (the accuracy search tries them): Lavin & Gray's F(4,3).
  assertIdentity(toomCook(4, 3, parsePoints(["0", "1", "-1", "2", "-2"])), "F(4,3) 0,+-1,+-2");
  assert.throws(() => toomCook(2, 3, parsePoints(["0", "1", "1"])), /singular/);
});

interface Shape {
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
}
// Sides that 2, 4 and 6 do not all divide (partial last tiles), one channel, a single row.
const SHAPES: Shape[] = [
  { n: 2, c: 3, h: 7, w: 9, o: 4 },
  { n: 1, c: 5, h: 8, w: 5, o: 2 },
  { n: 1, c: 1, h: 1, w: 13, o: 3 },
  { n: 1, c: 2, h: 12, w: 12, o: 1 },
];

/** Float64 throughout: only rounding separates the two algorithms (~1e-15). */
const F64_TOLERANCE = 1e-12;

function checkForward(tm: Matrices, d: Shape, flip: boolean, tol = F64_TOLERANCE, seed = 1) {
  const x = rand(d.n * d.c * d.h * d.w, seed), w = rand(d.o * d.c * 9, seed + 1);
  const want = ops.conv2d.reference(
    [
      t([d.n, d.c, d.h, d.w], Float64Array.from(x)),
      t(flip ? [d.c, d.o, 3, 3] : [d.o, d.c, 3, 3], Float64Array.from(w)),
    ],
    { k: 3, pad: 1, flip },
  );
  const got = winogradConv(tm, x, w, { ...d, flip });
  assertClose(got, want.data, `F(${tm.m},3) ${JSON.stringify(d)} flip=${flip}`, tol);
}

Deno.test("winograd: float64 forward and input gradient equal the direct conv", () => {
  for (const m of TILES) {
    const tm = numeric(forwardTransform(m));
    for (const d of SHAPES) for (const flip of [false, true]) checkForward(tm, d, flip);
  }
});

Deno.test("winograd: float64 weight gradient equals conv2d_grad_weight's reference", () => {
  for (const m of TILES) {
    const tm = numeric(weightGradTransform(m));
    for (const d of SHAPES) {
      const x = rand(d.n * d.c * d.h * d.w, 3), g = rand(d.n * d.o * d.h * d.w, 4);
      const want = ops.conv2d_grad_weight.reference(
        [
          t([d.n, d.c, d.h, d.w], Float64Array.from(x)),
          t([d.n, d.o, d.h, d.w], Float64Array.from(g)),
        ],
        { k: 3, pad: 1 },
      );
      const got = winogradConvGradWeight(tm, x, g, d);
      assertClose(got, want.data, `F(3,${m}) weight gradient ${JSON.stringify(d)}`, F64_TOLERANCE);
    }
  }
});

Deno.test("winograd: the check fails when any one matrix entry is off by 1e-3", () => {
  // Every entry of A^T, G and B^T matters on this shape: with sides of 13 some tile of every
  // size lies wholly inside the map (all m outputs stored, all alpha inputs inside), so the
  // forward check above catches any single wrong entry.
  const d = { n: 1, c: 2, h: 13, w: 13, o: 2 };
  for (const m of TILES) {
    const base = numeric(forwardTransform(m));
    for (const name of ["AT", "G", "BT"] as const) {
      base[name].forEach((row, i) =>
        row.forEach((_, j) => {
          const broken: Matrices = { ...base, [name]: base[name].map((r) => [...r]) };
          broken[name][i][j] += 1e-3;
          assert.throws(
            () => checkForward(broken, d, false),
            /relative error/,
            `F(${m},3) ${name}[${i}][${j}] + 1e-3 went unnoticed`,
          );
        })
      );
    }
  }
});
