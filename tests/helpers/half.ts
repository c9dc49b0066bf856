// The f16-storage check every kernel family shares: a spec runs twice on the same inputs, which
// are chosen exactly representable in f16: once as given (all f32 storage, the variant the other
// kernel tests hold to the CPU reference) and once with some bindings stored as f16 (the spec's
// `f16` positions). Kernels compute in f32 either way, so the two outputs differ only by the
// rounding of the stored f16 output: at most 2^-11 of a value, hence HALF_TOLERANCE below.
import assert from "node:assert";
import { storageSizes } from "../../compiler/kernels/mod.ts";
import type { KernelSpec } from "../../compiler/kernels/spec.ts";
import { emitKernel } from "../../compiler/kernels/mod.ts";
import { runKernelBindings, type TypedArray } from "../../runtime/kernel_runner.ts";
import { getDevice, rand } from "../kernel_reference.ts";
import { relError } from "../../runtime/agreement.ts";

/** Relative to the output's largest |value|: f16's unit roundoff (2^-11 = 4.9e-4) with room for
 *  the f32 sums' own order differences. */
export const HALF_TOLERANCE = 1e-3;

/** Whether this adapter runs f16 kernels (lavapipe and GPUs do; wgpu's OpenGL backend does not). */
export const HAS_F16: boolean = await getDevice().then((d) => d.features.has("shader-f16"))
  .catch(() => false);

/** A test-name suffix saying why the f16 tests are ignored here (empty where they run). */
export const NO_F16: string = HAS_F16
  ? ""
  : " (ignored: the adapter lacks shader-f16, e.g. wgpu's OpenGL backend)";

type Positions = readonly number[];

/** The float storage positions of a spec: all of them, and the inputs only. */
export function halfVariants(spec: KernelSpec): Positions[] {
  const sizes = storageSizes(spec);
  const floats = sizes.flatMap((b, i) => b.type === "f32" ? [i] : []);
  const out = sizes.length - 1;
  return [floats, floats.filter((i) => i !== out)];
}

function inputsFor(spec: KernelSpec, seed: number): TypedArray[] {
  const cols = "cols" in spec ? spec.cols : 1;
  return storageSizes(spec).map((b, k) => {
    if (b.type === "i32") return Int32Array.from({ length: b.elems }, (_, i) => (i * 7) % cols);
    if (b.type === "u32") return Uint32Array.from({ length: b.elems }, (_, i) => 12345 + i);
    return rand(b.elems, seed + k).map((v) => Math.f16round(v));
  });
}

const asHalf = (a: TypedArray, half: boolean): TypedArray =>
  half && a instanceof Float32Array ? Float16Array.from(a) : a;

/** Runs `spec` in f32 and with each variant's positions stored as f16 (default: halfVariants),
 *  and asserts the outputs (the last read-write binding) agree within HALF_TOLERANCE. */
export async function assertHalfAgrees(
  spec: KernelSpec,
  what: string,
  variants: Positions[] = halfVariants(spec),
): Promise<void> {
  const device = await getDevice();
  const arrays = inputsFor(spec, 17);
  const plain = emitKernel(spec);
  const storage = plain.bindings.filter((b) => b.access !== "uniform");
  const out = storage.map((b) => b.access).lastIndexOf("read_write");
  const want = (await runKernelBindings(device, plain, arrays))[out];
  for (const half of variants) {
    const hs = { ...spec, f16: half } as KernelSpec;
    const k = emitKernel(hs);
    assert.ok(k.wgsl.includes("enable f16;"), `${what}: f16 ${half} emitted no f16 storage`);
    const got = (await runKernelBindings(
      device,
      k,
      arrays.map((a, i) => asHalf(a, half.includes(i))),
    ))[out];
    const scale = Array.from(want as ArrayLike<number>).reduce(
      (m, v) => Math.max(m, Math.abs(v)),
      0,
    );
    assert.ok(scale > 0, `${what}: the f32 output is all zeros (a check that cannot fail)`);
    const e = relError(got as ArrayLike<number>, want as ArrayLike<number>);
    assert.ok(
      e <= HALF_TOLERANCE,
      `${what}, f16 at ${JSON.stringify(half)}: relative error ${e} (max |value| ${scale})`,
    );
  }
}
