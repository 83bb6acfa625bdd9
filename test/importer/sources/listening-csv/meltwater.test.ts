import { describe, expect, it } from 'vitest';
import { meltwaterAdapter } from '../../../../src/importer/sources/listening-csv/index.ts';
import { DEFAULT_OPTIONS, inputFor } from '../support.ts';

const FIXTURES = 'test/fixtures/listening';

describe('Meltwater export (UTF-16LE, tab-separated)', () => {
  it('reads the sample with a combined Date and a matching Time column', async () => {
    const result = await meltwaterAdapter.read(
      await inputFor(`${FIXTURES}/samples/meltwater_export_SYNTHETIC.csv`),
      DEFAULT_OPTIONS,
    );
    expect(result.mentions?.total).toBe(2);
    expect(result.mentions?.first?.toISOString()).toBe('2025-03-01T14:02:00.000Z');
    expect(result.mentions?.negativeShare).toBe(0.5);
    expect(result.mentions?.totalReach).toBe(880 + 120000);
    expect(result.platforms).toEqual(['x', 'news-media']);
    const pickup = result.events.find((e) => e.kind === 'media-pickup')!;
    expect(pickup).toMatchObject({
      at: new Date('2025-03-02T09:40:00Z'),
      link: 'https://news.example.com/kettle',
      platform: 'news-media',
    });
    // Meltwater writes handles with the @; people carry them without.
    expect(result.people).toContainEqual(expect.objectContaining({ handle: 'someuser', name: 'Some User' }));
  });

  it('reads separate Date and Time columns, in --tz, with CRLF line ends', async () => {
    const result = await meltwaterAdapter.read(await inputFor(`${FIXTURES}/meltwater-date-time/mentions.csv`), {
      ...DEFAULT_OPTIONS,
      tz: 'America/New_York',
    });
    // 09:15 AM EST = 14:15Z; 01:05 PM EST = 18:05Z.
    expect(result.mentions?.first?.toISOString()).toBe('2025-03-01T14:15:00.000Z');
    expect(result.mentions?.series.at(-1)?.at.toISOString()).toBe('2025-03-01T18:00:00.000Z');
    // "Not Rated" is no sentiment: 1 negative of 2 rated.
    expect(result.mentions?.negativeShare).toBe(0.5);
    expect(result.mentions?.series.at(-1)).toMatchObject({ neutral: 1, negative: 0, positive: 0 });
    // The Engagement column is used as is.
    expect(result.events.find((e) => e.kind === 'trigger')?.signals).toEqual({ reactions: 15 });
    expect(result.notes).toEqual([]);
  });
});
