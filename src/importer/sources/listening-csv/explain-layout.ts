import type { AdapterOptions, ExplainLine, ExportInput } from '../types.ts';
import { headText } from '../../io/text.ts';
import { readSheetRows } from '../../io/xlsx.ts';
import { describeColumns } from './columns.ts';
import { dateReading, readVendorDate } from './dates.ts';
import { headRows, isBlankRow } from './header.ts';
import { csvEncoding, csvLayout, describeRoles, type CsvProfile, type MentionLayout } from './read-mentions.ts';
import { sheetLayout } from './read-sheet.ts';

/**
 * What the listening reader detects about a file before reading its rows, for `--explain`:
 * the same functions the import runs (csvLayout, sheetLayout), so the explanation cannot drift
 * from what an import would do.
 */

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** Up to this many head rows are parsed to tell whether times carry a zone. */
const ZONE_SAMPLE = 200;

/** The lines every listening layout shares: preset, columns, date order, time zone. */
function layoutLines(layout: MentionLayout, sample: readonly string[][]): ExplainLine[] {
  const { row, dateOrder } = layout;
  const used = new Set(Object.values(row.columns).flat());
  const unused = row.headerCells.filter((_, i) => !used.has(i));
  const lines: ExplainLine[] = [
    { label: 'column names', value: layout.preset === 'csv' ? 'generic (no tool preset)' : `${layout.preset} preset` },
    { label: 'columns', value: describeRoles(row.columns, row.headerCells).join('; ') },
  ];
  if (unused.length > 0) lines.push({ label: 'columns not used', value: describeColumns(unused) });
  lines.push({
    label: 'date order',
    value: dateOrder.order ? `${dateOrder.order} (${dateOrder.source})` : dateOrder.source,
  });
  lines.push({ label: 'time zone', value: zoneLine(layout, sample) });
  return lines;
}

/** Whether the sampled rows' times carry a zone, and the zone used for those that do not. */
function zoneLine(layout: MentionLayout, sample: readonly string[][]): string {
  const { row } = layout;
  const reading = dateReading(row.dates.zone, row.dates.order);
  const date = row.columns.date![0]!;
  const time = row.columns.time?.[0];
  let read = 0;
  for (const cells of sample.slice(0, ZONE_SAMPLE)) {
    if (readVendorDate(cells[date] ?? '', reading, time === undefined ? undefined : cells[time])) read++;
  }
  if (read === 0) return `no readable dates in the first rows; zone-less times would be read as ${reading.zone.name}`;
  if (reading.zoneless === 0) return 'times carry their own zone (or are Unix times)';
  const hint = reading.zone.name === 'UTC' ? ' — pass --tz ZONE if the tool exported local time' : '';
  return `times carry no zone: read as ${reading.zone.name}${hint}; the page says so`;
}

export async function explainCsv(
  input: ExportInput,
  options: AdapterOptions,
  profile: CsvProfile,
): Promise<ExplainLine[]> {
  const { encoding, reason } = csvEncoding(input, options);
  const { layout, delimiter, header } = await csvLayout(input, options, profile);
  const text = headText(input.head, options.encoding === undefined ? undefined : encoding);
  const rows = headRows(Buffer.from(text, 'utf8').subarray(header.offset).toString('utf8'), delimiter)
    .rows.slice(1, -1)
    .map((r) => r.cells)
    .filter((cells) => !isBlankRow(cells));
  return [
    { label: 'encoding', value: `${encoding} (${reason})` },
    { label: 'delimiter', value: DELIMITER_NAMES[delimiter] ?? JSON.stringify(delimiter) },
    {
      label: 'header row',
      value: `line ${header.line}${header.titleRows > 0 ? ` (after ${header.titleRows} title row(s))` : ''}`,
    },
    ...layoutLines(layout, rows),
  ];
}

export async function explainSheet(input: ExportInput, options: AdapterOptions): Promise<ExplainLine[]> {
  const { layout, sheet, headerRow, adapter } = await sheetLayout(input, options);
  const sample: string[][] = [];
  await readSheetRows(input, { sheet }, (cells, rowNumber) => {
    if (rowNumber > headerRow && !isBlankRow(cells)) sample.push(cells);
    return sample.length >= ZONE_SAMPLE ? 'stop' : undefined;
  });
  return [
    { label: 'tool', value: adapter === 'xlsx' ? 'not recognised (generic column names)' : adapter },
    { label: 'sheet', value: `"${sheet}"${options.sheet === undefined ? ' (the first)' : ''}` },
    { label: 'header row', value: `sheet row ${headerRow}` },
    ...layoutLines(layout, sample),
  ];
}
