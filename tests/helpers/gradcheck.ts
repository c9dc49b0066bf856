// Gradient checks on the reference interpreter, in float64, JAX-style (`check_vjp`): instead of
// a finite difference per input element, compare along one random direction t:
//
//   <t, grad L(x)>   vs   (L(x + eps t) - L(x - eps t)) / (2 eps)
//
// One pair of forward evaluations checks every input at once, so even a convolution's
// gradient costs three graph evaluations. A primitive's output y = f(x) is turned into a
// scalar with a random cotangent c, L = <c, f(x)>, so <t, grad L> = <t, vjp(c)>.
//
// Central differences have error O(eps^2) from curvature plus O(1e-16 / eps) from rounding;
// in float64 with eps = 1e-6 both are far below the 1e-6 relative tolerance (measured: ~1e-10
// on whole nets), so a wrong rule (a missing term, a transposed index) cannot hide.
import { AssertionError } from "node:assert";
import { grad } from "../../compiler/autodiff.ts";
import { evaluate } from "../../compiler/interpret.ts";
import { type DType, type Graph, GraphBuilder, size } from "../../compiler/ir.ts";
import type { Tensor } from "../../compiler/ops/types.ts";
import { normal, rng } from "../../dsl/init.ts";
import { ROLES } from "../../compiler/ops/leaves.ts";
import { forwardGraph, init, type Model, trainGraph } from "../../dsl/model.ts";

export type Params = Map<string, Float64Array>;

/** Standard normal samples from a seed (deterministic: a failing check fails every run). */
export function randn(n: number, seed: number, scale = 1): Float64Array {
  const g = normal(rng(seed));
  return Float64Array.from({ length: n }, () => scale * g());
}

export interface Evaluation {
  value: number;
  /** Which side of every ReLU and which window element of every max-pool each value is on. */
  kinks: string;
}

/** Evaluates the scalar output `out` of `g` in float64, with its kink signature. */
export function evalScalar(
  g: Graph,
  out: string,
  inputs: Record<string, Tensor["data"]>,
  params: ReadonlyMap<string, Tensor["data"]>,
): Evaluation {
  const vals = evaluate(g, { inputs, params }, { float64: true });
  const v = vals[g.outputs[out]];
  if (v.data.length !== 1) throw new Error(`gradcheck: output ${out} is not a scalar`);
  return { value: v.data[0], kinks: kinkSignature(g, vals) };
}

/** ReLU and max-pool are piecewise linear: a finite difference whose step crosses a kink
 *  (a pre-activation changing sign, a pooling window changing its maximum) measures a
 *  one-sided mix of two slopes and disagrees with the gradient for no fault of the rule.
 *  Comparing this signature at x + eps t and x - eps t proves no kink lies in between. */
function kinkSignature(g: Graph, vals: Tensor[]): string {
  const parts: string[] = [];
  for (const n of g.nodes) {
    const x = vals[n.inputs[0]]?.data;
    if (n.op === "relu") parts.push(Array.from(x, (v) => (v > 0 ? "1" : "0")).join(""));
    if (n.op === "maxpool") {
      const [N, C, H, W] = vals[n.inputs[0]].shape;
      for (let p = 0; p < N * C; p++) {
        for (let i = 0; i + 1 < H; i += 2) {
          for (let j = 0; j + 1 < W; j += 2) {
            let best = -Infinity, arg = 0;
            for (let d = 0; d < 4; d++) {
              const v = x[(p * H + i + (d >> 1)) * W + j + (d & 1)];
              if (v > best) [best, arg] = [v, d];
            }
            parts.push(String(arg));
          }
        }
      }
    }
  }
  return parts.join("|");
}

export interface Check {
  /** <t, grad>: what the backward rules say. */
  analytic: number;
  /** The central finite difference along t. */
  numeric: number;
  relErr: number;
  /** The step used. */
  eps: number;
}

/** Compares `grads` (by parameter name) with finite differences of `loss` along a random
 *  direction over every parameter in `params`. When the step crosses a kink, it is retried
 *  10x and 100x smaller (a net has thousands of ReLUs; one of them within 1e-6 of zero is not
 *  rare): float64 rounding still leaves ~1e-8 relative error at eps = 1e-8. */
export function directionalCheck(
  params: Params,
  grads: ReadonlyMap<string, ArrayLike<number>>,
  loss: (p: Params) => Evaluation,
  opts: { seed?: number; eps?: number } = {},
): Check {
  let seed = opts.seed ?? 1, analytic = 0;
  const dirs = new Map<string, Float64Array>();
  for (const [name, x] of params) {
    const t = randn(x.length, seed++), gr = grads.get(name);
    if (!gr) throw new Error(`gradcheck: no gradient for ${name}`);
    if (gr.length !== x.length) throw new Error(`gradcheck: gradient of ${name} has wrong size`);
    for (let i = 0; i < x.length; i++) analytic += t[i] * gr[i];
    dirs.set(name, t);
  }
  const at = (step: number) =>
    loss(new Map([...params].map(([k, x]) => [k, x.map((v, i) => v + step * dirs.get(k)![i])])));
  for (let eps = opts.eps ?? 1e-6, tries = 0; tries < 3; eps /= 10, tries++) {
    const up = at(eps), down = at(-eps);
    if (up.kinks !== down.kinks) continue;
    const numeric = (up.value - down.value) / (2 * eps);
    const relErr = Math.abs(analytic - numeric) /
      Math.max(Math.abs(analytic), Math.abs(numeric), 1e-300);
    return { analytic, numeric, relErr, eps };
  }
  throw new Error(
    "gradcheck: every finite-difference step crosses a ReLU/max-pool kink; " +
      "pick another point or seed",
  );
}

/** Fails unless the check agrees to `rtol` and the gradient is not trivially zero (a check
 *  of 0 against 0 would pass whatever the rule says). */
export function assertCheck(c: Check, rtol = 1e-6, what = "gradient"): void {
  if (!(Math.abs(c.analytic) > 1e-9)) {
    throw new AssertionError({ message: `${what}: <t, grad> = ${c.analytic}, too small to test` });
  }
  if (!(c.relErr <= rtol)) {
    throw new AssertionError({
      message: `${what}: <t, grad> = ${c.analytic} but finite differences give ${c.numeric} ` +
        `(relative error ${c.relErr.toExponential(2)} > ${rtol})`,
    });
  }
}

/** A differentiable argument of the function under test: fed as a `param` node named `name`,
 *  so `grad` differentiates it. */
export interface Arg {
  name: string;
  shape: number[];
  data: Float64Array;
}

/** A fixed input (labels, a dropout seed): an `input` node, which takes no gradient. */
export interface Fixed {
  name: string;
  shape: number[];
  dtype: DType;
  data: Tensor["data"];
}

/** `f` adds the function under test to `b`, given the ids of the args and fixed inputs. */
export type Fn = (b: GraphBuilder, args: number[], fixed: Record<string, number>) => number;

/** Builds L = <c, f(args)> for a random c, differentiates it with `grad`, and checks the
 *  gradient of every arg along one random direction. */
export function checkVjp(
  f: Fn,
  args: Arg[],
  opts: { fixed?: Fixed[]; seed?: number; eps?: number } = {},
): Check {
  const seed = opts.seed ?? 7;
  const b = new GraphBuilder();
  b.layer = "test";
  const ids = args.map((a) => b.add("param", [], { name: a.name, shape: a.shape, role: "weight" }));
  const fixedIds: Record<string, number> = {};
  const inputs: Record<string, Tensor["data"]> = {};
  for (const x of opts.fixed ?? []) {
    fixedIds[x.name] = b.add("input", [], { name: x.name, shape: x.shape, dtype: x.dtype });
    inputs[x.name] = x.data;
  }
  const y = f(b, ids, fixedIds);
  // L = reshape(reshape(y, [1,n]) . c[n,1], []): a dot product built from primitives only.
  const n = size(b.node(y).shape);
  const row = b.add("reshape", [y], { shape: [1, n] });
  const c = b.add("input", [], { name: "c", shape: [n, 1], dtype: "f32" });
  inputs.c = randn(n, seed + 1000);
  const dot = b.add("matmul", [row, c], { transA: false, transB: false });
  b.output("L", b.add("reshape", [dot], { shape: [] }));
  const fwd = b.build();

  const params: Params = new Map(args.map((a) => [a.name, a.data]));
  const back = grad(fwd, "L");
  const vals = evaluate(back, {
    inputs: { ...inputs, dloss: Float64Array.of(1) },
    params,
  }, { float64: true });
  const grads = new Map(args.map((a) => {
    const id = back.outputs[`grad:${a.name}`];
    if (id === undefined) throw new Error(`gradcheck: grad gave no gradient for ${a.name}`);
    return [a.name, vals[id].data];
  }));
  return directionalCheck(
    params,
    grads,
    (p) => evalScalar(fwd, "L", inputs, p),
    { seed, eps: opts.eps },
  );
}

const to64 = (m: ReadonlyMap<string, Float32Array>): Params =>
  new Map([...m].map(([k, v]) => [k, Float64Array.from(v)]));

/** Checks a model's training-step IR (trainGraph: forward, loss, autodiff's backward) along one
 *  random direction over all its trained parameters, at Glorot-initialised weights, random
 *  biases and input, against finite differences of the forward graph's loss in training mode
 *  (batch statistics; dropout as asked). Running statistics are fed as they are: they take no
 *  gradient. */
export function checkModel(
  m: Model,
  batch: number,
  opts: { dropout: boolean; seed?: number },
): Check {
  const seed = opts.seed ?? 3;
  const all = to64(init(m, seed));
  // Biases start at 0, so a unit whose whole receptive field is dead (all ReLU zeros before
  // it: common for a 1x1 conv) has a pre-activation of exactly 0, on the ReLU's kink, where
  // the rule's 0 and the finite difference's t/2 rightly disagree. Random biases (and batch
  // norm shifts) move every unit off the kink.
  for (const p of m.params) {
    if (p.role === "bias" || p.role === "shift") {
      all.set(p.name, randn(all.get(p.name)!.length, seed + 7, 0.1));
    }
  }
  const trained = m.params.filter((p) => ROLES[p.role].trainable).map((p) => p.name);
  const params: Params = new Map(trained.map((n) => [n, all.get(n)!]));
  const with_ = (p: Params): Params => new Map([...all, ...p]);
  const per = m.input.reduce((a, c) => a * c, 1);
  const inputs: Record<string, Tensor["data"]> = {
    x: randn(batch * per, seed + 1),
    labels: Int32Array.from({ length: batch }, (_, i) => (3 * i + 1) % m.classes),
    dloss: Float64Array.of(1),
  };
  if (opts.dropout) inputs.seed = Uint32Array.of(1234, 0);
  const train = trainGraph(m, batch, { dropout: opts.dropout });
  const vals = evaluate(train, { inputs, params: all }, { float64: true });
  const grads = new Map<string, ArrayLike<number>>();
  for (const name of trained) {
    const id = train.outputs[`grad:${name}`];
    if (id === undefined) throw new AssertionError({ message: `no gradient for ${name}` });
    grads.set(name, vals[id].data);
  }
  const fwd = forwardGraph(m, batch, { mode: "train", dropout: opts.dropout, loss: true });
  const loss = (p: Params) => evalScalar(fwd, "loss", inputs, with_(p));
  // The two graphs must agree on the loss itself before their slopes are compared.
  const l0 = loss(params).value, l1 = vals[train.outputs.loss].data[0];
  if (l0 !== l1) throw new AssertionError({ message: `loss ${l0} (forward) vs ${l1} (train)` });
  return directionalCheck(params, grads, loss, { seed: seed + 2 });
}
