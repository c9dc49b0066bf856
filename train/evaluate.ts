// Validation: loss, top-1 and top-5 accuracy of logits against labels (computed on the CPU
// from the forward's logits), plus a confusion matrix for per-class summaries.
export interface EvalResult {
  count: number;
  loss: number;
  top1: number;
  top5: number;
  /** confusion[true][predicted] counts. */
  confusion: number[][];
}

export class EvalAccumulator {
  private n = 0;
  private lossSum = 0;
  private c1 = 0;
  private c5 = 0;
  readonly confusion: number[][];
  constructor(readonly classes: number) {
    this.confusion = Array.from({ length: classes }, () => new Array(classes).fill(0));
  }

  /** Adds rows of class probabilities (or of logits with `logits: true`). */
  add(scores: Float32Array, labels: Int32Array, count: number, logits: boolean): void {
    const k = this.classes;
    for (let r = 0; r < count; r++) {
      const row = scores.subarray(r * k, (r + 1) * k), y = labels[r];
      let loss: number;
      if (logits) {
        const mx = Math.max(...row);
        let s = 0;
        for (const v of row) s += Math.exp(v - mx);
        loss = Math.log(s) + mx - row[y];
      } else loss = -Math.log(Math.max(row[y], 1e-30));
      this.lossSum += loss;
      // Rank of the true class: the classes scoring higher, and those scoring the same with a
      // lower index (argmax takes the first maximum), as the GPU's topk_correct counts. A row
      // with a NaN ranks the label last: a diverged net scores nothing (all-NaN or all-equal
      // rows used to count as correct for every label).
      let higher = row.some(Number.isNaN) ? Infinity : 0, arg = 0;
      for (let j = 0; j < k && higher < k; j++) {
        if (row[j] > row[y] || (row[j] === row[y] && j < y)) higher++;
        if (row[j] > row[arg]) arg = j;
      }
      if (higher === 0) this.c1++;
      if (higher < 5) this.c5++;
      this.confusion[y][arg]++;
      this.n++;
    }
  }

  result(): EvalResult {
    return {
      count: this.n,
      loss: this.lossSum / this.n,
      top1: this.c1 / this.n,
      top5: this.c5 / this.n,
      confusion: this.confusion,
    };
  }
}

/** Softmax of each row of logits. */
export function softmaxRows(logits: Float32Array, classes: number): Float32Array {
  const out = new Float32Array(logits.length);
  for (let r = 0; r * classes < logits.length; r++) {
    const row = logits.subarray(r * classes, (r + 1) * classes);
    const mx = Math.max(...row);
    let s = 0;
    for (let j = 0; j < classes; j++) s += out[r * classes + j] = Math.exp(row[j] - mx);
    for (let j = 0; j < classes; j++) out[r * classes + j] /= s;
  }
  return out;
}
