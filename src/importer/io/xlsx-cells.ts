/**
 * Worksheet cell values (as exceljs gives them) as the text a CSV would hold, so spreadsheet and
 * CSV exports share every later step. Excel dates carry no zone: they become
 * `YYYY-MM-DD HH:MM:SS.mmm` wall-clock text, read in --tz like any zone-less listening time.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An Excel date (exceljs gives the wall time as a UTC Date) as zone-less text. */
function wallTime(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`;
}

/** A cell value as the text a CSV would hold. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : wallTime(value);
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      text?: unknown;
      hyperlink?: string;
      result?: unknown;
      error?: string;
    };
    if (v.richText) return v.richText.map((run) => run.text).join('');
    // A hyperlink cell shows its text; a link column's text is usually the URL itself.
    if (v.hyperlink !== undefined) return cellText(v.text) || v.hyperlink;
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return v.error;
  }
  return String(value);
}
