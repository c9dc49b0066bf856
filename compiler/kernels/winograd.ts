// The transform kernels of Winograd convolution (specs in winograd_spec.ts): the filter
// transform U = G g G^T, the input transform V = B^T d B, and the output transform y = A^T M A
// with the conv's epilogue and pool fold; plus the tile-level pieces the fused GEMMs of
// winograd_gemm.ts share with them. No workgroup memory anywhere (llvmpipe's barriers are its
// bottleneck, FACTS.md; OpenGL's 2 KiB budget is never touched). f16 storage goes through the
// writer's load/store like every other emitter.
import { ref, type WgslWriter } from "../wgsl/mod.ts";
import { forwardTransform, type Matrices, numeric } from "../winograd/transforms.ts";
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
import { emitEpilogue, emitEpilogueHelpers, epilogueBindings, epilogueBytes } from "./epilogue.ts";
import type { EmittedKernel, EpilogueOp } from "./spec.ts";
import { emitMatVec, emitSandwich } from "./winograd_transform.ts";
import { WINDOW } from "./conv_register.ts";
import {
  outputSize,
  type WinogradConv,
  type WinogradFilterSpec,
  winogradGeometry,
  type WinogradInputSpec,
  type WinogradOutputSpec,
  type WinogradTile,
} from "./winograd_spec.ts";

/** Invocations per workgroup of the one-item-per-invocation transform kernels. */
export const FLAT = 64;

const matrices = new Map<WinogradTile, Matrices>();
/** F(m, 3)'s matrices as float64 (built once per tile size). */
export function forwardMatrices(m: WinogradTile): Matrices {
  let t = matrices.get(m);
  if (!t) matrices.set(m, t = numeric(forwardTransform(m)));
  return t;
}

/** A flat kernel body over `total` items: `i` in range, or an early return (no barriers). */
export function flat(w: WgslWriter, total: number, body: () => void) {
  const g = grid(ceilDiv(total, FLAT));
  entry(w, [FLAT, 1, 1], g, (wid) => {
    w.line(`let i = ${wid.code} * ${FLAT}u + lid.x;`);
    if (g.total * FLAT !== total) w.line(`if (i >= ${total}u) { return; }`);
    body();
  });
  return g;
}

export function emitWinogradFilter(s: WinogradFilterSpec): EmittedKernel {
  const t = forwardMatrices(s.m), a2 = t.alpha * t.alpha;
  const w = newWriter(`winograd_filter F(${s.m},3) ${s.o}x${s.c}${s.flip ? " flip" : ""}`);
  const bindings = declareBindings(w, [read("wt"), readWrite("u")], undefined, s.f16);
  w.blank();
  let flops = 0;
  // Lane i = (c, o), o fastest: neighbouring lanes write neighbouring words of U[xi][c][.].
  const g = flat(w, s.o * s.c, () => {
    w.line(`let c = i / ${s.o}u;`);
    w.line(`let o = i % ${s.o}u;`);
    // flip: W[o,c,ky,kx] = stored[c,o,2-ky,2-kx] (the input gradient's read, as ConvSpec's).
    w.line(s.flip ? `let base = (c * ${s.o}u + o) * 9u;` : `let base = (o * ${s.c}u + c) * 9u;`);
    for (let k = 0; k < 9; k++) {
      w.line(`let g${k} = ${w.load("wt", `base + ${s.flip ? 8 - k : k}u`)};`);
    }
    flops = emitSandwich(w, t.G, t.G, (i, j) => `g${i * 3 + j}`, 3, "t", (i, j) => `u${i}_${j}`);
    for (let xi = 0; xi < a2; xi++) {
      const at = `${xi * s.c * s.o}u + c * ${s.o}u + o`;
      w.store("u", at, `u${Math.floor(xi / t.alpha)}_${xi % t.alpha}`);
    }
  });
  return kernel({
    name: `winograd_filter F(${s.m},3)${s.flip ? " flip" : ""}`,
    wgsl: w.toString(),
    workgroupSize: [FLAT, 1, 1],
    grid: g,
    bindings,
    flops: flops * s.o * s.c,
    bytes: 4 * (9 + a2) * s.o * s.c,
  });
}

/**
 * Input tiles of one channel plane, transformed in registers: the `tn` tiles starting at tile
 * column tx0 of tile row ty (u32 WGSL names). Loads each of the alpha input rows once as one
 * segment of tn * m + 2 values (zero outside the image; neighbouring tiles share 2 columns),
 * transforms along the row at once (T = d B per tile), then down the columns (V = B^T T).
 * Leaves V of tile j position (a, b) in `${pre}${j}_${a}_${b}`; returns flops per tile set.
 * `colOk` declarations (which segment columns lie inside the image) come from tileColumns.
 */
export function emitInputTiles(
  w: WgslWriter,
  s: { m: WinogradTile; h: number; w: number },
  tn: number,
  plane: string,
  ty: string,
  pre: string,
  colSfx = "",
  vec4 = false,
): number {
  const t = forwardMatrices(s.m), alpha = t.alpha, span = tn * s.m + 2;
  let flops = 0;
  for (let r = 0; r < alpha; r++) {
    w.line(`let iy${pre}${r} = i32(${ty} * ${s.m}u) + ${r - 1}i;`);
    w.line(`let row_ok${pre}${r} = u32(iy${pre}${r}) < ${s.h}u;`);
    const row = `${plane} + select(0i, iy${pre}${r}, row_ok${pre}${r}) * ${s.w}i`;
    if (vec4) {
      // The row in 16-byte groups (plane and row start on multiples of 4: w is one).
      w.line(`let x_row${pre}${r} = (${row}) / 4i;`);
      for (let g = 0; g < segmentGroups(span); g++) {
        const v = w.load("x", `u32(x_row${pre}${r} + col_at${g}${colSfx})`);
        const ok = `row_ok${pre}${r} && col_ok${g}${colSfx}`;
        w.line(`let e${pre}${r}_${g} = select(vec4<f32>(0.0f), ${v}, ${ok});`);
      }
      // Segment column q is column q - 1 of the tiles: group (q + 3) / 4 - 1, lane (q + 3) % 4.
      for (let q = 0; q < span; q++) {
        w.line(`let d${pre}${r}_${q} = e${pre}${r}_${(q + 3) >> 2}.${"xyzw"[(q + 3) & 3]};`);
      }
    } else {
      w.line(`let x_row${pre}${r} = ${row};`);
      for (let q = 0; q < span; q++) {
        const v = w.load("x", `u32(x_row${pre}${r} + col_at${q}${colSfx})`);
        const ok = `row_ok${pre}${r} && col_ok${q}${colSfx}`;
        w.line(`let d${pre}${r}_${q} = select(0.0f, ${v}, ${ok});`);
      }
    }
    for (let j = 0; j < tn; j++) {
      flops += emitMatVec(
        w,
        t.BT,
        (l) => `d${pre}${r}_${j * s.m + l}`,
        (b) => `h${pre}${j}_${r}_${b}`,
      );
    }
  }
  for (let j = 0; j < tn; j++) {
    for (let b = 0; b < alpha; b++) {
      flops += emitMatVec(w, t.BT, (r) => `h${pre}${j}_${r}_${b}`, (a) => `${pre}${j}_${a}_${b}`);
    }
  }
  return flops;
}

/** Whether the input rows of tn-tile segments load as vec4: w a multiple of 4 (rows start on
 *  16 bytes), and every segment's first tile column tx0 * m too (tx0 is a multiple of tn). */
export const inputRowsVec4 = (s: { m: number; w: number }, tn: number): boolean =>
  s.w % 4 === 0 && (tn * s.m) % 4 === 0;

/** The vec4 groups a segment of `span` columns reads, from the one holding its column -1. */
const segmentGroups = (span: number) => ((span + 2) >> 2) + 1;

/** Which columns of a tn-tile segment starting at tile column `tx0` lie inside the image:
 *  col_ok{q}{sfx}, and col_at{q}{sfx} (the column, 0 where outside), once per invocation. With
 *  vec4 (inputRowsVec4), the same per 16-byte group of the segment: group g holds columns
 *  tx0 * m + 4 (g - 1) .. + 3, wholly inside or outside the image. */
export function tileColumns(
  w: WgslWriter,
  s: { m: number; w: number },
  tn: number,
  tx0: string,
  sfx = "",
  vec4 = false,
) {
  if (vec4) {
    for (let g = 0; g < segmentGroups(tn * s.m + 2); g++) {
      w.line(`let gx${g}${sfx} = i32(${tx0} * ${s.m}u / 4u) + ${g - 1}i;`);
      w.line(`let col_ok${g}${sfx} = u32(gx${g}${sfx}) < ${s.w / 4}u;`);
      w.line(`let col_at${g}${sfx} = select(0i, gx${g}${sfx}, col_ok${g}${sfx});`);
    }
    return;
  }
  for (let q = 0; q < tn * s.m + 2; q++) {
    w.line(`let ix${q}${sfx} = i32(${tx0} * ${s.m}u) + ${q - 1}i;`);
    w.line(`let col_ok${q}${sfx} = u32(ix${q}${sfx}) < ${s.w}u;`);
    w.line(`let col_at${q}${sfx} = select(0i, ix${q}${sfx}, col_ok${q}${sfx});`);
  }
}

/** Whether the multi-tile input transform stores V as vec4 of 4 neighbouring tiles: tn a
 *  multiple of 4 that divides the tile rows (every segment is then whole groups of 4 in one
 *  row, and none passes the row's end). */
export const inputStoresVec4 = (s: WinogradInputSpec): boolean =>
  !s.vec4 && s.tn % 4 === 0 && winogradGeometry(s).tw % s.tn === 0;

export function emitWinogradInput(s: WinogradInputSpec): EmittedKernel {
  const t = forwardMatrices(s.m), a2 = t.alpha * t.alpha;
  const { th, tw, p } = winogradGeometry(s);
  if (s.vec4 && (s.tn !== 4 || p % 4 !== 0)) {
    throw new Error(
      `winograd_input vec4 needs tn 4 and a tile count divisible by 4, got ${s.tn}, ${p}`,
    );
  }
  const w = newWriter(
    `winograd_input F(${s.m},3) ${s.n}x${s.c}x${s.h}x${s.w}, ${s.tn} tiles per invocation${
      s.vec4 ? " (vec4)" : ""
    }`,
  );
  // Input rows as vec4 (the multi-tile path; the vec4 path's tiles are one apart), and V as
  // vec4 of 4 neighbouring tiles where the segment holds whole groups of 4 of a tile row.
  const rows4 = !s.vec4 && inputRowsVec4(s, s.tn);
  const v4 = s.vec4 || inputStoresVec4(s);
  const bindings = declareBindings(
    w,
    [read("x"), readWrite("v")],
    new Set([...(v4 ? ["v"] : []), ...(rows4 ? ["x"] : [])]),
    s.f16,
  );
  w.blank();
  let flops = 0;
  const vname = (j: number, xi: number) => `v${j}_${Math.floor(xi / t.alpha)}_${xi % t.alpha}`;
  if (s.vec4) {
    // Lane i = (c, group of 4 consecutive tiles), groups fastest.
    const groups = p / 4;
    const g = flat(w, s.c * groups, () => {
      w.line(`let c = i / ${groups}u;`);
      w.line(`let p0 = (i % ${groups}u) * 4u;`);
      for (let j = 0; j < 4; j++) {
        w.line(`let p${j + 1} = p0 + ${j}u;`);
        const at = tileCoords(w, { ...s, o: 1 }, `p${j + 1}`, `t${j}_`);
        w.line(`let plane${j} = i32((${at.img} * ${s.c}u + c) * ${s.h * s.w}u);`);
        tileColumns(w, s, 1, at.tx, `_${j}`);
        flops = emitInputTiles(w, s, 1, `plane${j}`, at.ty, `v${j}_`, `_${j}`);
      }
      for (let xi = 0; xi < a2; xi++) {
        const vals = [0, 1, 2, 3].map((j) => `v${j}_0_${Math.floor(xi / t.alpha)}_${xi % t.alpha}`);
        w.store(
          "v",
          `${(xi * s.c * p) / 4}u + c * ${p / 4}u + p0 / 4u`,
          `vec4<f32>(${vals.join(", ")})`,
        );
      }
    });
    return kernel({
      name: `winograd_input F(${s.m},3) x4 vec4`,
      wgsl: w.toString(),
      workgroupSize: [FLAT, 1, 1],
      grid: g,
      bindings,
      flops: flops * s.c * p,
      bytes: 4 * (s.n * s.c * s.h * s.w + a2 * s.c * p),
    });
  }
  const groups = ceilDiv(tw, s.tn);
  // Lane i = (c, image, tile row, group of tn tile columns), groups fastest.
  const total = s.c * s.n * th * groups;
  const g = flat(w, total, () => {
    w.line(`let grp = i % ${groups}u;`);
    w.line(`let ty = (i / ${groups}u) % ${th}u;`);
    w.line(`let img = (i / ${groups * th}u) % ${s.n}u;`);
    w.line(`let c = i / ${groups * th * s.n}u;`);
    w.line(`let tx0 = grp * ${s.tn}u;`);
    w.line(`let plane = i32((img * ${s.c}u + c) * ${s.h * s.w}u);`);
    w.line(`let p0 = (img * ${th}u + ty) * ${tw}u + tx0;`);
    tileColumns(w, s, s.tn, "tx0", "", rows4);
    flops = emitInputTiles(w, s, s.tn, "plane", "ty", "v", "", rows4);
    if (v4) {
      // p0 is a multiple of 4 (tx0 is one of tn, the row's tw tiles too) and the segment never
      // passes the row's end.
      for (let j = 0; j < s.tn; j += 4) {
        for (let xi = 0; xi < a2; xi++) {
          const vals = [0, 1, 2, 3].map((d) => vname(j + d, xi));
          const at = `${(xi * s.c * p) / 4}u + c * ${p / 4}u + (p0 + ${j}u) / 4u`;
          w.store("v", at, `vec4<f32>(${vals.join(", ")})`);
        }
      }
    }
    for (let j = 0; j < (v4 ? 0 : s.tn); j++) {
      const stores = () => {
        for (let xi = 0; xi < a2; xi++) {
          w.store("v", `${xi * s.c * p}u + c * ${p}u + p0 + ${j}u`, vname(j, xi));
        }
      };
      if (j === 0 || tw % s.tn === 0) w.scope(stores);
      else w.block(`if (tx0 + ${j}u < ${tw}u)`, stores);
    }
  });
  return kernel({
    name: `winograd_input F(${s.m},3) x${s.tn}${rows4 ? " vec4 rows" : ""}${v4 ? " vec4 V" : ""}`,
    wgsl: w.toString(),
    workgroupSize: [FLAT, 1, 1],
    grid: g,
    bindings,
    flops: flops * s.c * s.n * th * groups,
    bytes: 4 * (s.n * s.c * s.h * s.w + a2 * s.c * p),
  });
}

/**
 * The end of every forward chain: the output transform of one (o, tile) whose alpha x alpha
 * transformed values are the registers `val(a, b)`, then the epilogue and the store, at channel
 * `o` of tile (img, ty, tx) (u32 WGSL names). With pool, each 2x2 window of the m x m outputs
 * (m is even: windows never straddle tiles) goes through the epilogue and its max (or mean) is
 * stored, as the standalone pool kernel computes it (conv_register.ts WINDOW). Returns the
 * transform's flops.
 */
export function emitTileOutput(
  w: WgslWriter,
  s: WinogradConv & { epilogue: readonly EpilogueOp[]; pool?: "max" | "avg" },
  val: (a: number, b: number) => string,
  o: string,
  at: { img: string; ty: string; tx: string },
  pre: string,
  yVec4 = false,
): number {
  const t = forwardMatrices(s.m), m = s.m;
  const { th, tw } = winogradGeometry(s);
  const y = (i: number, j: number) => `y${pre}_${i}_${j}`;
  const flops = emitSandwich(w, t.AT, t.AT, val, t.alpha, `q${pre}`, y);
  const chan = () => ref(o, "u32");
  if (!s.pool) {
    w.line(`let oy${pre} = ${at.ty} * ${m}u;`);
    w.line(`let ox${pre} = ${at.tx} * ${m}u;`);
    w.line(
      `let row${pre} = ((${at.img} * ${s.o}u + ${o}) * ${s.h}u + oy${pre}) * ${s.w}u + ox${pre};`,
    );
    for (let i = 0; i < m; i++) {
      const rowStores = () => {
        if (yVec4) {
          // The tile's row is 4 outputs on a 16-byte boundary: one store.
          w.scope(() => {
            for (let j = 0; j < 4; j++) {
              const flat = ref(`(row${pre} + ${i * s.w + j}u)`, "u32");
              w.line(`var r${j} = ${y(i, j)};`);
              emitEpilogue(w, s.epilogue, `r${j}`, flat, chan);
            }
            w.store("y", `(row${pre} + ${i * s.w}u) / 4u`, "vec4<f32>(r0, r1, r2, r3)");
          });
          return;
        }
        for (let j = 0; j < m; j++) {
          const store = () => {
            const flat = ref(`(row${pre} + ${i * s.w + j}u)`, "u32");
            if (s.epilogue.length === 0) {
              w.store("y", flat, y(i, j));
              return;
            }
            w.line(`var r = ${y(i, j)};`);
            emitEpilogue(w, s.epilogue, "r", flat, chan);
            w.store("y", flat, "r");
          };
          // Only the last tile column can stick out of the map.
          if ((tw - 1) * m + j < s.w) w.scope(store);
          else w.block(`if (ox${pre} + ${j}u < ${s.w}u)`, store);
        }
      };
      if ((th - 1) * m + i < s.h) rowStores();
      else w.block(`if (oy${pre} + ${i}u < ${s.h}u)`, rowStores);
    }
    return flops;
  }
  if (s.epilogue.some((e) => e.op !== "bias" && e.op !== "relu")) {
    throw new Error("winograd pool fold takes only bias and ReLU in its epilogue");
  }
  const pool = s.pool;
  const hp = Math.floor(s.h / 2), wp = Math.floor(s.w / 2), half = m / 2;
  w.line(`let py${pre} = ${at.ty} * ${half}u;`);
  w.line(`let px${pre} = ${at.tx} * ${half}u;`);
  w.line(`let row${pre} = ((${at.img} * ${s.o}u + ${o}) * ${hp}u + py${pre}) * ${wp}u + px${pre};`);
  for (let a = 0; a < half; a++) {
    const rowStores = () => {
      for (let b = 0; b < half; b++) {
        const store = () => {
          const win = [y(2 * a, 2 * b), y(2 * a, 2 * b + 1), y(2 * a + 1, 2 * b)];
          win.push(y(2 * a + 1, 2 * b + 1));
          win.forEach((v, q) => {
            w.line(`var r${q} = ${v};`);
            // Bias and ReLU only: neither reads the flat index.
            emitEpilogue(w, s.epilogue, `r${q}`, ref("0u", "u32"), chan);
          });
          w.store("y", `row${pre} + ${a * wp + b}u`, WINDOW[pool]);
        };
        if ((tw - 1) * half + b < wp) w.scope(store);
        else w.block(`if (px${pre} + ${b}u < ${wp}u)`, store);
      }
    };
    if ((th - 1) * half + a < hp) rowStores();
    else w.block(`if (py${pre} + ${a}u < ${hp}u)`, rowStores);
  }
  return flops;
}

/** (img, ty, tx) of flat tile index `p` (a u32 WGSL name), as `${pre}img` etc. */
export function tileCoords(w: WgslWriter, s: WinogradConv, p: string, pre: string) {
  const { th, tw } = winogradGeometry(s);
  w.line(`let ${pre}img = ${p} / ${th * tw}u;`);
  w.line(`let ${pre}ty = (${p} / ${tw}u) % ${th}u;`);
  w.line(`let ${pre}tx = ${p} % ${tw}u;`);
  return { img: `${pre}img`, ty: `${pre}ty`, tx: `${pre}tx` };
}

/** Whether the output transform stores a tile's rows as vec4: F(4,3) without a pool, on maps
 *  whose width is a multiple of 4 (tiles then start on 16 bytes and none sticks out). */
export const outputRowsVec4 = (s: WinogradOutputSpec): boolean =>
  s.m === 4 && !s.pool && s.w % 4 === 0;

export function emitWinogradOutput(s: WinogradOutputSpec): EmittedKernel {
  const t = forwardMatrices(s.m), a2 = t.alpha * t.alpha, { p } = winogradGeometry(s);
  const vec4 = s.tn === 4, y4 = outputRowsVec4(s);
  if (vec4 && p % 4 !== 0) {
    throw new Error(`winograd_output tn 4 needs a tile count divisible by 4, got ${p}`);
  }
  const w = newWriter(
    `winograd_output F(${s.m},3) ${s.n}x${s.o}x${s.h}x${s.w}${s.pool ? ` + ${s.pool}pool` : ""}${
      vec4 ? ", 4 tiles per invocation" : ""
    }`,
  );
  const bindings = declareBindings(
    w,
    [read("mt"), ...epilogueBindings(s.epilogue), readWrite("y")],
    new Set([...(vec4 ? ["mt"] : []), ...(y4 ? ["y"] : [])]),
    s.f16,
  );
  emitEpilogueHelpers(w, s.epilogue);
  w.blank();
  let flops = 0;
  const groups = p / s.tn;
  // Lane i = (o, group of tn tiles), groups fastest: neighbouring lanes read neighbouring words
  // of M[xi][o][.].
  const g = flat(w, s.o * groups, () => {
    w.line(`let o = i / ${groups}u;`);
    w.line(`let p0 = (i % ${groups}u) * ${s.tn}u;`);
    for (let xi = 0; xi < a2; xi++) {
      const at = vec4
        ? `${(xi * s.o * p) / 4}u + o * ${p / 4}u + p0 / 4u`
        : `${xi * s.o * p}u + o * ${p}u + p0`;
      w.line(`let mt${xi} = ${w.load("mt", at)};`);
    }
    for (let j = 0; j < s.tn; j++) {
      w.scope(() => {
        w.line(`let pp = p0 + ${j}u;`);
        const at = tileCoords(w, s, "pp", "t_");
        const val = (a: number, b: number) => `mt${a * t.alpha + b}${vec4 ? `.${"xyzw"[j]}` : ""}`;
        flops = emitTileOutput(w, s, val, "o", at, "", y4);
      });
    }
  });
  const y = outputSize(s);
  return kernel({
    name: `winograd_output F(${s.m},3)${s.pool ? "+pool" : ""} x${s.tn}${y4 ? " vec4 rows" : ""}`,
    wgsl: w.toString(),
    workgroupSize: [FLAT, 1, 1],
    grid: g,
    bindings,
    flops: flops * s.o * p + (s.pool ? 3 * y : 0),
    bytes: 4 * (a2 * s.o * p + y) + epilogueBytes(s.epilogue, y, s.o),
  });
}
