import { ImportError } from '../errors.ts';
import type { PartialIncident } from '../model/incident.ts';

/**
 * The incident window: the stretch of time one draft is about. Exports rarely cover exactly one
 * incident (an X capture holds a post from 2010, a listening export runs for months), and every
 * mention outside the incident stretches the chart, the start time and the page's date.
 *
 * The window is found, in this order of preference, from:
 * 1. `--from` / `--to`, exactly as given (each bound on its own);
 * 2. the war-room and incident-tool evidence: the first and last internal record (chat message,
 *    log entry) and the times an incident tool states (created, acknowledged, resolved), widened
 *    by WINDOW_MARGIN_HOURS on each side for the build-up before and the tail after;
 * 3. with listening or platform data only, the busiest period: the run of hours around the
 *    peak hour in which no silence lasts longer than QUIET_GAP_HOURS, and if that run is longer
 *    than BUSIEST_MAX_HOURS, its BUSIEST_MAX_HOURS stretch with the most mentions.
 * Windows are whole UTC hours, because mention volume is counted by the hour.
 */

const HOUR_MS = 3_600_000;

/** Hours kept before the first and after the last war-room or incident-tool record. */
export const WINDOW_MARGIN_HOURS = 24;

/** Listening data only: a silence longer than this ends the busy period around the peak. */
export const QUIET_GAP_HOURS = 24;

/** Listening data only: the longest busy period kept (14 days). */
export const BUSIEST_MAX_HOURS = 14 * 24;

/** `--from` / `--to` as instants; `to` is inclusive (its whole hour is kept). */
export interface WindowBounds {
  from?: Date | undefined;
  to?: Date | undefined;
}

/** Where one bound of the window came from. */
export type BoundBasis = 'option' | 'evidence' | 'busiest' | 'data';

export interface IncidentWindow {
  /** The first instant kept (start of an hour). */
  from: Date;
  /** The first instant no longer kept (start of an hour). */
  to: Date;
  fromBasis: BoundBasis;
  toBasis: BoundBasis;
  /** One sentence: the window and how it was found, for `--explain` and the page's notes. */
  description: string;
}

const floorHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;

// Loops, not Math.min(...values): a war room of 200,000 messages would overflow the call stack.
function minOf(values: readonly number[]): number {
  let best = Infinity;
  for (const value of values) if (value < best) best = value;
  return best;
}

function maxOf(values: readonly number[]): number {
  let best = -Infinity;
  for (const value of values) if (value > best) best = value;
  return best;
}

/** `2026-03-13 09:00 UTC`: notes state the zone, so no time on the page is zone-less. */
export function utcMinute(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** True when the export's `started` is only its own first mention or post, not a stated time. */
function startIsDerived(partial: PartialIncident, started: number): boolean {
  return (
    partial.mentions?.first?.getTime() === started ||
    partial.events.some((event) => event.visibility === 'public' && event.at.getTime() === started)
  );
}

/** The war-room and incident-tool evidence of one export: internal records and stated times. */
export function evidenceTimes(partial: PartialIncident): number[] {
  const times = partial.events
    .filter((event) => event.visibility === 'internal' && event.kind !== 'metric')
    .map((event) => event.at.getTime());
  for (const date of [partial.detected, partial.resolved]) if (date) times.push(date.getTime());
  if (partial.started && !startIsDerived(partial, partial.started.getTime())) times.push(partial.started.getTime());
  return times;
}

/** Public activity by hour (mentions, posts): what the busiest-period rule looks at. */
function activityByHour(partials: readonly PartialIncident[]): [hour: number, count: number][] {
  const hours = new Map<number, number>();
  const add = (hour: number, count: number) => hours.set(hour, (hours.get(hour) ?? 0) + count);
  for (const partial of partials) {
    for (const bucket of partial.mentions?.series ?? []) {
      const count = bucket.positive + bucket.neutral + bucket.negative;
      if (count > 0) add(floorHour(bucket.at.getTime()), count);
    }
    // Metric events restate the mention series; counting them again would weigh it twice.
    for (const event of partial.events) if (event.kind !== 'metric') add(floorHour(event.at.getTime()), 1);
  }
  return [...hours].sort((a, b) => a[0] - b[0]);
}

/** The busiest period of the activity (rule 3 above), as [first hour, end) in ms. */
function busiestPeriod(activity: [number, number][]): { from: number; to: number; capped: boolean } {
  let peak = 0;
  for (let i = 1; i < activity.length; i++) if (activity[i]![1] > activity[peak]![1]) peak = i;
  let lo = peak;
  let hi = peak;
  const gap = QUIET_GAP_HOURS * HOUR_MS;
  while (lo > 0 && activity[lo]![0] - activity[lo - 1]![0] <= gap) lo--;
  while (hi < activity.length - 1 && activity[hi + 1]![0] - activity[hi]![0] <= gap) hi++;
  const span = BUSIEST_MAX_HOURS * HOUR_MS;
  if (activity[hi]![0] + HOUR_MS - activity[lo]![0] <= span) {
    return { from: activity[lo]![0], to: activity[hi]![0] + HOUR_MS, capped: false };
  }
  // Slide a BUSIEST_MAX_HOURS frame over the run and keep the one with the most mentions
  // (the earliest on a tie).
  let best = { from: activity[lo]![0], sum: -1 };
  let sum = 0;
  let start = lo;
  for (let end = lo; end <= hi; end++) {
    sum += activity[end]![1];
    while (activity[end]![0] + HOUR_MS - activity[start]![0] > span) sum -= activity[start++]![1];
    if (sum > best.sum) best = { from: activity[start]![0], sum };
  }
  return { from: best.from, to: best.from + span, capped: true };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The incident window of these exports (see the rules above), or undefined when nothing in them
 * is dated. Throws ImportError when `--from` is not before `--to`.
 */
export function findIncidentWindow(
  partials: readonly PartialIncident[],
  bounds: WindowBounds = {},
): IncidentWindow | undefined {
  if (bounds.from && bounds.to && bounds.from.getTime() > bounds.to.getTime()) {
    throw new ImportError(
      '--from/--to',
      `--from ${utcMinute(bounds.from)} is after --to ${utcMinute(bounds.to)}; expected --from before --to`,
    );
  }
  const evidence = partials.flatMap(evidenceTimes);
  const activity = activityByHour(partials);
  const margin = WINDOW_MARGIN_HOURS * HOUR_MS;

  // The data's own edges: where a bound ends when nothing else decides it.
  const dated = [...evidence, ...activity.map(([hour]) => hour)];
  if (dated.length === 0 && !(bounds.from && bounds.to)) return undefined;

  let from: number | undefined;
  let to: number | undefined;
  let basis: BoundBasis = 'data';
  let how = 'the whole span of the exports';
  if (evidence.length > 0) {
    from = floorHour(minOf(evidence)) - margin;
    to = floorHour(maxOf(evidence)) + HOUR_MS + margin;
    basis = 'evidence';
    how = `the war-room and incident-tool records, plus ${WINDOW_MARGIN_HOURS} h either side`;
  } else if (activity.length > 0) {
    const busiest = busiestPeriod(activity);
    from = busiest.from;
    to = busiest.to;
    basis = 'busiest';
    how = busiest.capped
      ? `the busiest ${BUSIEST_MAX_HOURS / 24} days of mentions`
      : `the busy period around the peak hour, up to a silence of over ${QUIET_GAP_HOURS} h`;
  }
  let fromBasis: BoundBasis = basis;
  let toBasis: BoundBasis = basis;
  if (bounds.from) {
    from = floorHour(bounds.from.getTime());
    fromBasis = 'option';
  }
  if (bounds.to) {
    to = floorHour(bounds.to.getTime()) + HOUR_MS;
    toBasis = 'option';
  }
  // A bound given on its own keeps the other from the rules, or the data's edge when the
  // rules found none or one on the wrong side of it.
  if (from === undefined || (toBasis === 'option' && fromBasis !== 'option' && from >= to!)) {
    from = floorHour(minOf(dated));
    fromBasis = 'data';
  }
  if (to === undefined || (fromBasis === 'option' && toBasis !== 'option' && to <= from)) {
    to = floorHour(maxOf(dated)) + HOUR_MS;
    toBasis = 'data';
  }
  if (fromBasis === 'busiest' && toBasis === 'busiest') how = `no war-room or incident-tool export, so ${how}`;
  if (fromBasis === 'option' && toBasis === 'option') how = 'as given with --from and --to';
  else if (fromBasis === 'option')
    how = toBasis === 'data' ? 'from --from to the end of the exports' : `start from --from, end from ${how}`;
  else if (toBasis === 'option')
    how = fromBasis === 'data' ? 'from the start of the exports to --to' : `end from --to, start from ${how}`;
  return {
    from: new Date(from),
    to: new Date(to),
    fromBasis,
    toBasis,
    description: `Incident window ${utcMinute(new Date(from))} to ${utcMinute(new Date(to))} (${how}).`,
  };
}

/** What a window left out of one export, before and after it. */
export interface LeftOut {
  mentionsBefore: number;
  mentionsAfter: number;
  eventsBefore: number;
  eventsAfter: number;
}

/** "412 mentions before 2026-03-13 09:00 UTC and 3 mentions from … on were left out (…)". */
export function describeLeftOut(leftOut: LeftOut, window: IncidentWindow): string | undefined {
  const side = (mentions: number, events: number, where: string) => {
    const parts = [mentions > 0 && plural(mentions, 'mention'), events > 0 && plural(events, 'event')].filter(Boolean);
    return parts.length > 0 ? `${parts.join(' and ')} ${where}` : undefined;
  };
  const sides = [
    side(leftOut.mentionsBefore, leftOut.eventsBefore, `before ${utcMinute(window.from)}`),
    side(leftOut.mentionsAfter, leftOut.eventsAfter, `from ${utcMinute(window.to)} on`),
  ].filter(Boolean);
  if (sides.length === 0) return undefined;
  const total = leftOut.mentionsBefore + leftOut.eventsBefore + leftOut.mentionsAfter + leftOut.eventsAfter;
  return `${sides.join(', and ')} ${total === 1 ? 'was' : 'were'} left out (outside the incident window); pass --from/--to to choose the window.`;
}
