// jax-js on its WebGPU device: the net written with lax.convGeneralDilated (NCHW / OIHW, our
// layouts as they are), lax.reduceWindow(np.max) for the 2x2 pool and np.dot for the FC layers
// ([in, out] weights); the whole training step (valueAndGrad plus the SGD-momentum update) and
// the forward are each one jit.
// deno-lint-ignore no-import-prefix -- deno.json is not ours to edit; pinned here
import * as jax from "npm:@jax-js/jax@0.1.25";
import { adapterLine, type PeerRun, type PeerSetup } from "./peer.ts";
import { fcToInOut, oneHot } from "./spec.ts";

const { blockUntilReady, defaultDevice, getWebGPUDevice, init, jit, lax, nn, tree, valueAndGrad } =
  jax;
const np = jax.numpy;
type Arr = jax.numpy.Array;

export const JAXJS_VERSION = "0.1.25";

type P = { [name: string]: Arr };

export async function createJaxjs(s: PeerSetup): Promise<PeerRun> {
  const devices = await init("webgpu");
  if (!devices.includes("webgpu")) {
    throw new Error(`jax-js init("webgpu") gave devices [${devices.join(", ")}]`);
  }
  defaultDevice("webgpu");
  const info = (getWebGPUDevice() as GPUDevice & { adapterInfo?: GPUAdapterInfo }).adapterInfo;
  const [c, h, w] = s.net.input;
  const n = s.batch;

  let params: P = {};
  let mom: P = {};
  const weights = new Set<string>();
  for (const l of s.net.layers) {
    if (l.kind === "conv") {
      params[l.weight] = np.array(Float32Array.from(s.params.get(l.weight)!)).reshape([
        l.cout,
        l.cin,
        l.k,
        l.k,
      ]);
      params[l.bias] = np.array(Float32Array.from(s.params.get(l.bias)!));
      weights.add(l.weight);
    } else if (l.kind === "fc") {
      params[l.weight] = np.array(fcToInOut(s.params.get(l.weight)!, l.outF, l.inF)).reshape([
        l.inF,
        l.outF,
      ]);
      params[l.bias] = np.array(Float32Array.from(s.params.get(l.bias)!));
      weights.add(l.weight);
    }
  }
  for (const [k, v] of Object.entries(params)) mom[k] = np.zeros(v.shape);
  const x = np.array(Float32Array.from(s.x)).reshape([n, c, h, w]);
  const labels = np.array(oneHot(s.y, s.net.classes)).reshape([n, s.net.classes]);

  // Ownership (jax-js counts references): every argument is consumed once.
  const logits = (p: P, input: Arr): Arr => {
    let a = input;
    for (const l of s.net.layers) {
      switch (l.kind) {
        case "conv":
          a = lax.convGeneralDilated(a, p[l.weight], [1, 1], [[l.pad, l.pad], [l.pad, l.pad]])
            .add(p[l.bias].reshape([l.cout, 1, 1]));
          if (l.relu) a = nn.relu(a);
          break;
        case "relu":
          a = nn.relu(a);
          break;
        case "pool":
          a = lax.reduceWindow(a, np.max, [2, 2], [2, 2]);
          break;
        case "flatten":
          a = a.reshape([n, l.c * l.h * l.w]);
          break;
        case "fc":
          a = np.dot(a, p[l.weight]).add(p[l.bias]);
          if (l.relu) a = nn.relu(a);
          break;
      }
    }
    return a;
  };
  const lossFn = (p: P, input: Arr, onehot: Arr): Arr =>
    nn.logSoftmax(logits(p, input), -1).mul(onehot).sum().mul(-1 / n);

  const forward = jit((p: P, input: Arr) => logits(p, input));
  const trainStep = jit((p: P, m: P, input: Arr, onehot: Arr) => {
    const [loss, g] = valueAndGrad(lossFn)(tree.ref(p), input, onehot) as [Arr, P];
    const np2: P = {}, nm: P = {};
    for (const k of Object.keys(p)) {
      const gi = weights.has(k) && s.weightDecay ? g[k].add(p[k].ref.mul(s.weightDecay)) : g[k];
      const mi = m[k].mul(s.momentum).add(gi);
      nm[k] = mi.ref;
      np2[k] = p[k].sub(mi.mul(s.lr));
    }
    return [loss, np2, nm] as [Arr, P, P];
  });

  return {
    library: `@jax-js/jax ${JAXJS_VERSION}`,
    adapter: adapterLine(info),
    async forward() {
      const z = forward(tree.ref(params), x.ref);
      return await z.data() as Float32Array;
    },
    async step() {
      const [loss, p2, m2] = trainStep(params, mom, x.ref, labels.ref);
      params = p2;
      mom = m2;
      return (await loss.data())[0];
    },
    async sync() {
      await blockUntilReady([params, mom]);
    },
    memoryBytes() {
      return undefined;
    },
    dispose() {
      tree.dispose(params);
      tree.dispose(mom);
      x.dispose();
      labels.dispose();
      forward.dispose();
      trainStep.dispose();
    },
  };
}
