import { ImportError } from '../../errors.ts';
import { COLUMN_NAMES, describeColumns, normalizeColumnName } from './columns.ts';

/**
 * Finding the header row. Brandwatch puts `"Label:","value"` preamble rows (report name, brand,
 * date range) and a blank row before it; other tools start with the header. The first row that
 * is neither preamble nor blank must be the header, and it must have a date column: a mention
 * we cannot place in time is no use to the timeline.
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

export class HeaderFinder {
  private readonly file: string;
  private readonly dateNames: string[];
  /** Preamble values by label without the colon ("Brand" → "Example Brand - Crisis"). */
  readonly preamble = new Map<string, string>();
  private rows = 0;

  /** `mappedDate`: the column named by --map date=…, which then is the only acceptable one. */
  constructor(file: string, mappedDate?: string) {
    this.file = file;
    this.dateNames = mappedDate ? [normalizeColumnName(mappedDate)] : COLUMN_NAMES.date;
  }

  /**
   * Offers the next row before the header: false for preamble and blank rows, true for the
   * header. Throws ImportError naming the columns found when the row cannot be the header.
   */
  offer(record: string[], line: number): boolean {
    this.rows++;
    if (isBlankRow(record)) return false;
    if (isPreambleRow(record)) {
      if (this.rows > MAX_PREAMBLE_ROWS) {
        throw new ImportError(this.file, `more than ${MAX_PREAMBLE_ROWS} "Label:","value" rows and no header row`, `line ${line}`);
      }
      this.preamble.set(record[0]!.trim().replace(/:$/, ''), (record[1] ?? '').trim());
      return false;
    }
    const names = record.map(normalizeColumnName);
    if (this.dateNames.some((name) => names.includes(name))) return true;
    throw new ImportError(
      this.file,
      `no usable header row: expected a header with a date column (${this.expected()}); found columns: ${describeColumns(record)}`,
      `line ${line}`,
    );
  }

  /** The error for a file that ended before any header. */
  missing(): ImportError {
    return new ImportError(
      this.file,
      `no header row: the file has ${this.rows === 0 ? 'no rows' : `only ${this.rows} blank or "Label:","value" row(s)`}; expected a header with a date column (${this.expected()})`,
    );
  }

  private expected(): string {
    const names = this.dateNames.map((n) => `"${n}"`).join(' or ');
    return this.dateNames === COLUMN_NAMES.date ? `${names}, or name it with --map date=Column` : names;
  }
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
