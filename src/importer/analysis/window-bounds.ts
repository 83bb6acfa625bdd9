/**
 * `--from` / `--to` as instants. A bound with a zone (`2026-03-13T09:00Z`, `…+01:00`) is taken as
 * it is; one without is wall-clock time in --tz, like every zone-less time the importer reads.
 * A bare day means its whole day: `--from 2026-03-13` starts at its midnight, `--to 2026-03-14`
 * keeps the 14th to its end.
 */

import { timeZone, utcMs } from '../time-zone.ts';

const BOUND = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const DAY_MS = 86_400_000;

/** The instant at which `zone`'s clocks show `wallMs` (read as if it were UTC). */
function wallToInstant(wallMs: number, zone: string): number {
  return timeZone(zone).toInstant(wallMs);
}

/**
 * `text` as the instant it names, in `zone` when it has none; for `edge: 'to'` a bare day is its
 * last instant. Undefined when it is not a date (the caller names the option).
 */
export function parseWindowBound(text: string, zone: string, edge: 'from' | 'to'): Date | undefined {
  const match = BOUND.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, offset] = match;
  const wall = utcMs(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  const check = new Date(wall);
  // Date.UTC rolls 31 February over into March; a person never means that.
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1) return undefined;
  if (Number(h ?? 0) > 23 || Number(mi ?? 0) > 59 || Number(s ?? 0) > 59) return undefined;
  let instant: number;
  if (offset === undefined) instant = wallToInstant(wall, zone);
  else if (offset.toUpperCase() === 'Z') instant = wall;
  else {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    instant = wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  if (h === undefined && edge === 'to')
    instant = (offset === undefined ? wallToInstant(wall + DAY_MS, zone) : instant + DAY_MS) - 1;
  return new Date(instant);
}
