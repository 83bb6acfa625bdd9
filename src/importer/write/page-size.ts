import { ImportError } from '../errors.ts';

/**
 * The largest page the importer writes: 256 KiB. A draft is read and edited by a person and
 * built into a page someone opens on a phone; the biggest honest drafts (a month of hourly
 * mentions, a full timeline) stay near 60 KiB. Anything larger means the exports spanned more
 * than one incident, and is refused instead of written.
 */
export const MAX_PAGE_BYTES = 256 * 1024;

function kib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/**
 * Throws ImportError (naming the page, the biggest part of it and --from/--to) when `content`
 * is over MAX_PAGE_BYTES; nothing is written then.
 */
export function checkPageSize(pagePath: string, content: string, seriesHours: number): void {
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes <= MAX_PAGE_BYTES) return;
  const what =
    seriesHours > 0 ? `its mention series has ${seriesHours.toLocaleString('en')} hours` : 'its timeline is too long';
  throw new ImportError(
    pagePath,
    `the drafted page would be ${kib(bytes)}, over the ${kib(MAX_PAGE_BYTES)} a page may have, because ${what}; nothing was written. Narrow the incident window with --from and --to`,
    seriesHours > 0 ? 'field impact.mentionSeries' : undefined,
  );
}
