import type { PartialIncident } from '../../model/incident.ts';
import { ImportError } from '../../errors.ts';
import { headText, utf8Decoder } from '../../io/text.ts';
import type { AdapterOptions, ExportInput } from '../types.ts';
import { describeColumns, mapField, resolveColumns } from './columns.ts';
import { timeZone, type Zone } from './dates.ts';
import { mentionEvents } from './events.ts';
import { locateHeader, sniffDelimiter } from './header.ts';
import { readMentionRow, UnreadableFigures, type RowLayout } from './mention-row.ts';
import { streamRows } from './rows.ts';
import { MentionTally } from './tally.ts';

/**
 * Reads a social-listening mentions CSV in one streaming pass, in named steps:
 * decode (io/text.ts) → rows (rows.ts: csv-parse, from the header on) → header and columns
 * (header.ts, columns.ts: located in the head first) → values (mention-row.ts) → accumulate
 * (tally.ts) → events (events.ts). Rows are never kept: memory holds the hourly counters,
 * bounded source counts and a few candidate mentions for events, whatever the file's size.
 *
 * Row policy: a row without a readable date, or with a different number of cells than the header,
 * is an ImportError (it would silently shift the timeline). Unreadable sentiment or count cells
 * only lose that figure: they are counted and reported in `notes`, with the first place seen.
 */

export interface ReadLimits {
  /** Longest record in characters; a file without line breaks fails here instead of filling memory. */
  maxRecordSize: number;
  /** Longest span of the hourly series; beyond it a date is almost certainly wrong. */
  maxSeriesHours: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxRecordSize: 4 * 1024 * 1024,
  maxSeriesHours: 2 * 366 * 24,
};

export interface CsvProfile {
  /** Adapter name, recorded in evidence. */
  adapter: string;
  /** Fixed delimiter; sniffed from the head when absent. */
  delimiter?: string;
}

export async function readMentionsCsv(
  input: ExportInput,
  options: AdapterOptions,
  profile: CsvProfile,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<PartialIncident> {
  const file = input.path;
  if (input.kind !== 'file') throw new ImportError(file, 'expected a CSV file, got a folder');
  const zone = zoneOption(file, options.tz);
  // Decoding first: a binary or UTF-32 file is refused as such, not as a CSV without a header.
  const decoder = utf8Decoder(file, input.head, { onBytes: (n) => options.onProgress?.(n, input.size) });
  const { layout, delimiter, header } = readLayout(input, options, profile, zone);
  const brand = new Set(options.brandHandles.map((h) => h.toLowerCase().replace(/^@/, '')));
  const tally = new MentionTally(brand);
  const unreadable = new UnreadableFigures();

  const { blankRows } = await streamRows(
    input,
    decoder,
    { file, delimiter, header, maxRecordSize: limits.maxRecordSize },
    (record, where) => tally.add(readMentionRow(record, where, layout, unreadable)),
  );
  checkSpan(file, tally, limits);

  const mentions = tally.counts.summary();
  const { events, people } = mentionEvents(tally, mentions, { adapter: profile.adapter, file, brand });
  const result: PartialIncident = {
    adapter: profile.adapter,
    file,
    platforms: [...tally.platforms.entries()].sort((a, b) => b[1] - a[1]).map(([p]) => p),
    events,
    people,
    mentions,
    notes: readNotes(profile, tally, unreadable, blankRows, layout),
  };
  const title = header.preamble.get('Brand') ?? header.preamble.get('Label');
  if (title) result.title = title;
  if (mentions.first) result.started = mentions.first;
  return result;
}

/** --tz as a Zone, or an ImportError naming the flag. */
function zoneOption(file: string, tz: string): Zone {
  try {
    return timeZone(tz);
  } catch {
    throw new ImportError(file, `--tz ${tz}: unknown time zone; expected an IANA name such as Europe/Paris or UTC`);
  }
}

/**
 * The header and columns step: the delimiter (the profile's, or sniffed), the header row located
 * in the head, and the column of each field (by name, or by --map).
 */
function readLayout(input: ExportInput, options: AdapterOptions, profile: CsvProfile, zone: Zone) {
  const file = input.path;
  const head = headText(input.head);
  const delimiter = profile.delimiter ?? sniffDelimiter(head);
  const mappedDate = Object.entries(options.map).find(([key]) => mapField(key, file) === 'date')?.[1];
  const header = locateHeader(head, { file, delimiter, mappedDate, truncated: input.head.length < input.size });
  const layout: RowLayout = {
    file,
    headerCells: header.cells,
    columns: resolveColumns(header.cells, options.map, file),
    zone,
  };
  return { layout, delimiter, header };
}

/** A series longer than `limits.maxSeriesHours` means a wrong date column, not an incident. */
function checkSpan(file: string, tally: MentionTally, limits: ReadLimits): void {
  if (tally.counts.spanHours <= limits.maxSeriesHours) return;
  const range = tally.counts.range!;
  throw new ImportError(
    file,
    `mentions run from ${range.first.toISOString()} to ${range.last.toISOString()}, over ${Math.round(limits.maxSeriesHours / 24)} days; expected one incident's window — check the date column or narrow the export`,
  );
}

/** What the reader saw but could not fully use, for the post-mortem's notes. */
function readNotes(
  profile: CsvProfile,
  tally: MentionTally,
  unreadable: UnreadableFigures,
  blankRows: number,
  layout: RowLayout,
): string[] {
  const { counts, media, brandPosts } = tally;
  const label = `${profile.adapter} export`;
  const notes = unreadable.notes();
  if (blankRows > 0) notes.push(`${blankRows} empty row(s) in the ${label} were skipped.`);
  if (counts.sourcesApproximate) notes.push('Over 2,000 distinct sources: top-source counts are lower bounds.');
  if (media.seen > media.k)
    notes.push(`${media.seen} mentions came from news sources; the earliest ${media.k} are timeline events.`);
  if (brandPosts.seen > brandPosts.k)
    notes.push(
      `${brandPosts.seen} posts by the brand's own accounts; the earliest ${brandPosts.k} are timeline events.`,
    );
  if (!layout.columns.sentiment)
    notes.push(`No sentiment column (found: ${describeColumns(layout.headerCells)}); the negative share is unknown.`);
  if (counts.count === 0) notes.push(`The ${label} has a header but no mention rows.`);
  return notes;
}
