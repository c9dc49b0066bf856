// The epilogue ops: the primitives that fold into the kernel producing their input, as the last
// steps of its output loop (compiler/kernels/epilogue.ts emits them). Each one's facts (extra
// inputs, zero preservation, WGSL) sit in its primitive's module; this table lists them, mapped
// over `Foldable`, so a foldable primitive without its facts does not type-check. Kept apart
// from mod.ts because the kernels that run epilogues import it, and those kernels belong to
// primitives listed in mod.ts.
import * as batchnorm from "./batchnorm.ts";
import * as dropout from "./dropout.ts";
import * as elementwise from "./elementwise.ts";
import type { Node } from "../ir.ts";
import type { EpilogueDef } from "./types.ts";

export type Foldable =
  | "bias"
  | "relu"
  | "relu_grad"
  | "add"
  | "dropout"
  | "batchnorm"
  | "batchnorm_eval";

export type EpilogueTable = { [F in Foldable]: EpilogueDef<F> };

export const epilogues: EpilogueTable = {
  ...elementwise.epilogues,
  ...dropout.epilogues,
  ...batchnorm.epilogues,
};

export type FoldableNode = Extract<Node, { op: Foldable }>;

/** Whether n's primitive folds as an epilogue op. */
export const isFoldable = (n: Node): n is FoldableNode => n.op in epilogues;
