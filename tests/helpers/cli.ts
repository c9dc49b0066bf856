// The training CLI as the tests run it: `deno run -A cli/train.ts ARGS` in a child process from
// the repository root, stdin closed, so each test sees exactly what a user's shell would (exit
// code, stdout, stderr, files written).

/** The repository root. */
export const ROOT = new URL("../..", import.meta.url).pathname;

/** The child process, not started: `.output()` to run it to the end, `.spawn()` to signal it. */
export function trainCommand(args: string[]): Deno.Command {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "cli/train.ts", ...args],
    cwd: ROOT,
    env: { XDG_RUNTIME_DIR: "/tmp" },
    stdout: "piped",
    stderr: "piped",
    stdin: "null",
  });
}

export interface TrainResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the training CLI to its end. */
export async function runTrain(args: string[]): Promise<TrainResult> {
  const r = await trainCommand(args).output();
  const text = new TextDecoder();
  return { code: r.code, stdout: text.decode(r.stdout), stderr: text.decode(r.stderr) };
}

/** The `--json` event lines of a run's stdout, parsed. */
export function jsonEvents(stdout: string): Record<string, unknown>[] {
  return stdout.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/** The flags of a run that takes seconds: width /16, the embedded Fashion-MNIST cut to
 *  `train` training and `test` test images, batch 32 (evaluation 50). */
export function tinyRun(train: number, test = 100): string[] {
  return [
    ...["--width", "16", "--data", "fashion-mnist-embedded"],
    ...[
      "--train-limit",
      `${train}`,
      "--test-limit",
      `${test}`,
      "--batch",
      "32",
      "--eval-batch",
      "50",
    ],
  ];
}
