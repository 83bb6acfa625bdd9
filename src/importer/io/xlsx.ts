import ExcelJS from 'exceljs';
import { ImportError } from '../errors.ts';
import type { ExportInput } from '../sources/types.ts';

/**
 * Reading the rows of one worksheet of an `.xlsx` workbook, streaming (exceljs's WorkbookReader:
 * rows are handed on as they are parsed, never kept), as strings the way a CSV would hold them,
 * so spreadsheet and CSV exports share every later step. Excel dates carry no zone: they become
 * `YYYY-MM-DD HH:MM:SS.mmm` wall-clock text, read in --tz like any zone-less listening time.
 */

/** Zip entries every .xlsx workbook has. */
export function isXlsx(input: ExportInput): boolean {
  return input.zipEntries?.includes('xl/workbook.xml') === true;
}

/** One worksheet row: its cells as text, and its 1-based row number in the sheet. */
export type SheetRowHandler = (cells: string[], rowNumber: number) => void | 'stop';

export interface SheetOptions {
  /** --sheet: the worksheet to read; the first when absent. */
  sheet?: string | undefined;
}

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

/**
 * Streams the rows of the chosen worksheet to `onRow` (which may return 'stop' to end early).
 * Resolves with the sheet's name and the names of all sheets seen up to it. A missing --sheet
 * is an ImportError listing the sheets; so is a file exceljs cannot open as a workbook.
 */
export async function readSheetRows(
  input: ExportInput,
  options: SheetOptions,
  onRow: SheetRowHandler,
): Promise<{ sheet: string }> {
  const file = input.path;
  const stream = input.open();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    hyperlinks: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  const seen: string[] = [];
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${seen.length + 1}`;
      seen.push(name);
      if (options.sheet !== undefined && name !== options.sheet) continue;
      for await (const row of worksheet) {
        const values = (row as unknown as { values: unknown[] }).values;
        // exceljs rows are 1-based: values[0] is always empty.
        const cells = values.slice(1).map(cellText);
        for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        if (onRow(cells, (row as unknown as { number: number }).number) === 'stop') return { sheet: name };
      }
      return { sheet: name };
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(
      file,
      `cannot be read as an .xlsx workbook (${(error as Error).message.split('\n')[0]}); expected a workbook saved by Excel or a listening tool — or re-save it as "CSV UTF-8"`,
    );
  } finally {
    // Stopping early leaves the file open otherwise.
    stream.destroy();
  }
  if (options.sheet !== undefined) {
    throw new ImportError(
      file,
      `there is no worksheet "${options.sheet}"; the workbook has ${seen.map((s) => JSON.stringify(s)).join(', ') || 'no worksheets'} — pass one of them with --sheet`,
      'workbook',
    );
  }
  throw new ImportError(
    file,
    'the workbook has no worksheets; expected one with a header row and mentions',
    'workbook',
  );
}
