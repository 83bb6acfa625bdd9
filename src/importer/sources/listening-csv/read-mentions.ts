import type { PartialIncident } from '../../model/incident.ts';
import { ImportError } from '../../errors.ts';
import { encodingName, headText, sniffEncoding, utf8Decoder, type TextEncoding } from '../../io/text.ts';
import type { AdapterOptions, ExportInput } from '../types.ts';
import type { ColumnPreset } from './column-roles.ts';
import { describeColumns, mapField, resolveColumns, type ColumnIndex } from './columns.ts';
import { DateOrderEvidence } from './date-order.ts';
import { zonelessTimesNote } from '../../time-zone.ts';
import { dateReading, timeZone, type DateOrder, type DateReading, type Zone } from './dates.ts';
import { mentionEvents } from './events.ts';
import { headRows, isBlankRow, locateHeader, sniffDelimiter, type HeaderLocation } from './header.ts';
import { readMentionRow, UnreadableFigures, type RowLayout } from './mention-row.ts';
import { streamRows } from './rows.ts';
import { MentionTally } from './tally.ts';

/**
 * Reads a social-listening mentions CSV in one streaming pass, in named steps:
 * decode (io/text.ts) → rows (rows.ts: csv-parse, from the header on) → header and columns
 * (header.ts, columns.ts: located in the head first) → date order (date-order.ts) → values
 * (mention-row.ts) → accumulate (tally.ts) → events (events.ts). Rows are never kept: memory
 * holds the hourly counters, bounded source counts and a few candidate mentions for events,
 * whatever the file's size. Spreadsheets (read-sheet.ts) share every step after the rows.
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
  /** Whose column names to read the header by. */
  preset: ColumnPreset;
}

/** How the day/month order of numeric dates was settled, for --explain. */
export type DateOrderSource = 'given' | 'inferred' | 'not needed' | 'day first (dotted dates)';

/** What the reader settled before the rows: shared by the CSV and spreadsheet paths, and by --explain. */
export interface MentionLayout {
  row: RowLayout;
  preset: ColumnPreset;
  dateOrder: { order: DateOrder | undefined; source: DateOrderSource };
  /** Title rows before the header ("Brand" → "Example Brand - Crisis"). */
  preamble: Map<string, string>;
}

/** A stop signal for the date-order pre-scan, thrown out of the row stream once the column decided. */
class OrderDecided extends Error {}

/** --tz as a Zone, or an ImportError naming the flag. */
export function zoneOption(file: string, tz: string): Zone {
  try {
    return timeZone(tz);
  } catch {
    throw new ImportError(file, `--tz ${tz}: unknown time zone; expected an IANA name such as Europe/Paris or UTC`);
  }
}

/** --encoding as a canonical name, or an ImportError naming the flag. */
function encodingOption(file: string, label: string | undefined): TextEncoding | undefined {
  if (label === undefined) return undefined;
  const name = encodingName(label);
  if (!name) {
    throw new ImportError(
      file,
      `--encoding ${label}: unknown encoding; expected a name such as utf-8, utf-16le, windows-1252 or iso-8859-2`,
    );
  }
  return name;
}

/** The encoding a text export is read in, and why: for --explain. */
export function csvEncoding(input: ExportInput, options: AdapterOptions): { encoding: string; reason: string } {
  const given = encodingOption(input.path, options.encoding);
  if (given) return { encoding: given, reason: 'given with --encoding' };
  const sniffed = sniffEncoding(input.head);
  if ('problem' in sniffed) return { encoding: '(not text)', reason: sniffed.problem };
  return { encoding: sniffed.encoding, reason: sniffed.reason };
}

/** Column indexes of the date, and names for messages. */
function dateColumn(layout: RowLayout): { index: number; name: string } {
  const index = layout.columns.date![0]!;
  return { index, name: layout.headerCells[index]! };
}

/**
 * The header and columns of a CSV: the delimiter (sniffed), the header row located in the head,
 * the column of each field (by the preset's names, or by --map), and the date order (given, or
 * inferred from the head's rows, or from the whole column when the head does not decide).
 */
export async function csvLayout(
  input: ExportInput,
  options: AdapterOptions,
  profile: CsvProfile,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<{ layout: MentionLayout; delimiter: string; header: HeaderLocation; encoding: TextEncoding | undefined }> {
  const file = input.path;
  if (input.kind !== 'file') throw new ImportError(file, 'expected a CSV file, got a folder');
  const zone = zoneOption(file, options.tz);
  const encoding = encodingOption(file, options.encoding);
  // Decoding first: a binary or UTF-32 file is refused as such, not as a CSV without a header.
  utf8Decoder(file, input.head, { encoding }).destroy();
  const head = headText(input.head, encoding);
  const delimiter = sniffDelimiter(head);
  const mappedDate = mappedColumn(options, file, 'date');
  const truncated = input.head.length < input.size;
  const header = locateHeader(head, { file, delimiter, mappedDate, truncated, preset: profile.preset });
  const row: RowLayout = {
    file,
    headerCells: header.cells,
    columns: resolveColumns(header.cells, options.map, file, profile.preset),
    dates: dateReading(zone),
  };

  const dateOrder = await settleDateOrder(options, row, (evidence) => {
    // The head's complete rows after the header, then (if they do not decide) the whole file.
    const { rows } = headRows(Buffer.from(head, 'utf8').subarray(header.offset).toString('utf8'), delimiter);
    const date = dateColumn(row).index;
    rows.forEach((r, i) => {
      if (i === 0 || (truncated && i === rows.length - 1) || isBlankRow(r.cells)) return;
      evidence.add(r.cells[date] ?? '', `row ${i} (line ${header.line - 1 + r.line})`);
    });
    if (!evidence.open) return Promise.resolve();
    return streamRows(
      input,
      utf8Decoder(file, input.head, { encoding }),
      { file, delimiter, header, maxRecordSize: limits.maxRecordSize },
      (record, where) => {
        evidence.add(record[date] ?? '', where);
        if (evidence.decided) throw new OrderDecided();
      },
    ).then(
      () => undefined,
      (error: unknown) => {
        if (!(error instanceof OrderDecided)) throw error;
      },
    );
  });
  return {
    layout: { row, preset: profile.preset, dateOrder, preamble: header.preamble },
    delimiter,
    header,
    encoding,
  };
}

/** The column --map names for `field`, if any. */
export function mappedColumn(options: AdapterOptions, file: string, field: 'date'): string | undefined {
  return Object.entries(options.map).find(([key]) => mapField(key, file) === field)?.[1];
}

/**
 * The day/month order for the layout's date reading: --date-order, or what `collect` finds in
 * the column's values. Sets `row.dates.order` and says how it was settled.
 */
export async function settleDateOrder(
  options: AdapterOptions,
  row: RowLayout,
  collect: (evidence: DateOrderEvidence) => Promise<void>,
): Promise<MentionLayout['dateOrder']> {
  if (options.dateOrder) {
    row.dates.order = options.dateOrder;
    return { order: options.dateOrder, source: 'given' };
  }
  const evidence = new DateOrderEvidence();
  await collect(evidence);
  const order = evidence.order(row.file, dateColumn(row).name, true);
  row.dates.order = order;
  if (order) return { order, source: 'inferred' };
  return { order: undefined, source: evidence.sawDotted ? 'day first (dotted dates)' : 'not needed' };
}

export async function readMentionsCsv(
  input: ExportInput,
  options: AdapterOptions,
  profile: CsvProfile,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<PartialIncident> {
  const file = input.path;
  const { layout, delimiter, header, encoding } = await csvLayout(input, options, profile, limits);
  const decoder = utf8Decoder(file, input.head, { encoding, onBytes: (n) => options.onProgress?.(n, input.size) });
  const reader = new MentionReader(profile, options, layout);
  const { blankRows } = await streamRows(
    input,
    decoder,
    { file, delimiter, header, maxRecordSize: limits.maxRecordSize },
    (record, where) => reader.add(record, where),
  );
  return reader.finish(blankRows, limits);
}

/** The values, accumulate and events steps, fed one data row at a time by either row source. */
export class MentionReader {
  readonly #profile: CsvProfile;
  readonly #layout: MentionLayout;
  readonly #brand: Set<string>;
  readonly #tally: MentionTally;
  readonly #unreadable = new UnreadableFigures();

  constructor(profile: CsvProfile, options: AdapterOptions, layout: MentionLayout) {
    this.#profile = profile;
    this.#layout = layout;
    this.#brand = new Set(options.brandHandles.map((h) => h.toLowerCase().replace(/^@/, '')));
    this.#tally = new MentionTally(this.#brand);
  }

  add(record: string[], where: string): void {
    this.#tally.add(readMentionRow(record, where, this.#layout.row, this.#unreadable));
  }

  finish(blankRows: number, limits: ReadLimits): PartialIncident {
    const { file } = this.#layout.row;
    const tally = this.#tally;
    checkSpan(file, tally, limits);
    const mentions = tally.counts.summary();
    const { adapter } = this.#profile;
    const { events, people } = mentionEvents(tally, mentions, { adapter, file, brand: this.#brand });
    const result: PartialIncident = {
      adapter,
      file,
      platforms: [...tally.platforms.entries()].sort((a, b) => b[1] - a[1]).map(([p]) => p),
      events,
      people,
      mentions,
      notes: readNotes(adapter, tally, this.#unreadable, blankRows, this.#layout.row),
    };
    const { preamble } = this.#layout;
    const title = preamble.get('Brand') ?? preamble.get('Label');
    if (title) result.title = title;
    if (mentions.first) result.started = mentions.first;
    const note = timeZoneNote(file, this.#layout.row.dates);
    if (note) result.timeZoneNote = note;
    return result;
  }
}

/** The page's sentence when times were read without a zone; undefined when every time had one. */
export function timeZoneNote(file: string, dates: DateReading): string | undefined {
  return dates.zoneless === 0 ? undefined : zonelessTimesNote([file], dates.zone.name);
}

/** A series longer than `limits.maxSeriesHours` means a wrong date column, not an incident. */
function checkSpan(file: string, tally: MentionTally, limits: ReadLimits): void {
  if (tally.counts.spanHours <= limits.maxSeriesHours) return;
  const range = tally.counts.range!;
  throw new ImportError(
    file,
    `mentions run from ${range.first.toISOString()} to ${range.last.toISOString()}, over ${Math.round(limits.maxSeriesHours / 24)} days; expected one incident's window — check the date column (or --date-order), or narrow the export`,
  );
}

/** What the reader saw but could not fully use, for the post-mortem's notes. */
function readNotes(
  adapter: string,
  tally: MentionTally,
  unreadable: UnreadableFigures,
  blankRows: number,
  layout: RowLayout,
): string[] {
  const { counts, media, brandPosts } = tally;
  const label = `${adapter} export`;
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

/** The detected columns as `field ← "Header"` pairs, for --explain. */
export function describeRoles(columns: ColumnIndex, headerCells: readonly string[]): string[] {
  return Object.entries(columns).map(
    ([field, indexes]) => `${field} ← ${indexes!.map((i) => JSON.stringify(headerCells[i])).join(' or ')}`,
  );
}
