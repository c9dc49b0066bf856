// deno task bundle [--out DIR]: builds the browser page into DIR (web/bundle.ts) and prints the
// sizes of what it wrote.
import { resolve } from "node:path";
import * as esbuild from "esbuild";
import { bundle, BundleError, describeBundle, ROOT } from "../web/bundle.ts";
import { main, parse, UsageError } from "./common.ts";

const HELP = `usage: deno task bundle [--out DIR]
Builds the browser page into DIR (default dist/); serve it with \`deno task serve\`.`;

await main(async () => {
  const { values: v, positionals } = parse(Deno.args, {
    out: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (v.help) return console.log(HELP);
  if (positionals.length) {
    throw new UsageError(`unexpected argument '${positionals[0]}'\n${HELP}`);
  }
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
