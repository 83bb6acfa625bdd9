/**
 * Wall-clock time in an IANA zone, for every time the importer reads without a zone (`--tz`):
 * listening exports, dashboard CSVs, `--from`/`--to`. Intl.DateTimeFormat does the zone rules
 * (no library); offsets are cached per quarter hour, so a million rows cost a few hundred Intl
 * calls, not millions.
 */

/** Converts wall-clock time (given as if it were UTC) to the instant in one IANA zone. */
export interface Zone {
  readonly name: string;
  toInstant(wallMs: number): number;
}

const QUARTER_HOUR_MS = 900_000;
const DAY_MS = 86_400_000;

/** Date.UTC without its reading of years 0–99 as 1900–1999. */
export function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

const UTC_ZONE: Zone = { name: 'UTC', toInstant: (wallMs) => wallMs };

/** The zone for --tz; throws RangeError for a name Intl does not know. */
export function timeZone(name: string): Zone {
  if (name === 'UTC' || name === 'Etc/UTC') return UTC_ZONE;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsets = new Map<number, number>();

  /** wall − UTC at an instant, in ms. Zone transitions fall on quarter hours, hence the cache key. */
  const offsetAt = (instant: number): number => {
    const slot = Math.floor(instant / QUARTER_HOUR_MS);
    const cached = offsets.get(slot);
    if (cached !== undefined) return cached;
    const at = slot * QUARTER_HOUR_MS;
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    const wall = utcMs(
      parts['year']!,
      parts['month']! - 1,
      parts['day']!,
      parts['hour']!,
      parts['minute']!,
      parts['second']!,
    );
    const offset = wall - at;
    offsets.set(slot, offset);
    return offset;
  };

  return {
    name,
    toInstant(wallMs) {
      // The offsets a day either side are the two sides of any transition near this time.
      const before = offsetAt(wallMs - DAY_MS);
      const after = offsetAt(wallMs + DAY_MS);
      let earliest = Infinity;
      for (const offset of before === after ? [before] : [before, after]) {
        const instant = wallMs - offset;
        if (offsetAt(instant) === offset && instant < earliest) earliest = instant;
      }
      // Repeated wall time (autumn): the earlier instant. Skipped wall time (spring): read with
      // the offset before the change, i.e. moved forward — what Temporal calls "compatible".
      return Number.isFinite(earliest) ? earliest : wallMs - before;
    },
  };
}

/**
 * The page's sentence for times an export gave without a zone (the partial's `timeZoneNote`),
 * naming the files and the zone they were read in; undefined when there were none.
 */
export function zonelessTimesNote(files: readonly string[], zone: string): string | undefined {
  if (files.length === 0) return undefined;
  const names = files.map((file) => file.split(/[\\/]/).pop()).join(', ');
  const hint = zone === 'UTC' ? ' (pass --tz ZONE if the tool exported local time)' : '';
  return `Times in ${names} carried no zone; read as ${zone}${hint}.`;
}
