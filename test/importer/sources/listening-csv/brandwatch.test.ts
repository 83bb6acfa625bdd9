import { describe, expect, it } from 'vitest';
import { brandwatchAdapter } from '../../../../src/importer/sources/listening-csv/index.ts';
import { DEFAULT_OPTIONS, inputFor } from '../support.ts';

const FIXTURES = 'test/fixtures/listening';
const iso = (d: Date | undefined) => d?.toISOString();

describe('Brandwatch Bulk Mentions Download', () => {
  it('reads the sample: BOM, preamble, blank row, every field quoted, embedded line break', async () => {
    const result = await brandwatchAdapter.read(
      await inputFor(`${FIXTURES}/samples/brandwatch_bulk_mentions_SYNTHETIC.csv`),
      DEFAULT_OPTIONS,
    );
    expect(result.adapter).toBe('brandwatch');
    expect(result.title).toBe('Example Brand - Crisis');
    expect(result.mentions?.total).toBe(3);
    expect(iso(result.mentions?.first)).toBe('2025-03-01T14:02:11.000Z');
    // 14:00 UTC on 1 March to 09:00 UTC on 2 March, every hour present.
    expect(result.mentions?.series).toHaveLength(20);
    expect(result.platforms).toEqual(['x', 'reddit']);
    const trigger = result.events.find((e) => e.kind === 'trigger')!;
    expect(trigger).toMatchObject({
      actor: 'public',
      visibility: 'public',
      platform: 'x',
      link: 'https://x.com/someuser/status/1896000000000000001',
      evidence: { adapter: 'brandwatch', ref: 'row 1 (line 8)' },
    });
    expect(trigger.text).toContain('kettle leaking');
    // The multi-line reddit comment is one mention, and still counted as negative.
    expect(result.mentions?.series.at(-1)).toMatchObject({ negative: 1 });
    expect(result.notes).toEqual([]);
  });

  describe('hand-checked fixture', () => {
    const file = `${FIXTURES}/brandwatch-hand-checked/mentions.csv`;

    it('computes series, peak, negative share, reach and top sources', async () => {
      const { mentions } = await brandwatchAdapter.read(await inputFor(file), {
        ...DEFAULT_OPTIONS,
        brandHandles: ['examplebrand'],
      });
      // Seven public mentions; the brand's own post (row 8) is not one of them.
      expect(mentions?.total).toBe(7);
      expect(
        mentions?.series.map((b) => [b.at.toISOString().slice(11, 13), b.positive, b.neutral, b.negative]),
      ).toEqual([
        ['09', 0, 0, 1],
        ['10', 1, 2, 1],
        ['11', 0, 0, 0],
        ['12', 0, 1, 1],
      ]);
      expect(iso(mentions?.peakHour)).toBe('2025-03-01T10:00:00.000Z');
      expect(mentions?.peakCount).toBe(4);
      // Rows 1, 2 and 6 are negative; row 7 is unrated: 3 of 6 rated.
      expect(mentions?.negativeShare).toBe(0.5);
      expect(mentions?.totalReach).toBe(200 + 5000 + 100000 + 50 + 300);
      expect(mentions?.topSources).toEqual([
        { name: 'x.com', count: 5 },
        { name: 'news.example.com', count: 1 },
        { name: 'reddit.com', count: 1 },
      ]);
    });

    it('produces trigger, peak, media pickup, escalations, a note and the brand statement', async () => {
      const { events, people } = await brandwatchAdapter.read(await inputFor(file), {
        ...DEFAULT_OPTIONS,
        brandHandles: ['examplebrand'],
      });
      expect(events.map((e) => [e.kind, e.evidence.ref])).toEqual([
        ['trigger', 'row 1 (line 8)'],
        ['metric', 'hourly mention counts'],
        ['escalation', 'row 2 (line 9)'],
        ['media-pickup', 'row 4 (line 12)'],
        ['note', 'row 5 (line 13)'],
        ['statement', 'row 8 (line 16)'],
        ['escalation', 'row 6 (line 14)'],
      ]);
      const metric = events.find((e) => e.kind === 'metric')!;
      expect(metric.text).toBe(
        'Peak hour: 4 mentions (1 negative, 2 neutral or unrated, 1 positive) from 2025-03-01 10:00 UTC',
      );
      const statement = events.find((e) => e.kind === 'statement')!;
      expect(statement).toMatchObject({ actor: 'brand', actorId: 'brandwatch:x/examplebrand', platform: 'x' });
      expect(events.find((e) => e.kind === 'media-pickup')).toMatchObject({
        platform: 'news-media',
        link: 'https://news.example.com/kettle',
      });
      expect(events.find((e) => e.evidence.ref === 'row 2 (line 9)')?.signals).toEqual({ reactions: 100 });
      // People are only the accounts behind events, with what the export says about them.
      expect(people).toContainEqual({
        id: 'brandwatch:x/bob',
        role: 'public',
        handle: 'bob',
        name: 'Bob B',
        verified: true,
        followers: 5000,
      });
      expect(people).toContainEqual(expect.objectContaining({ id: 'brandwatch:x/examplebrand', role: 'brand' }));
      expect(people.map((p) => p.handle)).not.toContain('carol');
    });

    it('counts the brand post as a mention when no brand handle is given', async () => {
      const { mentions, events } = await brandwatchAdapter.read(await inputFor(file), DEFAULT_OPTIONS);
      expect(mentions?.total).toBe(8);
      expect(events.some((e) => e.kind === 'statement')).toBe(false);
    });
  });

  it('reads old "Twitter …" and new "X …" column names alike', async () => {
    const read = async (folder: string) =>
      brandwatchAdapter.read(await inputFor(`${FIXTURES}/${folder}/mentions.csv`), DEFAULT_OPTIONS);
    const [old, current] = await Promise.all([read('brandwatch-old-headers'), read('brandwatch-new-headers')]);
    for (const result of [old, current]) {
      expect(result.mentions?.total).toBe(2);
      expect(result.platforms).toEqual(['x']);
      const trigger = result.events.find((e) => e.kind === 'trigger')!;
      // Likes 10 + reposts 5 + replies 2 from the platform-specific columns.
      expect(trigger.signals).toEqual({ reactions: 17 });
      expect(trigger.text).toBe('Kettle leaked\non the counter');
      expect(result.people[0]).toMatchObject({ handle: 'alice', verified: true, followers: 1200 });
    }
  });

  it('reads zone-less dates in --tz, across a daylight-saving change', async () => {
    const file = await inputFor(`${FIXTURES}/brandwatch-dst/mentions.csv`);
    const paris = await brandwatchAdapter.read(file, { ...DEFAULT_OPTIONS, tz: 'Europe/Paris' });
    // 01:30 CET = 00:30Z; 03:30 CEST = 01:30Z; 04:10 CEST = 02:10Z.
    expect(iso(paris.mentions?.first)).toBe('2025-03-30T00:30:00.000Z');
    expect(paris.mentions?.series.map((b) => [iso(b.at), b.negative + b.neutral + b.positive])).toEqual([
      ['2025-03-30T00:00:00.000Z', 1],
      ['2025-03-30T01:00:00.000Z', 1],
      ['2025-03-30T02:00:00.000Z', 1],
    ]);
    const utc = await brandwatchAdapter.read(file, DEFAULT_OPTIONS);
    expect(utc.mentions?.series.map((b) => iso(b.at)?.slice(11, 13))).toEqual(['01', '02', '03', '04']);
  });

  it("turns the brand's answers into replies per person, and its own threads into statements", async () => {
    const { events, mentions } = await brandwatchAdapter.read(
      await inputFor(`${FIXTURES}/brandwatch-brand-replies/mentions.csv`),
      { ...DEFAULT_OPTIONS, brandHandles: ['examplebrand'] },
    );
    expect(mentions?.total).toBe(1);
    expect(events.filter((e) => e.actor === 'brand').map((e) => [e.kind, e.inReplyToId])).toEqual([
      ['reply', 'brandwatch:x/alice'],
      ['reply', 'brandwatch:x/alice'],
      ['reply', 'brandwatch:x/alice'],
      ['reply', 'brandwatch:x/bob'],
      ['statement', undefined],
      ['statement', undefined],
    ]);
  });

  it('reports progress in bytes against the file size', async () => {
    const input = await inputFor(`${FIXTURES}/brandwatch-hand-checked/mentions.csv`);
    const calls: [number, number | undefined][] = [];
    await brandwatchAdapter.read(input, { ...DEFAULT_OPTIONS, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.at(-1)).toEqual([input.size, input.size]);
  });
});
