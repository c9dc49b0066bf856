// The primitive table. Each module under compiler/ops/ declares its primitives whole (see
// types.ts): this file lists them, their attributes, the DSL layers they provide and the kernels
// that belong to one primitive alone. The tables are mapped types over these interfaces, so a
// primitive, layer or kernel listed without its pieces does not type-check. (The epilogue facts
// of the primitives that fold into a producer's output loop are listed in epilogues.ts.)
import * as avgpool from "./avgpool.ts";
import * as batchnorm from "./batchnorm.ts";
import * as conv from "./conv.ts";
import * as dropout from "./dropout.ts";
import * as elementwise from "./elementwise.ts";
import * as layout from "./layout.ts";
import * as leaves from "./leaves.ts";
import * as lrn from "./lrn.ts";
import * as matmul from "./matmul.ts";
import * as pool from "./pool.ts";
import * as softmax from "./softmax.ts";
import type { KernelDef, LayerTable, OpTable } from "./types.ts";

/** Every primitive and the type of its attributes. */
export interface Attrs {
  input: leaves.InputAttrs;
  param: leaves.ParamAttrs;
  conv2d: conv.ConvAttrs;
  conv2d_grad_weight: conv.ConvGradWeightAttrs;
  bias: elementwise.BiasAttrs;
  bias_grad: elementwise.BiasGradAttrs;
  relu: elementwise.ReluAttrs;
  relu_grad: elementwise.ReluGradAttrs;
  add: elementwise.AddAttrs;
  half: elementwise.HalfAttrs;
  maxpool: pool.MaxpoolAttrs;
  maxpool_grad: pool.MaxpoolGradAttrs;
  lrn: lrn.LrnAttrs;
  lrn_grad: lrn.LrnAttrs;
  reshape: layout.ReshapeAttrs;
  concat: layout.ConcatAttrs;
  slice: layout.SliceAttrs;
  matmul: matmul.MatmulAttrs;
  dropout: dropout.DropoutAttrs;
  softmax: softmax.SoftmaxAttrs;
  softmax_grad: softmax.SoftmaxGradAttrs;
  softmax_xent: softmax.SoftmaxXentAttrs;
  softmax_xent_grad: softmax.SoftmaxXentGradAttrs;
  avgpool: avgpool.AvgPoolAttrs;
  avgpool_grad: avgpool.AvgPoolGradAttrs;
  bn_stats: batchnorm.BnStatsAttrs;
  batchnorm: batchnorm.EpsAttrs;
  bn_sums: batchnorm.EpsAttrs;
  bn_param_grad: batchnorm.BnParamGradAttrs;
  batchnorm_grad: batchnorm.EpsAttrs;
  bn_running: batchnorm.BnRunningAttrs;
  batchnorm_eval: batchnorm.EpsAttrs;
  bn_fold_weight: batchnorm.EpsAttrs;
  bn_fold_bias: batchnorm.EpsAttrs;
}

export type Prim = keyof Attrs;

export const ops: OpTable = {
  ...leaves.prims,
  ...conv.prims,
  ...elementwise.prims,
  ...pool.prims,
  ...lrn.prims,
  ...layout.prims,
  ...matmul.prims,
  ...dropout.prims,
  ...softmax.prims,
  ...avgpool.prims,
  ...batchnorm.prims,
};

/** Every DSL leaf layer kind and its arguments (`{ kind, ...arguments }` is the layer value). */
export interface LayerArgs {
  conv: conv.ConvLayer;
  fc: matmul.FcLayer;
  relu: elementwise.ReluLayer;
  pool: pool.PoolLayer;
  lrn: lrn.LrnLayer;
  flatten: layout.FlattenLayer;
  dropout: dropout.DropoutLayer;
  softmax: softmax.SoftmaxLayer;
  avgpool: avgpool.AvgPoolLayer;
  gap: avgpool.GapLayer;
  bn: batchnorm.BnLayer;
}

export type LayerKind = keyof LayerArgs;

export const layers: LayerTable = {
  ...conv.layers,
  ...matmul.layers,
  ...elementwise.layers,
  ...pool.layers,
  ...lrn.layers,
  ...layout.layers,
  ...dropout.layers,
  ...softmax.layers,
  ...avgpool.layers,
  ...batchnorm.layers,
};

/** Kernel kinds that belong to one primitive's module (the shared families, conv, matmul,
 *  elementwise and the rest, are listed in compiler/kernels/mod.ts). */
export interface PrimKernels {
  maxpool: pool.MaxpoolSpec;
  maxpool_grad: pool.MaxpoolGradSpec;
  lrn: lrn.LrnSpec;
  lrn_grad: lrn.LrnGradSpec;
  avgpool: avgpool.AvgPoolSpec;
  avgpool_grad: avgpool.AvgPoolGradSpec;
  bn_stats: batchnorm.BnStatsSpec;
  bn_sums: batchnorm.BnSumsSpec;
  bn_param_grad: batchnorm.BnParamGradSpec;
  batchnorm_grad: batchnorm.BatchnormGradSpec;
  bn_running: batchnorm.BnRunningSpec;
  bn_fold_weight: batchnorm.BnFoldWeightSpec;
}

export const primKernels: { [K in keyof PrimKernels]: KernelDef<PrimKernels[K]> } = {
  ...pool.kernels,
  ...lrn.kernels,
  ...avgpool.kernels,
  ...batchnorm.kernels,
};

export type { OpTable, PrimDef, Tensor } from "./types.ts";
