import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../../src/lib/content-check/frontmatter.ts';
import { RECENT_INCIDENTS } from '../../../src/lib/search/bundles.ts';
import { mostRecent, recentSearchRecord } from '../../../src/lib/search/recent.ts';
import { incidentSearchRecord } from '../../../src/lib/search-record.ts';
import { postmortemSchema } from '../../../src/schema/postmortem.ts';
import { FIXTURES } from '../../support/overlay.ts';

const entry = (id: string, started: string) => ({ id, started: new Date(started) });

describe('the post-mortems the header box searches', () => {
  it('are the ones that started last, newest first', () => {
    const entries = [
      entry('b', '2024-03-01T10:00:00Z'),
      entry('a', '2026-01-01T10:00:00Z'),
      entry('c', '2021-05-01T10:00:00Z'),
      entry('d', '2025-07-01T10:00:00Z'),
    ];
    expect(mostRecent(entries, 2).map((e) => e.id)).toEqual(['a', 'd']);
    // The input is left as it was.
    expect(entries.map((e) => e.id)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('break a tie in start time by id, so every build picks the same ones', () => {
    const same = '2025-01-01T09:00:00Z';
    const picked = mostRecent([entry('z', same), entry('m', same), entry('a', same)], 2);
    expect(picked.map((e) => e.id)).toEqual(['a', 'm']);
  });

  it(`are at most ${RECENT_INCIDENTS} whatever the library holds, and all of a smaller one`, () => {
    const day = 86_400_000;
    const library = Array.from({ length: RECENT_INCIDENTS + 250 }, (_, i) =>
      entry(`e${i}`, new Date(Date.UTC(2020, 0, 1) + i * day).toISOString()),
    );
    const picked = mostRecent(library);
    expect(picked).toHaveLength(RECENT_INCIDENTS);
    expect(picked[0]?.id).toBe(`e${library.length - 1}`);
    expect(picked.at(-1)?.id).toBe(`e${library.length - RECENT_INCIDENTS}`);
    expect(mostRecent(library.slice(0, 12))).toHaveLength(12);
  });
});

describe('the recent bundle record of a post-mortem', () => {
  const source = readFileSync(join(FIXTURES, 'postmortems', 'base', '2025-01-10-valid-incident.md'), 'utf8');
  const data = postmortemSchema.parse(parseFrontmatter(source).data);
  const full = incidentSearchRecord('2025-01-10-valid-incident', data, 'What happened\nA staff code leaked.', '/');
  const recent = recentSearchRecord(full);

  it('is the incidents bundle record: same page, text and card fields', () => {
    expect(recent.url).toBe(full.url);
    expect(recent.content).toBe(full.content);
    expect(recent.meta).toEqual(full.meta);
    expect(recent.language).toBe(full.language);
  });

  it('keeps only the filters a result card shows, and no sorts', () => {
    expect(recent.filters).toEqual({ type: ['Incident'], severity: ['2 · High'] });
    expect(recent.sort).toEqual({});
    // The library's record is left whole.
    expect(Object.keys(full.filters).length).toBeGreaterThan(2);
    expect(full.sort).not.toEqual({});
  });
});
