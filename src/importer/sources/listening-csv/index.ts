import type { Adapter, ExportInput } from '../types.ts';
import { isXlsx } from '../../io/xlsx.ts';
import { headText } from '../../io/text.ts';
import { namesFor, toolOfHeader, type ListeningTool } from './column-roles.ts';
import { normalizeColumnName } from './columns.ts';
import { explainCsv, explainSheet } from './explain-layout.ts';
import { headRows, sniffDelimiter } from './header.ts';
import { readMentionsCsv } from './read-mentions.ts';
import { readMentionsSheet } from './read-sheet.ts';

/**
 * Social-listening mention exports: Brandwatch "Bulk Mentions Download", Meltwater, Talkwalker,
 * Sprout Social and Brand24 CSVs (recognised by their header names, read by their column
 * presets in column-roles.ts), any tool's `.xlsx` download, and any other tool's CSV through
 * --map. All share one streaming reader (read-mentions.ts); they differ in how they are
 * recognised and in which column means what.
 *
 * What they produce: the MentionSummary (hourly volume by sentiment, peak, negative share, reach,
 * top sources), a `trigger` event for the first mention, a `metric` event for the peak hour,
 * `media-pickup` events for the earliest news mentions, `escalation` events for the most engaged
 * negative mentions, `note` events for the most engaged others, and `statement` events for posts
 * by --brand-handle accounts (which are not counted as mentions), and a `timeZoneNote` when
 * times carried no zone.
 */

/** Header candidates among the head's first rows (three cells or more), as normalized names. */
function headerCandidates(input: ExportInput): string[][] {
  if (input.kind !== 'file' || input.zipEntries !== undefined) return [];
  const text = headText(input.head);
  return headRows(text, sniffDelimiter(text), 40)
    .rows.filter((row) => row.cells.length >= 3)
    .map((row) => row.cells.map(normalizeColumnName));
}

/** The tool whose header row is among the head's first rows. */
function toolOfCsv(input: ExportInput): ListeningTool | undefined {
  for (const names of headerCandidates(input)) {
    const tool = toolOfHeader(names);
    if (tool) return tool;
  }
  return undefined;
}

/** A header row with a date column and a text column by generic names: a mentions CSV of some tool. */
function isGenericMentionsCsv(input: ExportInput): boolean {
  const has = (names: string[], field: 'date' | 'text') => namesFor(field, 'csv').some((n) => names.includes(n));
  const candidates = headerCandidates(input);
  return (
    candidates.some((names) => has(names, 'date') && has(names, 'text')) &&
    !candidates.some((names) => toolOfHeader(names) !== undefined)
  );
}

const LABELS: Record<ListeningTool, string> = {
  brandwatch: 'Brandwatch Bulk Mentions Download (CSV)',
  meltwater: 'Meltwater mentions export (CSV, often UTF-16 tab-separated)',
  talkwalker: 'Talkwalker results export (CSV)',
  sprout: 'Sprout Social Listening messages export (CSV)',
  brand24: 'Brand24 mentions export (CSV)',
};

function toolAdapter(tool: ListeningTool): Adapter {
  const profile = { adapter: tool, preset: tool };
  return {
    name: tool,
    label: LABELS[tool],
    detect: (input) => toolOfCsv(input) === tool,
    read: (input, options) => readMentionsCsv(input, options, profile),
    explain: (input, options) => explainCsv(input, options, profile),
  };
}

export const brandwatchAdapter = toolAdapter('brandwatch');
export const meltwaterAdapter = toolAdapter('meltwater');
export const talkwalkerAdapter = toolAdapter('talkwalker');
export const sproutAdapter = toolAdapter('sprout');
export const brand24Adapter = toolAdapter('brand24');

/** Any `.xlsx` workbook: the tool is recognised from the chosen sheet's header row. */
export const xlsxAdapter: Adapter = {
  name: 'xlsx',
  label: 'Mentions spreadsheet (.xlsx) from any listening tool, first sheet or --sheet NAME',
  detect: isXlsx,
  read: (input, options) => readMentionsSheet(input, options),
  explain: (input, options) => explainSheet(input, options),
};

/**
 * Any other tool's mentions CSV. It is detected only when nothing more specific claims the file
 * (it is last in the registry) and a header row has a date and a text column by generic names;
 * otherwise it is chosen with `--format csv`, or when `--map field=Column` is given.
 * Known column names (Date, Text, Sentiment, Author, URL, Reach, Platform…) are found without a
 * map; --map names the rest, e.g. `--map date=Published --map text=Body --map source=Network`.
 * Fields: date, time, text, title, sentiment, author, name, url, reach, impressions, source
 * (alias platform), site, followers, verified, likes, shares, comments, engagement, id.
 * The delimiter (comma, semicolon, tab or pipe) and the encoding are sniffed.
 */
export const mappedCsvAdapter: Adapter = {
  name: 'csv',
  label: 'Other mentions CSV (date and text columns by common names, or named with --map field=Column)',
  detect: isGenericMentionsCsv,
  read: (input, options) => readMentionsCsv(input, options, { adapter: 'csv', preset: 'csv' }),
  explain: (input, options) => explainCsv(input, options, { adapter: 'csv', preset: 'csv' }),
};
