// The backward kernels on odd shapes (weight and bias gradients, flipped convs, pool, LRN and
// soft-max gradients, channel slices of a concat): the odd-shape models' training-step gradients
// on the GPU against the reference interpreter, under both tile families whatever the adapter.
// Tolerance: GRAD_TOL (tests/helpers/gpu.ts).
import {
  assertParamsClose,
  batchOf,
  GRAD_TOL,
  oddModels,
  paramsWithBiases,
  referenceGrads,
  trainStepOf,
} from "./helpers/gpu.ts";
import { RUN_CPU_TILES, RUN_GPU_TILES } from "./helpers/tiles.ts";

const tileFamilies = [
  ["register tiles", RUN_CPU_TILES],
  ["workgroup tiles", RUN_GPU_TILES],
] as const;
for (const [tilesName, tiles] of tileFamilies) {
  Deno.test({
    name: `gradients of the odd-shape models (batch 3, ${tilesName})`,
  }, async (t) => {
    // The backward kernels (weight and bias gradients, flipped convs, pool, LRN and soft-max
    // gradients, channel slices of a concat) on channels 3/5/13 and 6x6-10x10 images, under
    // both tile families whatever the adapter (the whole nets above run only its own).
    for (const m of oddModels()) {
      await t.step(m.name, async () => {
        const p = paramsWithBiases(m, 4), b = batchOf(m, 3, 19);
        const want = referenceGrads(m, p, b);
        const ts = await trainStepOf(m, { batch: 3, dropout: false, tiles });
        try {
          ts.setParams(p);
          await ts.step([b], 0, 1, { update: false });
          assertParamsClose(await ts.getGrads(), want.grads, GRAD_TOL, `${m.name} (${tilesName})`);
        } finally {
          ts.destroy();
        }
      });
    }
  });
}
