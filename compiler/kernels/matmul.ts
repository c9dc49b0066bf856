// Matmul: C[M,N] = op(A) op(B) (+ epilogue, channel = column), or C += ... with accumulate.
// transB with B = W[out,in] is PyTorch's Linear. Three variants (GemmTile.variant): the
// register-blocked one below, and the workgroup-memory and split-K skeletons of gemm.ts.
import { add, type Expr, mul, ref, type WgslWriter } from "../wgsl/mod.ts";
import {
  ceilDiv,
  declareBindings,
  entry,
  grid,
  kernel,
  newWriter,
  read,
  readWrite,
} from "./common.ts";
import {
  emitEpilogueHelpers,
  emitOutputStore,
  epilogueBindings,
  epilogueBytes,
  epilogueSizes,
} from "./epilogue.ts";
import {
  blockOrigin,
  declareAccumulators,
  emitBlockStore,
  emitOuterProduct,
  emitSplitKGemm,
  emitWorkgroupGemm,
  type GemmLayout,
  type GemmOperands,
  registerLike,
} from "./gemm.ts";
import type { EmittedKernel, MatmulSpec } from "./spec.ts";
import type { KernelDef } from "../ops/types.ts";
import { appendEpilogue } from "../ops/util.ts";
import { f } from "./io.ts";

/** The GEMM view of the matmul; A and B read through `w` (f16 storage converts). */
function operands(s: MatmulSpec, w: WgslWriter): GemmOperands {
  const { m, n, k } = s;
  return {
    m,
    n,
    k,
    a: (row, kk) => w.at("a", s.transA ? add(mul(kk, m), row) : add(mul(row, k), kk)),
    b: (kk, col) => w.at("b", s.transB ? add(mul(col, k), kk) : add(mul(kk, n), col)),
    aFast: s.transA ? "mn" : "k",
    bFast: s.transB ? "k" : "mn",
    store: (w, row, col, v) =>
      emitOutputStore(w, "c", s.epilogue, s.accumulate, v, add(mul(row, n), col), () => col),
  };
}

/** How the register variant reads one operand: 16-byte groups along K or along M/N (when the
 *  strides keep every group aligned), or one float at a time. */
type Access = "kvec" | "mnvec" | "scalar";

function access(kFast: boolean, k: number, mn: number, t: number, ku: number): Access {
  if (kFast) return ku === 4 && k % 4 === 0 ? "kvec" : "scalar";
  return mn % 4 === 0 && t % 4 === 0 ? "mnvec" : "scalar";
}

const COMPONENTS = ["x", "y", "z", "w"];

/** One operand of the register variant: per-thread setup, then the value of row/col `i` at
 *  K offset `u` inside a step of ku (loaded once per step for kvec, per u otherwise). */
function registerOperand(
  w: WgslWriter,
  name: string,
  mode: Access,
  kFast: boolean,
  extent: number,
  k: number,
  t: number,
  base: Expr,
) {
  const span = Math.min(extent, 4);
  const clampRow = (i: number) => `min(${base.code} + ${i}u, ${extent - 1}u)`;
  if (mode === "kvec") {
    for (let i = 0; i < t; i++) w.line(`let ${name}_off${i} = ${clampRow(i)} * ${k / 4}u;`);
    return {
      step: (ku: number) => {
        for (let i = 0; i < t; i++) {
          w.line(`let ${name}v${i} = ${w.load(name, `${name}_off${i} + kq`)};`);
        }
        return ku;
      },
      at: (i: number, u: number) => `${name}v${i}.${COMPONENTS[u]}`,
      loadU: (_u: number) => {},
    };
  }
  if (mode === "mnvec") {
    // Groups of 4 rows starting at a multiple of 4, clamped to the last whole group.
    for (let q = 0; q < t / 4; q++) {
      w.line(`let ${name}_g${q} = min(${base.code} + ${4 * q}u, ${extent - span}u) / 4u;`);
    }
    return {
      step: (ku: number) => ku,
      loadU: (u: number, ku: number) => {
        for (let q = 0; q < t / 4; q++) {
          const kk = `(kq * ${ku}u + ${u}u)`;
          const at = `${kk} * ${extent / 4}u + ${name}_g${q}`;
          w.line(`let ${name}m${q}_${u} = ${w.load(name, at)};`);
        }
      },
      at: (i: number, u: number) => `${name}m${Math.floor(i / 4)}_${u}.${COMPONENTS[i % 4]}`,
    };
  }
  for (let i = 0; i < t; i++) {
    w.line(`let ${name}_off${i} = ${clampRow(i)}${kFast ? ` * ${k}u` : ""};`);
  }
  return {
    step: (ku: number) => ku,
    loadU: (u: number, ku: number) => {
      const kk = `(kq * ${ku}u + ${u}u)`;
      for (let i = 0; i < t; i++) {
        const at = kFast ? `${name}_off${i} + ${kk}` : `${kk} * ${extent}u + ${name}_off${i}`;
        w.line(`let ${name}s${i}_${u} = ${w.load(name, at)};`);
      }
    },
    at: (i: number, u: number) => `${name}s${i}_${u}`,
  };
}

/** The "register" variant: invocation (tx, ty) owns a tm x tn block of consecutive rows and
 *  columns and walks K reading A and B straight from memory, 4 K values per step (as vec4
 *  where the layout allows). No workgroup memory: llvmpipe's barriers cost more than its
 *  caches save (FACTS.md). */
function emitRegister(w: WgslWriter, s: MatmulSpec, aMode: Access, bMode: Access, ku: number) {
  const { m, n, k } = s, { bm, bn, tm, tn } = s.tile;
  const wx = bn / tn, wy = bm / tm, tilesN = ceilDiv(n, bn);
  const g = grid(tilesN * ceilDiv(m, bm));
  const op = operands(s, w);
  entry(w, [wx, wy, 1], g, (wid) => {
    const { row0, col0 } = blockOrigin(w, wid, tilesN, bm, bn);
    const rBase = w.let("r_base", add(row0, mul(ref("lid.y", "u32"), tm)));
    const cBase = w.let("c_base", add(col0, mul(ref("lid.x", "u32"), tn)));
    const A = registerOperand(w, "a", aMode, !s.transA, m, k, tm, rBase);
    const B = registerOperand(w, "b", bMode, s.transB, n, k, tn, cBase);
    declareAccumulators(w, tm, tn);
    w.loop("kq", 0, k / ku, () => {
      A.step(ku);
      B.step(ku);
      for (let u = 0; u < ku; u++) {
        A.loadU(u, ku);
        B.loadU(u, ku);
        emitOuterProduct(w, tm, tn, (i) => A.at(i, u), (j) => B.at(j, u));
      }
    });
    emitBlockStore(w, op, {
      tm,
      tn,
      row: (i) => add(rBase, i),
      col: (j) => add(cBase, j),
      rowsAlways: false,
      colsAlways: false,
    });
  });
  return {
    workgroupSize: [wx, wy, 1] as [number, number, number],
    grid: g,
    workgroupStorageBytes: 0,
  };
}

export function emitMatmul(s: MatmulSpec): EmittedKernel {
  const { m, n, k, tile } = s;
  const w = newWriter(
    `matmul ${m}x${n}x${k}${s.transA ? " transA" : ""}${
      s.transB ? " transB" : ""
    } (${tile.variant})`,
  );
  const ku = registerLike(tile) && tile.bk % 4 === 0 && k % 4 === 0 ? 4 : 1;
  const aMode = access(!s.transA, k, m, tile.tm, ku);
  const bMode = access(s.transB, k, n, tile.tn, ku);
  const vec4 = new Set<string>();
  if (registerLike(tile)) {
    if (aMode !== "scalar") vec4.add("a");
    if (bMode !== "scalar") vec4.add("b");
  }
  const epilogue = s.accumulate ? [] : s.epilogue;
  const bindings = declareBindings(
    w,
    [read("a"), read("b"), ...epilogueBindings(epilogue), readWrite("c")],
    vec4,
    s.f16,
  );
  emitEpilogueHelpers(w, epilogue);
  w.blank();
  const layout: GemmLayout = registerLike(tile)
    ? emitRegister(w, s, aMode, bMode, ku)
    : tile.variant === "workgroup"
    ? emitWorkgroupGemm(w, operands(s, w), tile)
    : emitSplitKGemm(w, operands(s, w), tile);
  return kernel({
    name: `matmul ${tile.variant} ${tile.tm}x${tile.tn}`,
    wgsl: w.toString(),
    ...layout,
    bindings,
    flops: 2 * m * n * k,
    bytes: 4 * (m * k + k * n + m * n * (s.accumulate ? 2 : 1)) +
      epilogueBytes(epilogue, m * n, n),
  });
}

export const matmul: KernelDef<MatmulSpec> = {
  emit: emitMatmul,
  storage: (s) => [
    f(s.m * s.k),
    f(s.k * s.n),
    ...epilogueSizes(s.accumulate ? [] : s.epilogue, s.m * s.n, s.n),
    f(s.m * s.n),
  ],
  // Accumulated gradients add into their buffer and take no epilogue.
  epilogue: (s, op) => s.accumulate ? undefined : appendEpilogue(s, op),
};
