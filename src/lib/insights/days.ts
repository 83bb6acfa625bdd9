/**
 * Whole days in UTC, the zone every date on the site is shown in. Ages and deadlines count
 * calendar days, so an action item due "2026-03-01" is overdue from 2 March, whatever the hour.
 */
const DAY = 86_400_000;

/** Days since 1970-01-01 (UTC) of the day this instant falls on. */
export function dayNumber(date: Date): number {
  return Math.floor(date.getTime() / DAY);
}

/** Midnight UTC of the day `days` after the day of `date`. */
export function addDays(date: Date, days: number): Date {
  return new Date((dayNumber(date) + days) * DAY);
}

/** Calendar days from the day of `from` to the day of `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return dayNumber(to) - dayNumber(from);
}
