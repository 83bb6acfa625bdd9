import { Worker } from 'node:worker_threads';
import { ImportError } from '../errors.ts';
import type { ExportInput } from '../sources/types.ts';

/**
 * Reading the rows of one worksheet of an `.xlsx` workbook, streaming (exceljs's WorkbookReader,
 * in a worker thread with its own heap limit: see xlsx-worker.ts): rows are handed on as they
 * are parsed, never kept, as the text a CSV would hold (xlsx-cells.ts).
 */

/** Old-generation heap of the parsing worker: a 200,000-row workbook needs well under half. */
const WORKER_HEAP_MB = 192;

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

type WorkerMessage =
  { sheet: string } | { rows: [number, string[]][] } | { done: true; seen: string[] } | { error: string };

/**
 * Streams the rows of the chosen worksheet to `onRow` (which may return 'stop' to end early).
 * Resolves with the sheet's name. A missing --sheet is an ImportError listing the sheets; so is
 * a file exceljs cannot open as a workbook. An error thrown by `onRow` rejects as it is.
 */
export function readSheetRows(
  input: ExportInput,
  options: SheetOptions,
  onRow: SheetRowHandler,
): Promise<{ sheet: string }> {
  const file = input.path;
  const worker = new Worker(new URL('./xlsx-worker.ts', import.meta.url), {
    workerData: { path: input.absolutePath, sheet: options.sheet },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    stdout: false,
    stderr: false,
  });
  return new Promise((resolve, reject) => {
    let sheet: string | undefined;
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      outcome();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      if ('sheet' in message) sheet = message.sheet;
      else if ('rows' in message) {
        try {
          for (const [rowNumber, cells] of message.rows) {
            if (onRow(cells, rowNumber) === 'stop') return finish(() => resolve({ sheet: sheet! }));
          }
        } catch (error) {
          finish(() => reject(error));
        }
      } else if ('error' in message) {
        finish(() =>
          reject(
            new ImportError(
              file,
              `cannot be read as an .xlsx workbook (${message.error}); expected a workbook saved by Excel or a listening tool — or re-save it as "CSV UTF-8"`,
            ),
          ),
        );
      } else if (sheet !== undefined) finish(() => resolve({ sheet: sheet! }));
      else if (options.sheet !== undefined) {
        const names = message.seen.map((s) => JSON.stringify(s)).join(', ') || 'no worksheets';
        finish(() =>
          reject(
            new ImportError(
              file,
              `there is no worksheet "${options.sheet}"; the workbook has ${names} — pass one of them with --sheet`,
              'workbook',
            ),
          ),
        );
      } else {
        finish(() =>
          reject(
            new ImportError(
              file,
              'the workbook has no worksheets; expected one with a header row and mentions',
              'workbook',
            ),
          ),
        );
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const why =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `it needs more than ${WORKER_HEAP_MB} MB to parse`
          : error.message.split('\n')[0];
      finish(() =>
        reject(
          new ImportError(
            file,
            `cannot be read as an .xlsx workbook (${why}); re-save it as "CSV UTF-8" and import that`,
          ),
        ),
      );
    });
    worker.on('exit', (code) => {
      finish(() =>
        reject(new ImportError(file, `the workbook reader stopped (exit ${code}) before the end of the sheet`)),
      );
    });
  });
}
