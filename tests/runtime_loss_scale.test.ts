// The dynamic loss scale's rule (runtime/loss_scale.ts), without a GPU: halve and count on
// overflow, double after `interval` good steps in a row, stay within [2^-24, 2^24], and continue
// exactly from a saved state.
import assert from "node:assert";
import { LossScaler } from "../runtime/loss_scale.ts";

Deno.test("loss scale: halves on overflow, grows after interval good steps, resets the count", () => {
  const s = new LossScaler({ init: 1024, interval: 3 });
  s.update(true);
  assert.deepStrictEqual(s.state(), { scale: 512, good: 0, skipped: 1 });
  s.update(false);
  s.update(false);
  assert.strictEqual(s.scale, 512);
  s.update(true); // an overflow restarts the count of good steps
  s.update(false);
  s.update(false);
  assert.strictEqual(s.scale, 256);
  s.update(false);
  assert.deepStrictEqual(s.state(), { scale: 512, good: 0, skipped: 2 });
});

Deno.test("loss scale: bounded, defaults as PyTorch's GradScaler, resumes from a state", () => {
  assert.deepStrictEqual(new LossScaler().state(), { scale: 65536, good: 0, skipped: 0 });
  assert.strictEqual(new LossScaler().interval, 2000);
  const low = new LossScaler({ init: 2 ** -23 });
  low.update(true);
  low.update(true);
  assert.strictEqual(low.scale, 2 ** -24);
  const high = new LossScaler({ init: 2 ** 24, interval: 1 });
  high.update(false);
  assert.strictEqual(high.scale, 2 ** 24);
  const a = new LossScaler({ init: 8, interval: 4 });
  for (const o of [false, true, false, false]) a.update(o);
  const b = new LossScaler({ init: 1, interval: 4, from: a.state() });
  for (const s of [a, b]) for (const o of [false, false, true, false]) s.update(o);
  assert.deepStrictEqual(b.state(), a.state());
});
