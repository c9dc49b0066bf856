// TensorFlow.js on its WebGPU backend: the net rebuilt with tf.fused.conv2d / tf.maxPool /
// tf.fused.matMul (NHWC, HWIO filters, [in, out] FC weights), gradients from
// tf.variableGrads, and tf.train.momentum for the update (accum = mu*accum + g; w -= lr*accum,
// the same rule as ours) with the weight decay added to the weights' gradients first.
// The union package, not tfjs-core alone: tfjs-core's own bundles register no gradients (its
// dist/register_all_gradients.js is ESM with extensionless imports, which Deno's npm resolution
// refuses), and @tensorflow/tfjs's bundle carries them.
// deno-lint-ignore no-import-prefix -- deno.json is not ours to edit; pinned here
import * as tf from "npm:@tensorflow/tfjs@4.22.0";
// deno-lint-ignore no-import-prefix -- deno.json is not ours to edit; pinned here
import "npm:@tensorflow/tfjs-backend-webgpu@4.22.0";
import { adapterLine, type PeerRun, type PeerSetup } from "./peer.ts";
import {
  fcAfterNchwFlattenToNhwcInOut,
  fcToInOut,
  nchwToNhwc,
  oihwToHwio,
  oneHot,
} from "./spec.ts";

export const TFJS_VERSION = "4.22.0";

export async function createTfjs(s: PeerSetup): Promise<PeerRun> {
  if (!(await tf.setBackend("webgpu"))) throw new Error("tf.setBackend('webgpu') returned false");
  await tf.ready();
  const backend = tf.backend() as unknown as {
    device: GPUDevice & { adapterInfo?: GPUAdapterInfo };
  };
  const [c, h, w] = s.net.input;
  const n = s.batch;

  // Parameters as variables, in the peer's layouts.
  const vars = new Map<string, tf.Variable>();
  const weights = new Set<string>();
  let prev = s.net.layers[0];
  for (const l of s.net.layers) {
    if (l.kind === "conv") {
      const v = s.params.get(l.weight)!;
      vars.set(
        l.weight,
        tf.variable(
          tf.tensor4d(oihwToHwio(v, l.cout, l.cin, l.k, l.k), [l.k, l.k, l.cin, l.cout]),
          true,
          `tfjs/${l.weight}`,
        ),
      );
      vars.set(
        l.bias,
        tf.variable(tf.tensor1d(Float32Array.from(s.params.get(l.bias)!)), true, `tfjs/${l.bias}`),
      );
      weights.add(l.weight);
    } else if (l.kind === "fc") {
      const v = s.params.get(l.weight)!;
      const t = prev.kind === "flatten"
        ? fcAfterNchwFlattenToNhwcInOut(v, l.outF, prev.c, prev.h, prev.w)
        : fcToInOut(v, l.outF, l.inF);
      vars.set(l.weight, tf.variable(tf.tensor2d(t, [l.inF, l.outF]), true, `tfjs/${l.weight}`));
      vars.set(
        l.bias,
        tf.variable(tf.tensor1d(Float32Array.from(s.params.get(l.bias)!)), true, `tfjs/${l.bias}`),
      );
      weights.add(l.weight);
    }
    prev = l;
  }
  const x = tf.tensor4d(nchwToNhwc(s.x, n, c, h, w), [n, h, w, c]);
  const labels = tf.tensor2d(oneHot(s.y, s.net.classes), [n, s.net.classes]);

  const logits = (input: tf.Tensor4D): tf.Tensor2D => {
    let a: tf.Tensor = input;
    for (const l of s.net.layers) {
      switch (l.kind) {
        case "conv":
          a = tf.fused.conv2d({
            x: a as tf.Tensor4D,
            filter: vars.get(l.weight)! as tf.Tensor4D,
            strides: 1,
            pad: 2 * l.pad === l.k - 1 ? "same" : l.pad,
            bias: vars.get(l.bias)!,
            activation: l.relu ? "relu" : "linear",
          });
          break;
        case "relu":
          a = tf.relu(a);
          break;
        case "pool":
          a = tf.maxPool(a as tf.Tensor4D, 2, 2, "valid");
          break;
        case "flatten":
          a = tf.reshape(a, [n, l.c * l.h * l.w]);
          break;
        case "fc":
          a = tf.fused.matMul({
            a: a as tf.Tensor2D,
            b: vars.get(l.weight)! as tf.Tensor2D,
            bias: vars.get(l.bias)!,
            activation: l.relu ? "relu" : "linear",
          });
          break;
      }
    }
    return a as tf.Tensor2D;
  };

  const opt = tf.train.momentum(s.lr, s.momentum);
  const varList = [...vars.values()];
  const lastBias = vars.get([...vars.keys()].at(-1)!)!;

  return {
    library: `@tensorflow/tfjs + tfjs-backend-webgpu ${TFJS_VERSION}`,
    adapter: adapterLine(backend.device.adapterInfo),
    async forward() {
      const z = tf.tidy(() => logits(x));
      const out = await z.data() as Float32Array;
      z.dispose();
      return out;
    },
    async step() {
      const { value, grads } = tf.variableGrads(
        () => tf.losses.softmaxCrossEntropy(labels, logits(x)) as tf.Scalar,
        varList,
      );
      const named = tf.tidy(() => {
        const out: tf.NamedTensorMap = {};
        for (const [name, v] of vars) {
          const g = grads[v.name];
          out[v.name] = weights.has(name) && s.weightDecay
            ? tf.add(g, tf.mul(v, s.weightDecay))
            : tf.clone(g);
        }
        return out;
      });
      tf.dispose(grads);
      opt.applyGradients(Object.entries(named).map(([name, tensor]) => ({ name, tensor })));
      tf.dispose(named);
      const loss = (await value.data())[0];
      value.dispose();
      return loss;
    },
    async sync() {
      // Reading a tensor flushes the backend's deferred commands and waits for them.
      await lastBias.data();
    },
    memoryBytes() {
      return tf.memory().numBytes;
    },
    dispose() {
      opt.dispose();
      tf.dispose([...varList, x, labels]);
    },
  };
}
