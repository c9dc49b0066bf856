/**
 * Bookkeeping of the samples replaced because their file was unreadable (data/imagefolder.ts):
 * a warning the first time each file turns up, and per-epoch counts and names for the run's
 * metrics.
 */
import type { SkippedSample } from "./dataset.ts";

export type SplitName = "train" | "test";

export class SkipLog {
  private readonly known = new Set<string>();
  private counts = { train: 0, test: 0 };
  private fresh: string[] = [];

  /** `warn` is called once per unreadable file. */
  constructor(
    private readonly warn: (s: SkippedSample, split: SplitName) => void,
  ) {}

  add(skipped: readonly SkippedSample[], split: SplitName): void {
    for (const s of skipped) {
      this.counts[split]++;
      if (this.known.has(s.path)) continue;
      this.known.add(s.path);
      this.fresh.push(s.path);
      this.warn(s, split);
    }
  }

  /** Every unreadable file seen so far. */
  get files(): string[] {
    return [...this.known];
  }

  /**
   * The metrics fields of the epoch that just ended (samples replaced in each split, files first
   * found in it), then counting starts again. Empty when nothing was skipped, so the rows of a
   * clean dataset look as before.
   */
  takeEpoch(): Record<string, number | string[]> {
    const { train, test } = this.counts;
    const out: Record<string, number | string[]> = train || test || this.fresh.length
      ? { skipped_images: train, test_skipped_images: test, bad_files: this.fresh }
      : {};
    this.counts = { train: 0, test: 0 };
    this.fresh = [];
    return out;
  }
}
