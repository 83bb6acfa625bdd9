import { Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse, type Info } from 'csv-parse';
import { ImportError } from '../../errors.ts';
import type { ExportInput } from '../types.ts';
import { csvErrorToImportError } from './csv-errors.ts';
import { isBlankRow, type HeaderLocation } from './header.ts';

/**
 * The rows step of the mentions reader: decoded bytes → csv-parse → one data row at a time,
 * numbered as a person finds it (`row 3 (line 9)`). A row with a different number of cells than
 * the header is an ImportError (it would silently shift the timeline); an all-blank one is
 * counted and skipped.
 */

/** Receives each data row, with the place an error about it names. */
export type RowHandler = (record: string[], where: string) => void;

export interface RowStream {
  file: string;
  delimiter: string;
  header: HeaderLocation;
  /** Longest record in characters. */
  maxRecordSize: number;
}

/** Drops the first `n` bytes of a stream (the preamble before the header row), passing the rest by reference. */
class SkipBytes extends Transform {
  private left: number;

  constructor(n: number) {
    super();
    this.left = n;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.left >= chunk.length) {
      this.left -= chunk.length;
      callback();
      return;
    }
    const rest = this.left > 0 ? chunk.subarray(this.left) : chunk;
    this.left = 0;
    callback(null, rest);
  }
}

/**
 * Streams the file through `decoder` and csv-parse, starting at the header row, and hands each
 * data row to `onRow`. Resolves with the number of blank rows skipped; rejects with an
 * ImportError for a malformed file or a row of the wrong length (or whatever `onRow` throws).
 */
export async function streamRows(
  input: ExportInput,
  decoder: Transform,
  stream: RowStream,
  onRow: RowHandler,
): Promise<{ blankRows: number }> {
  const { file, header } = stream;
  const width = header.cells.length;
  let headerSeen = false;
  let row = 0;
  let blankRows = 0;
  // Physical lines before the header row; csv-parse counts from the header.
  let prevEnd = header.line - 1;
  let prevEmpty = 0;

  const handleRecord = (record: string[], info: Info) => {
    const start = prevEnd + 1 + (info.empty_lines - prevEmpty);
    prevEnd = header.line - 1 + info.lines;
    prevEmpty = info.empty_lines;
    if (!headerSeen) {
      // The stream starts at the header row located in the head.
      headerSeen = true;
      return;
    }
    row++;
    const where = `row ${row} (line ${start})`;
    if (record.length !== width) {
      if (isBlankRow(record)) {
        blankRows++;
        return;
      }
      throw new ImportError(
        file,
        `${record.length} cells where the header has ${width}; expected one cell per column (an unquoted delimiter or line break in a field?)`,
        where,
      );
    }
    onRow(record, where);
  };

  // Rows are handled synchronously inside csv-parse (on_record returning null): no per-row
  // object-mode push or async iteration, which would cost more than the handling itself.
  // An error thrown in handleRecord comes back out of the pipeline as is.
  const parser = parse({
    delimiter: stream.delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: stream.maxRecordSize,
    on_record: (record: string[], info: Info) => {
      handleRecord(record, info);
      return null;
    },
  });
  try {
    await pipeline(
      input.open(),
      decoder,
      new SkipBytes(header.offset),
      parser,
      new Writable({ objectMode: true, write: (_row, _encoding, done) => done() }),
    );
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (error instanceof CsvError) throw csvErrorToImportError(file, error, stream.maxRecordSize);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES') {
      throw new ImportError(file, `cannot read the file (${(error as Error).message})`);
    }
    throw error;
  }
  return { blankRows };
}
