// The alpha^2 GEMMs of Winograd convolution, M_xi[o][p] = sum_c U_xi[c][o] V_xi[c][p], in the
// three forms of WinogradGemmSpec: the plain batched GEMM (one xi per invocation, M stored),
// with the output transform fused into the store (all xi per invocation), and with the input
// transform fused into the loads as well. Register blocks as in matmul.ts's "register" variant
// (small workgroups, no workgroup memory: what llvmpipe runs fastest, FACTS.md), 16-byte loads
// along O and P where the sizes allow.
import { type WgslWriter } from "../wgsl/mod.ts";
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
import { emitEpilogueHelpers, epilogueBindings, epilogueBytes } from "./epilogue.ts";
import { accName, declareAccumulators, emitOuterProduct } from "./gemm.ts";
import type { EmittedKernel } from "./spec.ts";
import {
  emitInputTiles,
  emitTileOutput,
  forwardMatrices,
  tileColumns,
  tileCoords,
} from "./winograd.ts";
import { outputSize, type WinogradGemmSpec, winogradGeometry } from "./winograd_spec.ts";

/** How an invocation reads `count` consecutive entries of a row of `extent` values (U along O,
 *  V along P): as vec4 groups when the row and the count are multiples of 4 (groups clamped to
 *  the last whole one: values past the edge are computed, never stored), else one at a time
 *  (clamped to the last entry), from the invocation's first entry `base`. */
function rowReader(
  w: WgslWriter,
  name: string,
  extent: number,
  count: number,
  base: string,
  vec4: boolean,
) {
  if (vec4) {
    for (let q = 0; q < count / 4; q++) {
      w.line(`let ${name}_g${q} = min(${base} + ${4 * q}u, ${extent - 4}u) / 4u;`);
    }
  } else {
    for (let k = 0; k < count; k++) {
      w.line(`let ${name}_o${k} = min(${base} + ${k}u, ${extent - 1}u);`);
    }
  }
  return {
    /** Emits the loads of row `row` (a u32 WGSL expression of the row's first element) into
     *  registers `${reg}{k}`; returns the register name of entry k. */
    load(row: string, reg: string): (k: number) => string {
      if (vec4) {
        for (let q = 0; q < count / 4; q++) {
          w.line(`let ${reg}v${q} = ${w.load(name, `${row} / 4u + ${name}_g${q}`)};`);
        }
        return (k) => `${reg}v${k >> 2}.${"xyzw"[k & 3]}`;
      }
      for (let k = 0; k < count; k++) {
        w.line(`let ${reg}${k} = ${w.load(name, `${row} + ${name}_o${k}`)};`);
      }
      return (k) => `${reg}${k}`;
    },
  };
}

/** Whether U's rows (O) and V's rows (P) are read as vec4 in this spec. */
export function winogradGemmVec4(s: WinogradGemmSpec): { u: boolean; v: boolean } {
  const { p } = winogradGeometry(s), t = s.tile;
  return {
    u: s.o % 4 === 0 && t.tm % 4 === 0,
    v: s.input === "v" && p % 4 === 0 && t.tn % 4 === 0,
  };
}

export function emitWinogradGemm(s: WinogradGemmSpec): EmittedKernel {
  if (s.tile.variant !== "register") {
    throw new Error(`winograd_gemm takes the "register" tile, got "${s.tile.variant}"`);
  }
  if (s.input === "x" && s.output === "m") throw new Error("winograd_gemm: input x needs output y");
  if (s.output === "m" && (s.epilogue.length || s.pool)) {
    throw new Error(
      "winograd_gemm: the epilogue and pool run with the output transform (output y)",
    );
  }
  const t = forwardMatrices(s.m), a2 = t.alpha * t.alpha;
  const { p, th, tw } = winogradGeometry(s), { tm, tn, bm, bn } = s.tile;
  const wx = bn / tn, wy = bm / tm;
  const vec = winogradGemmVec4(s);
  const form = `${s.input}->${s.output === "m" ? "m" : "y"}`;
  const w = newWriter(
    `winograd_gemm F(${s.m},3) ${s.n}x${s.c}x${s.h}x${s.w} -> ${s.o} (${form})${
      s.pool ? ` + ${s.pool}pool` : ""
    }`,
  );
  const epi = s.output === "y" ? s.epilogue : [];
  const vec4 = new Set<string>();
  if (vec.u) vec4.add("u");
  if (vec.v) {
    vec4.add("v");
    if (s.output === "m") vec4.add("mt");
  }
  const bindings = declareBindings(
    w,
    [
      read(s.input),
      read("u"),
      ...epilogueBindings(epi),
      readWrite(s.output === "m" ? "mt" : "y"),
    ],
    vec4,
    s.f16,
  );
  emitEpilogueHelpers(w, epi);
  w.blank();
  // Transform flops (per tile set of the input transform, per (o, tile) of the output's).
  let inFlops = 0, outFlops = 0;
  const cols = s.input === "x" ? s.n * th * ceilDiv(tw, tn) : p;
  const tilesN = ceilDiv(s.input === "x" ? cols : p, s.input === "x" ? wx : bn);
  const tilesM = ceilDiv(s.o, bm);
  const batches = s.output === "m" ? a2 : 1;
  const g = grid(batches * tilesM * tilesN);
  entry(w, [wx, wy, 1], g, (wid) => {
    if (batches > 1) {
      w.line(`let xi = ${wid.code} / ${tilesM * tilesN}u;`);
      w.line(`let blk = ${wid.code} % ${tilesM * tilesN}u;`);
    } else w.line(`let blk = ${wid.code};`);
    w.line(`let tile_n = blk % ${tilesN}u;`);
    w.line(`let tile_m = blk / ${tilesN}u;`);
    w.line(`let r_base = tile_m * ${bm}u + lid.y * ${tm}u;`);
    const U = rowReader(w, "u", s.o, tm, "r_base", vec.u);
    if (s.output === "m") {
      w.line(`let c_base = tile_n * ${bn}u + lid.x * ${tn}u;`);
      const V = rowReader(w, "v", p, tn, "c_base", vec.v);
      declareAccumulators(w, tm, tn);
      w.loop("ci", 0, s.c, () => {
        const a = U.load(`(xi * ${s.c}u + ci) * ${s.o}u`, "a");
        const b = V.load(`(xi * ${s.c}u + ci) * ${p}u`, "b");
        emitOuterProduct(w, tm, tn, a, b);
      });
      for (let i = 0; i < tm; i++) {
        w.block(`if (r_base + ${i}u < ${s.o}u)`, () => {
          w.line(`let m_row${i} = (xi * ${s.o}u + r_base + ${i}u) * ${p}u + c_base;`);
          if (vec.v) {
            // V's rows were read as vec4: M's are stored so (P and c_base multiples of 4).
            for (let q = 0; q < tn / 4; q++) {
              w.block(`if (c_base + ${4 * q}u < ${p}u)`, () => {
                const v4 = [0, 1, 2, 3].map((k) => accName(i, 4 * q + k)).join(", ");
                w.store("mt", `m_row${i} / 4u + ${q}u`, `vec4<f32>(${v4})`);
              });
            }
            return;
          }
          for (let j = 0; j < tn; j++) {
            w.block(
              `if (c_base + ${j}u < ${p}u)`,
              () => w.store("mt", `m_row${i} + ${j}u`, accName(i, j)),
            );
          }
        });
      }
      return;
    }
    // All alpha^2 positions per invocation: accumulator (xi, i, j).
    const acc = (xi: number, i: number, j: number) => `acc${xi}_${i}_${j}`;
    for (let xi = 0; xi < a2; xi++) {
      for (let i = 0; i < tm; i++) {
        w.line(Array.from({ length: tn }, (_, j) => `var ${acc(xi, i, j)} = 0.0f;`).join(" "));
      }
    }
    // One xi at a time in its own scope, so only its tm + tn operands are live.
    const mac = (loadB: (xi: number) => (j: number) => string) => {
      for (let xi = 0; xi < a2; xi++) {
        w.scope(() => {
          const a = U.load(`(${xi * s.c}u + ci) * ${s.o}u`, "a");
          const b = loadB(xi);
          for (let i = 0; i < tm; i++) {
            for (let j = 0; j < tn; j++) w.line(`${acc(xi, i, j)} += ${a(i)} * ${b(j)};`);
          }
        });
      }
    };
    const output = (i: number, j: number, at: { img: string; ty: string; tx: string }) =>
      emitTileOutput(w, s, (a, b) => acc(a * t.alpha + b, i, j), `o${i}`, at, "");
    if (s.input === "v") {
      w.line(`let c_base = tile_n * ${bn}u + lid.x * ${tn}u;`);
      const V = rowReader(w, "v", p, tn, "c_base", vec.v);
      w.loop("ci", 0, s.c, () => mac((xi) => V.load(`(${xi * s.c}u + ci) * ${p}u`, "b")));
      for (let i = 0; i < tm; i++) {
        w.block(`if (r_base + ${i}u < ${s.o}u)`, () => {
          w.line(`let o${i} = r_base + ${i}u;`);
          for (let j = 0; j < tn; j++) {
            w.block(`if (c_base + ${j}u < ${p}u)`, () => {
              w.line(`let pp = c_base + ${j}u;`);
              outFlops = output(i, j, tileCoords(w, s, "pp", "t_"));
            });
          }
        });
      }
      return;
    }
    const groups = ceilDiv(tw, tn);
    w.line(`let grp_raw = tile_n * ${wx}u + lid.x;`);
    w.line(`let grp = min(grp_raw, ${cols - 1}u);`);
    w.line(`let img = grp / ${th * groups}u;`);
    w.line(`let ty = (grp / ${groups}u) % ${th}u;`);
    w.line(`let tx0 = (grp % ${groups}u) * ${tn}u;`);
    w.line(`let x_img = i32(img * ${s.c * s.h * s.w}u);`);
    tileColumns(w, s, tn, "tx0");
    w.loop("ci", 0, s.c, () => {
      w.line(`let plane = x_img + i32(ci * ${s.h * s.w}u);`);
      inFlops = emitInputTiles(w, s, tn, "plane", "ty", "vt");
      mac((xi) => (j) => `vt${j}_${Math.floor(xi / t.alpha)}_${xi % t.alpha}`);
    });
    w.block(`if (grp_raw < ${cols}u)`, () => {
      for (let i = 0; i < tm; i++) {
        w.block(`if (r_base + ${i}u < ${s.o}u)`, () => {
          w.line(`let o${i} = r_base + ${i}u;`);
          for (let j = 0; j < tn; j++) {
            const store = () => {
              w.line(`let tx = tx0 + ${j}u;`);
              outFlops = output(i, j, { img: "img", ty: "ty", tx: "tx" });
            };
            if (j === 0 || tw % tn === 0) w.scope(store);
            else w.block(`if (tx0 + ${j}u < ${tw}u)`, store);
          }
        });
      }
    });
  });
  const y = outputSize(s);
  return kernel({
    name: `winograd_gemm F(${s.m},3) ${form}${s.pool ? "+pool" : ""} ${tm}x${tn}`,
    wgsl: w.toString(),
    workgroupSize: [wx, wy, 1],
    grid: g,
    bindings,
    // The input transform is redone for every block of tm output channels.
    flops: 2 * a2 * s.o * s.c * p + outFlops * s.o * p + inFlops * s.c * cols * tilesM * wy,
    bytes: 4 * (a2 * s.c * p + a2 * s.c * s.o + (s.output === "m" ? a2 * s.o * p : y)) +
      epilogueBytes(epi, y, s.o),
  });
}
