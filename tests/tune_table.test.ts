// Tuning tables without a GPU: withTuning's choice, keys derived from the spec (any changed
// field misses), the lowering picking tuned tiles up, the candidates' validity on CPU and GPU
// adapter classes, and the shipped files' well-formedness.
import assert from "node:assert";
import { checkLimits, emitKernel, storageSizes } from "../compiler/kernels/mod.ts";
import type {
  ConvGradWeightSpec,
  ConvSpec,
  GemmTile,
  KernelSpec,
  MatmulSpec,
} from "../compiler/kernels/spec.ts";
import { type AdapterTraits, tilePolicy } from "../compiler/kernels/tiles.ts";
import { withPacking } from "../compiler/kernels/conv_register.ts";
import { lower } from "../compiler/lower.ts";
import {
  adapterKey,
  isTunable,
  loadTuning,
  shapeKey,
  TUNING_DIR,
  TUNING_FORMAT,
  TuningError,
  type TuningTable,
  withTuning,
} from "../compiler/tuning.ts";
import { candidateTiles } from "../compiler/tuning_candidates.ts";
import { forwardGraph, trainGraph } from "../dsl/mod.ts";
import { configs } from "../nets/mod.ts";

const CPU: AdapterTraits = { cpu: true, maxWorkgroupStorage: 32768, maxInvocations: 1024 };
const GPU: AdapterTraits = { cpu: false, maxWorkgroupStorage: 32768, maxInvocations: 256 };
const policy = tilePolicy(CPU);

const conv: Omit<ConvSpec, "tile"> = {
  kind: "conv",
  n: 2,
  c: 3,
  h: 5,
  w: 7,
  o: 5,
  k: 3,
  pad: 1,
  flip: false,
  epilogue: [],
};
const cgw: Omit<ConvGradWeightSpec, "tile"> = {
  kind: "conv_grad_weight",
  n: 2,
  c: 3,
  h: 5,
  w: 7,
  o: 5,
  k: 3,
  pad: 1,
  accumulate: false,
};
const mm: Omit<MatmulSpec, "tile"> = {
  kind: "matmul",
  m: 3,
  n: 10,
  k: 12,
  transA: false,
  transB: true,
  accumulate: false,
  epilogue: [],
};

const tuned: GemmTile = { variant: "register", bm: 2, bn: 8, bk: 1, tm: 2, tn: 4, ks: 1 };
const tunedCgw: GemmTile = { variant: "register", bm: 4, bn: 2, bk: 1, tm: 4, tn: 2, ks: 8 };

function table(entries: [object, GemmTile][]): TuningTable {
  return {
    format: TUNING_FORMAT,
    adapter: { name: "test", vendor: "", architecture: "", key: "test" },
    source: "tests",
    entries: Object.fromEntries(
      entries.map(([q, tile]) => [
        shapeKey(q as ConvSpec),
        { tile, default: tile, defaultMs: 2, tunedMs: 1, kernels: [] },
      ]),
    ),
  };
}

Deno.test("withTuning: the table's tile for a listed shape, the policy's otherwise", () => {
  const p = withTuning(policy, table([[conv, tuned], [cgw, tunedCgw], [mm, tuned]]));
  assert.deepStrictEqual(p.conv(conv), tuned);
  assert.deepStrictEqual(p.convGradWeight(cgw), tunedCgw);
  assert.deepStrictEqual(p.matmul(mm), tuned);
  const other = { ...conv, n: 4 };
  assert.deepStrictEqual(p.conv(other), policy.conv(other));
  // A conv entry is no answer to a matmul or weight-gradient query of the same numbers.
  const only = withTuning(policy, table([[conv, tuned]]));
  assert.deepStrictEqual(only.convGradWeight(cgw), policy.convGradWeight(cgw));
  assert.deepStrictEqual(only.matmul(mm), policy.matmul(mm));
  assert.strictEqual(withTuning(policy, undefined), policy);
});

Deno.test("the key is the spec less its tile: changing any field misses", () => {
  const p = withTuning(policy, table([[conv, tuned], [cgw, tunedCgw], [mm, tuned]]));
  const cases: [Record<string, unknown>, (q: never) => GemmTile, (q: never) => GemmTile][] = [
    [conv, p.conv, policy.conv],
    [cgw, p.convGradWeight, policy.convGradWeight],
    [mm, p.matmul, policy.matmul],
  ];
  for (const [q, tunedPick, ownPick] of cases) {
    // Every field the spec has, found by walking it: none is listed by hand here either.
    for (const [field, value] of Object.entries(q)) {
      if (field === "kind" || field === "epilogue") continue;
      const changed = {
        ...q,
        [field]: typeof value === "boolean" ? !value : (value as number) + 1,
      };
      assert.notStrictEqual(shapeKey(changed as never), shapeKey(q as never), field);
      assert.deepStrictEqual(tunedPick(changed as never), ownPick(changed as never), field);
    }
  }
  // The tile, the epilogue (folded after the tile is chosen) and key order do not matter.
  const spec = { ...conv, tile: tuned, epilogue: [{ op: "relu" as const }] };
  assert.strictEqual(shapeKey(spec), shapeKey(conv));
  const reordered = Object.fromEntries(Object.entries(conv).reverse());
  assert.strictEqual(shapeKey(reordered as never), shapeKey(conv));
});

Deno.test("the lowering takes tuned tiles for exactly the listed shapes", () => {
  const g = trainGraph(configs.A({ width: 8, size: 32, classes: 10 }), 2);
  const plain = lower(g, { tiles: policy });
  const first = plain.kernels.find((k) => k.spec.kind === "conv")!.spec as ConvSpec;
  const mmFirst = plain.kernels.find((k) => k.spec.kind === "matmul")!.spec as MatmulSpec;
  const p = withTuning(policy, table([[first, tuned], [mmFirst, tuned]]));
  const tunedPlan = lower(g, { tiles: p });
  // The same tunable kernels in the same order (a tuned tile may add or drop a conv's weight
  // copy, which is not tunable).
  const tunable = (ks: typeof plain.kernels) => ks.filter((k) => isTunable(k.spec));
  const was = tunable(plain.kernels);
  assert.deepStrictEqual(tunable(tunedPlan.kernels).map((k) => k.name), was.map((k) => k.name));
  let hits = 0;
  tunable(tunedPlan.kernels).forEach((k, i) => {
    const before = was[i].spec;
    if (!isTunable(k.spec) || !isTunable(before)) return;
    const listed = shapeKey(k.spec) === shapeKey(first) || shapeKey(k.spec) === shapeKey(mmFirst);
    assert.deepStrictEqual(k.spec.tile, listed ? tuned : before.tile, k.name);
    if (listed) hits++;
  });
  assert.ok(hits >= 2, `${hits} kernels tuned`);
});

Deno.test("a conv that a pool folds into is keyed apart from the same conv unpooled", () => {
  const m = configs.A({ width: 8, size: 32, classes: 10 });
  const fwd = lower(forwardGraph(m, 2), { tiles: policy });
  const train = lower(trainGraph(m, 2), { tiles: policy });
  // A's first conv: conv, bias, ReLU, pool in the forward; no pool folds in training (the
  // backward reads the full map).
  const isConv = (k: { layer: string; spec: { kind: string } }) =>
    k.layer === "features.0" && k.spec.kind === "conv";
  const pooled = fwd.kernels.find(isConv)!;
  const plain = train.kernels.find((k) => k.layer === "features.0" && k.spec.kind === "conv")!;
  assert.strictEqual((pooled.spec as ConvSpec).pool, "max");
  assert.strictEqual(pooled.query && "pool" in pooled.query && pooled.query.pool, "max");
  assert.strictEqual((plain.spec as ConvSpec).pool, undefined);
  assert.strictEqual(plain.query, undefined);
  // The query's key is the folded spec's key: the tuner (keying by spec) and the lowering
  // (asking with the query) meet.
  assert.strictEqual(shapeKey(pooled.query!), shapeKey(pooled.spec as ConvSpec));
  assert.notStrictEqual(shapeKey(pooled.query!), shapeKey(plain.spec as ConvSpec));
  // An entry for the pooled conv tunes the forward only, one for the plain conv training only.
  const t = (q: object) => withTuning(policy, table([[q, tuned]]));
  const direct = { ...tuned, variant: "direct" as const, bk: 2 };
  const fwdTuned = lower(forwardGraph(m, 2), { tiles: t(pooled.query!) });
  const trainTuned = lower(trainGraph(m, 2), { tiles: t(pooled.query!) });
  assert.deepStrictEqual(
    (fwdTuned.kernels.find(isConv)!.spec as ConvSpec).tile.tm,
    tuned.tm,
  );
  assert.deepStrictEqual(
    (trainTuned.kernels.find((k) => k.name === plain.name)!.spec as ConvSpec).tile,
    (plain.spec as ConvSpec).tile,
  );
  const trainOnly = withTuning(policy, table([[plain.spec, direct]]));
  assert.deepStrictEqual(
    (lower(trainGraph(m, 2), { tiles: trainOnly }).kernels.find((k) => k.name === plain.name)!
      .spec as ConvSpec).tile,
    direct,
  );
  assert.deepStrictEqual(
    lower(forwardGraph(m, 2), { tiles: trainOnly }).kernels.find(isConv)!
      .spec,
    pooled.spec,
  );
});

Deno.test("adapter keys: name, vendor and architecture slugged", () => {
  assert.strictEqual(
    adapterKey({ name: "llvmpipe (LLVM 15.0.6, 256 bits)", vendor: "65541", architecture: "" }),
    "llvmpipe-llvm-15-0-6-256-bits-65541",
  );
  assert.strictEqual(
    adapterKey({ name: "NVIDIA H200", vendor: "nvidia", architecture: "hopper" }),
    "nvidia-h200-nvidia-hopper",
  );
  assert.strictEqual(adapterKey({ name: "", vendor: "", architecture: "" }), "unknown-adapter");
});

/** Generous limits of a real adapter class, for checkLimits. */
const LIMITS = {
  maxStorageBuffersPerShaderStage: 8,
  maxUniformBuffersPerShaderStage: 12,
  maxBindingsPerBindGroup: 1000,
  maxComputeWorkgroupSizeX: 1024,
  maxComputeWorkgroupSizeY: 1024,
  maxComputeWorkgroupSizeZ: 64,
  maxComputeInvocationsPerWorkgroup: 256,
  maxComputeWorkgroupStorageSize: 32768,
  maxComputeWorkgroupsPerDimension: 65535,
  maxStorageBufferBindingSize: 2 ** 30,
  maxUniformBufferBindingSize: 65536,
  maxBufferSize: 2 ** 30,
} as GPUSupportedLimits;

Deno.test("candidates: the default first, each once, every one within the limits", () => {
  const g = trainGraph(configs.E({ width: 8, size: 32, classes: 10 }), 16);
  for (const traits of [CPU, GPU]) {
    const lim = { ...LIMITS, maxComputeInvocationsPerWorkgroup: traits.maxInvocations };
    const plan = lower(g, { tiles: tilePolicy(traits) });
    const seen = new Set<string>();
    for (const k of plan.kernels) {
      if (!isTunable(k.spec) || seen.has(shapeKey(k.spec))) continue;
      seen.add(shapeKey(k.spec));
      const tiles = candidateTiles(k.spec, traits);
      assert.deepStrictEqual(tiles[0], k.spec.tile, k.name);
      assert.ok(tiles.length >= 4, `${k.name}: ${tiles.length} candidates`);
      assert.strictEqual(new Set(tiles.map((t) => JSON.stringify(t))).size, tiles.length);
      for (const tile of tiles) {
        // A conv reads packed weights where its tile allows, as the lowering makes it.
        const spec = (k.spec.kind === "conv"
          ? withPacking({ ...k.spec, tile })
          : { ...k.spec, tile }) as KernelSpec;
        const e = emitKernel(spec);
        checkLimits(
          e,
          lim,
          `${k.name} ${JSON.stringify(tile)}`,
          storageSizes(spec).map((s) =>
            4 * s.elems
          ),
        );
      }
    }
    assert.ok(seen.size > 20);
  }
});

Deno.test("loadTuning: absent file is no table, a malformed one an error", async () => {
  const dir = await Deno.makeTempDir();
  const url = new URL(`file://${dir}/`);
  try {
    assert.strictEqual(await loadTuning("nothing-here", url), undefined);
    await Deno.writeTextFile(`${dir}/bad.json`, "{ not json");
    await assert.rejects(loadTuning("bad", url), TuningError);
    const broken = table([[conv, { ...tuned, bm: 3 }]]);
    await Deno.writeTextFile(`${dir}/tile.json`, JSON.stringify(broken));
    await assert.rejects(loadTuning("tile", url), /not a multiple of tm/);
    await Deno.writeTextFile(`${dir}/ok.json`, JSON.stringify(table([[conv, tuned]])));
    assert.deepStrictEqual((await loadTuning("ok", url))!.entries[shapeKey(conv)].tile, tuned);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("shipped tuning files: well-formed, named by their adapter, keys of real specs", async () => {
  let files = 0;
  for await (const f of Deno.readDir(TUNING_DIR)) {
    if (!f.name.endsWith(".json")) continue;
    files++;
    const key = f.name.slice(0, -".json".length);
    const t = (await loadTuning(key))!;
    assert.strictEqual(t.adapter.key, key, f.name);
    assert.strictEqual(adapterKey(t.adapter), key, f.name);
    for (const [k, e] of Object.entries(t.entries)) {
      const q = JSON.parse(k);
      assert.ok(isTunable(q), `${f.name}: ${k}`);
      // The key is its own spec's key (so the lowering can meet it), and the tile emits: with
      // the key's pool folded in where the tile takes it (a "direct" conv tile), else without
      // (the pool then runs as its own kernel).
      assert.strictEqual(shapeKey(q), k);
      const { pool, ...unpooled } = q as ConvSpec;
      emitKernel({ ...unpooled, tile: e.tile });
      if (pool && e.tile.variant === "direct") emitKernel({ ...q, tile: e.tile });
      assert.ok(e.tunedMs < e.defaultMs, `${f.name}: ${k} is no faster than its default`);
    }
  }
  assert.ok(files >= 1, "no tuning file shipped");
});
