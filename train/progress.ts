// Progress for long work: one updating line on a terminal (epoch, step, loss, images/s, ETA),
// or one JSON object per event with --json.
export class Progress {
  private last = 0;
  /** `quiet`: print nothing (the ranks other than 0 of a data-parallel run). `tty`: redraw one
   *  line (MPI launchers may hand ranks a pseudo-terminal whose output ends up in a log). */
  constructor(
    readonly json: boolean,
    readonly quiet = false,
    private readonly tty = Deno.stdout.isTerminal(),
  ) {}

  step(
    o: {
      epoch: number;
      epochs: number;
      batch: number;
      batches: number;
      loss: number;
      acc: number;
      imagesPerS: number;
      etaS: number;
      lr: number;
    },
  ): void {
    if (this.quiet) return;
    if (this.json) {
      console.log(JSON.stringify({ event: "step", ...o }));
      return;
    }
    const now = performance.now();
    // On a terminal redraw at most 5 times a second; in a log, print every ~10 s.
    if (now - this.last < (this.tty ? 200 : 10_000) && o.batch !== o.batches) return;
    this.last = now;
    const line =
      `epoch ${o.epoch + 1}/${o.epochs}  step ${o.batch}/${o.batches}  loss ${
        o.loss.toFixed(4)
      }  ` +
      `acc ${(100 * o.acc).toFixed(1)}%  ${o.imagesPerS.toFixed(1)} img/s  lr ${
        o.lr.toExponential(1)
      }  ETA ${eta(o.etaS)}`;
    if (this.tty) Deno.stdout.writeSync(new TextEncoder().encode(`\r\x1b[K${line}`));
    else console.log(line);
  }

  /** An event for programs only: printed with --json, nothing on a terminal. */
  jsonEvent(kind: string, o: Record<string, unknown>): void {
    if (!this.quiet && this.json) console.log(JSON.stringify({ event: kind, ...o }));
  }

  event(kind: string, o: Record<string, unknown>, text: string): void {
    if (this.quiet) return;
    if (this.json) console.log(JSON.stringify({ event: kind, ...o }));
    else {
      if (this.tty) Deno.stdout.writeSync(new TextEncoder().encode("\r\x1b[K"));
      console.log(text);
    }
  }
}

export function eta(s: number): string {
  if (!Number.isFinite(s)) return "?";
  const m = Math.floor(s / 60), sec = Math.round(s % 60);
  return m >= 60
    ? `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`
    : `${m}m${String(sec).padStart(2, "0")}s`;
}
