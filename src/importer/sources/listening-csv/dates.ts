import { ImportError } from '../../errors.ts';

/**
 * Vendor date forms of listening exports. Many carry no zone ("2025-03-01 14:02:11.0" in
 * Brandwatch, "01-Mar-2025 02:02PM" in Meltwater): those are read as wall-clock time in --tz.
 * Zone conversion is the importer's one rule for wall-clock time (src/importer/time-zone.ts).
 *
 * Day/month order in numeric dates (03/01/2025, what Excel writes on a re-save) differs between
 * locales, so it is never guessed per row: it is `--date-order dmy|mdy|ymd`, or inferred from
 * the whole column (date-order.ts), or the import is refused naming the value and the option.
 * Dotted dates (13.08.2025, German and most of Europe) are day first unless told otherwise.
 */

/** The order of day, month and year in a numeric date such as 08/13/2025. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';
export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];

export { timeZone, type Zone } from '../../time-zone.ts';
import type { Zone } from '../../time-zone.ts';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?`;
const ZONE = String.raw`\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?`;

/** 2025-03-01 14:02:11.0 · 2025-03-01T14:05:40.000+0000 · 2025/03/01 14:02 · 2025-03-01 */
const ISO = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:[T ]|\s+)${TIME}${ZONE})?$`);
/** 01-Mar-2025 02:02PM · 1 March 2025 · 01-Mar-2025 */
const DAY_MONTH = new RegExp(String.raw`^(\d{1,2})[- ]([A-Za-z]{3,9})\.?[- ,]\s*(\d{4})(?:,?\s+${TIME}${ZONE})?$`);
/** Mar 1, 2025 2:02 PM · March 01 2025 */
const MONTH_DAY = new RegExp(String.raw`^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+${TIME}${ZONE})?$`);
/** 13/08/2025 · 8/13/2025 9:07 · 13.08.2025 09:07 · 8-13-25 9:07 PM (day/month order from the caller) */
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:,?(?:[T ]|\s+)${TIME}${ZONE})?$`);
/** A separate time column: 02:02 PM · 14:02:11 */
const TIME_ONLY = new RegExp(String.raw`^${TIME}${ZONE}$`);
const EPOCH = /^\d{10}(\d{3})?$/;

/** The accepted forms, for error messages. */
export const DATE_FORMS =
  'YYYY-MM-DD HH:MM[:SS[.f]] (zone optional), ISO 8601, DD/MM/YYYY or MM/DD/YYYY [time] (see --date-order), DD.MM.YYYY [time], DD-Mon-YYYY [hh:mm AM/PM], Mon D, YYYY [time], or Unix seconds/milliseconds';

/** The two leading numbers of a numeric date (13/08/2025 → 13, 8), or undefined for other forms. */
export function numericDateParts(text: string): { first: number; second: number; dotted: boolean } | undefined {
  const m = NUMERIC.exec(text.trim());
  return m ? { first: Number(m[1]), second: Number(m[3]), dotted: m[2] === '.' } : undefined;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Offset in ms when the text carries a zone. */
  offset?: number;
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

/** Fills time fields from TIME's capture groups (starting at `i`); false when out of range. */
function readTime(wall: Wall, m: RegExpExecArray, i: number): boolean {
  if (m[i] === undefined) return true;
  let hour = Number(m[i]);
  const meridiem = m[i + 4]?.[0]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return false;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  wall.hour = hour;
  wall.minute = Number(m[i + 1]);
  wall.second = m[i + 2] === undefined ? 0 : Number(m[i + 2]);
  wall.ms = m[i + 3] === undefined ? 0 : Math.floor(Number(`0.${m[i + 3]}`) * 1000);
  const zone = m[i + 5];
  if (zone !== undefined) {
    if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') wall.offset = 0;
    else {
      const digits = zone.slice(1).replace(':', '');
      const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
      wall.offset = (zone[0] === '-' ? -1 : 1) * minutes * 60_000;
    }
  }
  return wall.hour <= 23 && wall.minute <= 59 && wall.second <= 59;
}

function toDate(wall: Wall, zone: Zone): Date | undefined {
  const { year, month, day } = wall;
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  // Date.UTC rolls 31 February over into March; a real export never says that.
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const wallMs = Date.UTC(year, month - 1, day, wall.hour, wall.minute, wall.second, wall.ms);
  return new Date(wall.offset === undefined ? zone.toInstant(wallMs) : wallMs - wall.offset);
}

/** How one column's dates are read, and what was seen while reading them. */
export interface DateReading {
  zone: Zone;
  /** Day/month order of numeric dates: given, inferred from the column, or undefined when none was needed. */
  order: DateOrder | undefined;
  /** Values read without a zone (as wall time in `zone`). */
  zoneless: number;
}

/** A reading in `zone` with no numeric order, for callers that have one value. */
export function dateReading(zone: Zone, order?: DateOrder): DateReading {
  return { zone, order, zoneless: 0 };
}

/**
 * Parses one vendor date (optionally with a separate time column). Zone-less values are wall
 * time in `reading.zone`, and counted. Undefined when the text is not a date we can read for
 * certain (a numeric date without an order included).
 */
export function readVendorDate(dateText: string, reading: DateReading, timeText?: string): Date | undefined {
  const text = dateText.trim();
  const wall: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, ms: 0 };
  let m: RegExpExecArray | null;
  let hasTime: boolean;
  if ((m = ISO.exec(text))) {
    wall.year = Number(m[1]);
    wall.month = Number(m[2]);
    wall.day = Number(m[3]);
    if (!readTime(wall, m, 4)) return undefined;
    hasTime = m[4] !== undefined;
  } else if ((m = NUMERIC.exec(text))) {
    const dotted = m[2] === '.';
    const order = reading.order ?? (dotted ? 'dmy' : undefined);
    if (!order) return undefined;
    const [a, b, c] = [Number(m[1]), Number(m[3]), m[4]!];
    const year = (digits: string) => (digits.length === 2 ? 2000 + Number(digits) : Number(digits));
    if (order === 'ymd') {
      // 25/08/13: only a two-digit year can come first here; four-digit ones are ISO above.
      if (c.length !== 2) return undefined;
      wall.year = 2000 + a;
      wall.month = b;
      wall.day = Number(c);
    } else {
      wall.year = year(c);
      wall.day = order === 'dmy' ? a : b;
      wall.month = order === 'dmy' ? b : a;
    }
    if (!readTime(wall, m, 5)) return undefined;
    hasTime = m[5] !== undefined;
  } else if ((m = DAY_MONTH.exec(text))) {
    wall.day = Number(m[1]);
    wall.month = monthNumber(m[2]!) ?? 0;
    wall.year = Number(m[3]);
    if (!readTime(wall, m, 4)) return undefined;
    hasTime = m[4] !== undefined;
  } else if ((m = MONTH_DAY.exec(text))) {
    wall.month = monthNumber(m[1]!) ?? 0;
    wall.day = Number(m[2]);
    wall.year = Number(m[3]);
    if (!readTime(wall, m, 4)) return undefined;
    hasTime = m[4] !== undefined;
  } else if (EPOCH.test(text)) {
    const ms = text.length === 13 ? Number(text) : Number(text) * 1000;
    const date = new Date(ms);
    const year = date.getUTCFullYear();
    return year >= 1990 && year <= 2100 ? date : undefined;
  } else {
    return undefined;
  }

  const time = timeText?.trim();
  if (time) {
    const t = TIME_ONLY.exec(time);
    if (!t) return undefined;
    // A combined value and a separate time column both present (Meltwater, Excel re-saves):
    // the time column must agree with what the date says, or we would silently pick one.
    const separate: Wall = { ...wall };
    delete separate.offset;
    if (!readTime(separate, t, 1)) return undefined;
    if (hasTime && (separate.hour !== wall.hour || separate.minute !== wall.minute)) return undefined;
    if (!hasTime) Object.assign(wall, separate);
  }
  const date = toDate(wall, reading.zone);
  if (date && wall.offset === undefined) reading.zoneless++;
  return date;
}

/** readVendorDate for one value, without keeping count. */
export function parseVendorDate(dateText: string, zone: Zone, timeText?: string, order?: DateOrder): Date | undefined {
  return readVendorDate(dateText, dateReading(zone, order), timeText);
}

export interface DateCell {
  file: string;
  /** "row 12 (line 15)". */
  location: string;
  /** Column names as in the header, for the message. */
  dateColumn: string;
  timeColumn?: string | undefined;
}

/** readVendorDate, or an ImportError naming the row, the column, the accepted forms and the option that helps. */
export function readDate(dateText: string, timeText: string | undefined, reading: DateReading, cell: DateCell): Date {
  const date = readVendorDate(dateText, reading, timeText);
  if (date) return date;
  const shown = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
  const what =
    cell.timeColumn && timeText !== undefined
      ? `columns "${cell.dateColumn}" + "${cell.timeColumn}" hold ${shown(dateText)} + ${shown(timeText)}`
      : `column "${cell.dateColumn}" holds ${shown(dateText)}`;
  throw new ImportError(
    cell.file,
    `${what}, which is not a date we can read${orderHint(dateText, reading.order)}; expected ${DATE_FORMS}${dateText.trim() === '' ? ' (every mention needs a date)' : ''}`,
    `${cell.location}, column ${cell.timeColumn && timeText !== undefined ? `${cell.dateColumn}/${cell.timeColumn}` : cell.dateColumn}`,
  );
}

/** Why a numeric date failed, and the option that would help. */
function orderHint(dateText: string, order: DateOrder | undefined): string {
  const parts = numericDateParts(dateText);
  if (!parts) return '';
  if (!order)
    return ' without a day/month order (earlier rows had none to infer it from): pass --date-order dmy or --date-order mdy';
  return ` as ${order.toUpperCase()} (${order === 'dmy' ? 'day first' : order === 'mdy' ? 'month first' : 'year first'}); if that order is wrong, pass --date-order ${order === 'dmy' ? 'mdy' : 'dmy'}`;
}
