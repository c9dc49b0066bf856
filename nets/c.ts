// Configuration C (16 weight layers, 1x1 convs closing stages 3-5), Table 1.
import { net } from "../dsl/mod.ts";
import { vgg } from "./vgg.ts";

export const variant = vgg("C", (classes) =>
  net`
  conv3-64 >> conv3-64 >> maxpool >>
  conv3-128 >> conv3-128 >> maxpool >>
  conv3-256 >> conv3-256 >> conv1-256 >> maxpool >>
  conv3-512 >> conv3-512 >> conv1-512 >> maxpool >>
  conv3-512 >> conv3-512 >> conv1-512 >> maxpool >>
  FC-4096 >> FC-4096 >> FC-${classes} >> soft-max`);

export default variant();
