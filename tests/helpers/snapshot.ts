// Snapshot assertions: `assertSnapshot("ir/e_forward.txt", text)` compares `text` with the file
// tests/snapshots/ir/e_forward.txt. `UPDATE_SNAPSHOTS=1` (what `deno task snapshots` sets)
// rewrites the file instead; a missing file is a failure otherwise, so CI never passes by
// silently creating the snapshot it should compare against.
import { AssertionError } from "node:assert";
import { dirname, join } from "node:path";

/** tests/snapshots, found from this file so tests may run from any working directory. */
const root = join(import.meta.dirname!, "..", "snapshots");

const updating = () => Deno.env.get("UPDATE_SNAPSHOTS") === "1";

export function assertSnapshot(name: string, actual: string): void {
  const file = join(root, name);
  if (updating()) {
    Deno.mkdirSync(dirname(file), { recursive: true });
    Deno.writeTextFileSync(file, actual);
    return;
  }
  let expected: string;
  try {
    expected = Deno.readTextFileSync(file);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
    throw new AssertionError({
      message: `snapshot ${name} does not exist (${file}); run \`deno task snapshots\` ` +
        "(UPDATE_SNAPSHOTS=1) to create it, then review and commit it",
    });
  }
  if (expected === actual) return;
  throw new AssertionError({
    message: `snapshot ${name} differs (- snapshot, + actual); if the change is intended, ` +
      `run \`deno task snapshots\`\n${lineDiff(expected, actual)}`,
  });
}

/** The first `limit` differing lines, each as `-NNN text` (snapshot) or `+NNN text` (actual).
 *  Lines are paired by position after skipping the common prefix and suffix: enough to see
 *  what changed in generated code, without a full LCS diff. */
export function lineDiff(expected: string, actual: string, limit = 40): string {
  const a = expected.split("\n"), b = actual.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head && tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) tail++;
  const out: string[] = [`@@ line ${head + 1} @@`];
  const width = String(Math.max(a.length, b.length)).length;
  const num = (i: number) => String(i + 1).padStart(width);
  let shown = 0;
  for (let i = head; i < Math.max(a.length, b.length) - tail && shown < limit; i++) {
    const inA = i < a.length - tail, inB = i < b.length - tail;
    if (inA && inB && a[i] === b[i]) continue;
    if (inA) out.push(`-${num(i)} ${a[i]}`);
    if (inB) out.push(`+${num(i)} ${b[i]}`);
    shown++;
  }
  const differing = Math.max(a.length, b.length) - tail - head;
  if (shown === limit && differing > limit) out.push(`... (${differing - limit} more lines)`);
  return out.join("\n");
}
