import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { ImportError } from '../../errors.ts';

/**
 * Encoding sniffing and streaming decode for CSV exports. Listening tools disagree on encoding
 * (Brandwatch: UTF-8 with BOM; Meltwater: UTF-16LE with BOM, named .csv), and a wrong guess
 * produces plausible-looking garbage, so anything we cannot decode for certain is refused with
 * the byte offset and line, never read "as best we can".
 *
 * The decoded stream is always UTF-8 bytes without BOM: csv-parse then works on one encoding,
 * and the common UTF-8 case is only validated (natively, via isUtf8), not copied.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type Sniffed = { encoding: TextEncoding; bomLength: number } | { problem: string; offset?: number };

/** Share of NUL bytes in one byte position that marks BOM-less UTF-16 text (ASCII-heavy CSVs have ~50%). */
const UTF16_NUL_SHARE = 0.3;

/** Looks at the first bytes: BOM, or the NUL pattern of BOM-less UTF-16, or UTF-8. */
export function sniffEncoding(head: Buffer): Sniffed {
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) {
    return { problem: 'unsupported encoding UTF-32LE (byte-order mark FF FE 00 00)' };
  }
  if (head.length >= 4 && head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) {
    return { problem: 'unsupported encoding UTF-32BE (byte-order mark 00 00 FE FF)' };
  }
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };

  const firstNul = head.indexOf(0);
  if (firstNul === -1) return { encoding: 'utf-8', bomLength: 0 };
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  const pairs = Math.floor(head.length / 2);
  if (evenNul === 0 && oddNul >= pairs * UTF16_NUL_SHARE) return { encoding: 'utf-16le', bomLength: 0 };
  if (oddNul === 0 && evenNul >= pairs * UTF16_NUL_SHARE) return { encoding: 'utf-16be', bomLength: 0 };
  return { problem: 'binary data (a NUL byte)', offset: firstNul };
}

/** The head as text for detect(): lenient, never throws, '' when it is not text. */
export function headText(head: Buffer): string {
  const sniffed = sniffEncoding(head);
  if ('problem' in sniffed) return '';
  const body = head.subarray(sniffed.bomLength);
  // The head may end inside a character: drop the partial one rather than fail.
  return new TextDecoder(sniffed.encoding).decode(
    body.subarray(0, sniffed.encoding === 'utf-8' ? body.length : body.length & ~1),
  );
}

const EXPECTED = 'expected a text export in UTF-8 or UTF-16 — re-save it as "CSV UTF-8"';

function lineCount(buf: Buffer, end = buf.length): number {
  let lines = 0;
  for (let i = buf.indexOf(10); i !== -1 && i < end; i = buf.indexOf(10, i + 1)) lines++;
  return lines;
}

function where(offset: number, line: number): string {
  return `line ${line}, byte ${offset}`;
}

/** Offset of the first invalid UTF-8 sequence in buf (the caller knows there is one). */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    let need: number;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    if (i + need >= buf.length && need > 0) return i;
    for (let k = 1; k <= need; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong, surrogate and beyond-U+10FFFF forms are what isUtf8 also rejects.
    if (need === 2) {
      const c = buf[i + 1]!;
      if ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f)) return i;
    } else if (need === 3) {
      const c = buf[i + 1]!;
      if ((b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f)) return i;
    }
    i += need + 1;
  }
  return buf.length;
}

/** Length of buf without a trailing incomplete UTF-8 sequence (kept for the next chunk). */
function completeUtf8Length(buf: Buffer): number {
  for (let i = buf.length - 1; i >= 0 && i >= buf.length - 4; i--) {
    const b = buf[i]!;
    if ((b & 0xc0) === 0x80) continue;
    const size = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + size > buf.length ? i : buf.length;
  }
  return buf.length;
}

export interface DecodeOptions {
  /** Called with bytes read so far after each chunk. */
  onBytes?: (bytesRead: number) => void;
}

/**
 * What both decoders share: the file name for errors, progress reporting, skipping the BOM,
 * and the byte offset and line count of what has been passed on so far.
 */
abstract class DecodingTransform extends Transform {
  protected readonly file: string;
  private readonly onBytes: ((n: number) => void) | undefined;
  private skip: number;
  /** Bytes (of the file) already passed on or skipped, and newlines in them. */
  protected offset = 0;
  protected lines = 0;
  private bytesRead = 0;

  constructor(file: string, bomLength: number, options: DecodeOptions) {
    super();
    this.file = file;
    this.skip = bomLength;
    this.onBytes = options.onBytes;
  }

  /** Reports progress and returns the chunk without what is left of the BOM. */
  protected accept(chunk: Buffer): Buffer {
    this.bytesRead += chunk.length;
    this.onBytes?.(this.bytesRead);
    if (this.skip === 0) return chunk;
    const skipped = Math.min(this.skip, chunk.length);
    this.skip -= skipped;
    this.offset += skipped;
    return chunk.subarray(skipped);
  }
}

/**
 * Validates UTF-8 and strips the BOM: passes chunks through unchanged (no copy in the common
 * case), rejecting NUL bytes (binary data) and invalid sequences with the offset and line.
 */
class Utf8Validate extends DecodingTransform {
  private carry: Buffer | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let buf = this.accept(chunk);
    if (this.carry) {
      buf = Buffer.concat([this.carry, buf]);
      this.carry = undefined;
    }
    const nul = buf.indexOf(0);
    if (nul !== -1) {
      const at = this.offset + nul;
      callback(
        new ImportError(
          this.file,
          `binary data: a NUL byte at byte offset ${at}; ${EXPECTED}`,
          where(at, this.lines + lineCount(buf, nul) + 1),
        ),
      );
      return;
    }
    const cut = completeUtf8Length(buf);
    const complete = buf.subarray(0, cut);
    if (!isUtf8(complete)) {
      const bad = firstInvalidUtf8(complete);
      const at = this.offset + bad;
      const byte = complete[bad]!.toString(16).toUpperCase().padStart(2, '0');
      callback(
        new ImportError(
          this.file,
          `invalid UTF-8 (byte 0x${byte} at byte offset ${at}); ${EXPECTED} (a Windows-1252/Latin-1 file must be converted first)`,
          where(at, this.lines + lineCount(complete, bad) + 1),
        ),
      );
      return;
    }
    if (cut < buf.length) this.carry = Buffer.from(buf.subarray(cut));
    this.lines += lineCount(complete);
    this.offset += cut;
    if (complete.length > 0) this.push(complete);
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.carry) {
      callback(
        new ImportError(
          this.file,
          `invalid UTF-8: the file ends inside a character at byte offset ${this.offset}; ${EXPECTED}`,
          where(this.offset, this.lines + 1),
        ),
      );
      return;
    }
    callback();
  }
}

/** Offset (in code units) of the first unpaired surrogate in text, or -1. */
function firstUnpairedSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

/** Decodes UTF-16 (either byte order) to UTF-8 bytes, rejecting NULs and unpaired surrogates. */
class Utf16ToUtf8 extends DecodingTransform {
  private readonly encoding: 'utf-16le' | 'utf-16be';
  private odd: Buffer | undefined;
  /** A high surrogate at a chunk's end waits for its partner. */
  private pendingHigh = '';

  constructor(file: string, encoding: 'utf-16le' | 'utf-16be', bomLength: number, options: DecodeOptions) {
    super(file, bomLength, options);
    this.encoding = encoding;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let buf = this.accept(chunk);
    if (this.odd) {
      buf = Buffer.concat([this.odd, buf]);
      this.odd = undefined;
    }
    const even = buf.length & ~1;
    if (even < buf.length) this.odd = Buffer.from(buf.subarray(even));
    const units = Buffer.from(buf.subarray(0, even));
    if (this.encoding === 'utf-16be') units.swap16();
    let text = this.pendingHigh + units.toString('utf16le');
    const startOffset = this.offset - this.pendingHigh.length * 2;
    this.pendingHigh = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.pendingHigh = text.slice(-1);
      text = text.slice(0, -1);
    }
    const fail = (index: number, what: string) => {
      const at = startOffset + index * 2;
      const line = this.lines + (text.slice(0, index).match(/\n/g)?.length ?? 0) + 1;
      callback(new ImportError(this.file, `${what} at byte offset ${at}; ${EXPECTED}`, where(at, line)));
    };
    const nul = text.indexOf('\0');
    if (nul !== -1) return fail(nul, 'binary data: a NUL character');
    const bad = firstUnpairedSurrogate(text);
    if (bad !== -1) return fail(bad, `invalid ${this.encoding.toUpperCase()} (an unpaired surrogate)`);
    this.offset += even;
    this.lines += text.match(/\n/g)?.length ?? 0;
    if (text.length > 0) this.push(Buffer.from(text, 'utf8'));
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.odd || this.pendingHigh) {
      callback(
        new ImportError(
          this.file,
          `invalid ${this.encoding.toUpperCase()}: the file ends inside a character; ${EXPECTED}`,
          where(this.offset, this.lines + 1),
        ),
      );
      return;
    }
    callback();
  }
}

/**
 * A transform from the raw file bytes to validated UTF-8 without BOM, for the encoding sniffed
 * from `head`. Throws ImportError right away when the head already shows it is not text.
 */
export function utf8Decoder(file: string, head: Buffer, options: DecodeOptions = {}): Transform {
  const sniffed = sniffEncoding(head);
  if ('problem' in sniffed) {
    const location =
      sniffed.offset === undefined ? undefined : where(sniffed.offset, lineCount(head, sniffed.offset) + 1);
    throw new ImportError(
      file,
      `${sniffed.problem}${sniffed.offset === undefined ? '' : ` at byte offset ${sniffed.offset}`}; ${EXPECTED}`,
      location,
    );
  }
  return sniffed.encoding === 'utf-8'
    ? new Utf8Validate(file, sniffed.bomLength, options)
    : new Utf16ToUtf8(file, sniffed.encoding, sniffed.bomLength, options);
}
