// What a first run downloads. Deno fetches every npm package that deno.json's imports map or
// deno.lock lists before it runs any command (measured: a fresh `deno task explain` fetched
// 84 MB, 377 MB unpacked, when the lock also held TensorFlow.js, jax-js and playwright-core).
// So the main lock holds only what the commands use (sharp for images, esbuild for the page's
// bundle); the peers of `deno task compare` live in bench/peers/deno.lock, which that task and
// `deno task check` name with --lock, and the page's tests drive Chromium without a package
// (tests/helpers/cdp.ts).
import assert from "node:assert";

const read = async (path: string) => JSON.parse(await Deno.readTextFile(path));

/** Packages only `deno task compare` (and the type check) may fetch. */
const PEER = /tensorflow|jax-js|playwright|seedrandom|long@|node-fetch/;

Deno.test("deno.json and deno.lock list no peer or browser-driver package", async () => {
  const config = await read("deno.json");
  for (const [name, spec] of Object.entries(config.imports ?? {})) {
    assert.doesNotMatch(`${name} ${spec}`, PEER, `deno.json imports ${name}`);
  }
  const lock = await read("deno.lock");
  const listed = [...Object.keys(lock.specifiers ?? {}), ...Object.keys(lock.npm ?? {})];
  assert.ok(listed.some((k) => k.startsWith("npm:sharp@")), "sharp missing from deno.lock");
  for (const k of listed) assert.doesNotMatch(k, PEER, `deno.lock lists ${k}`);
});

Deno.test("the peers' lock holds the peers, and the tasks that need them name it", async () => {
  const lock = await read("bench/peers/deno.lock");
  const specs = Object.keys(lock.specifiers ?? {});
  for (const p of ["npm:@tensorflow/tfjs@", "npm:@jax-js/jax@"]) {
    assert.ok(specs.some((s) => s.startsWith(p)), `bench/peers/deno.lock lacks ${p}`);
  }
  const { tasks } = await read("deno.json");
  for (const t of ["compare", "check"]) {
    assert.match(tasks[t], /--lock=bench\/peers\/deno\.lock/, `task ${t}: ${tasks[t]}`);
  }
});
