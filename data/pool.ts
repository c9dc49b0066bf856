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
