// A tiny residual network with an Inception-style block, for 1-channel 32x32 images in 10
// classes (Fashion-MNIST's 28x28 padded to 32; size 28 works too). A tutorial for the DSL:
// every line below is plain TypeScript, and each step says what the DSL does with it.
//
//   deno run -A examples/tiny_resnet.ts     prints the layer table and runs one image through
//                                           the CPU reference interpreter
//
// 1. Layers are values. `conv3(16)` is a 3x3 convolution (stride 1, padding 1, with bias) to 16
//    channels; `relu`, `pool` (2x2 max-pool, stride 2), `softmax` need no arguments. Nothing
//    here knows shapes yet: a layer is only a description.
// 2. Layers compose. `seq(a, b, c)` applies a, then b, then c; in the tagged template
//    net`a >> b >> c` says the same. `repeat(2, a, b)` (template: `(a >> b) * 2`) repeats.
// 3. Two combinators merge paths: `residual(...body)` computes x + body(x) (the body must keep
//    the shape), and `branch(p, q, ...)` applies every path to the same input and
//    concatenates the results along channels (spatial sizes must agree).
// 4. `model(name, net, [C, H, W])` binds a net to an input and checks every shape at once: a
//    mismatch is an error naming the layer, its position and the shapes, thrown here, at
//    definition, not in the middle of training.
import {
  branch,
  conv1,
  conv3,
  divideWidth,
  type Layer,
  model,
  net,
  relu,
  seq,
} from "../dsl/mod.ts";
import type { Factory } from "../nets/mod.ts";

/** A basic residual block (He et al. 2016): two 3x3 convs, added to the block's input, then
 *  ReLU. Keeping `c` channels and the spatial size is what lets the add type-check. With
 *  combinators: seq(residual(conv3(c), relu, conv3(c)), relu). */
export const block = (c: number): Layer =>
  net`residual(conv3(${c}) >> relu >> conv3(${c})) >> relu`;

/** An Inception-style block (Szegedy et al. 2015), written with combinators: three paths over
 *  the same input, concatenated into c + c + c/2 channels. Each sees a different receptive
 *  field: 1x1, 3x3, and 5x5 (as two 3x3 convs, VGG's trick from section 2.3 of the paper).
 *  The 1x1 convs in front are bottlenecks that keep the 3x3 convs cheap. */
export const inception = (c: number): Layer =>
  branch(
    seq(conv1(c), relu),
    seq(conv1(c), relu, conv3(c), relu),
    seq(conv1(c / 2), relu, conv3(c / 2), relu, conv3(c / 2), relu),
  );

/** The whole net for `classes` outputs, in the tagged template. Interpolated `${...}` values
 *  can be layers (the blocks above) or numbers. Per-sample shapes for a 1x32x32 input:
 *
 *    conv3(16) >> relu >> pool          16x16x16   downsampling early is cheap
 *    block(16)                          16x16x16
 *    inception(16) >> pool              40x8x8     16 + 16 + 8 channels
 *    conv1(32) >> relu >> block(32)     32x8x8     a 1x1 conv adapts the width for the add
 *    pool                               32x4x4     = 512 values
 *    fc(64) >> relu >> dropout(0.5)     64         fc flattens its 4-D input itself
 *    fc(classes) >> softmax             classes
 */
export const body = (classes: number): Layer =>
  net`
  conv3(16) >> relu >> pool >>
  ${block(16)} >>
  ${inception(16)} >> pool >>
  conv1(32) >> relu >> ${block(32)} >> pool >>
  fc(64) >> relu >> dropout(0.5) >>
  fc(${classes}) >> softmax`;

/** The model factory, with the same options as the Table 1 nets (nets/vgg.ts): `width`
 *  divides every conv and FC width but the last (the classes). */
export const variant: Factory = ({ width = 1, size = 32, classes = 10, channels = 1 } = {}) =>
  model(
    width === 1 ? "tiny-resnet" : `tiny-resnet/w${width}`,
    divideWidth(body(classes), width),
    [channels, size, size],
  );

export default variant();

if (import.meta.main) {
  const { applyReference, init, paramCount } = await import("../dsl/mod.ts");
  const m = variant();
  // The layer table: torchvision-style names (features.N; the members of a branch or a
  // residual body are features.N.i), paper-style descriptions, per-sample shapes.
  console.log(`${m.name}: input [${m.input}], ${paramCount(m)} parameters`);
  for (const r of m.table) {
    const flops = r.flops ? `${(r.flops / 1e6).toFixed(2)} MFLOP` : "";
    console.log(
      `${r.name.padEnd(16)} ${r.desc.slice(0, 40).padEnd(40)} [${r.shape}]`.padEnd(80) + flops,
    );
  }
  const total = m.table.reduce((s, r) => s + r.flops, 0);
  console.log(`total ${(total / 1e6).toFixed(2)} MFLOP per image (forward)`);
  // One image through the reference interpreter, with Glorot-initialised parameters.
  const x = Float32Array.from({ length: 32 * 32 }, (_, i) => Math.sin(i / 7));
  const logits = applyReference(m, init(m, 1), x);
  console.log("logits", Array.from(logits, (v) => v.toFixed(3)).join(" "));
}
