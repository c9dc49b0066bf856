// The variant factory shared by the Table 1 configurations: a net body written for the paper's
// widths, bound to an input and divided in width for small machines.
import { divideWidth, type Layer, type Model, model } from "../dsl/mod.ts";

export interface Variant {
  /** Divide every conv and FC width by this (the class count is kept). Default 1. */
  width?: number;
  /** Input side. Default 224. */
  size?: number;
  /** Output classes. Default 1000. */
  classes?: number;
  /** Input channels. Default 3. */
  channels?: number;
}

export type Factory = (v?: Variant) => Model;

/** Turns `body(classes)` (paper widths) into a factory of models. */
export function vgg(name: string, body: (classes: number) => Layer): Factory {
  return ({ width = 1, size = 224, classes = 1000, channels = 3 }: Variant = {}) => {
    const tag = width === 1 ? name : `${name}/w${width}`;
    return model(tag, divideWidth(body(classes), width), [channels, size, size]);
  };
}
