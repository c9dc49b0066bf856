// The DSL: layers, combinators, the tagged template, models.
export * from "./layers.ts";
export { net, TemplateSyntaxError } from "./template.ts";
export { type LayerRow, NetError, type ParamInfo } from "./build.ts";
export { type InitScheme, type Params } from "./init.ts";
export * from "./model.ts";
