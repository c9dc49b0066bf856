// The browser build and its server: `deno task bundle` (cli/bundle.ts, web/bundle.ts) writes a page whose
// JavaScript never mentions Deno, refuses code that does, and `deno task serve` (cli/serve.ts)
// serves the result on 127.0.0.1 without leaving its directory.
import assert from "node:assert/strict";
import { join } from "node:path";
import { browserProblem, denoReferences } from "../web/bundle.ts";
import { fileFor, serveDir, staticHandler } from "../cli/serve.ts";

const ROOT = join(import.meta.dirname!, "..");

async function jsFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory) out.push(...await jsFiles(p));
    else if (e.name.endsWith(".js")) out.push(p);
  }
  return out;
}

Deno.test({
  name: "bundle: the task builds the page, reports its size, and no output mentions Deno",
  // esbuild's service process outlives the in-process checks below until stop().
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const out = await Deno.makeTempDir();
    try {
      const r = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", "cli/bundle.ts", "--out", out],
        cwd: ROOT,
        stdout: "piped",
        stderr: "piped",
      }).output();
      const stdout = new TextDecoder().decode(r.stdout);
      assert.equal(r.code, 0, new TextDecoder().decode(r.stderr));
      assert.match(stdout, /app\.js +[\d.]+ KiB +\(gzip [\d.]+ KiB\)/);
      assert.match(stdout, /JavaScript +[\d.]+ KiB .*no Deno references/);
      for (const net of ["nets/a.ts", "nets/a_lrn.ts", "nets/e.ts"]) {
        assert.ok(stdout.includes(net), net);
      }
      const html = await Deno.readTextFile(join(out, "index.html"));
      assert.match(html, /<script type="module" src="app\.js"><\/script>/);
      await Deno.stat(join(out, "style.css"));
      const js = await jsFiles(out);
      assert.ok(js.length >= 2, `expected app.js and chunks, got ${js}`);
      for (const f of js) {
        const text = await Deno.readTextFile(f);
        assert.deepEqual(denoReferences(text), [], `${f} mentions Deno`);
        assert.doesNotMatch(text, /from\s*"(node|npm):/, `${f} imports a Node or npm module`);
      }
    } finally {
      await Deno.remove(out, { recursive: true });
    }
  },
});

Deno.test({
  name: "bundle: modules that need Deno or Node are refused, the page's own are not",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    assert.match((await browserProblem("data/files.ts"))!, /node:zlib|references Deno/);
    assert.match((await browserProblem("data/imagefolder.ts"))!, /needs sharp/);
    assert.equal(await browserProblem("nets/a.ts"), undefined);
    assert.equal(await browserProblem("web/infer.ts"), undefined);
    assert.deepEqual(denoReferences("let x = 1; globalThis.Deno.readFile(p)").length, 1);
    const { stop } = await import("esbuild");
    await stop();
  },
});

Deno.test("serve: files under the directory only, with their types", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(join(dir, "index.html"), "<!DOCTYPE html><p>hi</p>");
    await Deno.mkdir(join(dir, "chunks"));
    await Deno.writeTextFile(join(dir, "chunks", "a.js"), "export {};");
    assert.equal(fileFor(dir, "/../etc/passwd"), undefined);
    assert.equal(fileFor(dir, "/%2e%2e/secret"), undefined);
    assert.equal(fileFor(dir, "/chunks/a.js"), join(dir, "chunks", "a.js"));
    const handle = staticHandler(dir);
    const post = await handle(new Request("http://127.0.0.1/", { method: "POST" }));
    assert.equal(post.status, 405);
    await post.body?.cancel();

    const served = serveDir(dir, 0, true);
    try {
      assert.match(served.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      const index = await fetch(served.url);
      assert.equal(index.status, 200);
      assert.equal(index.headers.get("content-type"), "text/html; charset=utf-8");
      assert.match(await index.text(), /<p>hi<\/p>/);
      const js = await fetch(served.url + "chunks/a.js");
      assert.equal(js.headers.get("content-type"), "text/javascript; charset=utf-8");
      await js.body?.cancel();
      const missing = await fetch(served.url + "nope.js");
      assert.equal(missing.status, 404);
      await missing.body?.cancel();
    } finally {
      await served.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
