// The paper's initialisation of deeper nets from a trained config A (section 3.1): A's first
// four convs go to the convs at the same (stage, index within stage) of the deeper net, and
// classifier.0/3/6 are copied; everything else keeps its own initialisation.
import assert from "node:assert";
import { join } from "node:path";
import { readSafetensors } from "../data/safetensors.ts";
import { init, type Params } from "../dsl/mod.ts";
import { configs } from "../nets/mod.ts";
import { convPositions, initFrom, initFromA } from "../train/init_from.ts";
import { saveWeights } from "../train/weights.ts";
import { jsonEvents, runTrain, tinyRun } from "./helpers/cli.ts";

const V = { width: 16, size: 32, classes: 10, channels: 1 };

/** A "trained" A: its own init with every bias set, so copied biases are recognisable too. */
async function trainedA(dir: string, width = 16) {
  const a = configs.A({ ...V, width });
  const p = init(a, 99);
  for (const [k, v] of p) if (k.endsWith(".bias")) v.forEach((_, i) => v[i] = 0.25 + 0.001 * i);
  const path = join(dir, `a_w${width}.safetensors`);
  await saveWeights(a, p, path);
  return { a, p, path };
}

/** Where A's features.0/3/6/8 land in each deeper config. */
const TARGETS: Record<string, string[]> = {
  B: ["features.0", "features.5", "features.10", "features.12"],
  D: ["features.0", "features.5", "features.10", "features.12"],
  E: ["features.0", "features.5", "features.10", "features.12"],
};
const A_CONVS = ["features.0", "features.3", "features.6", "features.8"];
const FC = ["classifier.0", "classifier.3", "classifier.6"];

Deno.test("convPositions: (stage, index within stage) of every conv", () => {
  const e = convPositions(configs.E(V));
  assert.deepStrictEqual(e.get("features.0"), [0, 0]);
  assert.deepStrictEqual(e.get("features.2"), [0, 1]);
  assert.deepStrictEqual(e.get("features.5"), [1, 0]);
  assert.deepStrictEqual(e.get("features.10"), [2, 0]);
  assert.deepStrictEqual(e.get("features.12"), [2, 1]);
  assert.deepStrictEqual(e.get("features.16"), [2, 3]);
  assert.strictEqual(e.size, 16);
  const a = convPositions(configs.A(V));
  assert.deepStrictEqual(A_CONVS.map((n) => a.get(n)), [[0, 0], [1, 0], [2, 0], [2, 1]]);
});

for (const cfg of ["E", "D", "B"] as const) {
  Deno.test(`--init-from: A's first four convs and three FCs into ${cfg}, the rest untouched`, async () => {
    const dir = await Deno.makeTempDir();
    try {
      const { p: pa, path } = await trainedA(dir);
      const m = configs[cfg](V);
      const own = init(m, 5);
      const params: Params = new Map([...own].map(([k, v]) => [k, Float32Array.from(v)]));
      const r = await initFromA(m, params, path);
      assert.strictEqual(r.params, params);
      const pairs = [...A_CONVS.map((s, i) => [s, TARGETS[cfg][i]]), ...FC.map((n) => [n, n])];
      const copied = new Set<string>();
      for (const [src, dst] of pairs) {
        for (const part of ["weight", "bias"]) {
          assert.deepStrictEqual(
            params.get(`${dst}.${part}`),
            pa.get(`${src}.${part}`),
            `${src}.${part} -> ${dst}.${part}`,
          );
          copied.add(`${dst}.${part}`);
        }
      }
      for (const p of m.params) {
        if (!copied.has(p.name)) {
          assert.deepStrictEqual(params.get(p.name), own.get(p.name), `${p.name} changed`);
        }
      }
      // The message names every copied tensor (source -> target where the names differ).
      assert.strictEqual(r.copied.length, 14);
      assert.ok(r.copied.includes("features.3.weight -> features.5.weight"), r.copied.join(", "));
      assert.ok(r.copied.includes("features.8.bias -> features.12.bias"), r.copied.join(", "));
      assert.ok(r.copied.includes("features.0.weight") && r.copied.includes("classifier.6.bias"));
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
}

Deno.test("--init-from: weights of the same net (another training scale) give every layer", async () => {
  const dir = await Deno.makeTempDir();
  try {
    // The paper's S = 384 net starts from the S = 256 one: D from D, all 16 layers.
    const d = configs.D(V);
    const trained = init(d, 7);
    const path = join(dir, "d256.safetensors");
    await saveWeights(d, trained, path);
    const params = init(d, 8);
    const r = await initFrom(d, params, path);
    assert.strictEqual(r.copied.length, d.params.length);
    for (const p of d.params) assert.deepStrictEqual(params.get(p.name), trained.get(p.name));
    // An A file into E still takes A's layers only.
    const { path: aPath } = await trainedA(dir);
    const e = configs.E(V);
    assert.strictEqual((await initFrom(e, init(e, 1), aPath)).copied.length, 14);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("--init-from: A of another width or a file without four convs is a clear error", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const { path } = await trainedA(dir, 8);
    const e = configs.E(V);
    await assert.rejects(initFromA(e, init(e, 1), path), {
      name: "DataError",
      message: /features\.0\.weight is \[8,1,3,3\] but features\.0\.weight needs \[4,1,3,3\]/,
    });
    // A safetensors file with too few conv layers (two convs and the classifier).
    const few = join(dir, "few.safetensors");
    const { tensors } = await readSafetensors(path);
    const { writeSafetensors } = await import("../data/safetensors.ts");
    await writeSafetensors(
      few,
      new Map([...tensors].filter(([k]) => !/^features\./.test(k) || /^features\.[03]\./.test(k))),
    );
    await assert.rejects(initFromA(e, init(e, 1), few), {
      name: "DataError",
      message: /fewer than four conv layers/,
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

const train = (args: string[]) => runTrain([...args, "--json"]);

const TINY_E = ["nets/e.ts", ...tinyRun(64, 50), "--epochs", "1"];

Deno.test("deno task train nets/e.ts --init-from A: says what it copied, and trains from it", async () => {
  const dir = await Deno.makeTempDir({ prefix: "train_init_from_" });
  try {
    const { p: pa, path } = await trainedA(dir);
    const out = join(dir, "run");
    // lr 0: the weights file after one epoch is the initialisation itself.
    const r = await train([...TINY_E, "--lr", "0", "--init-from", path, "--out", out]);
    assert.strictEqual(r.code, 0, r.stderr);
    const ev = jsonEvents(r.stdout).find((e) => e.event === "init_from") as
      | { copied: string[] }
      | undefined;
    assert.ok(ev, "no init_from event");
    assert.strictEqual(ev.copied.length, 14);
    assert.ok(ev.copied.includes("features.6.weight -> features.10.weight"), ev.copied.join(", "));
    const { tensors } = await readSafetensors(join(out, "weights.safetensors"));
    assert.deepStrictEqual(tensors.get("features.5.weight")!.data, pa.get("features.3.weight"));
    assert.deepStrictEqual(tensors.get("features.12.bias")!.data, pa.get("features.8.bias"));
    assert.deepStrictEqual(tensors.get("classifier.3.weight")!.data, pa.get("classifier.3.weight"));
    // Not copied: E's own Glorot init (zero biases), not A's.
    assert.ok((tensors.get("features.2.bias")!.data as Float32Array).every((v) => v === 0));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("deno task train --init-from an A of another width: one-line error, no run left", async () => {
  const dir = await Deno.makeTempDir({ prefix: "train_init_from_" });
  try {
    const { path } = await trainedA(dir, 8);
    const out = join(dir, "run");
    const r = await train([...TINY_E, "--init-from", path, "--out", out]);
    const stderr = r.stderr;
    assert.strictEqual(r.code, 2, stderr);
    assert.match(
      stderr,
      /^error: .*features\.0\.weight is \[8,1,3,3\] but features\.0\.weight needs \[4,1,3,3\]\n$/,
    );
    assert.doesNotMatch(stderr, /^\s+at /m);
    await assert.rejects(Deno.stat(out), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
