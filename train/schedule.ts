// The learning-rate schedule of section 3.1: start at lr0, divide by 10 when validation accuracy
// stops improving for `patience` epochs, at most `maxDrops` times; or at explicit epochs.
export interface ScheduleState {
  lr: number;
  drops: number;
  best: number;
  /** Epochs since `best` improved. */
  stale: number;
}

export interface ScheduleConfig {
  lr0: number;
  patience: number;
  maxDrops: number;
  /** When given, drop at the end of these epochs instead of on plateaus. */
  dropAt?: number[];
}

export function initialSchedule(c: ScheduleConfig): ScheduleState {
  return { lr: c.lr0, drops: 0, best: -Infinity, stale: 0 };
}

/** The state after an epoch that reached validation accuracy `acc`. */
export function afterEpoch(
  c: ScheduleConfig,
  s: ScheduleState,
  epoch: number,
  acc: number,
): ScheduleState {
  const improved = acc > s.best;
  const next = { ...s, best: Math.max(s.best, acc), stale: improved ? 0 : s.stale + 1 };
  const drop = c.dropAt ? c.dropAt.includes(epoch) : next.stale >= c.patience;
  // Explicit --drop-at epochs are all honoured; maxDrops caps the plateau rule.
  if (drop && (c.dropAt !== undefined || s.drops < c.maxDrops)) {
    return { ...next, lr: s.lr / 10, drops: s.drops + 1, stale: 0 };
  }
  return next;
}
