// Scaling by a constant: y = c x. A trivial primitive, declared as ARCHITECTURE.md's "Adding a
// primitive" says: its own gradient rule (the same scaling), an epilogue op wherever a producer
// takes one, and the DSL layer `scale(c)`.
import type { Layer } from "../../dsl/layers.ts";
import { f32 } from "../wgsl/mod.ts";
import type { EpilogueTable } from "./epilogues.ts";
import type { LayerTable, OpTable } from "./types.ts";
import { floats, standalone, zerosLike } from "./util.ts";

export interface ScaleAttrs {
  factor: number;
}

export const prims: Pick<OpTable, "scale"> = {
  scale: {
    shape: ([x]) => ({ shape: x, dtype: "f32" }),
    reference: ([xt], a) => {
      const x = floats(xt), y = zerosLike(xt, x.length);
      for (let i = 0; i < x.length; i++) y[i] = a.factor * x[i];
      return { shape: xt.shape, data: y };
    },
    // Linear: the cotangent is scaled the same way.
    vjp: (b, node, g) => [b.add("scale", [g], node.attrs)],
    lower: (n) => standalone(n),
    fold: { main: [0] },
    storage: { half: true },
  },
};

export const epilogues: Pick<EpilogueTable, "scale"> = {
  scale: {
    label: "scale",
    inputs: [],
    preservesZero: true,
    emit: ({ w, v }, op) => void w.line(`${v} *= ${f32(op.factor).code};`),
  },
};

export interface ScaleLayer {
  readonly factor: number;
}

/** y = c x. */
export const scale = (factor: number): Layer => {
  if (!Number.isFinite(factor)) throw new Error(`scale factor must be finite, got ${factor}`);
  return Object.freeze({ kind: "scale", factor });
};

export const layers: Pick<LayerTable, "scale"> = {
  scale: {
    describe: (l) => `scale(${l.factor})`,
    build: (cx, x, l) => cx.b.add("scale", [x], { factor: l.factor }),
    spell: { call: { scale: ([c]) => scale(c) } },
  },
};
