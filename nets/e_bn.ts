// Configuration E with batch normalisation after every conv (torchvision's vgg19_bn): each
// `conv3-C-BN` is conv, BN, ReLU, so torchvision's vgg19_bn weights load as they are.
import { net } from "../dsl/mod.ts";
import { vgg } from "./vgg.ts";

export const variant = vgg("E-BN", (classes) =>
  net`
  conv3-64-BN >> conv3-64-BN >> maxpool >>
  conv3-128-BN >> conv3-128-BN >> maxpool >>
  conv3-256-BN >> conv3-256-BN >> conv3-256-BN >> conv3-256-BN >> maxpool >>
  conv3-512-BN >> conv3-512-BN >> conv3-512-BN >> conv3-512-BN >> maxpool >>
  conv3-512-BN >> conv3-512-BN >> conv3-512-BN >> conv3-512-BN >> maxpool >>
  FC-4096 >> FC-4096 >> FC-${classes} >> soft-max`);

export default variant();
