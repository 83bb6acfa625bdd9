import { parse as parseSync } from 'csv-parse/sync';
import { ImportError } from '../../errors.ts';
import { COLUMN_NAMES, describeColumns, normalizeColumnName } from './columns.ts';

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

/** Finds the header row in the decoded head of the file; ImportError when there is none. */
export function locateHeader(text: string, options: LocateOptions): HeaderLocation {
  const { file, delimiter, mappedDate, truncated } = options;
  const dateNames = mappedDate ? [normalizeColumnName(mappedDate)] : COLUMN_NAMES.date;
  const preamble = new Map<string, string>();
  let offset = 0;
  let rows = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const complete = i < lines.length - 1 || !truncated;
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let cells: string[];
    try {
      cells = (parseSync(lineText, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? [];
    } catch {
      // Not one well-formed row (a quoted field running onto the next line): show it raw.
      cells = lineText.split(delimiter);
    }
    if (isBlankRow(cells)) {
      offset += Buffer.byteLength(raw, 'utf8') + 1;
      continue;
    }
    if (!complete) {
      throw new ImportError(
        file,
        `no complete header row in the first ${Math.round(text.length / 1024)} KiB; expected a header with a date column (${expectedDate(mappedDate)})`,
        `line ${i + 1}`,
      );
    }
    if (isPreambleRow(cells)) {
      if (++rows > MAX_PREAMBLE_ROWS) {
        throw new ImportError(
          file,
          `more than ${MAX_PREAMBLE_ROWS} "Label:","value" rows and no header row`,
          `line ${i + 1}`,
        );
      }
      preamble.set(cells[0]!.trim().replace(/:$/, ''), (cells[1] ?? '').trim());
      offset += Buffer.byteLength(raw, 'utf8') + 1;
      continue;
    }
    const names = cells.map(normalizeColumnName);
    if (dateNames.some((name) => names.includes(name))) return { line: i + 1, offset, cells, preamble };
    throw new ImportError(
      file,
      `no usable header row: expected a header with a date column (${expectedDate(mappedDate)}); found columns: ${describeColumns(cells)}`,
      `line ${i + 1}`,
    );
  }
  throw new ImportError(
    file,
    `no header row: the file has ${rows === 0 ? 'no rows' : `only ${rows} "Label:","value" row(s)`}; expected a header with a date column (${expectedDate(mappedDate)})`,
  );
}

/**
 * The delimiter of a CSV (tab, comma or semicolon), read off the first line that has two or more
 * of one: that is the header, since preamble rows have one comma and text lines come later.
 */
export function sniffDelimiter(text: string): string {
  for (const line of text.split(/\r?\n/, 30)) {
    let best = ',';
    let bestCount = 0;
    for (const delimiter of ['\t', ',', ';']) {
      const count = line.split(delimiter).length - 1;
      if (count > bestCount) {
        best = delimiter;
        bestCount = count;
      }
    }
    if (bestCount >= 2) return best;
  }
  return ',';
}
