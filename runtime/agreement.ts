// How far a GPU result is from its reference: the one yardstick of the autotuner (a candidate
// tile must agree with the default's output) and of the whole-network parity tests.

/** max|got - want| / max|want|: one number per tensor, scaled so that a value's error is
 *  judged against the tensor's magnitude rather than its own (near-zero entries have no
 *  meaningful relative error in f32). Infinity for a NaN or a short array. */
export function relError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length < want.length) return Infinity;
  let scale = 0, err = 0;
  for (let i = 0; i < want.length; i++) {
    scale = Math.max(scale, Math.abs(want[i]));
    const e = Math.abs(got[i] - want[i]);
    err = Number.isNaN(e) ? Infinity : Math.max(err, e);
  }
  return err / Math.max(scale, 1e-30);
}
