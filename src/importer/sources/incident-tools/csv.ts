import { parse } from 'csv-parse/sync';
import { ImportError } from '../../errors.ts';
import { decodeText, headText, sniffEncoding } from '../../io/text.ts';
import { timeZone } from '../../time-zone.ts';
import type { ExportInput } from '../types.ts';

/**
 * The incidents CSV an incident tool's web app downloads: one incident per row, columns found by
 * their header (each role has the synonyms the tools' downloads and API field names use, compared
 * without case, spaces, dashes or underscores), so a re-saved or re-ordered file reads the same.
 */

/** A dashboard download is a list of incidents, not a stream: beyond this it is not one. */
export const MAX_INCIDENT_CSV_BYTES = 64 * 1024 * 1024;

/** A header as compared: lowercase letters and digits only ("Created On", "created_on" → "createdon"). */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9#]/g, '');
}

/** The header cells of a CSV head (first line), as keys, for cheap detection. */
export function csvHeaderKeys(input: ExportInput): Set<string> {
  if (input.kind !== 'file' || input.zipEntries !== undefined) return new Set();
  const firstLine = headText(input.head).split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trimStart().startsWith('{') || firstLine.trimStart().startsWith('[')) return new Set();
  const delimiter = [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  return new Set(firstLine.split(delimiter).map((cell) => headerKey(cell.replace(/^"|"$/g, ''))));
}

/** One row, by role: the cell of each role's column (absent roles and empty cells are undefined). */
export interface IncidentRow<R extends string> {
  /** 1-based line of the row in the file (the header is line 1), for messages. */
  line: number;
  get(role: R): string | undefined;
  /** The header the role was found under, for messages. */
  column(role: R): string | undefined;
}

/**
 * Reads the CSV into rows. `roles` maps each role to its header synonyms; `required` roles must
 * have a column, or the file is refused naming the role and the headers it looked for.
 */
export async function readIncidentCsv<R extends string>(
  input: ExportInput,
  roles: Record<R, readonly string[]>,
  required: readonly NoInfer<R>[],
  tool: string,
): Promise<IncidentRow<R>[]> {
  if (input.size > MAX_INCIDENT_CSV_BYTES) {
    throw new ImportError(
      input.path,
      `the file is ${Math.round(input.size / 1048576)} MB; expected a ${tool} incidents CSV of at most ${MAX_INCIDENT_CSV_BYTES / 1048576} MB`,
      'whole file',
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of input.open() as AsyncIterable<Buffer>) chunks.push(chunk);
  const sniffed = sniffEncoding(input.head);
  const text = decodeText(input.path, Buffer.concat(chunks), {
    expected: `expected the ${tool} incidents CSV as downloaded (UTF-8)`,
    encoding: 'encoding' in sniffed ? sniffed.encoding : undefined,
  });
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ImportError(
      input.path,
      `not a readable CSV (${(error as Error).message.split('\n')[0]!.replace(/^Invalid [^:]+: /, '')}); expected the ${tool} incidents CSV as downloaded`,
      line ? `line ${line}` : undefined,
    );
  }
  const header = records[0] ?? [];
  const keys = header.map(headerKey);
  const index = {} as Record<R, number>;
  for (const role of Object.keys(roles) as R[]) {
    const found = roles[role].map(headerKey).find((synonym) => keys.includes(synonym));
    index[role] = found === undefined ? -1 : keys.indexOf(found);
  }
  for (const role of required) {
    if (index[role] < 0) {
      throw new ImportError(
        input.path,
        `no ${role} column; expected one headed ${roles[role].map((name) => `"${name}"`).join(' or ')} (found: ${header.join(', ')})`,
        'header row',
      );
    }
  }
  return records.slice(1).map((cells, i) => ({
    line: i + 2,
    get: (role) => {
      const value = index[role] >= 0 ? cells[index[role]]?.trim() : undefined;
      return value === '' ? undefined : value;
    },
    column: (role) => (index[role] >= 0 ? header[index[role]] : undefined),
  }));
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;

/**
 * A CSV timestamp: ISO 8601 as the tools write it, with a zone, or without one (read as wall-clock
 * time in `tz`, which the caller reports). Undefined for an empty cell; ImportError for anything else.
 */
export function csvInstant(
  file: string,
  row: IncidentRow<string>,
  role: string,
  tz: string,
): { at: Date; zoned: boolean } | undefined {
  const value = row.get(role);
  if (value === undefined) return undefined;
  const match = ISO.exec(value);
  if (!match) {
    throw new ImportError(
      file,
      `${JSON.stringify(value.slice(0, 40))} is not a timestamp; expected ISO 8601 like "2024-05-14T09:52:11Z" (as the download writes it)`,
      `line ${row.line}, column ${row.column(role)}`,
    );
  }
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone] = match;
  const wall = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s, Math.round(Number(`0${fraction || '.0'}`) * 1000));
  const check = new Date(wall);
  if (check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d! || +h! > 23 || +mi! > 59 || +s > 59) {
    throw new ImportError(
      file,
      `${JSON.stringify(value)} is not a real date and time; expected ISO 8601 like "2024-05-14T09:52:11Z"`,
      `line ${row.line}, column ${row.column(role)}`,
    );
  }
  if (zone === undefined) return { at: new Date(timeZone(tz).toInstant(wall)), zoned: false };
  if (/^(z|utc|gmt)$/i.test(zone)) return { at: new Date(wall), zoned: true };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  return { at: new Date(wall - offset), zoned: true };
}
