import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { close } from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clashMoves, incidentPartSize, indexIncidents } from '../../src/integrations/search-index.ts';
import { INCIDENT_PARTS_FILE, SEARCH_BUNDLES, incidentOrderFile } from '../../src/lib/search/bundles.ts';
import type { SearchRecord } from '../../src/lib/search-record.ts';
import { incidentFragments } from '../support/incident-fragments.ts';

/** Seven post-mortems' records, as the content loader makes them (src/lib/search-record.ts), with made-up text. */
const records: SearchRecord[] = Array.from({ length: 7 }, (_, i) => ({
  url: `/incidents/case-${i}/`,
  content: `Case ${i}: the ${['kettle', 'sofa', 'voucher', 'parcel', 'banner', 'recipe', 'ticket'][i]} complaint went viral.`,
  language: 'en',
  meta: { title: `Case ${i}` },
  filters: { type: ['Incident'], severity: [String(1 + (i % 3))] },
  sort: { date: `2025-0${1 + (i % 4)}-1${i}`, severity: String(1 + (i % 3)), ttfr: String(100 - i * 7) },
}));
const byId = new Map(records.map((record, i) => [`case-${i}`, record]));

describe('the incidents bundle, written in parts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'firebreak-search-index-'));
  const bundle = join(dir, SEARCH_BUNDLES.incidents);
  let indexed: Awaited<ReturnType<typeof indexIncidents>>;

  beforeAll(async () => {
    indexed = await indexIncidents(
      records.map((_, i) => ({ id: `case-${i}`, started: new Date(Date.UTC(2025, 0, 1 + i)) })),
      async (id) => byId.get(id)!,
      dir,
      3,
    );
  }, 60_000);
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('splits the records into parts of at most the size asked, with no error', () => {
    expect(indexed.errors).toEqual([]);
    expect(indexed.parts).toBe(3);
    expect(JSON.parse(readFileSync(join(bundle, INCIDENT_PARTS_FILE), 'utf8'))).toEqual({
      parts: 3,
      sorts: ['date', 'severity', 'ttfr'],
    });
    const fragments = incidentFragments(dir);
    expect(fragments.map((f) => f.url).sort()).toEqual(records.map((r) => r.url).sort());
    expect(new Set(fragments.map((f) => f.id)).size).toBe(records.length);
    expect(fragments.map((f) => f.part).sort()).toEqual([1, 1, 1, 2, 2, 2, 3]);
  });

  it('writes each sort order over every part, by the pages’ ids', () => {
    const urlOf = new Map(incidentFragments(dir).map((f) => [f.id, f.url]));
    const order = (key: string) =>
      (JSON.parse(readFileSync(join(bundle, incidentOrderFile(key)), 'utf8')) as string[][]).map((group) =>
        group.map((id) => urlOf.get(id)),
      );
    // ttfr falls with i: ascending is the last case first.
    expect(order('ttfr').flat()).toEqual(records.map((r) => r.url).reverse());
    // Severity 1 is cases 0, 3, 6; within it newest first (their dates: 2025-01-10, 2025-04-13, 2025-03-16).
    expect(order('severity')[0]).toEqual(['/incidents/case-3/', '/incidents/case-6/', '/incidents/case-0/']);
    expect(order('date').flat()).toHaveLength(records.length);
  });

  it('leaves Pagefind’s own sorts out of the parts and keeps the text searchable', () => {
    const fragments = incidentFragments(dir);
    const sofa = fragments.find((f) => f.url === '/incidents/case-1/');
    expect(sofa?.text).toContain('the sofa complaint went viral');
    expect(sofa?.text).not.toContain('"sort"');
  });
});

describe('an empty library', () => {
  const dir = mkdtempSync(join(tmpdir(), 'firebreak-search-index-empty-'));
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('still has one part and every sort order, so the library never asks for a missing file', async () => {
    const indexed = await indexIncidents([], async () => records[0]!, dir, 3);
    expect(indexed.errors).toEqual([]);
    const bundle = join(dir, SEARCH_BUNDLES.incidents);
    expect(JSON.parse(readFileSync(join(bundle, INCIDENT_PARTS_FILE), 'utf8'))).toEqual({
      parts: 1,
      sorts: ['date', 'severity', 'ttfr'],
    });
    for (const key of ['date', 'severity', 'ttfr'])
      expect(JSON.parse(readFileSync(join(bundle, incidentOrderFile(key)), 'utf8'))).toEqual([]);
  }, 60_000);
});

describe('page ids shared across parts', () => {
  // Pagefind's ids are seven hex digits of a hash: 9,224 pages in 7 parts share one in about one build in seven.
  const page = (id: string, url: string, part: number) => ({ id, url, part });

  it('move the later pages into the first part that has the id, where Pagefind tells them apart', () => {
    const pages = [
      page('en_1a2b3c4', '/incidents/a/', 0),
      page('en_9999999', '/incidents/b/', 1),
      page('en_1a2b3c4', '/incidents/c/', 2),
      page('en_1a2b3c4', '/incidents/d/', 1),
    ];
    expect(clashMoves(pages)).toEqual([
      { url: '/incidents/c/', from: 2, to: 0 },
      { url: '/incidents/d/', from: 1, to: 0 },
    ]);
  });

  it('need no move when every id is in one part', () => {
    expect(clashMoves([page('en_1', '/incidents/a/', 0), page('en_2', '/incidents/b/', 1)])).toEqual([]);
  });
});

describe('the part size', () => {
  it('is 1,500 post-mortems unless FIREBREAK_SEARCH_PART_SIZE says otherwise', () => {
    expect(incidentPartSize({})).toBe(1500);
    expect(incidentPartSize({ FIREBREAK_SEARCH_PART_SIZE: '250' })).toBe(250);
  });

  it('refuses a size that is not a whole number of post-mortems, naming the variable', () => {
    expect(() => incidentPartSize({ FIREBREAK_SEARCH_PART_SIZE: 'many' })).toThrow(
      'FIREBREAK_SEARCH_PART_SIZE must be a whole number of post-mortems, 1 or more (it is "many")',
    );
    expect(() => incidentPartSize({ FIREBREAK_SEARCH_PART_SIZE: '0' })).toThrow(/1 or more/);
  });
});
