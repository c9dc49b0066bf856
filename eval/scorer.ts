// What the evaluation modes need from a net with weights: logits of crops at the net's input
// size, and class score maps of whole images through the fully convolutional net. The CPU
// reference scorer is the oracle (and what tests run); the GPU scorer compiles the same graphs.
import { applyReference, type Model, type Params } from "../dsl/mod.ts";
import {
  fullyConvolutional,
  fullyConvolutionalParams,
  scoreMapReference,
  scoreMapShape,
} from "../dsl/transforms.ts";

export interface ScoreMaps {
  /** [n, classes, area] (the map's rows flattened). */
  maps: Float32Array;
  /** H' * W' of the map. */
  area: number;
}

export interface Scorer {
  readonly model: Model;
  /** Logits [n, classes] for n NCHW inputs of the net's input size. */
  logits(x: Float32Array, n: number): Promise<Float32Array>;
  /** Class score maps for n NCHW images of height x width (at least the input size). */
  scoreMaps(x: Float32Array, n: number, height: number, width: number): Promise<ScoreMaps>;
  destroy(): void;
}

/** The reference interpreter, `chunk` images per graph evaluation to bound its memory. */
export class ReferenceScorer implements Scorer {
  private fc?: { model: Model; params: Params };
  constructor(readonly model: Model, readonly params: Params, readonly chunk = 16) {}

  logits(x: Float32Array, n: number): Promise<Float32Array> {
    const per = this.model.input.reduce((a, b) => a * b, 1), k = this.model.classes;
    const out = new Float32Array(n * k);
    for (let i = 0; i < n; i += this.chunk) {
      const m = Math.min(this.chunk, n - i);
      out.set(applyReference(this.model, this.params, x.subarray(i * per, (i + m) * per)), i * k);
    }
    return Promise.resolve(out);
  }

  scoreMaps(x: Float32Array, n: number, height: number, width: number): Promise<ScoreMaps> {
    const fc = this.fullyConv();
    const [k, oh, ow] = scoreMapShape(fc.model, height, width);
    const per = this.model.input[0] * height * width, area = oh * ow;
    const maps = new Float32Array(n * k * area);
    for (let i = 0; i < n; i += this.chunk) {
      const m = Math.min(this.chunk, n - i);
      const xs = x.subarray(i * per, (i + m) * per);
      maps.set(scoreMapReference(fc.model, fc.params, xs, height, width), i * k * area);
    }
    return Promise.resolve({ maps, area });
  }

  private fullyConv() {
    if (!this.fc) {
      const model = fullyConvolutional(this.model);
      this.fc = { model, params: fullyConvolutionalParams(model, this.params) };
    }
    return this.fc;
  }

  destroy(): void {}
}
