/**
 * A small promise pool: run `fn(0..count-1)` with at most `limit` calls in flight. Decoding is
 * done by libvips threads, so keeping several decodes outstanding is what makes it parallel.
 */
export async function forEachConcurrent(
  count: number,
  limit: number,
  fn: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < count) {
      const i = next++;
      try {
        await fn(i);
      } catch (e) {
        // Stop handing out new work; the first error is reported by Promise.all.
        failed = true;
        throw e;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker);
  // allSettled first so no worker is still running (or rejecting unobserved) when we return.
  const results = await Promise.allSettled(workers);
  const bad = results.find((r) => r.status === "rejected");
  if (bad) throw (bad as PromiseRejectedResult).reason;
}

/**
 * Jobs that arrive over time, run in arrival order with at most `limit` at once (the decode
 * workers' and processes' samples in flight). Jobs handle their own errors; `idle()` resolves
 * once nothing is queued or running.
 */
export class JobQueue {
  private waiting: (() => Promise<void>)[] = [];
  private running = 0;
  private idlers: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  push(job: () => Promise<void>): void {
    this.waiting.push(job);
    this.pump();
  }

  idle(): Promise<void> {
    if (!this.running && !this.waiting.length) return Promise.resolve();
    return new Promise((resolve) => this.idlers.push(resolve));
  }

  private pump(): void {
    while (this.running < this.limit && this.waiting.length) {
      const job = this.waiting.shift()!;
      this.running++;
      job().finally(() => {
        this.running--;
        this.pump();
        if (!this.running && !this.waiting.length) this.idlers.splice(0).forEach((r) => r());
      });
    }
  }
}
