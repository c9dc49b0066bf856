// The per-step uniform: one struct, declared here once for both sides: the WGSL every kernel that
// reads it declares (common.ts declareBindings), and the bytes the runtime writes each step.
/** Values of a step: the dropout seed, the learning rate, and the gradient scale (1 / loss
 *  scale under f16; 1 otherwise). */
export interface StepValues {
  seed?: number;
  lr?: number;
  scale?: number;
}

/** Fields in memory order, each 4 bytes; `pad` rounds the struct to 16 bytes. */
const FIELDS = [["seed", "u32"], ["lr", "f32"], ["scale", "f32"], ["pad", "u32"]] as const;

export const STEP_UNIFORM_WGSL = `struct Step { ${
  FIELDS.map(([name, type]) => `${name}: ${type}`).join(", ")
} }`;

/** The uniform buffer's size. */
export const STEP_BYTES = 4 * FIELDS.length;

/** The uniform's bytes for `v` (seed 0, lr 0 and scale 1 where absent). */
export function stepBytes(v: StepValues): ArrayBuffer {
  const b = new ArrayBuffer(STEP_BYTES), view = new DataView(b);
  const values = { seed: v.seed ?? 0, lr: v.lr ?? 0, scale: v.scale ?? 1, pad: 0 };
  FIELDS.forEach(([name, type], i) => {
    if (type === "u32") view.setUint32(4 * i, values[name] >>> 0, true);
    else view.setFloat32(4 * i, values[name], true);
  });
  return b;
}
