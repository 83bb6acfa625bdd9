import { Transform, type TransformCallback } from 'node:stream';
import { ImportError } from '../errors.ts';

/**
 * Turning the bytes of an export into text, for every source that reads text. Tools disagree on
 * encoding (Brandwatch: UTF-8 with BOM; Meltwater: UTF-16LE with BOM, named .csv; Excel's
 * "Unicode Text": UTF-16LE; Excel's plain "CSV" on Windows: Windows-1252), and a wrong guess
 * produces plausible-looking garbage, so anything that does not decode for certain is refused
 * with the byte offset, the line and the option that helps, never read "as best we can". The
 * decoding itself is the platform's `TextDecoder` (`fatal`, `stream`, every WHATWG encoding);
 * this module only chooses the encoding, skips the BOM, refuses binary data and says where a
 * problem is.
 *
 * The encoding is the caller's (`--encoding`) or sniffed from the first bytes: a byte-order
 * mark; the NUL pattern of BOM-less UTF-16; valid UTF-8; otherwise Windows-1252, the one
 * legacy encoding Excel writes on Western-European Windows, which decodes any byte. A file whose
 * head is UTF-8 but that turns invalid later is refused with `--encoding windows-1252` as the way out.
 */

/** A WHATWG encoding name (`utf-8`, `utf-16le`, `windows-1252`, `iso-8859-2`, `shift_jis`…); `latin1` is an alias of `windows-1252`. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | (string & {});

export type Sniffed =
  | { encoding: TextEncoding; bomLength: number; /** How the encoding was chosen, for --explain. */ reason: string }
  | { problem: string; offset?: number };

/** The canonical name of an encoding label (`latin1` → `windows-1252`), or undefined when TextDecoder does not know it. */
export function encodingName(label: string): TextEncoding | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** True when `bytes` is valid UTF-8, allowing a character cut off at the end. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Share of NUL bytes in one byte position that marks BOM-less UTF-16 text (ASCII-heavy CSVs have ~50%). */
const UTF16_NUL_SHARE = 0.3;

/** Byte-order marks, longest first so UTF-32LE is not taken for UTF-16LE. */
const BOMS: { bytes: number[]; encoding?: TextEncoding; problem?: string }[] = [
  { bytes: [0xff, 0xfe, 0, 0], problem: 'unsupported encoding UTF-32LE (byte-order mark FF FE 00 00)' },
  { bytes: [0, 0, 0xfe, 0xff], problem: 'unsupported encoding UTF-32BE (byte-order mark 00 00 FE FF)' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function startsWith(head: Uint8Array, bytes: number[]): boolean {
  return head.length >= bytes.length && bytes.every((byte, i) => head[i] === byte);
}

/** Length of the byte-order mark of `encoding` at the start of `head`, 0 if there is none. */
function bomLength(head: Uint8Array, encoding: TextEncoding): number {
  const bom = BOMS.find((b) => b.encoding === encoding);
  return bom && startsWith(head, bom.bytes) ? bom.bytes.length : 0;
}

/** Looks at the first bytes: BOM, or the NUL pattern of BOM-less UTF-16, or UTF-8. */
export function sniffEncoding(head: Buffer): Sniffed {
  const bom = BOMS.find((b) => startsWith(head, b.bytes));
  if (bom?.problem) return { problem: bom.problem };
  if (bom?.encoding) return { encoding: bom.encoding, bomLength: bom.bytes.length, reason: 'byte-order mark' };

  const firstNul = head.indexOf(0);
  if (firstNul === -1) {
    if (isUtf8(head)) return { encoding: 'utf-8', bomLength: 0, reason: 'valid UTF-8' };
    return {
      encoding: 'windows-1252',
      bomLength: 0,
      reason: 'not valid UTF-8, so the Windows (Excel) legacy encoding',
    };
  }
  let evenNul = 0;
  let oddNul = 0;
  for (let i = firstNul; i < head.length; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  const pairs = Math.floor(head.length / 2);
  if (evenNul === 0 && oddNul >= pairs * UTF16_NUL_SHARE)
    return { encoding: 'utf-16le', bomLength: 0, reason: 'NUL bytes of UTF-16 without a byte-order mark' };
  if (oddNul === 0 && evenNul >= pairs * UTF16_NUL_SHARE)
    return { encoding: 'utf-16be', bomLength: 0, reason: 'NUL bytes of UTF-16 without a byte-order mark' };
  return { problem: 'binary data (a NUL byte)', offset: firstNul };
}

/** The head as text for detect(): lenient, never throws, '' when it is not text. `encoding`: the caller's, instead of sniffing. */
export function headText(head: Buffer, encoding?: TextEncoding): string {
  const sniffed = encoding ? { encoding, bomLength: bomLength(head, encoding) } : sniffEncoding(head);
  if ('problem' in sniffed) return '';
  // Stream mode: the head may end inside a character, which is then left out rather than failed.
  return new TextDecoder(sniffed.encoding, { ignoreBOM: true }).decode(head.subarray(sniffed.bomLength), {
    stream: true,
  });
}

/** Bytes that `text` (which decoded without error) took up in `encoding`. */
function encodedLength(text: string, encoding: TextEncoding): number {
  if (encoding === 'utf-8') return Buffer.byteLength(text, 'utf8');
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return text.length * 2;
  return text.length;
}

function strictDecoder(encoding: TextEncoding): TextDecoder {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
}

/**
 * Offset of the first sequence in `bytes` (which starts at a character boundary) that
 * `encoding` cannot decode. TextDecoder says only that there is one; the longest prefix that
 * still decodes in stream mode ends inside (or just before) it, so back up to that
 * character's start. Only run after decoding failed, so its cost does not matter.
 */
function firstUndecodable(bytes: Uint8Array, encoding: TextEncoding): number {
  const decodes = (end: number, stream: boolean) => {
    try {
      strictDecoder(encoding).decode(bytes.subarray(0, end), { stream });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (decodes(mid, true)) low = mid;
    else high = mid - 1;
  }
  let start = low;
  while (start > 0 && !decodes(start, false)) start--;
  return start;
}

/** What an undecodable or binary stretch is, in the words of the error message. */
export interface TextProblem {
  /** e.g. `invalid UTF-8 (byte 0xE9 at byte offset 43)`. */
  what: string;
  /** Byte offset in the whole input. */
  offset: number;
  /** 1-based line of that byte. */
  line: number;
}

function countLines(text: string, end = text.length): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** The first NUL in `text` as binary data, or undefined. `offset`/`lines`: where `text` starts. */
function nulProblem(text: string, encoding: TextEncoding, offset: number, lines: number): TextProblem | undefined {
  const nul = text.indexOf('\0');
  if (nul === -1) return undefined;
  const at = offset + encodedLength(text.slice(0, nul), encoding);
  const unit = encoding.startsWith('utf-16') ? 'character' : 'byte';
  return {
    what: `binary data: a NUL ${unit} at byte offset ${at}`,
    offset: at,
    line: lines + countLines(text, nul) + 1,
  };
}

/**
 * The first problem in `bytes`, which start at a character boundary at `offset` (on line
 * `lines + 1`) and which `encoding` failed to decode: a NUL before the bad sequence (unless
 * `refuseNul` is false), or the bad sequence itself.
 */
function undecodableProblem(
  bytes: Uint8Array,
  encoding: TextEncoding,
  offset: number,
  lines: number,
  refuseNul = true,
): TextProblem {
  const bad = firstUndecodable(bytes, encoding);
  const before = strictDecoder(encoding).decode(bytes.subarray(0, bad));
  const nul = refuseNul ? nulProblem(before, encoding, offset, lines) : undefined;
  if (nul) return nul;
  const at = offset + bad;
  const name = encoding.toUpperCase();
  const what =
    encoding === 'utf-8'
      ? `invalid UTF-8 (byte 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${at})`
      : `invalid ${name} (an unpaired surrogate) at byte offset ${at}`;
  return { what, offset: at, line: lines + countLines(before) + 1 };
}

export interface DecodeTextOptions {
  /** What the format expects, ending the error message: `expected a UTF-8 JSON file`. */
  expected: string;
  /** The encoding to read; UTF-8 unless named. */
  encoding?: TextEncoding | undefined;
  /** Byte offset and 1-based line of `bytes[0]` in the file, when the bytes are a part of it. */
  offset?: number;
  line?: number;
  /** The place of a problem in the error; `line L, byte N` unless given. */
  place?: (problem: TextProblem) => string;
}

/**
 * A whole buffer as text, without a leading BOM of its encoding. An undecodable sequence is an
 * ImportError naming `file`, the byte and its place. NULs are left to the format's parser
 * (JSON.parse names one with its line and column).
 */
export function decodeText(file: string, bytes: Uint8Array, options: DecodeTextOptions): string {
  const { expected, encoding = 'utf-8', offset = 0, line = 1, place = textPlace } = options;
  const skip = bomLength(bytes, encoding);
  const body = bytes.subarray(skip);
  try {
    return strictDecoder(encoding).decode(body);
  } catch {
    // Decoding whole, an incomplete character at the end fails too: it is reported where it starts.
    const problem = undecodableProblem(body, encoding, offset + skip, line - 1, false);
    throw new ImportError(file, `${problem.what}; ${expected}`, place(problem));
  }
}

const EXPECTED =
  'expected a text export in one encoding — re-save it as "CSV UTF-8", or name the encoding with --encoding';
const CONVERT_HINT = ' — or, if Excel on Windows saved it, pass --encoding windows-1252';

/** `line L, byte N`: the place of a problem in an ImportError. */
export function textPlace(problem: Pick<TextProblem, 'offset' | 'line'>): string {
  return `line ${problem.line}, byte ${problem.offset}`;
}

export interface DecodeOptions {
  /** The encoding to read, instead of the one sniffed from the head. */
  encoding?: TextEncoding | undefined;
  /** Called with bytes read so far after each chunk. */
  onBytes?: (bytesRead: number) => void;
}

/**
 * Streaming decode for text exports: the raw file bytes in, validated UTF-8 without BOM out,
 * so a parser downstream (csv-parse) works on one encoding. UTF-8 input is passed on as it
 * came (TextDecoder only validates it); other encodings are re-encoded. Undecodable sequences
 * and NUL characters (binary data) are refused with the byte offset and line.
 */
class DecodeToUtf8 extends Transform {
  readonly #file: string;
  readonly #encoding: TextEncoding;
  readonly #decoder: TextDecoder;
  readonly #onBytes: ((n: number) => void) | undefined;
  /** BOM bytes still to skip. */
  #skip: number;
  #bytesRead = 0;
  /** Bytes (of the file) of the text decoded so far, BOM included, and newlines in it. */
  #decoded = 0;
  #lines = 0;
  /** The last bytes seen: where a character left incomplete by the previous chunk starts. */
  #recent: Buffer = Buffer.alloc(0);

  constructor(file: string, encoding: TextEncoding, skip: number, options: DecodeOptions) {
    super();
    this.#file = file;
    this.#encoding = encoding;
    this.#decoder = strictDecoder(encoding);
    this.#skip = skip;
    this.#onBytes = options.onBytes;
  }

  #fail(problem: TextProblem): ImportError {
    const hint = this.#encoding === 'utf-8' && problem.what.startsWith('invalid') ? CONVERT_HINT : '';
    return new ImportError(this.#file, `${problem.what}; ${EXPECTED}${hint}`, textPlace(problem));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#bytesRead += chunk.length;
    this.#onBytes?.(this.#bytesRead);
    let body = chunk;
    if (this.#skip > 0) {
      const skipped = Math.min(this.#skip, chunk.length);
      this.#skip -= skipped;
      this.#decoded += skipped;
      body = chunk.subarray(skipped);
    }
    // Bytes of a character the previous chunk left incomplete (the decoder holds them).
    const pending = this.#bytesRead - body.length - this.#decoded;
    let text: string;
    try {
      text = this.#decoder.decode(body, { stream: true });
    } catch {
      const from = Buffer.concat([this.#recent.subarray(this.#recent.length - pending), body]);
      callback(this.#fail(undecodableProblem(from, this.#encoding, this.#decoded, this.#lines)));
      return;
    }
    const nul = nulProblem(text, this.#encoding, this.#decoded, this.#lines);
    if (nul) {
      callback(this.#fail(nul));
      return;
    }
    this.#decoded += encodedLength(text, this.#encoding);
    this.#lines += countLines(text);
    this.#recent = body.length >= 4 ? body.subarray(-4) : Buffer.concat([this.#recent, body]).subarray(-4);
    if (this.#encoding === 'utf-8') {
      if (body.length > 0) this.push(body);
    } else if (text.length > 0) this.push(Buffer.from(text, 'utf8'));
    callback();
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.#decoder.decode();
    } catch {
      const name = this.#encoding.toUpperCase();
      callback(
        new ImportError(
          this.#file,
          `invalid ${name}: the file ends inside a character at byte offset ${this.#decoded}; ${EXPECTED}`,
          textPlace({ offset: this.#decoded, line: this.#lines + 1 }),
        ),
      );
      return;
    }
    callback();
  }
}

/**
 * A transform from the raw file bytes to validated UTF-8 without BOM, in `options.encoding` or
 * the encoding sniffed from `head`. Throws ImportError right away when the head already shows
 * it is not text.
 */
export function utf8Decoder(file: string, head: Buffer, options: DecodeOptions = {}): Transform {
  if (options.encoding) return new DecodeToUtf8(file, options.encoding, bomLength(head, options.encoding), options);
  const sniffed = sniffEncoding(head);
  if ('problem' in sniffed) {
    if (sniffed.offset === undefined) throw new ImportError(file, `${sniffed.problem}; ${EXPECTED}`);
    const line = countLines(head.toString('latin1'), sniffed.offset) + 1;
    throw new ImportError(
      file,
      `${sniffed.problem} at byte offset ${sniffed.offset}; ${EXPECTED}`,
      textPlace({ offset: sniffed.offset, line }),
    );
  }
  return new DecodeToUtf8(file, sniffed.encoding, sniffed.bomLength, options);
}
