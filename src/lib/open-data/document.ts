import { OPEN_DATA_SCHEMA_VERSION } from '../../schema/open-data.ts';
import { CSV_HEADER_LINE, csvLine } from './csv.ts';
import type { OpenPostmortem } from './record.ts';

/**
 * The two open-data documents as text, piece by piece: a record at a time, so whoever writes
 * them (the build, straight to a file; the dev server, as a response) never holds the whole
 * library's records as objects, nor, in the build, its text (about 150 MB of JSON at 10,000
 * entries). The JSON is the text `JSON.stringify` gives for the whole document.
 */

/** Where the JSON's `$schema` points, and when the site was built. */
export interface OpenDataHead {
  schemaUrl: string;
  generated: Date;
}

/** `/api/postmortems.json` (src/schema/open-data.ts). */
export async function* openDataJson(
  records: AsyncIterable<OpenPostmortem>,
  head: OpenDataHead,
): AsyncGenerator<string> {
  const empty = JSON.stringify({
    $schema: head.schemaUrl,
    schemaVersion: OPEN_DATA_SCHEMA_VERSION,
    generated: head.generated.toISOString(),
    postmortems: [],
  });
  // The document with an empty list, opened where the list's records go: `…"postmortems":[` then `]}`.
  yield empty.slice(0, -2);
  let separator = '';
  for await (const record of records) {
    yield separator + JSON.stringify(record);
    separator = ',';
  }
  yield empty.slice(-2);
}

/** `/api/postmortems.csv`: the same records, one row each (src/lib/open-data/csv.ts). */
export async function* openDataCsv(records: AsyncIterable<OpenPostmortem>): AsyncGenerator<string> {
  yield CSV_HEADER_LINE;
  for await (const record of records) yield csvLine(record);
}
