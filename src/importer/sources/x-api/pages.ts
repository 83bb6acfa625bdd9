import type { Readable } from 'node:stream';
import { ImportError } from '../../errors.ts';
import { firstIssue, issuePlace } from '../../../lib/zod-issues.ts';
import { jsonSyntaxError } from '../../io/json.ts';
import { decodeText } from '../../io/text.ts';
import { CountsPage, Page } from './schema.ts';

/**
 * Reads X API pages from an export: twarc2 JSON Lines (one response page per line) or one raw
 * API response (a single JSON object, possibly pretty-printed over many lines). Lines are split
 * on bytes with a size cap, so a file without line breaks fails at the cap instead of being
 * buffered whole.
 */

export interface PageLimits {
  /** Longest JSON line (and longest single-document file), in bytes. */
  maxLineBytes: number;
}

export const DEFAULT_PAGE_LIMITS: PageLimits = { maxLineBytes: 50 * 1024 * 1024 };

/** One line (or document) of the export: a page of posts, a page of counts, or a damaged last line. */
export type NumberedPage =
  | {
      /** 1-based line where the page starts. */
      line: number;
      page: Page;
    }
  | { line: number; counts: CountsPage }
  | {
      line: number;
      /** What is wrong with the last line: an interrupted capture, skipped with a note. */
      damaged: string;
    };

/** A counts response: `data` items with `tweet_count` instead of post ids and texts. */
function isCountsPage(json: object): boolean {
  const data = (json as { data?: unknown }).data;
  return (
    Array.isArray(data) &&
    data.length > 0 &&
    typeof data[0] === 'object' &&
    data[0] !== null &&
    'tweet_count' in data[0]
  );
}

const MIB = 1024 * 1024;
const size = (bytes: number) => (bytes >= MIB ? `${Math.round(bytes / MIB)} MB` : `${Math.round(bytes / 1024)} KiB`);

/** True when the head is a pretty-printed document rather than JSON Lines: the first line is not a whole object. */
export function isPrettyPrinted(head: Buffer): boolean {
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  const newline = text.indexOf('\n');
  // No line break in the head: one long line, which is what twarc writes.
  if (newline === -1) return false;
  return !text.slice(0, newline).trimEnd().endsWith('}');
}

function toPage(file: string, text: string, line: number): NumberedPage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const syntax = jsonSyntaxError(text, error);
    throw new ImportError(
      file,
      `not valid JSON (${syntax.problem}); expected one X API response page per line, as twarc2 writes them`,
      `line ${line + syntax.line - 1}, column ${syntax.column}`,
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ImportError(
      file,
      `expected an X API response page (a JSON object with data, includes, meta), got ${Array.isArray(json) ? 'an array' : typeof json}`,
      `line ${line}`,
    );
  }
  if (!('data' in json) && !('includes' in json) && !('meta' in json) && !('errors' in json)) {
    const keys = Object.keys(json).slice(0, 10).join(', ') || 'none';
    throw new ImportError(
      file,
      `not an X API response page: expected data, includes, meta or errors, found keys: ${keys}`,
      `line ${line}`,
    );
  }
  if (isCountsPage(json)) {
    const counts = CountsPage.safeParse(json);
    if (!counts.success) {
      const issue = firstIssue(counts.error.issues, json);
      throw new ImportError(
        file,
        `${issuePlace(issue.path)}: ${issue.message} (a page of the counts endpoint, /2/tweets/counts)`,
        `line ${line}`,
      );
    }
    return { line, counts: counts.data };
  }
  const parsed = Page.safeParse(json);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error.issues, json);
    throw new ImportError(file, `${issuePlace(issue.path)}: ${issue.message}`, `line ${line}`);
  }
  return { line, page: parsed.data };
}

/** Bytes of the file from `offset` on (1-based line `line`) as UTF-8 text, without a BOM. */
function decodeLine(file: string, bytes: Buffer, offset: number, line: number): string {
  return decodeText(file, bytes, {
    expected: 'expected the API response as twarc2 wrote it (UTF-8 JSON)',
    offset,
    line,
    place: (problem) => `line ${problem.line}`,
  });
}

/** Pages of a JSON Lines file, one per non-blank line. */
export async function* jsonLinePages(
  file: string,
  stream: Readable,
  limits: PageLimits = DEFAULT_PAGE_LIMITS,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<NumberedPage> {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let line = 1;
  /** Byte offset of the current line's start. */
  let lineStart = 0;
  let bytesRead = 0;
  const tooLong = () =>
    new ImportError(
      file,
      `a line is longer than ${size(limits.maxLineBytes)}; expected one X API response page per line (is this really a twarc2 JSON Lines file?)`,
      `line ${line}`,
    );
  // Each line is parsed when the next one starts, so the last line is known as the last: a
  // capture interrupted mid-write (twarc stopped, a disk filled) leaves it cut off, and that one
  // line is reported and skipped instead of losing every page before it.
  let pending: { text: string; line: number } | undefined;
  const emit = (bytes: Buffer): NumberedPage | undefined => {
    const text = decodeLine(file, bytes, lineStart, line);
    if (text.trim() === '') return undefined;
    const previous = pending;
    pending = { text, line };
    return previous ? toPage(file, previous.text, previous.line) : undefined;
  };

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    onBytes?.(bytesRead);
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(10, start);
      const piece = chunk.subarray(start, newline === -1 ? chunk.length : newline);
      if (partBytes + piece.length > limits.maxLineBytes) throw tooLong();
      if (newline === -1) {
        if (piece.length > 0) {
          parts.push(piece);
          partBytes += piece.length;
        }
        break;
      }
      const whole = parts.length === 0 ? piece : Buffer.concat([...parts, piece]);
      parts = [];
      partBytes = 0;
      const page = emit(whole);
      if (page) yield page;
      line++;
      lineStart += whole.length + 1;
      start = newline + 1;
    }
  }
  if (partBytes > 0) {
    const page = emit(Buffer.concat(parts));
    if (page) yield page;
  }
  if (pending) yield lastPage(file, pending.text, pending.line);
}

/** The last line's page, or what is damaged about it when its JSON is cut off or broken. */
function lastPage(file: string, text: string, line: number): NumberedPage {
  try {
    JSON.parse(text);
  } catch (error) {
    const syntax = jsonSyntaxError(text, error);
    return { line, damaged: `${syntax.problem}, column ${syntax.column}` };
  }
  return toPage(file, text, line);
}

/** The single page of a pretty-printed raw API response. */
export async function documentPage(
  file: string,
  stream: Readable,
  limits: PageLimits = DEFAULT_PAGE_LIMITS,
  onBytes?: (bytesRead: number) => void,
): Promise<NumberedPage> {
  const parts: Buffer[] = [];
  let bytesRead = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    onBytes?.(bytesRead);
    if (bytesRead > limits.maxLineBytes) {
      stream.destroy();
      throw new ImportError(
        file,
        `a single JSON document larger than ${size(limits.maxLineBytes)}; expected one API response page, or JSON Lines (one page per line) for larger collections`,
      );
    }
    parts.push(chunk);
  }
  const text = decodeLine(file, Buffer.concat(parts), 0, 1);
  return toPage(file, text, 1);
}
