import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { atomFeed, xml } from '../../../src/lib/open-data/atom.ts';
import { CSV_COLUMNS, toCsv } from '../../../src/lib/open-data/csv.ts';
import { isOpenData, openRecord } from '../../../src/lib/open-data/record.ts';
import { OPEN_DATA_SCHEMA_VERSION } from '../../../src/schema/open-data.ts';
import { entry } from '../insights/entries.ts';

const schemaPath = fileURLToPath(new URL('../../../public/schemas/postmortems-api.schema.json', import.meta.url));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

function recordOf(change: Record<string, unknown> = {}) {
  const { id, data, durations } = entry('2025-01-10-valid-incident', change);
  return openRecord(id, `https://example.org/incidents/${id}/`, data, durations);
}

const document = (postmortems: unknown[]) => ({
  $schema: 'https://example.org/schemas/postmortems-api.schema.json',
  schemaVersion: OPEN_DATA_SCHEMA_VERSION,
  generated: '2026-12-01T08:00:00.000Z',
  postmortems,
});

describe('open data records', () => {
  it('write every time as ISO 8601 and calendar days as YYYY-MM-DD, next to the computed durations', () => {
    const record = recordOf({
      timeline: [{ at: '2025-01-10T15:00:00+01:00', kind: 'trigger', text: 'The code is posted.' }],
      lessons: [{ text: 'Cap every code.', step: 1, appliedIn: { page: 'step-01-plan', date: '2025-02-01' } }],
    });
    expect(record.frontMatter.started).toBe('2025-01-10T14:00:00.000Z');
    expect(record.frontMatter.timeline![0]!.at).toBe('2025-01-10T14:00:00.000Z');
    expect(record.frontMatter.impact.mentionSeries![1]!.at).toBe('2025-01-10T15:00:00.000Z');
    expect(record.frontMatter.actionItems![0]!.due).toBe('2025-02-01');
    expect(record.frontMatter.lessons![0]!.appliedIn).toEqual({ page: 'step-01-plan', date: '2025-02-01' });
    expect(record.durations).toEqual({ toDetect: 70, toFirstResponse: 55, toResolve: 1200, responseAfterPeak: 65 });
  });

  it('validate against the published JSON Schema, and a broken one does not', () => {
    const good = document([recordOf()]);
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    const extra = document([{ ...recordOf(), body: 'the Markdown' }]);
    expect(validate(extra)).toBe(false);
    const badTime = recordOf();
    badTime.frontMatter.started = '2025-01-10 14:00';
    expect(validate(document([badTime]))).toBe(false);
  });

  it('are published entries only: never drafts, nor entries still in review', () => {
    expect(isOpenData({ status: 'published' })).toBe(true);
    expect(isOpenData({ status: 'in-review' })).toBe(false);
    expect(isOpenData({ status: 'draft' })).toBe(false);
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and parses back to the same values', () => {
    const record = recordOf({ title: 'Refund "policy", again\nand again', tags: ['a,b', 'c'] });
    const csv = toCsv([record]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, row] = parse(csv, { relax_column_count: false }) as string[][];
    expect(header).toEqual([...CSV_COLUMNS]);
    const cell = (name: (typeof CSV_COLUMNS)[number]) => row![CSV_COLUMNS.indexOf(name)];
    expect(cell('title')).toBe('Refund "policy", again\nand again');
    expect(cell('tags')).toBe('a,b; c');
    expect(cell('toDetectMinutes')).toBe('70');
    expect(cell('firstResponse')).toBe('2025-01-10T16:05:00.000Z');
    expect(cell('platforms')).toBe('tiktok; x');
  });

  it('keeps text from post-mortems from turning into spreadsheet formulas', () => {
    const csv = toCsv([
      recordOf({ title: '=HYPERLINK("https://evil.example","click")', summary: '@SUM(A1:A9) ' + 'x'.repeat(30) }),
    ]);
    const [, row] = parse(csv) as string[][];
    expect(row![CSV_COLUMNS.indexOf('title')]).toBe('\'=HYPERLINK("https://evil.example","click")');
    expect(row![CSV_COLUMNS.indexOf('summary')]!.startsWith("'@SUM")).toBe(true);
  });

  it('is just the header for an empty library', () => {
    expect(toCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('Atom feed', () => {
  it('escapes every piece of text, and drops characters XML cannot carry', () => {
    expect(xml(`<script>alert('x')</script> & "q"\u0007`)).toBe(
      '&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot;',
    );
  });

  it('is dated by its newest entry, or by when it was generated when empty', () => {
    const generated = new Date('2026-12-01T08:00:00Z');
    const base = {
      title: 'T',
      subtitle: 'S',
      self: 'https://e.org/feed.xml',
      home: 'https://e.org/',
      author: 'A',
      generated,
    };
    expect(atomFeed({ ...base, entries: [] })).toContain('<updated>2026-12-01T08:00:00Z</updated>');
    const feed = atomFeed({
      ...base,
      entries: [
        {
          id: 'a',
          title: 'Older <b>',
          url: 'https://e.org/a/',
          summary: 'S',
          published: new Date('2025-01-01T00:00:00Z'),
          updated: new Date('2025-01-02T00:00:00Z'),
          categories: [{ term: 'x', label: 'X & co' }],
        },
        {
          id: 'b',
          title: 'Newer',
          url: 'https://e.org/b/',
          summary: 'S',
          published: new Date('2025-03-01T00:00:00Z'),
          updated: new Date('2025-03-02T00:00:00Z'),
          categories: [],
        },
      ],
    });
    expect(feed.split('<entry>')[0]).toContain('<updated>2025-03-02T00:00:00Z</updated>');
    expect(feed).toContain('<title type="text">Older &lt;b&gt;</title>');
    expect(feed).toContain('label="X &amp; co"');
  });
});
