import type { PartialIncident } from '../model/incident.ts';
import { utcMinute, WINDOW_MARGIN_HOURS } from './window.ts';

/**
 * Which period each export covers, and a warning when two of them do not meet: a listening
 * export of last year's incident combined with this year's war room is a mistake the page
 * would otherwise hide (the window keeps one, the other simply vanishes).
 */

const HOUR_MS = 3_600_000;

/** Most pairs named; more would drown the page's notes. */
const MAX_PERIOD_WARNINGS = 5;

export interface ExportPeriod {
  file: string;
  first: Date;
  last: Date;
}

/** The first and last dated thing in one export (events, hours with mentions, stated times). */
export function exportPeriod(partial: PartialIncident): ExportPeriod | undefined {
  let first = Infinity;
  let last = -Infinity;
  const see = (ms: number) => {
    if (ms < first) first = ms;
    if (ms > last) last = ms;
  };
  for (const event of partial.events) see(event.at.getTime());
  for (const bucket of partial.mentions?.series ?? []) {
    if (bucket.positive + bucket.neutral + bucket.negative > 0) {
      see(bucket.at.getTime());
      see(bucket.at.getTime() + HOUR_MS - 1);
    }
  }
  for (const date of [partial.started, partial.detected, partial.resolved]) if (date) see(date.getTime());
  if (first === Infinity) return undefined;
  return { file: partial.file, first: new Date(first), last: new Date(last) };
}

function describe(period: ExportPeriod): string {
  return `${period.file} (${utcMinute(period.first)} to ${utcMinute(period.last)})`;
}

/**
 * One warning per pair of exports whose periods are more than WINDOW_MARGIN_HOURS apart,
 * naming both files and their periods.
 */
export function differentPeriodWarnings(partials: readonly PartialIncident[]): string[] {
  const periods = partials.map(exportPeriod).filter((period): period is ExportPeriod => period !== undefined);
  const gap = WINDOW_MARGIN_HOURS * HOUR_MS;
  const warnings: string[] = [];
  let pairs = 0;
  for (let i = 0; i < periods.length; i++) {
    for (let j = i + 1; j < periods.length; j++) {
      const [a, b] = [periods[i]!, periods[j]!].sort((x, y) => x.first.getTime() - y.first.getTime());
      if (b!.first.getTime() - a!.last.getTime() <= gap) continue;
      pairs++;
      if (warnings.length < MAX_PERIOD_WARNINGS)
        warnings.push(
          `${describe(a!)} and ${describe(b!)} cover different periods; check that both exports are of this incident.`,
        );
    }
  }
  if (pairs > warnings.length)
    warnings.push(`${pairs - warnings.length} more pairs of exports cover different periods.`);
  return warnings;
}
