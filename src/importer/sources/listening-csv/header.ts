import { CsvError } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { ImportError } from '../../errors.ts';
import { describeColumns, normalizeColumnName } from './columns.ts';
import { namesFor, type ColumnPreset } from './column-roles.ts';
import { csvErrorToImportError } from './csv-errors.ts';

/**
 * Finding the header row. Brandwatch puts title rows before it — `"Label:","value"` pairs
 * (report name, brand, date range) or, in other vintages, one cell per line — and a blank row;
 * other tools start with the header. Rows of one or two filled cells before the header are that
 * preamble; the first row with more must be the header, and it must have a date column: a
 * mention we cannot place in time is no use to the timeline.
 *
 * The header is located in the head (first 64 KiB) before streaming, so the streaming parser
 * starts exactly at the header: csv-parse then checks every row against the header's length
 * (with preamble rows first, it builds an error object with a stack trace for every data row,
 * which was most of the import time).
 */

/** Rows tolerated before the header; a real preamble has fewer than ten. */
export const MAX_PREAMBLE_ROWS = 100;

export function isBlankRow(record: string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}

/** A title row: `"Brand:","Example"`, or one cell such as `Bulk Mentions Download` (padded with empty cells by Excel). */
export function isPreambleRow(record: string[]): boolean {
  const filled = record.filter((cell) => cell.trim() !== '');
  return filled.length >= 1 && filled.length <= 2;
}

/** `Brand: Example` → [`Brand`, `Example`] for a label row; undefined for a bare title. */
function preambleEntry(record: string[]): [string, string] | undefined {
  const filled = record.map((cell) => cell.trim()).filter((cell) => cell !== '');
  const label = /^([^:]{1,40}):\s*(.*)$/.exec(filled[0]!);
  if (!label) return undefined;
  return [label[1]!.trim(), (filled[1] ?? label[2]!).trim()];
}

export interface HeaderLocation {
  /** 1-based physical line of the header row. */
  line: number;
  /** UTF-8 bytes of the (BOM-less) text before the header row: what the row stream skips. */
  offset: number;
  cells: string[];
  /** Preamble values by label without the colon ("Brand" → "Example Brand - Crisis"). */
  preamble: Map<string, string>;
  /** Title rows before the header (label pairs and bare titles). */
  titleRows: number;
}

export interface LocateOptions {
  file: string;
  delimiter: string;
  /** The column named by --map date=…, which then is the only acceptable date column. */
  mappedDate?: string | undefined;
  /** The tool whose date column names count (all generic names as well). */
  preset?: ColumnPreset;
  /** True when `text` is only the start of the file. */
  truncated: boolean;
}

/** Every name a date column may have under `preset` (a tool's own and the generic ones). */
export function dateColumnNames(preset: ColumnPreset = 'csv'): string[] {
  return [...new Set([...namesFor('date', preset), ...namesFor('date', 'csv')])];
}

function expectedDate(mappedDate: string | undefined, preset?: ColumnPreset): string {
  return mappedDate
    ? `"${mappedDate}"`
    : `${dateColumnNames(preset)
        .map((n) => `"${n}"`)
        .join(' or ')}, or name it with --map date=Column`;
}

/** One row of the head as csv-parse reads it. */
export interface HeadRow {
  cells: string[];
  /** 1-based physical line where the row starts (a quoted field may carry it over several). */
  line: number;
  /** UTF-8 bytes from the start of the text to the end of the row, its line break included. */
  end: number;
}

/**
 * The rows of the head, read by csv-parse as the row stream will read them, with either line
 * break (exports mix CRLF preamble rows with LF data). Lenient about quotes, since a preamble
 * is not always strict CSV. The head usually ends inside a row, so a parse error does not throw:
 * the rows before it are returned, with the error.
 */
export function headRows(text: string, delimiter: string, limit?: number): { rows: HeadRow[]; error?: CsvError } {
  const rows: HeadRow[] = [];
  let lastLine = 0;
  try {
    parseSync(text, {
      delimiter,
      record_delimiter: ['\r\n', '\n'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      ...(limit === undefined ? {} : { to: limit }),
      on_record: (cells: string[], info) => {
        rows.push({ cells, line: lastLine + 1, end: info.bytes });
        lastLine = info.lines;
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) return { rows, error };
    throw error;
  }
  return { rows };
}

/** A header row found among the first rows: its index there, and the preamble before it. */
export interface FoundHeader {
  index: number;
  preamble: Map<string, string>;
  titleRows: number;
}

/**
 * The header among `rows` (the first rows of a file or sheet): the first row that is neither
 * blank nor a title row, checked for a date column. Undefined when the rows run out first
 * (the caller knows whether there are more); ImportError for a header without a date column.
 * `isComplete(i)` says whether row i is whole (the last row of a cut head may not be).
 */
export function findHeader(
  rows: readonly { cells: string[]; line: number }[],
  options: LocateOptions,
  isComplete: (index: number) => boolean = () => true,
): FoundHeader | undefined {
  const { file, mappedDate, preset } = options;
  const dateNames = mappedDate ? [normalizeColumnName(mappedDate)] : dateColumnNames(preset);
  const preamble = new Map<string, string>();
  let preambleRows = 0;
  for (let index = 0; index < rows.length; index++) {
    const { cells, line } = rows[index]!;
    if (isBlankRow(cells)) continue;
    if (!isComplete(index)) return undefined;
    const names = cells.map(normalizeColumnName);
    const hasDate = dateNames.some((name) => names.includes(name));
    if (hasDate && !cells[0]!.trim().endsWith(':')) return { index, preamble, titleRows: preambleRows };
    if (isPreambleRow(cells)) {
      if (++preambleRows > MAX_PREAMBLE_ROWS) {
        throw new ImportError(file, `more than ${MAX_PREAMBLE_ROWS} title rows and no header row`, `line ${line}`);
      }
      const entry = preambleEntry(cells);
      if (entry) preamble.set(entry[0], entry[1]);
      else if (!preamble.has('Title')) preamble.set('Title', cells.find((cell) => cell.trim() !== '')!.trim());
      continue;
    }
    throw new ImportError(
      file,
      `no usable header row: expected a header with a date column (${expectedDate(mappedDate, preset)}); found columns: ${describeColumns(cells)}`,
      `line ${line}`,
    );
  }
  return undefined;
}

/** The ImportError for rows that ran out before a header: all of them blank or title rows. */
export function noHeaderError(
  file: string,
  rows: readonly { cells: string[]; line: number }[],
  options: LocateOptions,
): ImportError {
  const titles = rows.filter((row) => !isBlankRow(row.cells));
  const first = titles[0];
  return new ImportError(
    file,
    `no header row: the file has ${first ? `only ${titles.length} title row(s) (the first: ${describeColumns(first.cells.filter((c) => c.trim() !== ''))})` : 'no rows'}; expected a header with a date column (${expectedDate(options.mappedDate, options.preset)})`,
    first ? `line ${first.line}` : undefined,
  );
}

/** Finds the header row in the decoded head of the file; ImportError when there is none. */
export function locateHeader(text: string, options: LocateOptions): HeaderLocation {
  const { file, mappedDate, truncated, preset } = options;
  const { rows, error } = headRows(text, options.delimiter);
  const textBytes = Buffer.byteLength(text, 'utf8');
  // The last row of a cut head is only complete when the text ends with its line break.
  const isComplete = (i: number) => !(truncated && rows[i]!.end >= textBytes && !text.endsWith('\n'));
  const found = findHeader(rows, options, isComplete);
  if (found) {
    const row = rows[found.index]!;
    const offset = found.index === 0 ? 0 : rows[found.index - 1]!.end;
    return { line: row.line, offset, cells: row.cells, preamble: found.preamble, titleRows: found.titleRows };
  }
  const noCompleteHeader = (line: number | undefined) =>
    new ImportError(
      file,
      `no complete header row in the first ${Math.round(text.length / 1024)} KiB; expected a header with a date column (${expectedDate(mappedDate, preset)})`,
      `line ${line ?? '?'}`,
    );
  const cut = rows.findIndex((row, i) => !isBlankRow(row.cells) && !isComplete(i));
  if (cut !== -1) throw noCompleteHeader(rows[cut]!.line);
  if (error) {
    if (truncated) throw noCompleteHeader((error as CsvError & { lines?: number }).lines);
    throw csvErrorToImportError(file, error, text.length);
  }
  throw noHeaderError(file, rows, options);
}

/** Candidate delimiters, in the order a tie is settled. */
const DELIMITERS = ['\t', ',', ';', '|'];
/** Rows of the head the delimiter is sniffed from. */
const SNIFF_ROWS = 30;

/**
 * The delimiter of a CSV (tab, comma, semicolon or pipe): the one that splits the first row with
 * three or more cells under some delimiter into the most cells. That row is the header, since
 * preamble rows have two cells and text rows come later. csv-parse reads the rows, so a
 * delimiter inside a quoted preamble value does not count.
 */
export function sniffDelimiter(text: string): string {
  const parsed = DELIMITERS.map((delimiter) => headRows(text, delimiter, SNIFF_ROWS).rows);
  for (let i = 0; i < SNIFF_ROWS; i++) {
    let best = ',';
    let bestCells = 0;
    DELIMITERS.forEach((delimiter, d) => {
      const cells = parsed[d]![i]?.cells.length ?? 0;
      if (cells > bestCells) {
        best = delimiter;
        bestCells = cells;
      }
    });
    if (bestCells >= 3) return best;
  }
  return ',';
}
