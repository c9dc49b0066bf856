// `deno task train` with bad input: every mistake (a flag, a file, data that does not fit)
// gives one `error:` line on stderr, exit code 2, no stack trace, and writes nothing over: an
// existing run is not clobbered and a failed new run leaves no directory behind.
import assert from "node:assert";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { EMBEDDED_DIR } from "../data/make_embedded.ts";
import { runTrain } from "./helpers/cli.ts";

const tmp = await Deno.makeTempDir({ prefix: "cli_errors_" });
const QUICK = [
  "--train-limit",
  "64",
  "--test-limit",
  "50",
  "--batch",
  "32",
  "--eval-batch",
  "50",
  "--epochs",
  "1",
];
const EMB = ["--data", "fashion-mnist-embedded"];

const train = runTrain;

let outs = 0;
/** Runs the command with a fresh --out; checks the one-line error; returns it. */
async function fails(args: string[], want: RegExp): Promise<string> {
  const out = join(tmp, `out${outs++}`);
  const r = await train([...args, "--out", out]);
  assert.notStrictEqual(r.code, 0, `exit 0 for ${args.join(" ")}\n${r.stdout}`);
  assert.strictEqual(r.code, 2, r.stderr);
  const lines = r.stderr.trimEnd().split("\n");
  assert.strictEqual(lines.length, 1, `not one line for ${args.join(" ")}:\n${r.stderr}`);
  assert.match(lines[0], /^error: /);
  assert.doesNotMatch(lines[0], /Uncaught/);
  assert.doesNotMatch(r.stderr, /^\s+at /m);
  assert.match(lines[0], want);
  // A run that failed leaves no directory behind.
  await assert.rejects(
    Deno.stat(out),
    Deno.errors.NotFound,
    `${out} left behind by ${args.join(" ")}`,
  );
  return lines[0];
}

const cases: [string, string[], RegExp][] = [
  ["unknown flag", ["nets/a.ts", "--bogus", ...QUICK], /--bogus/],
  [
    "--precision f64",
    ["nets/a.ts", ...QUICK, "--precision", "f64"],
    /--precision must be one of f32, f16, got 'f64'/,
  ],
  [
    "--loss-scale without f16",
    ["nets/a.ts", ...QUICK, "--loss-scale", "1024"],
    /--loss-scale 1024: .*only with --precision f16/,
  ],
  [
    "--epochs abc",
    ["nets/a.ts", ...QUICK, "--epochs", "abc"],
    /--epochs must be a positive integer, got 'abc'/,
  ],
  [
    "--epochs 1.5",
    ["nets/a.ts", ...QUICK, "--epochs", "1.5"],
    /--epochs must be a positive integer/,
  ],
  [
    "--batch 0",
    ["nets/a.ts", ...QUICK, "--batch", "0"],
    /--batch must be a positive integer, got '0'/,
  ],
  ["--lr abc", ["nets/a.ts", ...QUICK, "--lr", "abc"], /--lr must be a number, got 'abc'/],
  [
    "--drop-at 2,x",
    ["nets/a.ts", ...QUICK, "--drop-at", "2,x"],
    /--drop-at must be a positive integer, got 'x'/,
  ],
  [
    "--init foo",
    ["nets/a.ts", ...QUICK, "--init", "foo"],
    /--init must be glorot or paper, got 'foo'/,
  ],
  [
    "--data bogus:",
    ["nets/a.ts", ...QUICK, "--data", "bogus:"],
    /--data "bogus:": missing directory; accepted: fashion-mnist/,
  ],
  ["--data nonsense", ["nets/a.ts", ...QUICK, "--data", "nonsense"], /unknown data source/],
  ["missing NET", [...QUICK], /missing NET/],
  ["two NETs", ["nets/a.ts", "nets/b.ts", ...QUICK], /unexpected argument 'nets\/b.ts'/],
  ["missing net file", ["nets/zzz.ts", ...QUICK], /net file nets\/zzz.ts does not exist/],
  [
    "classes do not fit",
    ["nets/a.ts", "--width", "16", "--classes", "5", ...EMB, ...QUICK],
    /5 classes but .* has 10 \(use --classes 10\)/,
  ],
  [
    "channels do not fit",
    ["nets/a.ts", "--width", "16", "--channels", "3", ...EMB, ...QUICK],
    /takes 3x32x32 inputs but .* 1x32x32/,
  ],
  [
    "--batch larger than the data",
    ["nets/a.ts", "--width", "16", ...EMB, ...QUICK, "--batch", "96"],
    // 96 alone is fine (the default micro-batch divides it); 64 images are not enough.
    /--batch 96 is larger than the 64 training images/,
  ],
  [
    "--micro-batch that does not divide --batch",
    ["nets/a.ts", "--width", "16", ...EMB, ...QUICK, "--micro-batch", "24"],
    /--batch 32 is not a multiple of --micro-batch 24/,
  ],
  [
    "--resume without a checkpoint",
    ["--resume", "/nonexistent/run"],
    /--resume \/nonexistent\/run: no checkpoint.safetensors there/,
  ],
  [
    "--init-from a missing file",
    ["nets/a.ts", "--width", "16", ...EMB, ...QUICK, "--init-from", "/nonexistent/a.safetensors"],
    /\/nonexistent\/a.safetensors: file not found/,
  ],
];

for (const [name, args, want] of cases) {
  Deno.test(`train: ${name}`, async () => {
    await fails(args, want);
  });
}

Deno.test("train: a .ts file that does not export a net, or fails to load", async () => {
  const nonet = join(tmp, "nonet.ts"),
    broken = join(tmp, "broken.ts"),
    bad = join(tmp, "bad_variant.ts");
  await Deno.writeTextFile(nonet, "export const x = 1;\n");
  await Deno.writeTextFile(broken, 'throw new Error("boom at load");\n');
  await Deno.writeTextFile(
    bad,
    'export function variant() { throw new Error("no such width"); }\n',
  );
  await fails(
    [nonet, ...QUICK],
    /does not export a net \(export variant\(opts\) or a default Model\)/,
  );
  await fails([broken, ...QUICK], /failed to load: .*boom at load/);
  await fails([bad, ...QUICK], /bad_variant.ts: no such width/);
});

Deno.test("train: a truncated or corrupt IDX file in --data fashion-mnist:DIR", async () => {
  const dir = join(tmp, "fm");
  await Deno.mkdir(dir);
  for (
    const f of [
      "train-images-idx3-ubyte.gz",
      "train-labels-idx1-ubyte.gz",
      "t10k-images-idx3-ubyte.gz",
    ]
  ) {
    await Deno.copyFile(join(EMBEDDED_DIR, f), join(dir, f));
  }
  // Test labels unpacked and cut short: the header promises more labels than the file holds.
  const labels = new Uint8Array(
    gunzipSync(await Deno.readFile(join(EMBEDDED_DIR, "t10k-labels-idx1-ubyte.gz"))),
  );
  await Deno.writeFile(
    join(dir, "t10k-labels-idx1-ubyte"),
    labels.subarray(0, labels.length - 100),
  );
  const args = ["nets/a.ts", "--width", "16", "--data", `fashion-mnist:${dir}`, ...QUICK];
  await fails(
    args,
    /t10k-labels-idx1-ubyte: truncated IDX data: dims \[\d+\] need \d+ bytes, found \d+/,
  );
  // Training images: a gzip stream cut in half.
  const gz = await Deno.readFile(join(EMBEDDED_DIR, "train-images-idx3-ubyte.gz"));
  await Deno.writeFile(join(dir, "train-images-idx3-ubyte.gz"), gz.subarray(0, gz.length >> 1));
  await fails(args, /train-images-idx3-ubyte.gz: (corrupt gzip data|truncated)/);
});

Deno.test("train: an existing run directory is not clobbered without --resume", async () => {
  const run = join(tmp, "existing");
  await Deno.mkdir(run);
  const files = {
    "checkpoint.safetensors": "not really a checkpoint",
    "config.json": '{"mine": true}\n',
  };
  for (const [f, text] of Object.entries(files)) await Deno.writeTextFile(join(run, f), text);
  const r = await train(["nets/a.ts", "--width", "16", ...EMB, ...QUICK, "--out", run]);
  assert.strictEqual(r.code, 2, r.stderr);
  assert.match(r.stderr, /^error: .*already holds a run; use --resume .* or another --out\n$/);
  for (const [f, text] of Object.entries(files)) {
    assert.strictEqual(await Deno.readTextFile(join(run, f)), text, f);
  }
  assert.deepStrictEqual(
    [...Deno.readDirSync(run)].map((e) => e.name).sort(),
    Object.keys(files).sort(),
  );
});

Deno.test("train --resume: a corrupt checkpoint or a missing config.json is one line", async () => {
  const run = join(tmp, "corrupt");
  await Deno.mkdir(run);
  await Deno.writeTextFile(join(run, "checkpoint.safetensors"), "garbage");
  const r1 = await train(["--resume", run]);
  assert.strictEqual(r1.code, 2, r1.stderr);
  assert.match(r1.stderr, /^error: --resume .*: cannot read its config.json/);
  assert.strictEqual(r1.stderr.trimEnd().split("\n").length, 1, r1.stderr);
  await Deno.writeTextFile(
    join(run, "config.json"),
    JSON.stringify({
      net: "nets/a.ts",
      variant: { width: 16 },
      data: "fashion-mnist-embedded",
      epochs: 1,
      batch: 32,
      microBatch: 32,
      lr: 0.01,
      momentum: 0.9,
      weightDecay: 5e-4,
      patience: 2,
      maxDrops: 3,
      init: "glorot",
      seed: 1,
      trainLimit: 64,
      testLimit: 50,
      evalBatch: 50,
      checkpointEveryS: 300,
    }),
  );
  const r2 = await train(["--resume", run]);
  assert.strictEqual(r2.code, 2, r2.stderr);
  assert.strictEqual(r2.stderr.trimEnd().split("\n").length, 1, r2.stderr);
  assert.match(r2.stderr, /^error: .*checkpoint.safetensors/);
  assert.doesNotMatch(r2.stderr, /^\s+at /m);
  assert.strictEqual(await Deno.readTextFile(join(run, "checkpoint.safetensors")), "garbage");
});

Deno.test({
  name: "train errors: cleanup",
  fn: async () => {
    await Deno.remove(tmp, { recursive: true });
  },
});
