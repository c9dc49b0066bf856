// Pieces every kernel module shares: binding declarations, the entry point, the dispatch grid
// and the EmittedKernel record. Kernels bake every shape into the WGSL as constants.
import { type Expr, ref, u32, WgslWriter } from "../wgsl/mod.ts";
import type { Binding, EmittedKernel } from "./spec.ts";
import { STEP_UNIFORM_WGSL } from "./step.ts";

/** The hardware caps dispatches at 65535 workgroups per dimension on most adapters. */
export const MAX_WORKGROUPS_PER_DIM = 65535;

export const read = (name: string, elemType: Binding["elemType"] = "f32"): Binding => ({
  name,
  access: "read",
  elemType,
});
export const readWrite = (name: string, elemType: Binding["elemType"] = "f32"): Binding => ({
  name,
  access: "read_write",
  elemType,
});
/** The per-step uniform (step.ts), named step_params in WGSL (`step` is a WGSL builtin
 *  function); its elemType is nominal. */
export const stepUniform: Binding = { name: "step_params", access: "uniform", elemType: "u32" };

/** Declares the bindings in order (group 0) and returns them as declared. `vec4` names bindings
 *  viewed as array<vec4<f32>> (the kernel then reads 16-byte groups; only chosen when the
 *  tensor's size allows). `half` lists the positions, among the storage bindings, of those
 *  stored as f16 (a spec's `f16`, set by the lowering under `--precision f16`): the module then
 *  enables f16 and the writer's load/store convert them. */
export function declareBindings(
  w: WgslWriter,
  bindings: readonly Binding[],
  vec4: ReadonlySet<string> = new Set(),
  half: readonly number[] = [],
): Binding[] {
  let s = 0;
  const typed = bindings.map((b): Binding =>
    b.access === "uniform" ? b : half.includes(s++) ? { ...b, elemType: "f16" } : b
  );
  if (typed.some((b) => b.elemType === "f16")) w.line("enable f16;");
  if (typed.some((b) => b.access === "uniform")) w.line(STEP_UNIFORM_WGSL + ";");
  typed.forEach((b, i) => {
    const at = `@group(0) @binding(${i})`;
    if (b.access === "uniform") {
      w.line(`${at} var<uniform> ${b.name}: Step;`);
      return;
    }
    const elem = vec4.has(b.name) ? `vec4<${b.elemType}>` : b.elemType;
    w.storage(b.name, elem);
    w.line(`${at} var<storage, ${b.access}> ${b.name}: array<${elem}>;`);
  });
  return typed;
}

/** A dispatch of `total` workgroups folded into x and y (each at most 65535). */
export interface Grid {
  workgroups: [number, number, number];
  total: number;
}

export function grid(total: number): Grid {
  const t = Math.max(1, total);
  const gy = Math.ceil(t / MAX_WORKGROUPS_PER_DIM);
  const gx = Math.ceil(t / gy);
  return { workgroups: [gx, gy, 1], total: t };
}

/** The entry point. Emits the flat workgroup id `wid` (and an early return for the padding
 *  workgroups of a folded grid: workgroup_id is uniform, so barriers after it stay legal). */
export function entry(
  w: WgslWriter,
  size: readonly [number, number, number],
  g: Grid,
  body: (wid: Expr) => void,
): void {
  const params = [
    "@builtin(workgroup_id) wg: vec3<u32>",
    "@builtin(local_invocation_id) lid: vec3<u32>",
    "@builtin(local_invocation_index) li: u32",
  ];
  w.line(`@compute @workgroup_size(${size.join(", ")})`);
  w.block(`fn main(${params.join(", ")})`, () => {
    const [gx, gy] = g.workgroups;
    if (gy === 1) {
      body(g.total === 1 ? u32(0) : ref("wg.x", "u32"));
      return;
    }
    w.line(`let wid = wg.x + wg.y * ${gx}u;`);
    if (gx * gy !== g.total) w.line(`if (wid >= ${g.total}u) { return; }`);
    body(ref("wid", "u32"));
  });
}

export const ceilDiv = (a: number, b: number): number => Math.ceil(a / b);

export interface KernelParts {
  name: string;
  wgsl: string;
  workgroupSize: readonly [number, number, number];
  grid: Grid;
  bindings: readonly Binding[];
  workgroupStorageBytes?: number;
  flops: number;
  bytes: number;
}

export function kernel(p: KernelParts): EmittedKernel {
  return {
    name: p.name,
    wgsl: p.wgsl,
    workgroupSize: p.workgroupSize,
    workgroups: p.grid.workgroups,
    bindings: p.bindings,
    workgroupStorageBytes: p.workgroupStorageBytes ?? 0,
    flops: p.flops,
    bytes: p.bytes,
  };
}

/** Threads per workgroup of the one-element-per-lane kernels (elementwise, copies, sgd). */
export const FLAT_WORKGROUP = 256;
/** Elements per invocation in those kernels: amortises index math on CPU rasterizers. */
export const FLAT_PER_THREAD = 4;

/** A flat kernel over `size` elements: each invocation handles FLAT_PER_THREAD elements spaced a
 *  workgroup apart (so neighbouring lanes touch neighbouring addresses). `body` gets `i`
 *  (already bounds-checked). */
export function flatEntry(w: WgslWriter, size: number, body: (i: Expr) => void): Grid {
  const per = FLAT_WORKGROUP * FLAT_PER_THREAD;
  const g = grid(Math.ceil(size / per));
  entry(w, [FLAT_WORKGROUP, 1, 1], g, (wid) => {
    w.line(`let base = ${wid.code} * ${per}u + lid.x;`);
    for (let q = 0; q < FLAT_PER_THREAD; q++) {
      const i = ref(`i${q}`, "u32");
      w.line(`let i${q} = base + ${q * FLAT_WORKGROUP}u;`);
      w.block(`if (i${q} < ${size}u)`, () => body(i));
    }
  });
  return g;
}

export function newWriter(title: string): WgslWriter {
  const w = new WgslWriter();
  w.line(`// ${title}`);
  return w;
}
