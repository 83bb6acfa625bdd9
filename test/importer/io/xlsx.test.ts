import { describe, expect, it } from 'vitest';
import { readSheetRows } from '../../../src/importer/io/xlsx.ts';
import { cellText } from '../../../src/importer/io/xlsx-cells.ts';
import { toExportInput } from '../../../src/importer/io/inputs.ts';
import { REPO } from '../sources/support.ts';

describe('xlsx cells as CSV text', () => {
  it.each([
    [null, ''],
    ['kettle', 'kettle'],
    [1200, '1200'],
    [true, 'true'],
    // Excel dates carry no zone: exceljs hands the wall time as a UTC Date.
    [new Date(Date.UTC(2025, 7, 13, 9, 7, 0, 5)), '2025-08-13 09:07:00.005'],
    [{ richText: [{ text: 'Same ' }, { text: 'here' }] }, 'Same here'],
    [{ text: 'the post', hyperlink: 'https://x.com/a/status/1' }, 'the post'],
    [{ text: '', hyperlink: 'https://x.com/a/status/1' }, 'https://x.com/a/status/1'],
    [{ formula: 'A1+1', result: 42 }, '42'],
    [{ error: '#N/A' }, '#N/A'],
  ])('%j → %j', (value, expected) => expect(cellText(value)).toBe(expected));
});

describe('readSheetRows', () => {
  it('streams the first sheet with row numbers, and stops when asked', async () => {
    const input = await toExportInput('test/fixtures/listening/xlsx/meltwater-mentions.xlsx', REPO);
    const rows: [number, string][] = [];
    const { sheet } = await readSheetRows(input, {}, (cells, n) => {
      rows.push([n, cells[0]!]);
      return n === 2 ? 'stop' : undefined;
    });
    expect(sheet).toBe('Mentions');
    expect(rows).toEqual([
      [1, 'Date'],
      [2, '2025-08-13 09:07:00.000'],
    ]);
  });
});
