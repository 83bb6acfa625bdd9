import { CsvError } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { ImportError } from '../../errors.ts';
import { COLUMN_NAMES, describeColumns, normalizeColumnName } from './columns.ts';
import { csvErrorToImportError } from './csv-errors.ts';

/**
 * Finding the header row. Brandwatch puts `"Label:","value"` preamble rows (report name, brand,
 * date range) and a blank row before it; other tools start with the header. The first row that
 * is neither preamble nor blank must be the header, and it must have a date column: a mention
 * we cannot place in time is no use to the timeline.
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

/** `"Brand:","Example"`: at most two cells, the first a label ending in a colon. */
export function isPreambleRow(record: string[]): boolean {
  const filled = record.filter((cell) => cell.trim() !== '');
  return filled.length >= 1 && filled.length <= 2 && record[0]!.trim().endsWith(':');
}

export interface HeaderLocation {
  /** 1-based physical line of the header row. */
  line: number;
  /** UTF-8 bytes of the (BOM-less) text before the header row: what the row stream skips. */
  offset: number;
  cells: string[];
  /** Preamble values by label without the colon ("Brand" → "Example Brand - Crisis"). */
  preamble: Map<string, string>;
}

export interface LocateOptions {
  file: string;
  delimiter: string;
  /** The column named by --map date=…, which then is the only acceptable date column. */
  mappedDate?: string | undefined;
  /** True when `text` is only the start of the file. */
  truncated: boolean;
}

function expectedDate(mappedDate: string | undefined): string {
  return mappedDate
    ? `"${mappedDate}"`
    : `${COLUMN_NAMES.date.map((n) => `"${n}"`).join(' or ')}, or name it with --map date=Column`;
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

/** Finds the header row in the decoded head of the file; ImportError when there is none. */
export function locateHeader(text: string, options: LocateOptions): HeaderLocation {
  const { file, delimiter, mappedDate, truncated } = options;
  const dateNames = mappedDate ? [normalizeColumnName(mappedDate)] : COLUMN_NAMES.date;
  const { rows, error } = headRows(text, delimiter);
  const textBytes = Buffer.byteLength(text, 'utf8');
  const noCompleteHeader = (line: number | undefined) =>
    new ImportError(
      file,
      `no complete header row in the first ${Math.round(text.length / 1024)} KiB; expected a header with a date column (${expectedDate(mappedDate)})`,
      `line ${line ?? '?'}`,
    );
  const preamble = new Map<string, string>();
  let offset = 0;
  let preambleRows = 0;
  for (const row of rows) {
    const { cells, line } = row;
    if (isBlankRow(cells)) {
      offset = row.end;
      continue;
    }
    // The last row of a cut head is only complete when the text ends with its line break.
    if (truncated && row.end >= textBytes && !text.endsWith('\n')) throw noCompleteHeader(line);
    if (isPreambleRow(cells)) {
      if (++preambleRows > MAX_PREAMBLE_ROWS) {
        throw new ImportError(
          file,
          `more than ${MAX_PREAMBLE_ROWS} "Label:","value" rows and no header row`,
          `line ${line}`,
        );
      }
      preamble.set(cells[0]!.trim().replace(/:$/, ''), (cells[1] ?? '').trim());
      offset = row.end;
      continue;
    }
    const names = cells.map(normalizeColumnName);
    if (dateNames.some((name) => names.includes(name))) return { line, offset, cells, preamble };
    throw new ImportError(
      file,
      `no usable header row: expected a header with a date column (${expectedDate(mappedDate)}); found columns: ${describeColumns(cells)}`,
      `line ${line}`,
    );
  }
  if (error) {
    if (truncated) throw noCompleteHeader((error as CsvError & { lines?: number }).lines);
    throw csvErrorToImportError(file, error, text.length);
  }
  throw new ImportError(
    file,
    `no header row: the file has ${preambleRows === 0 ? 'no rows' : `only ${preambleRows} "Label:","value" row(s)`}; expected a header with a date column (${expectedDate(mappedDate)})`,
  );
}

/** Candidate delimiters, in the order a tie is settled. */
const DELIMITERS = ['\t', ',', ';'];
/** Rows of the head the delimiter is sniffed from. */
const SNIFF_ROWS = 30;

/**
 * The delimiter of a CSV (tab, comma or semicolon): the one that splits the first row with
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
