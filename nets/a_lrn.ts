// Configuration A-LRN (11 weight layers, LRN after the first conv), Table 1.
import { net } from "../dsl/mod.ts";
import { vgg } from "./vgg.ts";

export const variant = vgg("A-LRN", (classes) =>
  net`
  conv3-64 >> LRN >> maxpool >>
  conv3-128 >> maxpool >>
  conv3-256 >> conv3-256 >> maxpool >>
  conv3-512 >> conv3-512 >> maxpool >>
  conv3-512 >> conv3-512 >> maxpool >>
  FC-4096 >> FC-4096 >> FC-${classes} >> soft-max`);

export default variant();
