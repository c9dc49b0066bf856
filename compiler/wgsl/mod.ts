// The WGSL emitter: typed expressions (expr.ts) and a line builder (writer.ts).
export * from "./expr.ts";
export { WgslWriter } from "./writer.ts";
