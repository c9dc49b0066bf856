// What every command shares: loading a net file with the variant flags, one-line errors.
import { UserError } from "../compiler/errors.ts";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Model } from "../dsl/mod.ts";
import type { Variant } from "../nets/vgg.ts";
import { type Precision, PRECISIONS } from "../compiler/precision.ts";

/** An error the user caused (a flag, a file): printed as one line, exit code 2. */
export class UsageError extends UserError {}

/** The variant flags every command that takes a NET accepts. */
export const variantOptions = {
  width: { type: "string" },
  size: { type: "string" },
  classes: { type: "string" },
  channels: { type: "string" },
} as const;

export function intFlag(v: string | undefined, flag: string, dflt?: number): number | undefined {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) {
    throw new UsageError(`--${flag} must be a positive integer, got '${v}'`);
  }
  return n;
}

export function numFlag(v: string | undefined, flag: string, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`--${flag} must be a number, got '${v}'`);
  return n;
}

/** `--precision f32|f16`; f16 needs the adapter's `shader-f16` feature (checked when the
 *  command runs kernels, so given an adapter). */
export function precisionFlag(
  v: string | undefined,
  adapter?: GPUAdapter,
  name = "",
): Precision {
  const p = v ?? "f32";
  if (!(PRECISIONS as readonly string[]).includes(p)) {
    throw new UsageError(`--precision must be one of ${PRECISIONS.join(", ")}, got '${p}'`);
  }
  if (p === "f16" && adapter && !adapter.features.has("shader-f16")) {
    throw new UsageError(
      `--precision f16: the adapter ${name} lacks the WebGPU feature shader-f16 (wgpu's OpenGL ` +
        "backend never has it; Vulkan drivers such as lavapipe do)",
    );
  }
  return p as Precision;
}

export function variantOf(values: Record<string, unknown>, defaults: Variant = {}): Variant {
  const v = values as Record<string, string | undefined>;
  return {
    width: intFlag(v.width, "width", defaults.width),
    size: intFlag(v.size, "size", defaults.size),
    classes: intFlag(v.classes, "classes", defaults.classes),
    channels: intFlag(v.channels, "channels", defaults.channels),
  };
}

/** Imports a net file: it must export `variant(opts)` or default-export a Model. */
export async function loadNet(path: string | undefined, v: Variant): Promise<Model> {
  if (!path) throw new UsageError("missing NET (a net file such as nets/e.ts)");
  let mod: Record<string, unknown>;
  try {
    await Deno.stat(path);
  } catch {
    throw new UsageError(`net file ${path} does not exist`);
  }
  try {
    mod = await import(pathToFileURL(resolve(path)).href);
  } catch (e) {
    throw new UsageError(`net file ${path} failed to load: ${(e as Error).message.split("\n")[0]}`);
  }
  if (typeof mod.variant === "function") {
    const clean = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
    try {
      return (mod.variant as (v: Variant) => Model)(clean);
    } catch (e) {
      throw new UsageError(`${path}: ${(e as Error).message}`);
    }
  }
  const d = mod.default as Model | undefined;
  if (d && typeof d === "object" && "net" in d && "params" in d) {
    if (Object.values(v).some((x) => x !== undefined)) {
      throw new UsageError(
        `${path} exports no variant(); --width/--size/--classes/--channels need one`,
      );
    }
    return d;
  }
  throw new UsageError(`${path} does not export a net (export variant(opts) or a default Model)`);
}

export function parse<T extends ParseArgsConfig["options"]>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** How a command that may run as one rank of an MPI job reports errors (cli/train.ts). */
export interface MainOptions {
  /** This process's rank when an MPI launcher started it (parallel/launch.ts). */
  rank?: number;
  /** Whether every rank raises this error alike (flag errors, errors rank 0 had as well):
   *  then only rank 0 prints it, not each of N ranks. */
  shared?: (e: Error) => boolean;
  /** Ends the process with `code` once the error is printed (MPI: after MPI_Finalize). */
  exit?: (code: number) => Promise<never>;
}

/** Runs a command: a user's error (compiler/errors.ts) prints one line (no stack) and exits 2;
 *  anything else is a bug and keeps its stack. */
export async function main(f: () => Promise<void>, opts: MainOptions = {}): Promise<void> {
  try {
    await f();
  } catch (e) {
    const err = e as Error;
    const known = e instanceof UserError;
    if (opts.rank === undefined) {
      if (known) {
        console.error(`error: ${err.message}`);
        Deno.exit(2);
      }
      throw e;
    }
    // One rank of an MPI job: a rank that stopped because another failed says nothing, and an
    // error every rank has is printed by rank 0 alone.
    const quiet = err.name === "PeerFailed" || (opts.rank !== 0 && !!opts.shared?.(err));
    const who = opts.rank === 0 ? "" : `rank ${opts.rank}: `;
    if (!quiet) console.error(`error: ${who}${known ? err.message : err.stack ?? err}`);
    const code = known || err.name === "PeerFailed" ? 2 : 1;
    if (opts.exit) await opts.exit(code);
    Deno.exit(code);
  }
}
