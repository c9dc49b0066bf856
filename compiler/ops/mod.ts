// The primitive table: every primitive's shape rule, reference and backward rule, in one
// mapped type so that a primitive without a rule does not type-check.
import { conv2d, conv2d_grad_weight } from "./conv.ts";
import { dropout } from "./dropout.ts";
import { add, bias, bias_grad, half, relu, relu_grad } from "./elementwise.ts";
import { concat, reshape, slice } from "./layout.ts";
import { input, param } from "./leaves.ts";
import { lrn, lrn_grad } from "./lrn.ts";
import { matmul } from "./matmul.ts";
import { maxpool, maxpool_grad } from "./pool.ts";
import { softmax, softmax_grad, softmax_xent, softmax_xent_grad } from "./softmax.ts";
import type { OpTable } from "./types.ts";

export const ops: OpTable = {
  input,
  param,
  conv2d,
  conv2d_grad_weight,
  bias,
  bias_grad,
  relu,
  relu_grad,
  maxpool,
  maxpool_grad,
  lrn,
  lrn_grad,
  reshape,
  matmul,
  dropout,
  softmax,
  softmax_grad,
  softmax_xent,
  softmax_xent_grad,
  add,
  concat,
  slice,
  half,
};

export type { Attrs, OpDef, Prim, Tensor } from "./types.ts";
