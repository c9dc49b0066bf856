// Tile policies for the tests that RUN kernels: the adapter classes the plan tests pin (32 KiB
// of workgroup memory, 256 invocations), except on wgpu's OpenGL backend, where they get the
// workgroup budget the runtime itself keeps to there (runtime/device.ts OPENGL_WORKGROUP_BYTES).
// WGSL zero-initialises workgroup arrays and the OpenGL path compiles that in time that grows
// much faster than the array (measured on llvmpipe, shader cache off: one weight-gradient kernel
// with a 2,304-float array 34 s, 4,096 floats 303 s, against 0.1-1 s for arrays of 72-210
// floats; bench/first_dispatch.ts --workgroup-probe). Tiles sized for 32 KiB are kernels that
// OpenGL never runs, and compiling them was what made the suite take over 45 minutes there.
// Under the budget the same variants (register, workgroup, split-K, lanes) run on every
// backend, with smaller blocks on OpenGL.
import { adapterTraits, tilePolicy } from "../../compiler/kernels/tiles.ts";
import { openGlBackend } from "../../runtime/backend.ts";
import { OPENGL_WORKGROUP_BYTES } from "../../runtime/device.ts";

/** Workgroup bytes a kernel run by a test may use on this process's backend. */
export const RUN_WORKGROUP_BYTES: number = openGlBackend() ? OPENGL_WORKGROUP_BYTES : 32768;

const LIMITS = {
  maxComputeWorkgroupStorageSize: RUN_WORKGROUP_BYTES,
  maxComputeInvocationsPerWorkgroup: 256,
};

/** The CPU adapters' tiles ("register", row segments, lanes) within this backend's budget. */
export const RUN_CPU_TILES = tilePolicy(
  adapterTraits({ isFallbackAdapter: true }, LIMITS),
);
/** The GPUs' tiles (workgroup memory, split-K) within this backend's budget. */
export const RUN_GPU_TILES = tilePolicy(
  adapterTraits({ isFallbackAdapter: false }, LIMITS),
);
