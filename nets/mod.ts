// All Table 1 configurations by name.
import { variant as a } from "./a.ts";
import { variant as aLrn } from "./a_lrn.ts";
import { variant as b } from "./b.ts";
import { variant as c } from "./c.ts";
import { variant as d } from "./d.ts";
import { variant as e } from "./e.ts";
import type { Factory } from "./vgg.ts";

export const configs: Record<string, Factory> = { A: a, "A-LRN": aLrn, B: b, C: c, D: d, E: e };
export type { Factory, Variant } from "./vgg.ts";
