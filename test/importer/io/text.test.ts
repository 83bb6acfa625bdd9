import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/importer/errors.ts';
import {
  decodeText,
  encodingName,
  headText,
  sniffEncoding,
  utf8Decoder,
  type DecodeOptions,
} from '../../../src/importer/io/text.ts';

/** What the decoder fails with when `bytes` arrive in `chunks`-byte pieces. */
async function failure(
  bytes: Buffer,
  chunk = bytes.length,
  options: DecodeOptions = {},
  head = bytes.subarray(0, 65536),
): Promise<ImportError> {
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) pieces.push(bytes.subarray(i, i + chunk));
  try {
    await text(Readable.from(pieces).pipe(utf8Decoder('x.csv', head, options)));
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected the decoder to fail');
}

describe('encodings', () => {
  const decode = async (bytes: Buffer) =>
    text(Readable.from([bytes]).pipe(utf8Decoder('x.csv', bytes.subarray(0, 65536))));

  it('sniffs BOMs and BOM-less UTF-16', () => {
    expect(sniffEncoding(Buffer.from('\uFEFFDate', 'utf8'))).toMatchObject({ encoding: 'utf-8', bomLength: 3 });
    expect(sniffEncoding(Buffer.from('Date,Text\n', 'utf16le'))).toMatchObject({ encoding: 'utf-16le', bomLength: 0 });
    expect(sniffEncoding(Buffer.from('Date,Text\n', 'utf8'))).toMatchObject({ encoding: 'utf-8', bomLength: 0 });
  });

  it('decodes UTF-16LE and UTF-16BE to UTF-8 without the BOM, across chunk boundaries', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Date\tTexte\ncafé 😀\n', 'utf16le')]);
    expect(await decode(le)).toBe('Date\tTexte\ncafé 😀\n');
    const be = Buffer.from(le).swap16();
    expect(await decode(be)).toBe('Date\tTexte\ncafé 😀\n');
    // One byte at a time: split code units and surrogate pairs must be reassembled.
    const chunks = [...le].map((b) => Buffer.from([b]));
    expect(await text(Readable.from(chunks).pipe(utf8Decoder('x.csv', le)))).toBe('Date\tTexte\ncafé 😀\n');
  });

  it('passes UTF-8 through with multi-byte characters split between chunks', async () => {
    const bytes = Buffer.from('\uFEFFDate,Text\n2025-03-01,café 😀\n', 'utf8');
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    expect(await text(Readable.from(chunks).pipe(utf8Decoder('x.csv', bytes)))).toBe('Date,Text\n2025-03-01,café 😀\n');
  });

  it('refuses a file that ends inside a character', async () => {
    await expect(decode(Buffer.from([0x44, 0x0a, 0xc3]))).rejects.toThrow(/ends inside a character/);
  });
});

describe('where decoding fails', () => {
  const latin1 = Buffer.concat([Buffer.from('Date,Text\n2025-03-01,caf'), Buffer.from([0xe9]), Buffer.from('\n')]);

  it('names the byte, its offset and its line, whatever the chunk size', async () => {
    for (const chunk of [1, 2, 3, 7, 4096]) {
      // A head that is clean UTF-8 (the bad byte comes later in a real file), so UTF-8 is read.
      const error = await failure(latin1, chunk, {}, latin1.subarray(0, 20));
      expect(error.message).toMatch(/^invalid UTF-8 \(byte 0xE9 at byte offset 24\); expected a text export/);
      expect(error.message).toContain('pass --encoding windows-1252');
      expect(error.location).toBe('line 2, byte 24');
    }
  });

  it('finds an invalid continuation after a lead byte split from it by a chunk boundary', async () => {
    // E2 82 starts a three-byte character; "A" cannot continue it.
    const bytes = Buffer.concat([Buffer.from('ab\ncd'), Buffer.from([0xe2, 0x82]), Buffer.from('A\n')]);
    const error = await failure(bytes, 6, { encoding: 'utf-8' });
    expect(error.location).toBe('line 2, byte 5');
    expect(error.message).toMatch(/^invalid UTF-8 \(byte 0xE2 at byte offset 5\)/);
  });

  it('counts the BOM in byte offsets', async () => {
    const error = await failure(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1]), 5);
    expect(error.location).toBe('line 2, byte 27');
  });

  it('a NUL before an invalid byte in the same chunk is the first problem', async () => {
    // The head (first bytes) is clean text; the NUL comes later, in the same chunk as the 0xFF.
    const bytes = Buffer.concat([Buffer.from('ab\n\0c'), Buffer.from([0xff])]);
    const error = await failure(bytes, bytes.length, {}, bytes.subarray(0, 3));
    expect(error.message).toMatch(/^binary data: a NUL byte at byte offset 3;/);
    expect(error.location).toBe('line 2, byte 3');
  });

  it('names an unpaired UTF-16 surrogate by its byte offset', async () => {
    const bom = Buffer.from([0xff, 0xfe]);
    const lone = Buffer.from([0x00, 0xd8]); // a high surrogate, then "x" instead of its partner
    const bytes = Buffer.concat([bom, Buffer.from('Date\nab', 'utf16le'), lone, Buffer.from('x\n', 'utf16le')]);
    for (const chunk of [1, 3, 1024]) {
      const error = await failure(bytes, chunk);
      expect(error.message).toMatch(/^invalid UTF-16LE \(an unpaired surrogate\) at byte offset 16;/);
      expect(error.location).toBe('line 2, byte 16');
    }
  });

  it('names a UTF-16 NUL character by its byte offset', async () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a\nb\0', 'utf16le').swap16()]);
    const error = await failure(bytes, 3);
    expect(error.message).toMatch(/^binary data: a NUL character at byte offset 8;/);
    expect(error.location).toBe('line 2, byte 8');
  });

  it('refuses UTF-32 and binary data from the head alone', () => {
    expect(() => utf8Decoder('x.csv', Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toThrow(
      /^unsupported encoding UTF-32LE/,
    );
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0x01]);
    expect(() => utf8Decoder('x.png', png)).toThrow(/^binary data \(a NUL byte\) at byte offset 8/);
  });
});

describe('an explicit encoding', () => {
  it('reads Windows-1252 when it is named, instead of refusing it as UTF-8', async () => {
    const bytes = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x0a]);
    const decoded = await text(Readable.from([bytes]).pipe(utf8Decoder('x.csv', bytes, { encoding: 'windows-1252' })));
    expect(decoded).toBe('café €\n');
    const latin1 = await text(Readable.from([bytes]).pipe(utf8Decoder('x.csv', bytes, { encoding: 'latin1' })));
    expect(latin1).toBe('café €\n');
  });

  it('reads BOM-less UTF-16BE when it is named, and skips its BOM when there is one', async () => {
    const be = Buffer.from('Date\n', 'utf16le').swap16();
    const withBom = Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
    for (const bytes of [be, withBom]) {
      expect(await text(Readable.from([bytes]).pipe(utf8Decoder('x.csv', bytes, { encoding: 'utf-16be' })))).toBe(
        'Date\n',
      );
    }
  });
});

describe('decodeText', () => {
  const expected = 'expected a UTF-8 JSON file';

  it('decodes a whole buffer, dropping the BOM', () => {
    expect(decodeText('x.json', Buffer.from('\uFEFF{"a": "café"}', 'utf8'), { expected })).toBe('{"a": "café"}');
    expect(decodeText('x', Buffer.from('\uFEFFhé', 'utf16le'), { expected, encoding: 'utf-16le' })).toBe('hé');
  });

  it('names the file, the first bad byte and its line', () => {
    const bytes = Buffer.concat([Buffer.from('{\n"a": "caf'), Buffer.from([0xe9, 0x22, 0x7d])]);
    expect(() => decodeText('x.json', bytes, { expected })).toThrow(
      expect.objectContaining({
        file: 'x.json',
        message: 'invalid UTF-8 (byte 0xE9 at byte offset 11); expected a UTF-8 JSON file',
        location: 'line 2, byte 11',
      }),
    );
  });

  it('counts from where the bytes start in the file, and lets the caller word the place', () => {
    const bytes = Buffer.from([0x61, 0x0a, 0xc0]);
    expect(() =>
      decodeText('x.jsonl', bytes, { expected, offset: 100, line: 7, place: (p) => `line ${p.line}` }),
    ).toThrow(expect.objectContaining({ message: expect.stringMatching(/at byte offset 102\)/), location: 'line 8' }));
  });

  it('an incomplete last character is undecodable at its start', () => {
    expect(() => decodeText('x', Buffer.from([0x61, 0xf0, 0x9f]), { expected })).toThrow(/byte 0xF0 at byte offset 1/);
  });

  it('leaves NULs to the format parser, even before a bad byte', () => {
    expect(decodeText('x', Buffer.from('a\0'), { expected })).toBe('a\0');
    expect(() => decodeText('x', Buffer.from([0x61, 0, 0xff]), { expected })).toThrow(
      /^invalid UTF-8 \(byte 0xFF at byte offset 2\);/,
    );
  });
});

describe('encoding detection beyond BOMs', () => {
  it('takes a head that is not valid UTF-8 for Windows-1252, and says why', () => {
    const excel = Buffer.from([
      ...Buffer.from('Date;Text\n13.08.2025 09:07;sehr '),
      0xe4,
      ...Buffer.from('rgerlich\n'),
    ]);
    expect(sniffEncoding(excel)).toEqual({
      encoding: 'windows-1252',
      bomLength: 0,
      reason: 'not valid UTF-8, so the Windows (Excel) legacy encoding',
    });
    expect(headText(excel)).toContain('sehr ärgerlich');
  });

  it('keeps UTF-8 when the head only ends inside a character', () => {
    const cut = Buffer.from('Date,Text\ncafé', 'utf8').subarray(0, -1);
    expect(sniffEncoding(cut)).toMatchObject({ encoding: 'utf-8', reason: 'valid UTF-8' });
  });

  it('names --encoding labels the way TextDecoder does', () => {
    expect(encodingName('latin1')).toBe('windows-1252');
    expect(encodingName(' UTF-16LE ')).toBe('utf-16le');
    expect(encodingName('klingon')).toBeUndefined();
  });
});

describe('headText', () => {
  it('leaves out a character cut by the end of the head instead of failing', () => {
    const bytes = Buffer.from('Date,Text\ncafé', 'utf8');
    expect(headText(bytes.subarray(0, bytes.length - 1))).toBe('Date,Text\ncaf');
    expect(headText(Buffer.from('\uFEFFDate', 'utf16le').subarray(0, 7))).toBe('Da');
  });

  it('is empty for what is not text', () => {
    expect(headText(Buffer.from([0xff, 0xfe, 0, 0]))).toBe('');
  });
});
