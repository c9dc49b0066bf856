// The trivial primitive of ARCHITECTURE.md's "Adding a primitive": y = c x. Its gradient
// against finite differences, its epilogue in a kernel against the reference, its fold into
// the producing conv, and its DSL spelling.
import assert from "node:assert";
import { lower } from "../compiler/lower.ts";
import { ops } from "../compiler/ops/mod.ts";
import { describe, forwardGraph, model, net } from "../dsl/mod.ts";
import { runKernel } from "../runtime/kernel_runner.ts";
import { assertCheck, checkVjp, randn } from "./helpers/gradcheck.ts";
import { CPU_TILES } from "./helpers/gpu.ts";
import { assertClose, getDevice, rand, t } from "./kernel_reference.ts";

Deno.test("grad scale against finite differences", () => {
  const x = { name: "x", shape: [2, 3, 4], data: randn(24, 1) };
  assertCheck(checkVjp((b, [v]) => b.add("scale", [v], { factor: -1.5 }), [x]), 1e-6, "scale");
});

Deno.test("scale as an elementwise kernel's epilogue = reference", async () => {
  const x = rand(35, 2);
  const got = await runKernel(await getDevice(), {
    kind: "elementwise",
    size: 35,
    layout: { channels: 5, spatial: 7 },
    epilogue: [{ op: "relu" }, { op: "scale", factor: 0.25 }],
  }, [x]);
  const want = ops.scale.reference([ops.relu.reference([t([5, 7], x)], {})], { factor: 0.25 });
  assertClose(got, want.data, "relu+scale");
});

Deno.test("scale(c) folds into the conv before it; spelled scale(c) in the template", () => {
  const m = model("scaled", net`conv3(4) >> scale(0.5) >> relu >> fc(3)`, [1, 4, 4]);
  assert.strictEqual(describe(m.net), "conv3-4 >> scale(0.5) >> relu >> FC-3");
  const plan = lower(forwardGraph(m, 2), { tiles: CPU_TILES });
  assert.strictEqual(plan.kernels[0].name, "features.0:conv2d+bias+scale+relu");
});
