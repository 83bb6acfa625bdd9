import type { Adapter, ExportInput } from '../types.ts';
import { BRANDWATCH_SIGNATURE, MELTWATER_SIGNATURE, normalizeColumnName } from './columns.ts';
import { headText } from '../../io/text.ts';
import { headRows, sniffDelimiter } from './header.ts';
import { readMentionsCsv } from './read-mentions.ts';

/**
 * Social-listening mention exports (CSV): Brandwatch "Bulk Mentions Download", Meltwater, and
 * any other tool's CSV through --map. All three share one streaming reader
 * (listening/read-mentions.ts); they differ in how they are recognized and in the delimiter.
 *
 * What they produce: the MentionSummary (hourly volume by sentiment, peak, negative share, reach,
 * top sources), a `trigger` event for the first mention, a `metric` event for the peak hour,
 * `media-pickup` events for the earliest news mentions, `escalation` events for the most engaged
 * negative mentions, `note` events for the most engaged others, and `statement` events for posts
 * by --brand-handle accounts (which are not counted as mentions).
 */

/** Rows of the head that could be a header row (three cells or more), as normalized cell names. */
function headerCandidates(input: ExportInput): string[][] {
  if (input.kind !== 'file') return [];
  const text = headText(input.head);
  return headRows(text, sniffDelimiter(text), 40)
    .rows.map((row) => row.cells.map(normalizeColumnName))
    .filter((cells) => cells.length >= 3);
}

/** A header row with a Date column and at least three of the vendor's characteristic columns. */
function hasSignature(input: ExportInput, signature: string[]): boolean {
  return headerCandidates(input).some(
    (cells) => cells.includes('date') && signature.filter((name) => cells.includes(name)).length >= 3,
  );
}

export const brandwatchAdapter: Adapter = {
  name: 'brandwatch',
  label: 'Brandwatch Bulk Mentions Download (CSV)',
  detect: (input) => hasSignature(input, BRANDWATCH_SIGNATURE),
  read: (input, options) => readMentionsCsv(input, options, { adapter: 'brandwatch', delimiter: ',' }),
};

export const meltwaterAdapter: Adapter = {
  name: 'meltwater',
  label: 'Meltwater mentions export (UTF-16 tab-separated "CSV")',
  detect: (input) => hasSignature(input, MELTWATER_SIGNATURE),
  // Meltwater names its export .csv but separates with tabs; sniffing still covers a re-saved comma file.
  read: (input, options) => readMentionsCsv(input, options, { adapter: 'meltwater' }),
};

/**
 * Any other tool's mentions CSV. It is never auto-detected (every CSV would match): it is chosen
 * with `--format csv`, or when `--map field=Column` is given and no other adapter claims the file.
 * Known column names (Date, Text, Sentiment, Author, URL, Reach, Platform…) are found without a
 * map; --map names the rest, e.g. `--map date=Published --map text=Body --map source=Network`.
 * Fields: date, time, text, title, sentiment, author, name, url, reach, impressions, source
 * (alias platform), site, followers, verified, likes, shares, comments, engagement, id.
 * The delimiter (comma, semicolon or tab) and the encoding (UTF-8 or UTF-16 with BOM) are sniffed.
 */
export const mappedCsvAdapter: Adapter = {
  name: 'csv',
  label: 'Other mentions CSV, columns named with --map field=Column',
  detect: () => false,
  read: (input, options) => readMentionsCsv(input, options, { adapter: 'csv' }),
};
