import { mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  brandwatchAdapter,
  mappedCsvAdapter,
  meltwaterAdapter,
} from '../../../../src/importer/sources/listening-csv/index.ts';
import { generateBrandwatchCsv } from '../../../../scripts/bench/generate-brandwatch.ts';
import { DEFAULT_OPTIONS, importError, inputFor } from '../support.ts';

const FIXTURES = 'test/fixtures/listening';
const tmp = mkdtempSync(join(tmpdir(), 'firebreak-listening-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const readBrandwatch = async (path: string, tz = 'UTC') =>
  brandwatchAdapter.read(await inputFor(path), { ...DEFAULT_OPTIONS, tz });

describe('listening CSV: bad input ends in one clear ImportError', () => {
  it('a garbage date names the row, the line and the column', async () => {
    const error = await importError(readBrandwatch(`${FIXTURES}/brandwatch-bad-date/mentions.csv`));
    expect(error.file).toBe(`${FIXTURES}/brandwatch-bad-date/mentions.csv`);
    expect(error.location).toBe('row 2 (line 9), column Date');
    expect(error.message).toMatch(
      /^column "Date" holds "yesterday afternoon", which is not a date we can read; expected YYYY-MM-DD/,
    );
  });

  it('a row with an extra cell is named, not shifted into the wrong columns', async () => {
    const error = await importError(readBrandwatch(`${FIXTURES}/brandwatch-extra-cell/mentions.csv`));
    expect(error.location).toBe('row 2 (line 9)');
    expect(error.message).toMatch(/^9 cells where the header has 8/);
  });

  it('a file without a header row lists what it found and what it expected', async () => {
    const error = await importError(
      mappedCsvAdapter.read(await inputFor(`${FIXTURES}/no-header/notes.csv`), DEFAULT_OPTIONS),
    );
    // Two-cell rows read as title rows (Brandwatch writes them): the file has nothing but those.
    expect(error.location).toBe('line 1');
    expect(error.message).toContain('expected a header with a date column ("date" or "published"');
    expect(error.message).toContain('the first: "just some notes", " not an export"');
  });

  it('a header without a date column lists its columns', async () => {
    const error = await importError(
      mappedCsvAdapter.read(await inputFor(`${FIXTURES}/no-date-column/mentions.csv`), DEFAULT_OPTIONS),
    );
    expect(error.describe()).toContain('found columns: "Author", "Text", "Sentiment"');
  });

  it('an empty file and a preamble without header are refused', async () => {
    // An empty file never reaches an adapter: reading the path refuses it, naming byte 0.
    const empty = await importError(readBrandwatch(`${FIXTURES}/empty/mentions.csv`));
    expect(empty.describe()).toBe(
      `${FIXTURES}/empty/mentions.csv (byte 0): the file is empty (0 bytes); expected an export`,
    );
    expect((await importError(readBrandwatch(`${FIXTURES}/preamble-only/mentions.csv`))).message).toMatch(
      /only 5 title row\(s\)/,
    );
  });

  it('binary data named .csv is refused with the byte offset', async () => {
    const error = await importError(readBrandwatch(`${FIXTURES}/binary/photo.csv`));
    expect(error.message).toMatch(
      /^binary data \(a NUL byte\) at byte offset 8; expected a text export in one encoding/,
    );
    expect(error.location).toBe('line 3, byte 8');
  });

  it('Windows-1252 text is detected; a UTF-8 head with Windows-1252 bytes later is refused naming --encoding', async () => {
    const detected = await mappedCsvAdapter.read(await inputFor(`${FIXTURES}/latin1/mentions.csv`), DEFAULT_OPTIONS);
    expect(detected.events.find((e) => e.kind === 'trigger')?.text).toBe('café kettle');

    // 70 kB of clean rows (more than the head), then "café" in Windows-1252.
    const path = join(tmp, 'late-1252.csv');
    const rows = Array.from(
      { length: 2_000 },
      (_, i) => `2025-03-01 10:${String(i % 60).padStart(2, '0')}:00,row ${i} kettle,neutral\n`,
    );
    const clean = Buffer.from(`Date,Text,Sentiment\n${rows.join('')}`);
    writeFileSync(
      path,
      Buffer.concat([clean, Buffer.from('2025-03-01 11:00:00,caf'), Buffer.from([0xe9]), Buffer.from(',negative\n')]),
    );
    const error = await importError(mappedCsvAdapter.read(await inputFor(path), DEFAULT_OPTIONS));
    expect(error.message).toMatch(new RegExp(`^invalid UTF-8 \\(byte 0xE9 at byte offset ${clean.length + 23}\\)`));
    expect(error.message).toContain('pass --encoding windows-1252');
    expect(error.location).toBe(`line 2002, byte ${clean.length + 23}`);
    const read = await mappedCsvAdapter.read(await inputFor(path), { ...DEFAULT_OPTIONS, encoding: 'windows-1252' });
    expect(read.mentions?.total).toBe(2_001);
  });

  it('an unsupported encoding is named', async () => {
    const error = await importError(
      mappedCsvAdapter.read(await inputFor(`${FIXTURES}/utf32/mentions.csv`), DEFAULT_OPTIONS),
    );
    expect(error.message).toMatch(/^unsupported encoding UTF-32LE/);
  });

  it('a NUL byte far past the head is still caught, with its line', async () => {
    const path = join(tmp, 'nul-late.csv');
    await generateBrandwatchCsv(path, 2_000);
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(path);
    const at = bytes.indexOf('"user', 200_000);
    bytes[at + 1] = 0;
    writeFileSync(path, bytes);
    const error = await importError(readBrandwatch(path));
    expect(error.message).toContain(`a NUL byte at byte offset ${at + 1}`);
    const line = bytes
      .subarray(0, at + 1)
      .toString('latin1')
      .split('\n').length;
    expect(error.location).toBe(`line ${line}, byte ${at + 1}`);
  });

  it('a 20 MB line without line breaks fails fast at the record-size guard', async () => {
    const path = join(tmp, 'one-line.csv');
    const out = createWriteStream(path);
    out.write('"Date","Full Text"\n"2025-03-01 10:00:00.0","');
    const block = 'x'.repeat(1 << 20);
    for (let i = 0; i < 20; i++) if (!out.write(block)) await once(out, 'drain');
    out.end();
    await once(out, 'close');
    const started = performance.now();
    const error = await importError(mappedCsvAdapter.read(await inputFor(path), DEFAULT_OPTIONS));
    expect(error.message).toMatch(
      /^a record is longer than 4,194,304 characters; expected CSV rows separated by line breaks/,
    );
    expect(error.location).toBe('line 2');
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a 20 MB file that is one line from the start fails on the header', async () => {
    const path = join(tmp, 'no-newline.csv');
    writeFileSync(path, 'a,'.repeat(10 << 20));
    const error = await importError(mappedCsvAdapter.read(await inputFor(path), DEFAULT_OPTIONS));
    expect(error.message).toMatch(/^no complete header row in the first 64 KiB/);
  });

  it('an unknown --tz is named', async () => {
    const error = await importError(readBrandwatch(`${FIXTURES}/brandwatch-dst/mentions.csv`, 'Europe/Atlantis'));
    expect(error.message).toBe(
      '--tz Europe/Atlantis: unknown time zone; expected an IANA name such as Europe/Paris or UTC',
    );
  });

  it('a year-long span (a mistyped year) is refused instead of building a huge series', async () => {
    const path = join(tmp, 'span.csv');
    writeFileSync(path, 'Date,Text\n2025-03-01 10:00:00,a\n2019-03-01 10:00:00,b\n');
    const error = await importError(mappedCsvAdapter.read(await inputFor(path), DEFAULT_OPTIONS));
    expect(error.message).toMatch(
      /^mentions run from 2019-03-01T10:00:00.000Z to 2025-03-01T10:00:00.000Z, over 732 days/,
    );
  });
});

describe('listening CSV: tolerated oddities are counted into notes', () => {
  it('unreadable sentiment and count cells lose only that figure', async () => {
    const path = join(tmp, 'odd-cells.csv');
    writeFileSync(
      path,
      'Date,Text,Sentiment,Reach\n2025-03-01 10:00:00,a,angry,12\n2025-03-01 10:05:00,b,negative,lots\n2025-03-01 10:06:00,c,mixed,3\n',
    );
    const result = await mappedCsvAdapter.read(await inputFor(path), DEFAULT_OPTIONS);
    expect(result.mentions?.total).toBe(3);
    expect(result.mentions?.negativeShare).toBe(1);
    expect(result.mentions?.totalReach).toBe(15);
    expect(result.notes).toEqual([
      '2 row(s) had an unreadable "Sentiment" sentiment (first at row 1 (line 2): "angry"); counted without that figure.',
      '1 row(s) had an unreadable "Reach" count (first at row 2 (line 3): "lots"); counted without that figure.',
    ]);
  });
});

describe('detection', () => {
  const input = inputFor;
  it('tells Brandwatch from Meltwater from anything else', async () => {
    const brandwatch = [
      `${FIXTURES}/samples/brandwatch_bulk_mentions_SYNTHETIC.csv`,
      `${FIXTURES}/brandwatch-old-headers/mentions.csv`,
      `${FIXTURES}/brandwatch-hand-checked/mentions.csv`,
    ];
    const meltwater = [
      `${FIXTURES}/samples/meltwater_export_SYNTHETIC.csv`,
      `${FIXTURES}/meltwater-date-time/mentions.csv`,
    ];
    const neither = [
      `${FIXTURES}/mapped/other-tool.csv`,
      `${FIXTURES}/binary/photo.csv`,
      `${FIXTURES}/utf32/mentions.csv`,
      'test/fixtures/x-api/other-formats/users.json',
      'test/fixtures/x-api/other-formats/pagerduty-incidents.json',
      'test/fixtures/x-api/other-formats/notes.txt',
      'test/fixtures/x-api/samples/quoted_edit.jsonl',
    ];
    for (const path of brandwatch)
      expect([path, brandwatchAdapter.detect(await input(path)), meltwaterAdapter.detect(await input(path))]).toEqual([
        path,
        true,
        false,
      ]);
    for (const path of meltwater)
      expect([path, brandwatchAdapter.detect(await input(path)), meltwaterAdapter.detect(await input(path))]).toEqual([
        path,
        false,
        true,
      ]);
    for (const path of neither)
      expect([path, brandwatchAdapter.detect(await input(path)), meltwaterAdapter.detect(await input(path))]).toEqual([
        path,
        false,
        false,
      ]);
  });
});
