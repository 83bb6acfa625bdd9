import { z } from 'zod';

/**
 * Front matter reaches the schema from two YAML parsers: Astro's (js-yaml, which turns unquoted
 * dates into `Date` objects) and Firebreak's own checker (the `yaml` package, YAML 1.2, which
 * keeps them as strings so it can point at the line). Both shapes are accepted and end up as
 * `Date`; the string form is held to the stricter rule, which is what contributors see first.
 */

/** A calendar day such as `2026-03-14`, as a JSON string only (for formats without YAML's dates, like the import JSON). */
export const calendarDateString = z.iso.date({ error: 'expected a date as YYYY-MM-DD, e.g. 2026-03-14' });

/** A calendar day such as `2026-03-14`, from either YAML parser. */
export const calendarDate = z
  .union([z.date(), calendarDateString])
  .transform((value) => (value instanceof Date ? value : new Date(`${value}T00:00:00Z`)));

/**
 * An instant in ISO 8601 **with a zone**, such as `2026-03-14T09:30:00+01:00` or
 * `2026-03-14T08:30:00Z`. A time without a zone is ambiguous across a distributed team.
 */
/** The same instant as a JSON string only (for formats without YAML's dates, like the import JSON). */
export const zonedTimestampString = z.iso.datetime({
  offset: true,
  local: false,
  error: 'expected an ISO 8601 time with a zone, e.g. 2026-03-14T09:30:00Z or 2026-03-14T10:30:00+01:00',
});

export const zonedTimestamp = z
  .union([z.date(), zonedTimestampString])
  .transform((value) => (value instanceof Date ? value : new Date(value)));
