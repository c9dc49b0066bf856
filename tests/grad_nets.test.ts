// Whole-network gradients: the training-step IR (forward, loss, backward from autodiff) of
// small nets, evaluated by the reference interpreter in float64, against finite differences
// of the loss along one random direction over every parameter at once.
import { variant as vggA } from "../nets/a.ts";
import { variant as vggALrn } from "../nets/a_lrn.ts";
import { variant as vggC } from "../nets/c.ts";
import { assertCheck, checkModel } from "./helpers/gradcheck.ts";

Deno.test("grad of A (width 16, 32x32, 10 classes, batch 2), no dropout", () => {
  const m = vggA({ width: 16, size: 32, classes: 10 });
  assertCheck(checkModel(m, 2, { dropout: false }), 1e-6, "A/w16");
});

Deno.test("grad of A-LRN with dropout on (width 32, 32x32, batch 2)", () => {
  // Dropout with a fixed seed is a fixed mask, so the loss stays a smooth function of the
  // parameters and the same check applies to the train-mode graph.
  const m = vggALrn({ width: 32, size: 32, classes: 10, channels: 1 });
  assertCheck(checkModel(m, 2, { dropout: true }), 1e-6, "A-LRN/w32 with dropout");
});

Deno.test("grad of C (1x1 convs; width 32, 32x32, batch 2)", () => {
  const m = vggC({ width: 32, size: 32, classes: 10, channels: 1 });
  assertCheck(checkModel(m, 2, { dropout: false }), 1e-6, "C/w32");
});
