// Dynamic loss scaling for f16 training (the scheme of Micikevicius et al. 2018, with PyTorch's
// GradScaler defaults): the loss gradient is multiplied by `scale` so that small gradients stay
// representable in f16; the update divides it out. A step whose weight gradients overflow
// (inf/NaN, found on the GPU) is skipped and the scale halved; after `interval` good steps in a
// row it doubles.
export interface LossScaleOptions {
  /** The first scale (2^16). */
  init?: number;
  /** Good steps before the scale grows (2000). */
  interval?: number;
  /** A saved state to continue from (a resumed run): wins over init. */
  from?: LossScaleState;
}

/** What a checkpoint keeps, so a resumed run scales (and skips) exactly as an unbroken one. */
export interface LossScaleState {
  scale: number;
  /** Good steps since the last overflow or growth. */
  good: number;
  /** Steps skipped so far. */
  skipped: number;
}

export class LossScaler {
  scale: number;
  readonly interval: number;
  private good = 0;
  /** Steps skipped so far (overflows). */
  skipped = 0;

  constructor(o: LossScaleOptions = {}) {
    this.scale = o.from?.scale ?? o.init ?? 2 ** 16;
    this.good = o.from?.good ?? 0;
    this.skipped = o.from?.skipped ?? 0;
    this.interval = o.interval ?? 2000;
  }

  state(): LossScaleState {
    return { scale: this.scale, good: this.good, skipped: this.skipped };
  }

  /** After a step: `overflow` says whether its gradients were not finite (the step skipped). */
  update(overflow: boolean): void {
    if (overflow) {
      this.skipped++;
      this.good = 0;
      // Below 2^-24 every f16 gradient would flush to zero: the scale cannot help there.
      this.scale = Math.max(2 ** -24, this.scale / 2);
      return;
    }
    if (++this.good >= this.interval) {
      this.good = 0;
      this.scale = Math.min(2 ** 24, this.scale * 2);
    }
  }
}
