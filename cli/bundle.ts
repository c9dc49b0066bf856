// deno task bundle [--out DIR]: the browser build. esbuild bundles the page (web/main.ts) with
// the DSL, compiler and runtime, and every net file (nets/*.ts and examples/**/*.ts that export
// variant() or a default Model, each loaded on first use) into DIR/app.js plus shared chunks;
// the page's HTML and CSS are copied beside it. Deno stays at the edges: the build fails when the
// output mentions `Deno.` or still needs a module a browser cannot load (node:*, npm:, sharp).
import * as esbuild from "npm:esbuild@0.28.2";
import { dirname, join, relative, resolve, sep } from "node:path";
import { main, parse, UsageError } from "./common.ts";

const HELP = `usage: deno task bundle [--out DIR]
Builds the browser page into DIR (default dist/); serve it with \`deno task serve\`.`;

/** The repository root (this file lives in cli/). */
export const ROOT = resolve(import.meta.dirname!, "..");

/** Where net files are looked for; examples may sit in sub-folders. */
const NET_DIRS = [{ dir: "nets", deep: false }, { dir: "examples", deep: true }];
const EXPORTS_NET = /export\s+(const|let|function)\s+variant\b|export\s+default\s/;

export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BundleError";
  }
}

/**
 * Modules a browser cannot load (Node built-ins, npm:/jsr: specifiers, bare packages such as
 * sharp) resolve to empty stand-ins marked free of side effects, so esbuild drops them when
 * tree shaking removes every use (data/safetensors.ts's file writer, say). A stand-in that
 * survives into the output is reported by `unavailableInputs` and fails the build.
 */
function browserOnly(): esbuild.Plugin {
  return {
    name: "browser-only",
    setup(b) {
      b.onResolve({ filter: /^(node:|npm:|jsr:)|^[^./]/ }, (a) => {
        if (a.kind === "entry-point" || a.path.startsWith("vgg-wgsl:")) return undefined;
        return { path: a.path, namespace: "unavailable", sideEffects: false };
      });
      // The core imports its Deno-side helpers lazily (`await import("../data/imagefolder.ts")`
      // inside a function), and esbuild would follow such an import even when tree shaking drops
      // the function. Only the generated entry's imports (the net files) are followed.
      b.onResolve({ filter: /.*/ }, (a) => {
        if (a.kind !== "dynamic-import" || a.importer === "vgg-wgsl:entry") return undefined;
        return { path: a.path, namespace: "unavailable", sideEffects: false };
      });
      b.onLoad({ filter: /.*/, namespace: "unavailable" }, () => ({
        contents: "module.exports = {};",
        loader: "js",
      }));
    },
  };
}

/** The generated entry: the page's `start` with each net file behind a dynamic import. */
function entryPlugin(contents: string): esbuild.Plugin {
  return {
    name: "entry",
    setup(b) {
      b.onResolve({ filter: /^vgg-wgsl:entry$/ }, (a) => ({ path: a.path, namespace: "entry" }));
      b.onLoad({ filter: /.*/, namespace: "entry" }, () => ({ contents, loader: "ts", resolveDir: ROOT }));
    },
  };
}

const BUILD: esbuild.BuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  write: false,
  metafile: true,
  logLevel: "silent",
};

/**
 * Chunks that hold nothing but a stand-in reached by a dropped dynamic import: code splitting
 * emits them, but no output imports them, so they are left out of the build.
 */
function orphanStubs(meta: esbuild.Metafile): Set<string> {
  const imported = new Set(Object.values(meta.outputs).flatMap((o) => o.imports.map((i) => i.path)));
  return new Set(
    Object.entries(meta.outputs)
      .filter(([file, o]) => o.entryPoint?.startsWith("unavailable:") && !imported.has(file))
      .map(([file]) => file),
  );
}

/** Unavailable modules that made it into the output, each with the files importing it. */
function unavailableInputs(meta: esbuild.Metafile): string[] {
  const used = new Set<string>(), orphans = orphanStubs(meta);
  for (const [file, out] of Object.entries(meta.outputs)) {
    if (orphans.has(file)) continue;
    for (const k of Object.keys(out.inputs)) if (k.startsWith("unavailable:")) used.add(k);
  }
  return [...used].map((k) => {
    const by = Object.entries(meta.inputs).filter(([, v]) => v.imports.some((i) => i.path === k))
      .map(([f]) => f);
    return `${k.slice("unavailable:".length)} (imported by ${by.join(", ") || "?"})`;
  });
}

/** `Deno.` in JavaScript output, with a little context around each hit. */
export function denoReferences(text: string): string[] {
  return [...text.matchAll(/Deno\./g)].map((m) =>
    text.slice(Math.max(0, m.index - 40), m.index + 30).replace(/\s+/g, " ")
  );
}

/** Why `file` cannot run in a browser, or undefined when it can. */
export async function browserProblem(file: string): Promise<string | undefined> {
  let r: esbuild.BuildResult & { metafile: esbuild.Metafile };
  try {
    r = await esbuild.build({ ...BUILD, entryPoints: [file], plugins: [browserOnly()] }) as typeof r;
  } catch (e) {
    return `does not build: ${(e as Error).message.split("\n")[0]}`;
  }
  const missing = unavailableInputs(r.metafile);
  if (missing.length) return `needs ${missing.join("; ")}`;
  const deno = r.outputFiles!.flatMap((f) => denoReferences(f.text));
  if (deno.length) return `uses Deno: ...${deno[0]}...`;
  return undefined;
}

export interface NetFile {
  /** Path relative to the root, with forward slashes. */
  path: string;
  /** The file's first comment line. */
  title: string;
}

async function* tsFiles(dir: string, deep: boolean): AsyncGenerator<string> {
  let entries: Deno.DirEntry[];
  try {
    entries = await Array.fromAsync(Deno.readDir(dir));
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return;
    throw e;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory && deep) yield* tsFiles(p, deep);
    else if (e.isFile && e.name.endsWith(".ts") && !/\.(test|d)\.ts$/.test(e.name)) yield p;
  }
}

/** Net files: those that export variant() or a default (checked again when the page loads it). */
export async function findNetFiles(root = ROOT): Promise<NetFile[]> {
  const out: NetFile[] = [];
  for (const { dir, deep } of NET_DIRS) {
    for await (const file of tsFiles(join(root, dir), deep)) {
      const text = await Deno.readTextFile(file);
      if (!EXPORTS_NET.test(text)) continue;
      const title = /^\s*\/\/\s*(.+)$/m.exec(text)?.[1].trim() ?? "";
      out.push({ path: relative(root, file).split(sep).join("/"), title });
    }
  }
  return out;
}

export interface BuiltFile {
  /** Path relative to the output directory. */
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleResult {
  outDir: string;
  files: BuiltFile[];
  nets: NetFile[];
  skipped: { path: string; reason: string }[];
  /** All JavaScript (app.js and its chunks), raw and gzipped. */
  jsBytes: number;
  jsGzipBytes: number;
}

async function gzipSize(bytes: Uint8Array): Promise<number> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

/** What a build writes; only these are removed before writing, never the whole directory. */
const PRODUCED = ["index.html", "style.css", "app.js", "app.js.map", "chunks"];

export async function bundle(opts: { outDir: string; root?: string }): Promise<BundleResult> {
  const root = opts.root ?? ROOT, outDir = resolve(opts.outDir);
  const skipped: BundleResult["skipped"] = [];
  const nets: NetFile[] = [];
  for (const n of await findNetFiles(root)) {
    const problem = await browserProblem(join(root, n.path));
    if (problem) skipped.push({ path: n.path, reason: problem });
    else nets.push(n);
  }
  const abs = (p: string) => JSON.stringify(join(root, p));
  const entry = [
    `import { start } from ${abs("web/main.ts")};`,
    "start([",
    ...nets.map((n) =>
      `  { path: ${JSON.stringify(n.path)}, title: ${JSON.stringify(n.title)}, ` +
      `load: () => import(${abs(n.path)}) },`
    ),
    "]);",
  ].join("\n");

  let r: esbuild.BuildResult & { metafile: esbuild.Metafile };
  try {
    r = await esbuild.build({
      ...BUILD,
      entryPoints: [{ in: "vgg-wgsl:entry", out: "app" }],
      plugins: [entryPlugin(entry), browserOnly()],
      outdir: outDir,
      splitting: true,
      chunkNames: "chunks/[name]-[hash]",
      minify: true,
      // Error classes are told apart by name in messages; keep the names minification would drop.
      keepNames: true,
      sourcemap: "linked",
    }) as typeof r;
  } catch (e) {
    throw new BundleError(`esbuild failed: ${(e as Error).message}`);
  }
  const missing = unavailableInputs(r.metafile);
  if (missing.length) throw new BundleError(`the bundle needs modules a browser cannot load: ${missing.join("; ")}`);
  const orphans = orphanStubs(r.metafile);
  const outputs = r.outputFiles!.filter((f) => !orphans.has(relative(ROOT, f.path).split(sep).join("/")));
  const js = outputs.filter((f) => f.path.endsWith(".js"));
  for (const f of js) {
    const hits = denoReferences(f.text);
    if (hits.length) {
      throw new BundleError(
        `${relative(outDir, f.path)} references Deno (${hits.length}x), e.g. ...${hits[0]}...; ` +
          "keep Deno APIs out of modules the page imports",
      );
    }
  }

  await Deno.mkdir(outDir, { recursive: true });
  for (const p of PRODUCED) await Deno.remove(join(outDir, p), { recursive: true }).catch(() => {});
  const files: BuiltFile[] = [];
  const put = async (rel: string, bytes: Uint8Array) => {
    await Deno.mkdir(dirname(join(outDir, rel)), { recursive: true });
    await Deno.writeFile(join(outDir, rel), bytes);
    files.push({ path: rel, bytes: bytes.length, gzipBytes: await gzipSize(bytes) });
  };
  for (const f of outputs) await put(relative(outDir, f.path).split(sep).join("/"), f.contents);
  for (const page of ["index.html", "style.css"]) await put(page, await Deno.readFile(join(root, "web", page)));
  const jsFiles = files.filter((f) => f.path.endsWith(".js"));
  return {
    outDir,
    files,
    nets,
    skipped,
    jsBytes: jsFiles.reduce((s, f) => s + f.bytes, 0),
    jsGzipBytes: jsFiles.reduce((s, f) => s + f.gzipBytes, 0),
  };
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export function describeBundle(r: BundleResult, shownDir: string): string {
  const app = r.files.find((f) => f.path === "app.js")!;
  const chunks = r.files.filter((f) => f.path.startsWith("chunks/") && f.path.endsWith(".js"));
  const lines = [
    `bundle: ${shownDir} with ${r.nets.length} net files (${r.nets.map((n) => n.path).join(", ")})`,
    `  app.js        ${kib(app.bytes).padStart(10)}  (gzip ${kib(app.gzipBytes)})`,
    `  ${String(chunks.length).padEnd(2)} chunks     ${
      kib(chunks.reduce((s, f) => s + f.bytes, 0)).padStart(10)
    }  (gzip ${kib(chunks.reduce((s, f) => s + f.gzipBytes, 0))}; net files, loaded on demand)`,
    `  JavaScript    ${kib(r.jsBytes).padStart(10)}  (gzip ${kib(r.jsGzipBytes)}); no Deno references`,
  ];
  for (const s of r.skipped) lines.push(`  skipped ${s.path}: ${s.reason}`);
  return lines.join("\n");
}

if (import.meta.main) {
  await main(async () => {
    const { values: v, positionals } = parse(Deno.args, {
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (v.help) return console.log(HELP);
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'\n${HELP}`);
    const out = v.out ?? "dist";
    if (resolve(out) === ROOT) throw new UsageError("--out must not be the repository root");
    try {
      console.log(describeBundle(await bundle({ outDir: out }), out));
    } catch (e) {
      if (!(e instanceof BundleError)) throw e;
      console.error(`error: ${e.message}`);
      Deno.exit(1);
    } finally {
      await esbuild.stop();
    }
  });
}
