/**
 * The durations a post-mortem is judged by, computed the same way for imported drafts and for
 * hand-written pages (the site shows them from the front matter). Pure: Dates in, minutes out.
 */
import type { z } from 'zod';
import type { durationsSchema } from '../../schema/open-data.ts';

/** The moments the durations are measured between. */
export interface KeyTimes {
  /** When it began. */
  started: Date;
  /** When someone on the team first knew. */
  detected: Date;
  /** When the brand first said something in public, if it did. */
  firstResponse?: Date | undefined;
  /** When it was over, if it is. */
  resolved?: Date | undefined;
  /** Start of the busiest hour of mentions, if volume was measured. */
  peak?: Date | undefined;
}

/**
 * Whole minutes; a field is absent when one of its two moments is unknown. The shape is the
 * open data's (src/schema/open-data.ts, where each field is described), the one schema of it.
 */
export type Durations = z.output<typeof durationsSchema>;

const MINUTE = 60_000;

function minutesBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / MINUTE);
}

export function computeDurations(times: KeyTimes): Durations {
  const durations: Durations = { toDetect: minutesBetween(times.started, times.detected) };
  if (times.firstResponse) durations.toFirstResponse = minutesBetween(times.detected, times.firstResponse);
  if (times.resolved) durations.toResolve = minutesBetween(times.started, times.resolved);
  if (times.firstResponse && times.peak) durations.responseAfterPeak = minutesBetween(times.peak, times.firstResponse);
  return durations;
}

/** `45 min`, `2 h 5 min`, `3 d 4 h`: how a reader says a duration. Negative values get a minus sign. */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  let rest = Math.abs(Math.round(minutes));
  if (rest < 60) return `${sign}${rest} min`;
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  if (days > 0) return `${sign}${days} d${hours > 0 ? ` ${hours} h` : ''}`;
  return `${sign}${hours} h${mins > 0 ? ` ${mins} min` : ''}`;
}
