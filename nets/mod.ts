// All Table 1 configurations by name, and the batch-norm variants torchvision publishes.
import { variant as a } from "./a.ts";
import { variant as aBn } from "./a_bn.ts";
import { variant as aLrn } from "./a_lrn.ts";
import { variant as b } from "./b.ts";
import { variant as bBn } from "./b_bn.ts";
import { variant as c } from "./c.ts";
import { variant as d } from "./d.ts";
import { variant as dBn } from "./d_bn.ts";
import { variant as e } from "./e.ts";
import { variant as eBn } from "./e_bn.ts";
import type { Factory } from "./vgg.ts";

export const configs: Record<string, Factory> = { A: a, "A-LRN": aLrn, B: b, C: c, D: d, E: e };

/** The same configurations with batch norm after every conv (torchvision's vgg*_bn). */
export const bnConfigs: Record<string, Factory> = {
  "A-BN": aBn,
  "B-BN": bBn,
  "D-BN": dBn,
  "E-BN": eBn,
};
export type { Factory, Variant } from "./vgg.ts";
