// deno task serve [--port N] [--dir DIR]: serves the browser build (`deno task bundle`, dist/)
// on 127.0.0.1 only. WebGPU needs a secure context, and http://127.0.0.1 is one, so no TLS.
import { extname, join, normalize, resolve, sep } from "node:path";
import { intFlag, main, parse, UsageError } from "./common.ts";

const HELP = `usage: deno task serve [--port N] [--dir DIR]
Serves DIR (default dist/, built by \`deno task bundle\`) at http://127.0.0.1:N/ (default 8000).`;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** The file under `root` a URL path names, or undefined when it would leave `root`. */
export function fileFor(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path.includes("\0")) return undefined;
  if (path.endsWith("/")) path += "index.html";
  const file = normalize(join(root, path));
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

/** A request handler serving the files under `dir` (GET and HEAD). */
export function staticHandler(dir: string): (req: Request) => Promise<Response> {
  const root = resolve(dir);
  return async (req) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      return new Response("method not allowed\n", { status: 405, headers: { allow: "GET, HEAD" } });
    }
    const file = fileFor(root, new URL(req.url).pathname);
    if (!file) return new Response("not found\n", { status: 404 });
    let body: Uint8Array;
    try {
      body = await Deno.readFile(file);
    } catch {
      return new Response("not found\n", { status: 404 });
    }
    const headers = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      // A rebuilt bundle must show on reload: the files are small and local.
      "cache-control": "no-cache",
    };
    return new Response(req.method === "HEAD" ? null : body as BodyInit, { headers });
  };
}

export interface Served {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1:`port` (0 picks a free port). */
export function serveDir(dir: string, port: number, quiet = false): Served {
  const server = Deno.serve(
    { hostname: "127.0.0.1", port, onListen: () => {} },
    staticHandler(dir),
  );
  const actual = server.addr.port;
  if (!quiet) console.log(`serving ${dir} at http://127.0.0.1:${actual}/`);
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () => server.shutdown(),
  };
}

if (import.meta.main) {
  await main(async () => {
    const { values: v, positionals } = parse(Deno.args, {
      port: { type: "string" },
      dir: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (v.help) return console.log(HELP);
    if (positionals.length) {
      throw new UsageError(`unexpected argument '${positionals[0]}'\n${HELP}`);
    }
    const port = v.port === "0" ? 0 : intFlag(v.port, "port", 8000)!;
    const dir = v.dir ?? "dist";
    try {
      await Deno.stat(join(dir, "index.html"));
    } catch {
      throw new UsageError(`${dir}/index.html does not exist; run \`deno task bundle\` first`);
    }
    try {
      serveDir(dir, port);
    } catch (e) {
      if (e instanceof Deno.errors.AddrInUse) {
        throw new UsageError(`port ${port} is in use; pass --port N`);
      }
      throw e;
    }
    await new Promise(() => {}); // serve until interrupted
  });
}
