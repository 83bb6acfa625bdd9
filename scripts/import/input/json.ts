import type { z } from 'zod';
import type { ExportInput } from '../adapters/types.ts';
import { ImportError } from '../errors.ts';

/**
 * Turning untrusted JSON text into values, with errors that say where: the line and column of a
 * syntax error, the field path of a value of the wrong shape. V8's own messages are not shown as
 * they are, because some of them quote the (private) input.
 */

/** One API response saved to a file is small; beyond this it is not what the adapter expects. */
export const MAX_JSON_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Reads a whole JSON file and parses it (see parseJsonText). For documents that must be read
 * whole, like an API response; streams of records should be read record by record instead.
 */
export async function readJsonFile(
  input: ExportInput,
  onProgress?: (done: number, total?: number) => void,
): Promise<unknown> {
  if (input.size > MAX_JSON_FILE_BYTES) {
    throw new ImportError(
      input.path,
      `the file is ${Math.round(input.size / 1048576)} MB; expected a JSON document of at most ${MAX_JSON_FILE_BYTES / 1048576} MB`,
    );
  }
  const chunks: Buffer[] = [];
  let done = 0;
  for await (const chunk of input.open() as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    done += chunk.length;
    onProgress?.(done, input.size);
  }
  return parseJsonText(input.path, Buffer.concat(chunks).toString('utf8'));
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

/** `line L, column C` of a character offset. */
export function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${end - lineStart + 1}`;
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
    const message = error instanceof Error ? error.message : '';
    const prefix = where ? `${where}, ` : '';
    if (/end of JSON input/i.test(message)) {
      throw new ImportError(
        file,
        'invalid JSON: the text ends before the document is complete (a truncated file?)',
        `${prefix}${lineColumn(body, body.length)} (end of text)`,
      );
    }
    const position = /at position (\d+)/.exec(message);
    if (position) {
      const offset = Number(position[1]);
      const atEnd = offset >= body.length;
      const what = /^Unterminated string/.test(message)
        ? 'a string is not closed before the end of the text (a truncated file?)'
        : atEnd
          ? 'the text ends before the document is complete (a truncated file?)'
          : `unexpected ${JSON.stringify(body.slice(offset, offset + 1))}`;
      throw new ImportError(
        file,
        `invalid JSON: ${what}`,
        `${prefix}${lineColumn(body, offset)}${atEnd ? ' (end of text)' : ''}`,
      );
    }
    const token = /^Unexpected token '(.{1,4})'/.exec(message);
    throw new ImportError(
      file,
      `invalid JSON${token ? `: unexpected ${JSON.stringify(token[1])}` : ''}; expected a well-formed JSON document`,
      where,
    );
  }
}

/** `events[3].at` from a zod issue path (`(top level)` for the root). */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

/**
 * Validates `value` against `schema`, or throws ImportError naming the first bad field and what
 * was expected there. `where` prefixes the field path (an entry name, for instance).
 */
export function parseShape<S extends z.ZodType>(file: string, schema: S, value: unknown, where?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const place = fieldPath(issue.path);
  throw new ImportError(file, issue.message, where ? `${where}, ${place}` : place);
}
