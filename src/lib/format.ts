/**
 * Dates as a crisis team reads them. Everything is shown in UTC with the zone said out loud:
 * a distributed team must never wonder whose 09:30 it was.
 */
const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});
const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const timeOnly = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** "14 Mar 2025, 09:30 UTC" */
export function formatDateTime(date: Date): string {
  return `${dateTime.format(date)} UTC`;
}

/** "14 Mar 2025" */
export function formatDate(date: Date): string {
  return dateOnly.format(date);
}

/** "09:30" (UTC) */
export function formatTime(date: Date): string {
  return timeOnly.format(date);
}

/** Machine-readable form for `<time datetime>`. */
export function isoString(date: Date): string {
  return date.toISOString();
}

/** 12,400 → "12.4k"; keeps small numbers exact. */
export function formatCount(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${(value / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
  if (abs >= 10_000) return `${(value / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  return value.toLocaleString('en-GB');
}

/** A deadline in minutes as said aloud: 15 → "15 min", 120 → "2 hours", 60 → "1 hour". */
export function formatWithin(minutes: number): string {
  if (minutes < 60 || minutes % 60 !== 0) return `${minutes} min`;
  const hours = minutes / 60;
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

/** An amount in its currency, e.g. "£1,200.00", the same on every page. */
export function formatMoney(money: { amount: number; currency: string }): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: money.currency }).format(money.amount);
}
