import { computeDurations, type Durations, type KeyTimes } from './durations.ts';

/** A mention bucket as post-mortems store it. */
export interface VolumeBucket {
  at: Date;
  positive: number;
  neutral: number;
  negative: number;
}

/** The busiest bucket of a mention series (the first one on a tie), or undefined for none. */
export function peakOf<T extends VolumeBucket>(series: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestTotal = -1;
  for (const bucket of series) {
    const total = bucket.positive + bucket.neutral + bucket.negative;
    if (total > bestTotal) {
      best = bucket;
      bestTotal = total;
    }
  }
  return best;
}

/**
 * The durations of a written post-mortem: its four times, and the peak of its mention series
 * when it has one. The incident page, the library and the search index all show these.
 */
export function durationsOfPostmortem(
  postmortem: Omit<KeyTimes, 'peak'> & { impact: { mentionSeries?: readonly VolumeBucket[] | undefined } },
): Durations {
  return computeDurations({ ...postmortem, peak: peakOf(postmortem.impact.mentionSeries ?? [])?.at });
}
