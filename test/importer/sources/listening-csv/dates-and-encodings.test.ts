import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { parseVendorDate, timeZone } from '../../../../src/importer/sources/listening-csv/dates.ts';
import { sniffEncoding, utf8Decoder } from '../../../../src/importer/sources/listening-csv/decode.ts';

const utc = timeZone('UTC');
const paris = timeZone('Europe/Paris');
const read = (value: string, zone = utc, time?: string) => parseVendorDate(value, zone, time)?.toISOString();

describe('vendor dates', () => {
  it.each([
    ['2025-03-01 14:02:11.0', '2025-03-01T14:02:11.000Z'],
    ['2025-03-01T14:05:40.000+0000', '2025-03-01T14:05:40.000Z'],
    ['2025-03-01T15:05:40+01:00', '2025-03-01T14:05:40.000Z'],
    ['2025/03/01 14:02', '2025-03-01T14:02:00.000Z'],
    ['2025-03-01', '2025-03-01T00:00:00.000Z'],
    ['01-Mar-2025 02:02PM', '2025-03-01T14:02:00.000Z'],
    ['1 March 2025 12:05 AM', '2025-03-01T00:05:00.000Z'],
    ['Mar 1, 2025 2:02 PM', '2025-03-01T14:02:00.000Z'],
    ['1740837731', '2025-03-01T14:02:11.000Z'],
    ['1740837731000', '2025-03-01T14:02:11.000Z'],
  ])('reads %s', (value, expected) => expect(read(value)).toBe(expected));

  it.each(['yesterday', '03/01/2025', '2025-02-30 10:00', '2025-03-01 24:00', '2025-03-01 13:00 PM', '0001-01-01', ''])(
    'refuses %j rather than guess',
    (value) => expect(read(value)).toBeUndefined(),
  );

  it('combines a separate time column, and refuses one that disagrees', () => {
    expect(read('01-Mar-2025', utc, '02:02 PM')).toBe('2025-03-01T14:02:00.000Z');
    expect(read('01-Mar-2025 02:02PM', utc, '02:02 PM')).toBe('2025-03-01T14:02:00.000Z');
    expect(read('01-Mar-2025 02:02PM', utc, '03:02 PM')).toBeUndefined();
  });

  it('applies the zone: the earlier instant for repeated autumn times, forward for skipped spring times', () => {
    expect(read('2025-07-01 12:00', paris)).toBe('2025-07-01T10:00:00.000Z');
    expect(read('2025-10-26 02:30', paris)).toBe('2025-10-26T00:30:00.000Z');
    expect(read('2025-10-26 03:30', paris)).toBe('2025-10-26T02:30:00.000Z');
    expect(read('2025-03-30 02:30', paris)).toBe('2025-03-30T01:30:00.000Z');
    expect(read('2025-03-01T12:00:00Z', paris)).toBe('2025-03-01T12:00:00.000Z');
  });

  it('throws RangeError for an unknown zone name', () => {
    expect(() => timeZone('Mars/Olympus')).toThrow(RangeError);
  });
});

describe('encodings', () => {
  const decode = async (bytes: Buffer) =>
    text(Readable.from([bytes]).pipe(utf8Decoder('x.csv', bytes.subarray(0, 65536))));

  it('sniffs BOMs and BOM-less UTF-16', () => {
    expect(sniffEncoding(Buffer.from('\uFEFFDate', 'utf8'))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(sniffEncoding(Buffer.from('Date,Text\n', 'utf16le'))).toEqual({ encoding: 'utf-16le', bomLength: 0 });
    expect(sniffEncoding(Buffer.from('Date,Text\n', 'utf8'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
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
