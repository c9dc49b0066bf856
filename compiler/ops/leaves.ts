// Leaves: graph inputs and parameters. Their values come from outside the graph. A parameter
// carries its role, which decides how it starts, whether SGD updates it and whether weight decay
// applies: the role is on the value, so renaming a layer changes none of that.
import type { DType } from "../shape.ts";
import { require } from "../shape.ts";
import type { NotDifferentiable, OpTable } from "./types.ts";

export interface InputAttrs {
  /** Fed at run time by this name (images `x`, `labels`, the dropout `seed`, `dloss`). */
  name: string;
  shape: number[];
  dtype: DType;
}

/** What a parameter is to training. */
export interface RoleFacts {
  /** Updated by SGD (and given a gradient); running statistics are not. */
  trainable: boolean;
  /** L2 weight decay applies: weights only, as in the paper's Caffe setup (biases are not
   *  decayed; neither are batch norm's scale and shift, as is usual for normalisation layers). */
  decay: boolean;
  /** The initial value: "random" (the init scheme: Glorot or N(0, 0.01^2)) or a constant. */
  init: "random" | number;
}

export const ROLES = {
  weight: { trainable: true, decay: true, init: "random" },
  bias: { trainable: true, decay: false, init: 0 },
  /** Batch norm's gamma (torchvision's `.weight`). */
  scale: { trainable: true, decay: false, init: 1 },
  /** Batch norm's beta (torchvision's `.bias`). */
  shift: { trainable: true, decay: false, init: 0 },
  running_mean: { trainable: false, decay: false, init: 0 },
  running_var: { trainable: false, decay: false, init: 1 },
  /** Batch norm's num_batches_tracked: training forwards seen. */
  batch_count: { trainable: false, decay: false, init: 0 },
} as const satisfies Record<string, RoleFacts>;

export type Role = keyof typeof ROLES;

export interface ParamAttrs {
  /** torchvision's name (`features.0.weight`, `features.1.running_mean`). */
  name: string;
  shape: number[];
  role: Role;
}

const leaf: NotDifferentiable = { notDifferentiable: "a leaf has no inputs" };

export const prims: Pick<OpTable, "input" | "param"> = {
  input: {
    shape: (ins, a) => {
      require(ins.length === 0, "input takes no inputs");
      return { shape: a.shape, dtype: a.dtype };
    },
    reference: () => {
      throw new Error("reference: inputs are fed, not evaluated");
    },
    vjp: leaf,
    lower: () => "leaf",
    storage: { half: false },
  },
  param: {
    shape: (ins, a) => {
      require(ins.length === 0, "param takes no inputs");
      return { shape: a.shape, dtype: "f32" };
    },
    reference: () => {
      throw new Error("reference: params are fed, not evaluated");
    },
    vjp: leaf,
    lower: () => "leaf",
    storage: { half: false },
  },
};
