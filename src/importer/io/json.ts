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
    // V8 gave no position (its wording varies, and may quote the input): find the spot ourselves.
    const offset = findJsonError(body);
    if (offset >= body.length) {
      throw new ImportError(
        file,
        'invalid JSON: the text ends before the document is complete (a truncated file?)',
        `${prefix}${lineColumn(body, body.length)} (end of text)`,
      );
    }
    throw new ImportError(
      file,
      `invalid JSON: unexpected ${JSON.stringify(body.slice(offset, offset + 1))}`,
      `${prefix}${lineColumn(body, offset)}`,
    );
  }
}

/**
 * Offset of the first syntax error in `text` (text.length when it ends too early). A small
 * JSON scanner, only run after JSON.parse has failed, so its speed does not matter.
 */
export function findJsonError(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') return void i++;
      if (ch < ' ') fail();
      if (ch === '\\') {
        i++;
        if (i >= text.length) fail();
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
              i += k;
              fail();
            }
          }
          i += 5;
        } else if ('"\\/bfnrt'.includes(text[i]!)) i++;
        else fail();
      } else i++;
    }
    fail();
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail();
    i += match![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 10_000) fail();
    ws();
    const ch = text[i];
    if (ch === undefined) fail();
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    return number();
  };
  try {
    value(0);
    ws();
    return i < text.length ? i : text.length + 1;
  } catch (offset) {
    return Math.min(offset as number, text.length);
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
