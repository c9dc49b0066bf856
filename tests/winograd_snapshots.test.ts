// WGSL of the Winograd kernels, pinned (no GPU): the F(4,3) forward chain of E/w8's 16 -> 16
// layer at 16x16 (bias, ReLU and the folded max-pool in the output transform), the fused F(2,3)
// GEMM and the F(3,2) weight-gradient chain. `deno task snapshots` rewrites them.
import assert from "node:assert";
import {
  type WinogradChain,
  winogradChain,
  winogradGradWeightChain,
} from "../compiler/kernels/winograd_chain.ts";
import type { WinogradSpec } from "../compiler/kernels/winograd_spec.ts";
import { emitKernel, specKey } from "../compiler/kernels/mod.ts";
import { assertSnapshot } from "./helpers/snapshot.ts";

function render(spec: WinogradSpec): string {
  const e = emitKernel(spec);
  return [
    `// spec: ${specKey(spec)}`,
    `// ${e.name}: workgroup size ${e.workgroupSize.join("x")}, ${
      e.workgroups.join("x")
    } workgroups, ${e.workgroupStorageBytes} bytes of workgroup memory`,
    `// bindings: ${e.bindings.map((b) => `${b.name}:${b.access}:${b.elemType}`).join(", ")}`,
    e.wgsl.trimEnd(),
    "",
  ].join("\n");
}

function snapshotChain(name: string, chain: () => WinogradChain) {
  const texts = chain().steps.map((s) => render(s.spec));
  // Deterministic to the byte within a run, as well as across runs (the snapshot).
  assert.deepStrictEqual(chain().steps.map((s) => render(s.spec)), texts);
  chain().steps.forEach((s, i) =>
    assertSnapshot(`wgsl/winograd/${name}.${i}.${s.spec.kind}.wgsl`, texts[i])
  );
}

const E16 = { n: 2, c: 16, h: 16, w: 16, o: 16 };

Deno.test("WGSL of the F(4,3) forward chain with bias, ReLU and pool", () => {
  snapshotChain("f4_split_pool", () =>
    winogradChain({
      m: 4,
      ...E16,
      flip: false,
      epilogue: [{ op: "bias" }, { op: "relu" }],
      pool: "max",
      variant: "split",
    }));
});

Deno.test("WGSL of the fused F(2,3) input gradient, f16 storage", () => {
  snapshotChain("f2_fused_flip_f16", () =>
    winogradChain(
      { m: 2, ...E16, flip: true, epilogue: [{ op: "relu_grad" }], variant: "fused" },
      { half: { io: true } },
    ));
});

Deno.test("WGSL of the F(3,2) weight-gradient chain", () => {
  snapshotChain(
    "f2_grad_weight",
    () => winogradGradWeightChain({ m: 2, ...E16, accumulate: true }),
  );
});

Deno.test("winograd keys: derived from the whole spec", () => {
  const a = winogradChain({ m: 4, ...E16, flip: false, epilogue: [], variant: "split" });
  const b = winogradChain({ m: 4, ...E16, flip: true, epilogue: [], variant: "split" });
  const keys = (c: WinogradChain) => c.steps.map((s) => specKey(s.spec));
  // Only the filter transform reads the weight, so only its key changes with flip.
  assert.notStrictEqual(keys(a)[0], keys(b)[0]);
  assert.deepStrictEqual(keys(a).slice(1), keys(b).slice(1));
  assert.ok(a.steps.every((s) => Object.isFrozen(s.spec)));
});
