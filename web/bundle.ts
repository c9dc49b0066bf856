// The browser build (`deno task bundle`, cli/bundle.ts). esbuild bundles the page (web/main.ts) with
// the DSL, compiler and runtime, and every net file (nets/*.ts and examples/**/*.ts that export
// variant() or a default Model, each loaded on first use) into DIR/app.js plus shared chunks;
// the page's HTML and CSS are copied beside it. Deno stays at the edges: the build fails when the
// output mentions `Deno.` or still needs a module a browser cannot load (node:*, npm:, sharp).
import * as esbuild from "esbuild";
import { dirname, join, relative, resolve, sep } from "node:path";

/** The repository root (this file lives in web/). */
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
 * survives into what the page loads is reported by `problems` and fails the build.
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
      // inside a function the page never calls). esbuild would follow such an import even when
      // tree shaking drops the call, and share the helper's code with the page's chunks; so only
      // the entry's dynamic imports (the net files) are followed, and any other that is still
      // live in the output fails the build.
      b.onResolve({ filter: /.*/ }, (a) => {
        if (a.kind !== "dynamic-import" || a.importer === "vgg-wgsl:entry") return undefined;
        return {
          path: a.path,
          namespace: "unavailable",
          sideEffects: false,
          pluginData: "dynamic",
        };
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
      b.onLoad(
        { filter: /.*/, namespace: "entry" },
        () => ({ contents, loader: "ts", resolveDir: ROOT }),
      );
    },
  };
}

const BUILD = {
  absWorkingDir: ROOT,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  // Net files become chunks loaded on first use; a dropped dynamic import leaves a stand-in chunk
  // that nothing loads (see `reachable`).
  splitting: true,
  // A browser never runs a module as the main program: `if (import.meta.main)` blocks (examples
  // run as scripts) and the imports inside them go.
  define: { "import.meta.main": "false" },
  chunkNames: "chunks/[name]-[hash]",
  write: false,
  metafile: true,
  logLevel: "silent",
} satisfies esbuild.BuildOptions;

type Built = esbuild.BuildResult & {
  metafile: esbuild.Metafile;
  outputFiles: esbuild.OutputFile[];
};

/** Outputs the entry loads, directly or through imports of either kind (metafile paths). */
function reachable(meta: esbuild.Metafile, entryPoint: string): Set<string> {
  const start = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === entryPoint)?.[0];
  const seen = new Set<string>(start ? [start] : []);
  const todo = [...seen];
  while (todo.length) {
    for (const i of meta.outputs[todo.pop()!]?.imports ?? []) {
      if (!seen.has(i.path) && i.path in meta.outputs) {
        seen.add(i.path);
        todo.push(i.path);
      }
    }
  }
  return seen;
}

/** `Deno.` in JavaScript output, with a little context around each hit. */
export function denoReferences(text: string): string[] {
  return [...text.matchAll(/Deno\./g)].map((m) =>
    text.slice(Math.max(0, m.index - 40), m.index + 30).replace(/\s+/g, " ")
  );
}

const metaPath = (f: esbuild.OutputFile) => relative(ROOT, f.path).split(sep).join("/");

/**
 * The JavaScript the entry loads (source maps of those files ride along), and what keeps it
 * from running in a browser: stand-ins for unavailable modules that are still imported, each
 * with its importers, and `Deno.` references.
 */
function loaded(r: Built, entryPoint: string): { files: esbuild.OutputFile[]; problems: string[] } {
  const live = reachable(r.metafile, entryPoint);
  const files = r.outputFiles.filter((f) => live.has(metaPath(f).replace(/\.map$/, "")));
  const problems: string[] = [];
  const stubs = new Set<string>();
  for (const out of live) {
    for (const k of Object.keys(r.metafile.outputs[out].inputs)) {
      if (k.startsWith("unavailable:")) stubs.add(k);
    }
  }
  for (const k of stubs) {
    const by = Object.entries(r.metafile.inputs).filter(([, v]) =>
      v.imports.some((i) => i.path === k)
    )
      .map(([f]) => f);
    const what = k.slice("unavailable:".length);
    const how = /^[./]/.test(what) ? "a live dynamic import of" : "";
    problems.push(`needs ${how} ${what} (imported by ${by.join(", ") || "?"})`.replace("  ", " "));
  }
  for (const f of files.filter((f) => f.path.endsWith(".js"))) {
    const hits = denoReferences(f.text);
    if (hits.length) {
      problems.push(`${metaPath(f)} references Deno (${hits.length}x), e.g. ...${hits[0]}...`);
    }
  }
  return { files, problems };
}

/** Why `file` (relative to the root) cannot run in a browser, or undefined when it can. */
export async function browserProblem(file: string): Promise<string | undefined> {
  let r: Built;
  try {
    r = await esbuild.build({
      ...BUILD,
      entryPoints: [file],
      outdir: join(ROOT, ".bundle-probe"),
      plugins: [browserOnly()],
    }) as Built;
  } catch (e) {
    return `does not build: ${(e as Error).message.split("\n")[0]}`;
  }
  return loaded(r, file).problems.join("; ") || undefined;
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
  for (const e of entries.sort((a, b) => a.name < b.name ? -1 : 1)) {
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
    const problem = await browserProblem(n.path);
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

  let r: Built;
  try {
    r = await esbuild.build({
      ...BUILD,
      entryPoints: [{ in: "vgg-wgsl:entry", out: "app" }],
      plugins: [entryPlugin(entry), browserOnly()],
      outdir: outDir,
      minify: true,
      // Error classes are told apart by name in messages; keep the names minification would drop.
      keepNames: true,
      sourcemap: "linked",
    }) as Built;
  } catch (e) {
    throw new BundleError(`esbuild failed: ${(e as Error).message}`);
  }
  const { files: outputs, problems } = loaded(r, "entry:vgg-wgsl:entry");
  if (problems.length) {
    throw new BundleError(
      `the page would not run in a browser: ${problems.join("; ")}; keep Deno APIs and Node ` +
        "modules out of what the page imports",
    );
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
  for (const page of ["index.html", "style.css"]) {
    await put(page, await Deno.readFile(join(root, "web", page)));
  }
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
    }  (gzip ${
      kib(chunks.reduce((s, f) => s + f.gzipBytes, 0))
    }; net files, loaded on demand, and shared code)`,
    `  JavaScript    ${kib(r.jsBytes).padStart(10)}  (gzip ${
      kib(r.jsGzipBytes)
    }); no Deno references`,
  ];
  for (const s of r.skipped) lines.push(`  skipped ${s.path}: ${s.reason}`);
  return lines.join("\n");
}
