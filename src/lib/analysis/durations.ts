/**
 * The durations of an incident, computed from its timestamps (never typed in by hand). Used by
 * the incident pages, the library's sort and the importer's drafted lessons, so all agree.
 */

export interface IncidentTimes {
  started: Date;
  detected: Date;
  firstResponse?: Date | undefined;
  resolved?: Date | undefined;
  /** Start of the busiest hour of mentions, when a mention series is known. */
  peak?: Date | undefined;
}

export interface IncidentDurations {
  /** From the start of the incident until someone on the team knew. */
  toDetect: number;
  /** From the start until the brand's first public word: what the public experienced. */
  toFirstResponse?: number;
  /** From detection until the first public word: what the team controlled. */
  detectionToResponse?: number;
  /** From the start until things were back to normal. */
  toResolve?: number;
  /** First response minus peak hour: negative means the brand spoke before the peak. */
  responseAfterPeak?: number;
}

const minutesBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 60_000);

/** All durations in whole minutes; a duration is absent when one of its ends is unknown. */
export function computeDurations(times: IncidentTimes): IncidentDurations {
  const { started, detected, firstResponse, resolved, peak } = times;
  return {
    toDetect: minutesBetween(started, detected),
    ...(firstResponse ? { toFirstResponse: minutesBetween(started, firstResponse) } : {}),
    ...(firstResponse ? { detectionToResponse: minutesBetween(detected, firstResponse) } : {}),
    ...(resolved ? { toResolve: minutesBetween(started, resolved) } : {}),
    ...(firstResponse && peak ? { responseAfterPeak: minutesBetween(peak, firstResponse) } : {}),
  };
}

/** "45 min", "3 h 20 min", "2 d 5 h": precise enough to compare, short enough to scan. */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  let rest = Math.abs(minutes);
  if (rest < 60) return `${sign}${rest} min`;
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  if (days > 0) return `${sign}${days} d${hours ? ` ${hours} h` : ''}`;
  return `${sign}${hours} h${mins ? ` ${mins} min` : ''}`;
}
