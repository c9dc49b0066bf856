// Which algorithm each convolution of a kernel plan runs: the direct kernel with its tile, or
// Winograd's chain (compiler/kernels/winograd_chain.ts) with its tile size and variant. Read off
// the plan's kernels (the lowering's choice, made by the tile policy or a tuning table), for
// `explain` and the tests.
import type { KernelPlan, PlannedKernel } from "./lower.ts";
import type { KernelSpec } from "./kernels/spec.ts";

export interface ConvAlgorithm {
  layer: string;
  /** The conv's pass: the forward conv, the input gradient (the flipped conv), the weight
   *  gradient. */
  pass: "forward" | "input-grad" | "weight-grad";
  /** `direct 8x8 (direct, packed weights)`, `winograd F(4x4,3x3) split 8x16`,
   *  `winograd F(3x3,2x2)`. */
  algorithm: string;
  /** Input [N,C,H,W] and output channels. */
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
  /** The direct conv's FLOPs (a multiply-add counts 2: 2 N O C k^2 H W), whatever runs. */
  directFlops: number;
  /** The plan's kernels of this conv, in order. */
  kernels: PlannedKernel[];
}

/** One entry per conv2d / conv2d_grad_weight node of the plan, in plan order. */
export function convAlgorithms(plan: KernelPlan): ConvAlgorithm[] {
  const byNode = new Map<number, PlannedKernel[]>();
  for (const k of plan.kernels) {
    const op = plan.graph.nodes[k.node].op;
    if (op !== "conv2d" && op !== "conv2d_grad_weight") continue;
    byNode.set(k.node, [...byNode.get(k.node) ?? [], k]);
  }
  return [...byNode].map(([id, kernels]) => {
    const n = plan.graph.nodes[id];
    if (n.op !== "conv2d" && n.op !== "conv2d_grad_weight") throw new Error("not a conv");
    const x = plan.graph.nodes[n.inputs[0]].shape;
    const k = n.attrs.k;
    const grad = n.op === "conv2d_grad_weight";
    const o = grad ? n.shape[0] : n.shape[1];
    const out = grad ? plan.graph.nodes[n.inputs[1]].shape : n.shape;
    const pass = n.op === "conv2d_grad_weight"
      ? "weight-grad"
      : n.attrs.flip
      ? "input-grad"
      : "forward";
    return {
      layer: n.layer,
      pass,
      algorithm: describe(kernels.map((k) => k.spec)),
      n: x[0],
      c: x[1],
      h: x[2],
      w: x[3],
      o,
      directFlops: 2 * out[0] * o * x[1] * k * k * out[2] * out[3],
      kernels,
    };
  });
}

/** The algorithm of one conv's kernels, in words. */
function describe(specs: KernelSpec[]): string {
  const direct = specs.find((s) => s.kind === "conv" || s.kind === "conv_grad_weight");
  if (direct && "tile" in direct) {
    const t = direct.tile;
    const packed = direct.kind === "conv" && direct.packed ? ", packed weights" : "";
    return `direct ${t.tm}x${t.tn} (${t.variant}${packed})`;
  }
  for (const s of specs) {
    if (s.kind === "winograd_gemm") {
      const variant = s.input === "x" ? "fused" : s.output === "y" ? "fused-output" : "split";
      return `winograd F(${s.m}x${s.m},3x3) ${variant} ${s.tile.tm}x${s.tile.tn}`;
    }
    if (s.kind === "winograd_grad_gemm") {
      return `winograd F(3x3,${s.m}x${s.m}) ${s.tile.tm}x${s.tile.tn} /${s.slices}`;
    }
  }
  return specs.map((s) => s.kind).join("+");
}
