// Parameter initialisation, deterministic per (seed, parameter name) so that adding a layer
// does not change the others' initial values.
import { ROLES } from "../compiler/ops/leaves.ts";
import type { ParamInfo } from "./build.ts";

/** splitmix32: a tiny, well-mixed seeded PRNG returning floats in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples (Box-Muller). */
export function normal(next: () => number): () => number {
  return () => {
    const u = 1 - next(), v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

function hashName(seed: number, name: string): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * `paper`: weights N(0, 0.01^2), the paper's scheme (section 3.1).
 * `glorot`: Glorot & Bengio's uniform +-gain*sqrt(6 / (fanIn + fanOut)), with the ReLU gain
 * sqrt(2) (torch.nn.init.calculate_gain("relu")) on every layer but the last: without it the
 * activations of a 19-layer ReLU net shrink by about half per layer and training stalls at
 * chance (measured here on E at width 8: loss stuck at ln 10 for two epochs). The last layer
 * feeds the softmax, not a ReLU, and keeps gain 1. Every other parameter starts at its role's
 * constant (compiler/ops/leaves.ts): biases and batch norm's shift 0, its scale 1, running means
 * 0, running variances 1.
 */
export type InitScheme = "paper" | "glorot";

export type Params = Map<string, Float32Array>;

export function initParams(params: readonly ParamInfo[], seed: number, scheme: InitScheme): Params {
  const out: Params = new Map();
  const lastWeight = params.filter((p) => ROLES[p.role].init === "random").at(-1);
  for (const p of params) {
    const n = p.shape.reduce((a, c) => a * c, 1);
    const data = new Float32Array(n);
    const init = ROLES[p.role].init;
    if (init !== "random") data.fill(init);
    else {
      const u = rng(hashName(seed, p.name));
      if (scheme === "paper") {
        const g = normal(u);
        for (let i = 0; i < n; i++) data[i] = 0.01 * g();
      } else {
        if (p.fanIn === undefined || p.fanOut === undefined) {
          throw new Error(`init: weight ${p.name} has no fan-in and fan-out`);
        }
        const gain = p === lastWeight ? 1 : Math.SQRT2;
        const a = gain * Math.sqrt(6 / (p.fanIn + p.fanOut));
        for (let i = 0; i < n; i++) data[i] = (2 * u() - 1) * a;
      }
    }
    out.set(p.name, data);
  }
  return out;
}
