// f16 storage for the non-GEMM kernels: each against its own f32 variant on the same
// f16-exact inputs (tests/helpers/half.ts), all float bindings f16 and the inputs only.
import type { EpilogueOp, KernelSpec } from "../compiler/kernels/spec.ts";
import { assertHalfAgrees, HAS_F16 } from "./helpers/half.ts";

const test = (name: string, fn: () => Promise<void>) => Deno.test({ name, ignore: !HAS_F16, fn });

test("f16 storage: elementwise epilogues", async () => {
  const combos: EpilogueOp[][] = [
    [{ op: "relu" }],
    [{ op: "bias" }, { op: "relu" }, { op: "add" }, { op: "mask" }, {
      op: "dropout",
      p: 0.5,
      key: 2,
    }],
  ];
  for (const epilogue of combos) {
    const spec: KernelSpec = {
      kind: "elementwise",
      size: 105,
      layout: { channels: 5, spatial: 7 },
      epilogue,
    };
    await assertHalfAgrees(spec, `elementwise [${epilogue.map((e) => e.op)}]`);
  }
});
