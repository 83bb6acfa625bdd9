import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readXApi, xApiAdapter } from '../../../../src/importer/sources/x-api/index.ts';
import { DEFAULT_OPTIONS, importError, inputFor } from '../support.ts';

const FIXTURES = 'test/fixtures/x-api';
const CRISIS = `${FIXTURES}/crisis/search.jsonl`;
const brand = { ...DEFAULT_OPTIONS, brandHandles: ['examplebrand'] };
const tmp = mkdtempSync(join(tmpdir(), 'firebreak-x-api-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('X API v2 pages (twarc2 JSON Lines)', () => {
  it("turns the brand's posts into statements, replies and a correction", async () => {
    const { events } = await xApiAdapter.read(await inputFor(CRISIS), brand);
    expect(events.map((e) => [e.kind, e.sourceId, e.inReplyToId, e.correctsId])).toEqual([
      ['reply', '103', 'x:2001', undefined],
      ['statement', '104', undefined, undefined],
      // 105 is the later version of 104 (edit_history_tweet_ids ["104", "105"]).
      ['correction', '105', undefined, '104'],
      ['reply', '106', 'x:2001', undefined],
      // Only referenced_tweets replied_to 101: the reply goes to 101's author.
      ['reply', '108', 'x:2001', undefined],
      ['reply', '109', 'x:2002', undefined],
      // A reply to the brand's own post continues a thread: a statement.
      ['statement', '110', undefined, undefined],
    ]);
    for (const event of events) {
      expect(event).toMatchObject({ actor: 'brand', actorId: 'x:1000', visibility: 'public', platform: 'x' });
      expect(event.link).toBe(`https://x.com/ExampleBrand/status/${event.sourceId}`);
    }
    expect(events[1]?.signals).toEqual({ edited: true });
    expect(events[2]?.evidence).toEqual({ adapter: 'x-api', file: CRISIS, ref: 'line 2, post 105' });
    expect(events[2]?.at.toISOString()).toBe('2025-03-01T15:20:00.000Z');
  });

  it('counts replies per person', async () => {
    const { events } = await xApiAdapter.read(await inputFor(CRISIS), brand);
    const perPerson = new Map<string, number>();
    for (const e of events)
      if (e.kind === 'reply' && e.inReplyToId) perPerson.set(e.inReplyToId, (perPerson.get(e.inReplyToId) ?? 0) + 1);
    expect(Object.fromEntries(perPerson)).toEqual({ 'x:2001': 3, 'x:2002': 1 });
  });

  it("sums engagement over the brand's posts", async () => {
    const { engagement } = await xApiAdapter.read(await inputFor(CRISIS), brand);
    expect(engagement).toEqual({
      likes: 5 + 100 + 10 + 2 + 3 + 1 + 40,
      reposts: 1 + 50 + 2 + 0 + 0 + 0 + 20,
      replies: 2 + 80 + 3 + 1 + 0 + 0 + 10,
      quotes: 0 + 20 + 1 + 0 + 0 + 0 + 5,
      impressions: 1000 + 50000 + 4000 + 300 + 200 + 800 + 20000,
    });
  });

  it("feeds other accounts' posts into the mention summary and people", async () => {
    const result = await xApiAdapter.read(await inputFor(CRISIS), brand);
    expect(result.mentions).toMatchObject({
      total: 3,
      peakCount: 2,
      totalReach: 3400 + 0 + 90,
      topSources: [{ name: 'x', count: 3 }],
    });
    expect(result.mentions?.peakHour?.toISOString()).toBe('2025-03-01T14:00:00.000Z');
    // No sentiment in the API: bucketed neutral, negative share unknown rather than 0.
    expect(result.mentions?.series.map((b) => [b.positive, b.neutral, b.negative])).toEqual([
      [0, 2, 0],
      [0, 1, 0],
    ]);
    expect(result.mentions?.negativeShare).toBeUndefined();
    expect(result.people).toEqual([
      { id: 'x:2001', role: 'public', handle: 'alice_k', name: 'Alice K', verified: false, followers: 180 },
      { id: 'x:2002', role: 'public', handle: 'bobnews', name: 'Bob at the News', verified: true, followers: 420000 },
      { id: 'x:2003', role: 'public', handle: 'carol', name: 'Carol', verified: false, followers: 35 },
      { id: 'x:1000', role: 'brand', handle: 'ExampleBrand', name: 'Example Brand', verified: true, followers: 250000 },
    ]);
    expect(result.platforms).toEqual(['x']);
    expect(result.started?.toISOString()).toBe('2025-03-01T14:02:00.000Z');
    expect(result.notes).toEqual([
      'X API: 1 post(s) were unavailable to the API (deleted, protected or suspended: 1 Not Found Error); they are not in the timeline or the counts.',
    ]);
  });

  it('reads the twarc2 samples: an edited post among referenced tweets, retweets', async () => {
    const edited = await xApiAdapter.read(await inputFor(`${FIXTURES}/samples/quoted_edit.jsonl`), {
      ...DEFAULT_OPTIONS,
      brandHandles: ['WongMJane'],
    });
    expect(edited.events.map((e) => [e.kind, e.sourceId, e.correctsId])).toEqual([
      ['statement', '1576994746135764992', undefined],
      ['correction', '1576994789110992896', '1576994746135764992'],
    ]);
    expect(edited.mentions?.total).toBe(1);

    const retweet = await xApiAdapter.read(await inputFor(`${FIXTURES}/samples/mentions_tweet.jsonl`), DEFAULT_OPTIONS);
    expect(retweet.events).toEqual([]);
    expect(retweet.mentions?.total).toBe(1);
    expect(retweet.people).toEqual([
      { id: 'x:68401342', role: 'public', handle: 'BaldManGamer', name: 'BmG', verified: false, followers: 569 },
    ]);
    expect(retweet.notes).toContain(
      'No --brand-handle given: every post is counted as a public mention and none as a brand statement.',
    );
  });

  it('reads a raw, pretty-printed API response', async () => {
    const result = await xApiAdapter.read(await inputFor(`${FIXTURES}/raw-response/response.json`), brand);
    expect(result.events.map((e) => [e.kind, e.sourceId, e.inReplyToId])).toEqual([['reply', '103', 'x:2001']]);
    expect(result.mentions?.total).toBe(2);
  });

  it('reports progress in bytes', async () => {
    const input = await inputFor(CRISIS);
    const calls: number[] = [];
    await xApiAdapter.read(input, { ...brand, onProgress: (done) => calls.push(done) });
    expect(calls.at(-1)).toBe(input.size);
  });
});

describe('X API: bad input', () => {
  it('a truncated line names the file, the line and the column', async () => {
    const error = await importError(xApiAdapter.read(await inputFor(`${FIXTURES}/malformed/truncated.jsonl`), brand));
    expect(error.file).toBe(`${FIXTURES}/malformed/truncated.jsonl`);
    expect(error.location).toMatch(/^line 2(, column 201)?$/);
    expect(error.message).toMatch(/^not valid JSON \(.+\); expected one X API response page per line/);
  });

  it('a JSON line that is not an API page lists its keys', async () => {
    const error = await importError(xApiAdapter.read(await inputFor(`${FIXTURES}/malformed/not-a-page.jsonl`), brand));
    expect(error.describe()).toBe(
      `${FIXTURES}/malformed/not-a-page.jsonl (line 2): not an X API response page: expected data, includes, meta or errors, found keys: id, name`,
    );
  });

  it('a post without created_at is named, with the field to request', async () => {
    const error = await importError(
      xApiAdapter.read(await inputFor(`${FIXTURES}/malformed/no-created-at.jsonl`), brand),
    );
    expect(error.location).toBe('line 1, data[1] (post 102)');
    expect(error.message).toContain('tweet.fields=created_at');
  });

  it('a field of the wrong type is named by its path', async () => {
    const error = await importError(xApiAdapter.read(await inputFor(`${FIXTURES}/malformed/numeric-id.jsonl`), brand));
    expect(error.describe()).toMatch(/\(line 1\): data\.0\.id: Invalid input: expected string, received number$/);
  });

  it('a line over the size cap fails at the cap', async () => {
    const path = join(tmp, 'long-line.jsonl');
    writeFileSync(path, `{"data": [], "padding": "${'x'.repeat(3 * 1024 * 1024)}"}\n`);
    const error = await importError(readXApi(await inputFor(path), brand, { maxLineBytes: 1024 * 1024 }));
    expect(error.describe()).toBe(
      `${(await inputFor(path)).path} (line 1): a line is longer than 1 MB; expected one X API response page per line (is this really a twarc2 JSON Lines file?)`,
    );
  });

  it('a pretty-printed document over the cap is refused', async () => {
    const path = join(tmp, 'big.json');
    writeFileSync(path, `{\n  "data": [],\n  "padding": "${'x'.repeat(3 * 1024 * 1024)}"\n}\n`);
    const error = await importError(readXApi(await inputFor(path), brand, { maxLineBytes: 1024 * 1024 }));
    expect(error.message).toMatch(/^a single JSON document larger than 1 MB/);
  });

  it('invalid UTF-8 on a line is named', async () => {
    const path = join(tmp, 'latin1.jsonl');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from('{"meta": {"result_count": 0}}\n{"data": [], "q": "caf'),
        Buffer.from([0xe9]),
        Buffer.from('"}\n'),
      ]),
    );
    const error = await importError(xApiAdapter.read(await inputFor(path), brand));
    expect(error.describe()).toMatch(/\(line 2\): invalid UTF-8 \(byte 0xE9 at byte offset 52\)/);
  });
});

describe('X API detection', () => {
  it('is true on X API pages and false on other formats', async () => {
    const yes = [
      CRISIS,
      `${FIXTURES}/raw-response/response.json`,
      `${FIXTURES}/samples/two_tweets.jsonl`,
      `${FIXTURES}/samples/quoted_edit.jsonl`,
      `${FIXTURES}/samples/mentions_tweet.jsonl`,
    ];
    const no = [
      `${FIXTURES}/other-formats/users.json`,
      `${FIXTURES}/other-formats/pagerduty-incidents.json`,
      `${FIXTURES}/other-formats/notes.txt`,
      'test/fixtures/listening/samples/brandwatch_bulk_mentions_SYNTHETIC.csv',
      'test/fixtures/listening/samples/meltwater_export_SYNTHETIC.csv',
      'test/fixtures/listening/binary/photo.csv',
    ];
    for (const path of yes) expect([path, xApiAdapter.detect(await inputFor(path))]).toEqual([path, true]);
    for (const path of no) expect([path, xApiAdapter.detect(await inputFor(path))]).toEqual([path, false]);
  });
});
