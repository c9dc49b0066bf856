// GEMM skeletons shared by conv, conv_grad_weight and matmul. A GEMM C[M,N] = A[M,K] B[K,N] is
// described by element accessors (GemmOperands); the skeletons below place the loops, the
// workgroup memory and the barriers. The register variants, which live with each kernel, read
// operands in shape-specific loops instead (that is where CPU rasterizers spend their time).
import {
  add,
  and,
  bool,
  type Expr,
  lt,
  min,
  mul,
  ref,
  select,
  strip,
  u32,
  type WgslWriter,
} from "../wgsl/mod.ts";
import { ceilDiv, entry, type Grid, grid } from "./common.ts";
import type { GemmTile } from "./spec.ts";

export interface GemmOperands {
  m: number;
  n: number;
  k: number;
  /** Declares values that depend only on a row (col, k) index, with names ending in `s`. The
   *  index is always in range (the skeletons clamp it and discard what they must). */
  rowSetup?(w: WgslWriter, row: Expr, s: string): void;
  colSetup?(w: WgslWriter, col: Expr, s: string): void;
  kSetup?(w: WgslWriter, kk: Expr, s: string): void;
  /** A[row, kk] and B[kk, col] as f32 expressions (indices in range; the setups' suffixes).
   *  Storage is read through the writer's `at`/`load`, so f16-stored operands convert (the
   *  operand factories close over the kernel's writer); workgroup tiles stay f32. */
  a(row: Expr, kk: Expr, rs: string, ks: string): Expr;
  b(kk: Expr, col: Expr, ks: string, cs: string): Expr;
  /** Which index walks neighbouring addresses, so tile loads can be coalesced. */
  aFast: "k" | "mn";
  bFast: "k" | "mn";
  /** Stores the f32 value named `v` at C[row, col] (in range), epilogue included. */
  store(w: WgslWriter, row: Expr, col: Expr, v: string, rs: string, cs: string): void;
}

/** "direct" is conv's row-segment form of "register"; other GEMMs run it as "register". */
export const registerLike = (t: GemmTile): boolean =>
  t.variant === "register" || t.variant === "direct";

export interface GemmLayout {
  workgroupSize: [number, number, number];
  grid: Grid;
  workgroupStorageBytes: number;
}

const accName = (i: number, j: number) => `acc${i}_${j}`;

export function declareAccumulators(w: WgslWriter, tm: number, tn: number): void {
  for (let i = 0; i < tm; i++) {
    w.line(Array.from({ length: tn }, (_, j) => `var ${accName(i, j)} = 0.0f;`).join(" "));
  }
}

/** acc[i][j] += a_i * b_j for the whole register block (names or expressions). */
export function emitOuterProduct(
  w: WgslWriter,
  tm: number,
  tn: number,
  a: (i: number) => string,
  b: (j: number) => string,
): void {
  for (let i = 0; i < tm; i++) {
    for (let j = 0; j < tn; j++) w.line(`${accName(i, j)} += ${a(i)} * ${b(j)};`);
  }
}

export { accName };

/** Clamps an index into [0, limit) unless it provably is (then the check folds away too). */
function clampIndex(i: Expr, limit: number, always: boolean): { c: Expr; ok: Expr } {
  return always ? { c: i, ok: bool(true) } : { c: min(i, limit - 1), ok: lt(i, limit) };
}

/** Workgroup ids -> (row0, col0) of the block; tiles along N vary fastest. */
export function blockOrigin(w: WgslWriter, wid: Expr, tilesN: number, bm: number, bn: number) {
  if (tilesN === 1) return { row0: w.let("block_row", mul(wid, bm)), col0: u32(0) };
  w.line(`let tile_n = ${strip(wid.code)} % ${tilesN}u;`);
  w.line(`let tile_m = ${strip(wid.code)} / ${tilesN}u;`);
  return {
    row0: w.let("block_row", mul(ref("tile_m", "u32"), bm)),
    col0: w.let("block_col", mul(ref("tile_n", "u32"), bn)),
  };
}

/** The "workgroup" variant: bm x bk and bk x bn tiles in double-buffered workgroup memory.
 *  The next tiles' values are fetched into registers before the current tiles are used and
 *  stored after, so global-memory latency overlaps the multiply-adds, and one barrier per K
 *  step suffices (a buffer is refilled only after the barrier that ends its last use).
 *  Invocation (tx, ty) owns rows ty + i*wy and columns tx + j*wx of the block, so neighbouring
 *  lanes read neighbouring workgroup-memory words. */
export function emitWorkgroupGemm(w: WgslWriter, op: GemmOperands, t: GemmTile): GemmLayout {
  const { bm, bn, bk, tm, tn } = t;
  const wx = bn / tn, wy = bm / tm, threads = wx * wy;
  const tilesN = ceilDiv(op.n, bn), tilesM = ceilDiv(op.m, bm), kTiles = ceilDiv(op.k, bk);
  const g = grid(tilesN * tilesM);
  const common = { bk, threads, kLimit: op.k, kSetup: op.kSetup };
  const la = tileLoader(w, "tile_a", {
    ...common,
    rows: bm,
    fast: op.aFast,
    limit: op.m,
    setup: op.rowSetup,
    value: (mn, kk) => op.a(mn, kk, "_mn", "_k"),
  });
  const lb = tileLoader(w, "tile_b", {
    ...common,
    rows: bn,
    fast: op.bFast,
    limit: op.n,
    setup: op.colSetup,
    value: (mn, kk) => op.b(kk, mn, "_k", "_mn"),
  });
  w.blank();
  entry(w, [wx, wy, 1], g, (wid) => {
    const { row0, col0 } = blockOrigin(w, wid, tilesN, bm, bn);
    declareAccumulators(w, tm, tn);
    la.declare();
    lb.declare();
    la.fetch(row0, u32(0));
    lb.fetch(col0, u32(0));
    la.commit(u32(0));
    lb.commit(u32(0));
    w.line("workgroupBarrier();");
    w.loop("t", 0, kTiles, () => {
      if (kTiles > 1) {
        w.block(`if (t + 1u < ${kTiles}u)`, () => {
          la.fetch(row0, ref(`((t + 1u) * ${bk}u)`, "u32"));
          lb.fetch(col0, ref(`((t + 1u) * ${bk}u)`, "u32"));
        });
      }
      w.line(`let a_base = (t & 1u) * ${la.bufSize}u + lid.y;`);
      w.line(`let b_base = (t & 1u) * ${lb.bufSize}u + lid.x;`);
      w.loop("kl", 0, bk, () => {
        for (let i = 0; i < tm; i++) {
          w.line(`let a${i} = tile_a[a_base + kl * ${la.stride}u + ${i * wy}u];`);
        }
        for (let j = 0; j < tn; j++) {
          w.line(`let b${j} = tile_b[b_base + kl * ${lb.stride}u + ${j * wx}u];`);
        }
        emitOuterProduct(w, tm, tn, (i) => `a${i}`, (j) => `b${j}`);
      });
      if (kTiles > 1) {
        w.block(`if (t + 1u < ${kTiles}u)`, () => {
          la.commit(ref("((t + 1u) & 1u)", "u32"));
          lb.commit(ref("((t + 1u) & 1u)", "u32"));
        });
      }
      w.line("workgroupBarrier();");
    });
    emitBlockStore(w, op, {
      tm,
      tn,
      row: (i) => add(add(row0, ref("lid.y", "u32")), i * wy),
      col: (j) => add(add(col0, ref("lid.x", "u32")), j * wx),
      rowsAlways: op.m % bm === 0,
      colsAlways: op.n % bn === 0,
    });
  });
  return {
    workgroupSize: [wx, wy, 1],
    grid: g,
    workgroupStorageBytes: 4 * 2 * (la.bufSize + lb.bufSize),
  };
}

/** Workgroup memory for a "workgroup" GEMM tile: the bytes its two double-buffered operand
 *  tiles take (tiles.ts checks candidate tiles against the adapter with it). */
export function workgroupTileBytes(t: GemmTile, aFast: "k" | "mn", bFast: "k" | "mn"): number {
  return 4 * 2 * t.bk * (t.bm + (aFast === "k" ? 1 : 0) + t.bn + (bFast === "k" ? 1 : 0));
}

interface TileLoad {
  /** Extent of the tile along M (or N). */
  rows: number;
  fast: "k" | "mn";
  bk: number;
  threads: number;
  limit: number;
  kLimit: number;
  setup?: (w: WgslWriter, i: Expr, s: string) => void;
  kSetup?: (w: WgslWriter, i: Expr, s: string) => void;
  value: (mn: Expr, kk: Expr) => Expr;
}

/** One operand tile tile[buf][kl][mn] = operand(origin + mn, k0 + kl), zero outside the
 *  matrix; each invocation moves elements li, li + threads, ... through registers `pf`. Rows
 *  are padded by one word when K is the fast index: the stores then walk K across lanes, and
 *  an unpadded power-of-two stride would put them all in one memory bank. */
function tileLoader(w: WgslWriter, name: string, l: TileLoad) {
  const stride = l.rows + (l.fast === "k" ? 1 : 0), count = l.rows * l.bk;
  const bufSize = stride * l.bk, per = ceilDiv(count, l.threads);
  w.line(`var<workgroup> ${name}: array<f32, ${2 * bufSize}>;`);
  const each = (body: (q: number) => void) => {
    for (let q = 0; q < per; q++) {
      w.scope(() => {
        w.line(`let e = li + ${q * l.threads}u;`);
        const coords = () => {
          if (l.fast === "mn") {
            w.line(`let mn_l = e % ${l.rows}u;`);
            w.line(`let k_l = e / ${l.rows}u;`);
          } else {
            w.line(`let mn_l = e / ${l.bk}u;`);
            w.line(`let k_l = e % ${l.bk}u;`);
          }
          body(q);
        };
        if ((q + 1) * l.threads > count) w.block(`if (e < ${count}u)`, coords);
        else coords();
      });
    }
  };
  return {
    stride,
    bufSize,
    declare: () => {
      for (let q = 0; q < per; q++) w.line(`var ${name}_pf${q} = 0.0f;`);
    },
    fetch: (origin: Expr, k0: Expr) =>
      each((q) => {
        const mn = clampIndex(add(origin, ref("mn_l", "u32")), l.limit, false);
        const kk = clampIndex(add(k0, ref("k_l", "u32")), l.kLimit, false);
        const mnc = w.let("mn_c", mn.c), kkc = w.let("k_c", kk.c);
        l.setup?.(w, mnc, "_mn");
        l.kSetup?.(w, kkc, "_k");
        w.assign(`${name}_pf${q}`, select(0, l.value(mnc, kkc), and(mn.ok, kk.ok)));
      }),
    commit: (buf: Expr) =>
      each((q) => {
        const at = add(mul(buf, bufSize), ref(`(k_l * ${stride}u + mn_l)`, "u32"));
        w.line(`${name}[${strip(at.code)}] = ${name}_pf${q};`);
      }),
  };
}

interface BlockStore {
  tm: number;
  tn: number;
  row: (i: number) => Expr;
  col: (j: number) => Expr;
  rowsAlways: boolean;
  colsAlways: boolean;
}

/** Stores the register block: setups per row and per column once, then each in-range value. */
export function emitBlockStore(w: WgslWriter, op: GemmOperands, s: BlockStore): void {
  const rows = Array.from({ length: s.tm }, (_, i) => {
    const r = clampIndex(s.row(i), op.m, s.rowsAlways);
    const c = w.let(`row${i}`, r.c);
    op.rowSetup?.(w, c, `_r${i}`);
    return { c, ok: s.rowsAlways ? undefined : lt(s.row(i), op.m) };
  });
  const cols = Array.from({ length: s.tn }, (_, j) => {
    const r = clampIndex(s.col(j), op.n, s.colsAlways);
    const c = w.let(`col${j}`, r.c);
    op.colSetup?.(w, c, `_c${j}`);
    return { c, ok: s.colsAlways ? undefined : lt(s.col(j), op.n) };
  });
  rows.forEach((r, i) => {
    w.when(r.ok ?? bool(true), () => {
      cols.forEach((c, j) => {
        w.when(c.ok ?? bool(true), () => op.store(w, r.c, c.c, accName(i, j), `_r${i}`, `_c${j}`));
      });
    });
  });
}

/** The "splitk" variant: ks groups of (bn/tn) x (bm/tm) invocations; group s sums the K indices
 *  s, s + ks, ... (neighbouring lanes, neighbouring k: coalesced when K is the fast index), then
 *  the partial blocks meet in workgroup memory and each invocation sums a share of the outputs
 *  over the groups in a fixed order (deterministic). */
export function emitSplitKGemm(w: WgslWriter, op: GemmOperands, t: GemmTile): GemmLayout {
  const { bm, bn, tm, tn, ks } = t;
  const wx = bn / tn, wy = bm / tm, threads = ks * wx * wy, block = bm * bn;
  const tilesN = ceilDiv(op.n, bn), tilesM = ceilDiv(op.m, bm);
  const g = grid(tilesN * tilesM);
  w.line(`var<workgroup> partial: array<f32, ${ks * block}>;`);
  w.blank();
  entry(w, [ks, wx, wy], g, (wid) => {
    const { row0, col0 } = blockOrigin(w, wid, tilesN, bm, bn);
    const rows = Array.from({ length: tm }, (_, i) => {
      const r = clampIndex(add(add(row0, ref("lid.z", "u32")), i * wy), op.m, false);
      const c = w.let(`row${i}`, r.c);
      op.rowSetup?.(w, c, `_r${i}`);
      return c;
    });
    const cols = Array.from({ length: tn }, (_, j) => {
      const r = clampIndex(add(add(col0, ref("lid.y", "u32")), j * wx), op.n, false);
      const c = w.let(`col${j}`, r.c);
      op.colSetup?.(w, c, `_c${j}`);
      return c;
    });
    declareAccumulators(w, tm, tn);
    w.block(`for (var kk = lid.x; kk < ${op.k}u; kk += ${ks}u)`, () => {
      const kk = ref("kk", "u32");
      op.kSetup?.(w, kk, "_k");
      rows.forEach((r, i) => w.line(`let a${i} = ${strip(op.a(r, kk, `_r${i}`, "_k").code)};`));
      cols.forEach((c, j) => w.line(`let b${j} = ${strip(op.b(kk, c, "_k", `_c${j}`).code)};`));
      emitOuterProduct(w, tm, tn, (i) => `a${i}`, (j) => `b${j}`);
    });
    w.line(`let own = lid.x * ${block}u + lid.z * ${bn}u + lid.y;`);
    for (let i = 0; i < tm; i++) {
      for (let j = 0; j < tn; j++) {
        w.line(`partial[own + ${i * wy * bn + j * wx}u] = ${accName(i, j)};`);
      }
    }
    emitLaneSum(w, ks, block, threads, () => {
      const row = add(row0, ref(`(e / ${bn}u)`, "u32"));
      const col = add(col0, ref(`(e % ${bn}u)`, "u32"));
      w.when(and(lt(row, op.m), lt(col, op.n)), () => {
        const r = w.let("row", row), c = w.let("col", col);
        op.rowSetup?.(w, r, "_r");
        op.colSetup?.(w, c, "_c");
        op.store(w, r, c, "sum", "_r", "_c");
      });
    });
  });
  return { workgroupSize: [ks, wx, wy], grid: g, workgroupStorageBytes: 4 * ks * block };
}

/** After ks groups have written their partial blocks (`block` values each, group l's at
 *  partial[l * block]), the workgroup's `threads` invocations sum them in a fixed order:
 *  element `e` of the block, its total in `sum`, goes to `store`. */
export function emitLaneSum(
  w: WgslWriter,
  ks: number,
  block: number,
  threads: number,
  store: () => void,
): void {
  w.line("workgroupBarrier();");
  for (let q = 0; q * threads < block; q++) {
    w.scope(() => {
      w.line(`let e = li + ${q * threads}u;`);
      const body = () => {
        w.line("var sum = 0.0f;");
        w.line(`for (var l = 0u; l < ${ks}u; l++) { sum += partial[l * ${block}u + e]; }`);
        store();
      };
      if ((q + 1) * threads > block) w.block(`if (e < ${block}u)`, body);
      else body();
    });
  }
}
