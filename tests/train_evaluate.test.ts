// Validation's scoring (train/evaluate.ts) on rows a diverged or untrained net produces: ties go to
// the first maximum, as argmax and the GPU's topk_correct count them, and a row with a NaN scores
// nothing (it once counted as correct for every label, so a diverged run reported 100%).
import assert from "node:assert/strict";
import { EvalAccumulator } from "../train/evaluate.ts";

const score = (rows: number[][], labels: number[]) => {
  const acc = new EvalAccumulator(rows[0].length);
  acc.add(Float32Array.from(rows.flat()), Int32Array.from(labels), rows.length, true);
  return acc.result();
};

Deno.test("evaluate: a NaN row counts as wrong, top-1 and top-5 alike", () => {
  const r = score([[NaN, NaN, NaN], [0, NaN, 1]], [0, 2]);
  assert.equal(r.top1, 0);
  assert.equal(r.top5, 0);
  assert.ok(Number.isNaN(r.loss));
});

Deno.test("evaluate: ties go to the first maximum", () => {
  // All equal: only label 0 is the argmax; every label is in the top 5 of 3 classes.
  const r = score([[1, 1, 1], [1, 1, 1], [1, 1, 1]], [0, 1, 2]);
  assert.equal(r.top1, 1 / 3);
  assert.equal(r.top5, 1);
  // Six equal classes: the label at index 5 ranks sixth.
  assert.equal(score([[0, 0, 0, 0, 0, 0]], [5]).top5, 0);
  assert.equal(score([[0, 0, 0, 0, 0, 0]], [4]).top5, 1);
});

Deno.test("evaluate: the usual case", () => {
  const r = score([[0, 5, 1], [3, 2, 1]], [1, 2]);
  assert.equal(r.top1, 0.5);
  assert.equal(r.count, 2);
  assert.deepEqual(r.confusion, [[0, 0, 0], [0, 1, 0], [1, 0, 0]]);
});
