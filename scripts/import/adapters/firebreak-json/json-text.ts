import type { ExportInput } from '../types.ts';
import { ImportError } from '../../errors.ts';

/**
 * A Firebreak incident JSON is one document that must be parsed whole; beyond this size it is
 * not an incident write-up but a data dump, and reading it would only exhaust memory.
 */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

/** Reads the whole file as UTF-8 text (BOM removed), refusing oversize and non-UTF-8 files. */
export async function readJsonText(
  input: ExportInput,
  onProgress?: (done: number, total?: number) => void,
): Promise<string> {
  if (input.size > MAX_JSON_BYTES) {
    throw new ImportError(
      input.path,
      `the file is ${Math.round(input.size / 1048576)} MB; a Firebreak incident JSON may be at most ${MAX_JSON_BYTES / 1048576} MB`,
      'whole file',
    );
  }
  const chunks: Buffer[] = [];
  let done = 0;
  for await (const chunk of input.open()) {
    const buffer = chunk as Buffer;
    chunks.push(buffer);
    done += buffer.length;
    onProgress?.(done, input.size);
  }
  const bytes = Buffer.concat(chunks);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(
      input.path,
      'is not valid UTF-8 text; expected a UTF-8 JSON file',
      `byte ${firstInvalidUtf8(bytes)}`,
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Binary search over prefixes; a prefix may end mid-character, so allow 3 bytes of slack.
  while (high - low > 4) {
    const mid = (low + high) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid;
    }
  }
  return low;
}

/** `line L, column C` of a character offset. */
export function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** JSON.parse with an ImportError naming the line and column instead of V8's message. */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // V8's messages sometimes carry no position and quote the (untrusted) input: find the spot ourselves.
    const offset = findJsonError(text);
    if (offset >= text.length) {
      throw new ImportError(
        file,
        'invalid JSON: the file ends before the document is complete (truncated?)',
        `${lineColumn(text, text.length)} (end of file)`,
      );
    }
    const found = JSON.stringify(text.slice(offset, offset + 1));
    throw new ImportError(file, `invalid JSON: unexpected ${found}`, lineColumn(text, offset));
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

/** `events[3].at` from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}
