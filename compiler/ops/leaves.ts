// Leaves: graph inputs and parameters. Their values come from outside the graph.
import { require } from "../shape.ts";
import type { NotDifferentiable, OpDef } from "./types.ts";

const leaf: NotDifferentiable = { notDifferentiable: "a leaf has no inputs" };

export const input: OpDef<"input"> = {
  shape: (ins, a) => {
    require(ins.length === 0, "input takes no inputs");
    return { shape: a.shape, dtype: a.dtype };
  },
  reference: () => {
    throw new Error("reference: inputs are fed, not evaluated");
  },
  vjp: leaf,
};

export const param: OpDef<"param"> = {
  shape: (ins, a) => {
    require(ins.length === 0, "param takes no inputs");
    return { shape: a.shape, dtype: "f32" };
  },
  reference: () => {
    throw new Error("reference: params are fed, not evaluated");
  },
  vjp: leaf,
};
