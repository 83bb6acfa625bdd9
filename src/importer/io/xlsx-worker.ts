/**
 * The worker thread io/xlsx.ts reads a workbook in: exceljs's streaming WorkbookReader allocates
 * a great deal of short-lived garbage per row, and V8 lets a heap with room grow long before it
 * collects; in a worker with its own heap limit the same parse stays small (and is no slower).
 * Messages to the parent: `{ sheet }` when the chosen sheet starts, `{ rows }` in batches of
 * `[rowNumber, cells]`, `{ done, seen }` at the end (the sheet names seen), `{ error }`.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { cellText } from './xlsx-cells.ts';

const BATCH = 500;
const { path, sheet: wanted } = workerData as { path: string; sheet: string | undefined };

async function run(): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), {
    sharedStrings: 'cache',
    hyperlinks: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  const seen: string[] = [];
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${seen.length + 1}`;
    seen.push(name);
    if (wanted !== undefined && name !== wanted) continue;
    parentPort!.postMessage({ sheet: name });
    let batch: [number, string[]][] = [];
    for await (const row of worksheet) {
      const { values, number } = row as unknown as { values: unknown[]; number: number };
      // exceljs rows are 1-based: values[0] is always empty; missing cells are holes.
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      batch.push([number, cells]);
      if (batch.length >= BATCH) {
        parentPort!.postMessage({ rows: batch });
        batch = [];
      }
    }
    if (batch.length > 0) parentPort!.postMessage({ rows: batch });
    break;
  }
  parentPort!.postMessage({ done: true, seen });
}

run().catch((error: unknown) => {
  parentPort!.postMessage({ error: (error instanceof Error ? error.message : String(error)).split('\n')[0] });
});
