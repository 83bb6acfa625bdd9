import { describe, expect, it } from 'vitest';
import { locateHeader, sniffDelimiter } from '../../../../src/importer/sources/listening-csv/header.ts';

const options = { file: 'x.csv', delimiter: ',', truncated: false };

describe('locating the header row', () => {
  it('reads preamble rows with csv-parse: quoted commas and line breaks, CRLF then LF', () => {
    const preamble = '"Brand:","Acme, Inc."\r\n"Note:","two\nlines"\r\n\r\n';
    const text = `${preamble}Date,Text\n2025-03-01,hi\n`;
    const header = locateHeader(text, options);
    expect(header.line).toBe(5);
    expect(header.offset).toBe(Buffer.byteLength(preamble));
    expect(header.cells).toEqual(['Date', 'Text']);
    expect([...header.preamble]).toEqual([
      ['Brand', 'Acme, Inc.'],
      ['Note', 'two\nlines'],
    ]);
  });

  it('counts bytes, not characters, for the offset the row stream skips', () => {
    const header = locateHeader('"Marque:","Café ☕"\nDate,Text\n', options);
    expect(header.offset).toBe(Buffer.byteLength('"Marque:","Café ☕"\n'));
  });

  it('refuses a header cut off by the end of the head', () => {
    expect(() => locateHeader('"Brand:","Acme"\nDate,Te', { ...options, truncated: true })).toThrow(
      expect.objectContaining({ location: 'line 2', message: expect.stringMatching(/^no complete header row/) }),
    );
    // The same text as a whole file is a header without rows.
    expect(locateHeader('"Brand:","Acme"\nDate,Te', options).line).toBe(2);
  });

  it('a quote left open in a cut head, before any header, is a missing header', () => {
    expect(() => locateHeader('"Brand:","Acme\n\n', { ...options, truncated: true })).toThrow(
      /^no complete header row/,
    );
  });
});

describe('sniffing the delimiter', () => {
  it('ignores delimiters inside quoted preamble values', () => {
    expect(sniffDelimiter('"Brand:","a,b,c,d"\nDate;Text;Author\n')).toBe(';');
    expect(sniffDelimiter('Date\tText\tAuthor\n')).toBe('\t');
    expect(sniffDelimiter('just one column\n')).toBe(',');
  });
});
