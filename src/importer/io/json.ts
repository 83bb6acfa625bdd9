import type { z } from 'zod';
import type { ExportInput } from '../sources/types.ts';
import { ImportError } from '../errors.ts';
import { firstIssue, issuePlace } from '../../lib/zod-issues.ts';
import { decodeText } from './text.ts';

/**
 * Turning untrusted JSON text into values, with errors that say where: the line and column of a
 * syntax error, the field path of a value of the wrong shape. V8's own messages are not shown as
 * they are, because some of them quote the (private) input.
 */

/** One API response saved to a file is small; beyond this it is not what the adapter expects. */
export const MAX_JSON_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Reads a whole JSON file as strict UTF-8 and parses it (see parseJsonText). For documents that
 * must be read whole, like an API response; streams of records are read record by record instead.
 * `maxBytes` is what the format can sensibly be; a larger file is refused before it is read.
 */
export async function readJsonFile(
  input: ExportInput,
  onProgress?: (done: number, total?: number) => void,
  maxBytes: number = MAX_JSON_FILE_BYTES,
): Promise<unknown> {
  if (input.size > maxBytes) {
    throw new ImportError(
      input.path,
      `the file is ${Math.round(input.size / 1048576)} MB; expected a JSON document of at most ${maxBytes / 1048576} MB`,
      'whole file',
    );
  }
  const chunks: Buffer[] = [];
  let done = 0;
  for await (const chunk of input.open() as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    done += chunk.length;
    onProgress?.(done, input.size);
  }
  const text = decodeText(input.path, Buffer.concat(chunks), { expected: 'expected a UTF-8 JSON file' });
  return parseJsonText(input.path, text);
}

/** Whether the first bytes of a file look like a JSON object (after a BOM and whitespace). */
export function startsLikeJsonObject(head: Buffer): boolean {
  const text = head
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return text.startsWith('{');
}

/** Where a JSON.parse failure is, and what it is, in words that quote no more than one character. */
export interface JsonSyntaxError {
  problem: string;
  /** 1-based line and column (in UTF-16 units, as editors count) of the offending character. */
  line: number;
  column: number;
  /** True when the text ends before the document does (a truncated file). */
  atEnd: boolean;
}

const END_OF_INPUT = /end of JSON input/i;
/** V8 (Node 22): `… in JSON at position 42 (line 3 column 5)`; older engines stop after the position. */
const POSITION = /at position (\d+)(?: \(line (\d+) column (\d+)\))?/;

/** Line and column of a character offset, counting \n, \r\n and \r as line breaks (as V8 does). */
function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const end = Math.min(offset, text.length);
  let line = 1;
  let lineStart = 0;
  for (const match of text.slice(0, end).matchAll(/\r\n?|\n/g)) {
    line++;
    lineStart = match.index + match[0].length;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * The offset of an error JSON.parse reported without a position (V8 words some errors, such as
 * a bad literal, only as `Unexpected token 'x', "…" is not valid JSON`, quoting the input): the
 * end of the shortest prefix that fails for another reason than ending too early. Prefixes of
 * well-formed text only ever fail at their end, so the search is a bisection. Runs only after a
 * failure, so its cost does not matter.
 */
function offsetByPrefix(text: string): number {
  const failsWithin = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      const position = POSITION.exec(message);
      return position ? Number(position[1]) < length : !END_OF_INPUT.test(message);
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (failsWithin(mid + 1)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** What JSON.parse's failure `error` on `text` is, and where: the one reading of V8's messages. */
export function jsonSyntaxError(text: string, error: unknown): JsonSyntaxError {
  const message = error instanceof Error ? error.message : '';
  const position = POSITION.exec(message);
  const offset = END_OF_INPUT.test(message) ? text.length : position ? Number(position[1]) : offsetByPrefix(text);
  const atEnd = offset >= text.length;
  const place =
    position?.[2] !== undefined
      ? { line: Number(position[2]), column: Number(position[3]) }
      : lineColumnOf(text, offset);
  let problem: string;
  if (/^Unterminated string/.test(message)) {
    problem = 'a string is not closed before the end of the text (a truncated file?)';
  } else if (atEnd) {
    problem = 'the text ends before the document is complete (a truncated file?)';
  } else {
    problem = `unexpected ${JSON.stringify(String.fromCodePoint(text.codePointAt(offset)!))}`;
  }
  return { problem, ...place, atEnd };
}

/**
 * JSON.parse, throwing ImportError(file, …, `${where}, line L, column C`) on bad syntax.
 * `where` names the place in the export, e.g. `entry general/2024-01-02.json`.
 */
export function parseJsonText(file: string, text: string, where?: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    const { problem, line, column, atEnd } = jsonSyntaxError(body, error);
    const place = `${where ? `${where}, ` : ''}line ${line}, column ${column}${atEnd ? ' (end of text)' : ''}`;
    throw new ImportError(file, `invalid JSON: ${problem}`, place);
  }
}

/**
 * Validates `value` against `schema`, or throws ImportError naming the first bad field and what
 * was expected there. `where` prefixes the field path (an entry name, for instance).
 */
export function parseShape<S extends z.ZodType>(file: string, schema: S, value: unknown, where?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = firstIssue(result.error.issues, value);
  const place = issuePlace(issue.path);
  throw new ImportError(file, issue.message, where ? `${where}, ${place}` : place);
}
