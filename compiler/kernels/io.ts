// Element counts of a kernel's storage bindings: each kernel kind's `storage` (its KernelDef)
// lists them in binding order (the step uniform is not a storage binding and is left out), and
// runners and the limits check size buffers from them.
export interface StorageSize {
  elems: number;
  type: "f32" | "f16" | "i32" | "u32";
}

export const f = (elems: number): StorageSize => ({ elems, type: "f32" });
export const u = (elems: number): StorageSize => ({ elems, type: "u32" });
export const i = (elems: number): StorageSize => ({ elems, type: "i32" });

/** Bytes per element of a storage type. */
export const elemBytes = (t: StorageSize["type"]): number => t === "f16" ? 2 : 4;
