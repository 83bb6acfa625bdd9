import { CsvError } from 'csv-parse';
import { ImportError } from '../../errors.ts';

/**
 * csv-parse's errors in the importer's terms: the file, the line, and what a well-formed export
 * has instead. Used for the head (locating the header) and the row stream alike.
 */
export function csvErrorToImportError(file: string, error: CsvError, maxRecordSize: number): ImportError {
  const line = `line ${(error as CsvError & { lines?: number }).lines ?? '?'}`;
  switch (error.code) {
    case 'CSV_MAX_RECORD_SIZE':
      return new ImportError(
        file,
        `a record is longer than ${maxRecordSize.toLocaleString('en')} characters; expected CSV rows separated by line breaks (is this a CSV export, and are its quotes balanced?)`,
        line,
      );
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ImportError(
        file,
        'a quoted field is never closed before the end of the file; expected a matching closing quote',
        line,
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new ImportError(
        file,
        `malformed quoting: a closing quote must be followed by a delimiter or line break (${error.message})`,
        line,
      );
    default:
      return new ImportError(file, `not a well-formed CSV: ${error.message}`, line);
  }
}
