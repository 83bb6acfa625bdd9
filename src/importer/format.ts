/** How the importer shapes raw text and times for a page, before any escaping. */
import { TIMELINE_KIND_LABELS, type TimelineKind } from '../schema/taxonomy.ts';

/** How times appear in the drafted text: `2025-03-01 14:02 UTC`, in the zone the author chose with --tz. */
export function formatTime(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}

/** The calendar day of an instant in a zone, `YYYY-MM-DD` (the file name's date). */
export function calendarDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** ISO 8601 in UTC without milliseconds, as front matter stores instants. */
export function isoInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** At most `max` characters, cut at a word boundary with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** Whitespace (newlines included) collapsed to single spaces, control characters removed. */
export function oneLine(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** How a lesson's evidence names its kind of moment: the timeline label, or "Metric" for a measured figure. */
export function evidenceKindLabel(kind: TimelineKind | 'metric'): string {
  return kind === 'metric' ? 'Metric' : TIMELINE_KIND_LABELS[kind];
}
