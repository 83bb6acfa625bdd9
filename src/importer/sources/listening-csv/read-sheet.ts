import type { PartialIncident } from '../../model/incident.ts';
import { ImportError } from '../../errors.ts';
import { readSheetRows } from '../../io/xlsx.ts';
import type { AdapterOptions, ExportInput } from '../types.ts';
import { toolOfHeader, type ColumnPreset } from './column-roles.ts';
import { normalizeColumnName, resolveColumns } from './columns.ts';
import { dateReading } from './dates.ts';
import { findHeader, isBlankRow, noHeaderError } from './header.ts';
import {
  DEFAULT_LIMITS,
  mappedColumn,
  MentionReader,
  settleDateOrder,
  zoneOption,
  type MentionLayout,
  type ReadLimits,
} from './read-mentions.ts';

/**
 * Mentions from an `.xlsx` download (any listening tool's, or a CSV a colleague opened and saved
 * in Excel): the first worksheet, or --sheet. Rows stream from io/xlsx.ts into the same header,
 * column, date and accumulate steps as a CSV. The tool is recognised from the header row by the
 * same signatures as its CSV; without one, the generic names and --map apply.
 */

/** Rows looked at for the header and the date order before streaming the rest. */
const HEAD_ROWS = 500;

export interface SheetLayout {
  layout: MentionLayout;
  sheet: string;
  /** Sheet row number of the header. */
  headerRow: number;
  /** Adapter name for evidence: the tool recognised, or `xlsx`. */
  adapter: string;
}

/** The worksheet's header, tool, columns and date order, from its first rows (and the whole date column if needed). */
export async function sheetLayout(input: ExportInput, options: AdapterOptions): Promise<SheetLayout> {
  const file = input.path;
  const zone = zoneOption(file, options.tz);
  const head: { cells: string[]; line: number }[] = [];
  const { sheet } = await readSheetRows(input, options, (cells, rowNumber) => {
    head.push({ cells, line: rowNumber });
    return head.length >= HEAD_ROWS ? 'stop' : undefined;
  });
  const mappedDate = mappedColumn(options, file, 'date');
  const locate = { file, delimiter: '', mappedDate, truncated: false, preset: 'csv' as ColumnPreset };
  // The generic date names first, to find the row; then the tool its names say.
  const found = findHeader(head, locate);
  if (!found) {
    if (head.length < HEAD_ROWS) throw noHeaderError(file, head, locate);
    throw new ImportError(file, `no header row in the first ${HEAD_ROWS} rows of sheet "${sheet}"`, `sheet "${sheet}"`);
  }
  const header = head[found.index]!;
  const preset: ColumnPreset = toolOfHeader(header.cells.map(normalizeColumnName)) ?? 'csv';
  const row = {
    file,
    headerCells: header.cells,
    columns: resolveColumns(header.cells, options.map, file, preset),
    dates: dateReading(zone),
  };
  const date = row.columns.date![0]!;
  const dataRows = head.slice(found.index + 1);
  const dateOrder = await settleDateOrder(options, row, async (evidence) => {
    for (const r of dataRows)
      if (!isBlankRow(r.cells)) evidence.add(r.cells[date] ?? '', where(sheet, r.line, header.line));
    if (!evidence.open || head.length < HEAD_ROWS) return;
    await readSheetRows(input, { sheet }, (cells, rowNumber) => {
      if (rowNumber <= header.line) return undefined;
      evidence.add(cells[date] ?? '', where(sheet, rowNumber, header.line));
      return evidence.decided ? 'stop' : undefined;
    });
  });
  return {
    layout: { row, preset, dateOrder, preamble: found.preamble },
    sheet,
    headerRow: header.line,
    adapter: preset === 'csv' ? 'xlsx' : preset,
  };
}

/** `row 3 (sheet "Mentions" row 5)`: data rows counted from the header, as in a CSV. */
function where(sheet: string, rowNumber: number, headerRow: number): string {
  return `row ${rowNumber - headerRow} (sheet "${sheet}" row ${rowNumber})`;
}

export async function readMentionsSheet(
  input: ExportInput,
  options: AdapterOptions,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<PartialIncident> {
  const file = input.path;
  const { layout, sheet, headerRow, adapter } = await sheetLayout(input, options);
  const reader = new MentionReader({ adapter, preset: layout.preset }, options, layout);
  const width = layout.row.headerCells.length;
  let blankRows = 0;
  let rows = 0;
  await readSheetRows(input, { sheet }, (cells, rowNumber) => {
    if (rowNumber <= headerRow) return undefined;
    if (isBlankRow(cells)) {
      blankRows++;
      return undefined;
    }
    const at = where(sheet, rowNumber, headerRow);
    // Excel leaves out empty cells at a row's end; cells beyond the header must be empty.
    if (cells.length > width) {
      const extra = cells.slice(width).findIndex((cell) => cell.trim() !== '');
      if (extra !== -1) {
        throw new ImportError(
          file,
          `a value in column ${width + extra + 1}, where the header has ${width} columns; expected every value under a header cell`,
          at,
        );
      }
      cells.length = width;
    }
    while (cells.length < width) cells.push('');
    reader.add(cells, at);
    if (++rows % 10_000 === 0) options.onProgress?.(rows);
    return undefined;
  });
  return reader.finish(blankRows, limits);
}
