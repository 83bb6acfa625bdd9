import { describe, expect, it } from 'vitest';
import { BoundedCounter, GAP_FILL_MAX_HOURS, MentionAccumulator } from '../../../src/importer/model/mentions.ts';

const at = (iso: string) => new Date(iso);

describe('MentionAccumulator', () => {
  it('is empty before any mention', () => {
    const summary = new MentionAccumulator().summary();
    expect(summary).toEqual({ series: [], total: 0, peakCount: 0, topSources: [] });
  });

  it('past GAP_FILL_MAX_HOURS lists only the hours with mentions, instead of millions of empty ones', () => {
    const acc = new MentionAccumulator();
    acc.add({ at: at('0001-01-01T00:10:00Z') });
    acc.add({ at: at('2026-03-13T09:25:00Z'), sentiment: 'negative' });
    expect(acc.spanHours).toBeGreaterThan(GAP_FILL_MAX_HOURS);
    const { series, total } = acc.summary();
    expect(series.map((b) => b.at.toISOString())).toEqual(['0001-01-01T00:00:00.000Z', '2026-03-13T09:00:00.000Z']);
    expect(total).toBe(2);
  });

  it('keeps per hour the earliest mention, the unrated count and the reach, for a trimmed series', () => {
    const acc = new MentionAccumulator();
    acc.add({ at: at('2026-03-13T09:40:00Z'), reach: 5 });
    acc.add({ at: at('2026-03-13T09:25:00Z'), sentiment: 'neutral', reach: 7 });
    const [bucket] = acc.summary().series;
    expect(bucket).toEqual({
      at: at('2026-03-13T09:00:00Z'),
      positive: 0,
      neutral: 2,
      negative: 0,
      unrated: 1,
      reach: 12,
      first: at('2026-03-13T09:25:00Z'),
    });
  });

  it('builds an hourly series without gaps, in any input order', () => {
    const acc = new MentionAccumulator();
    // Out of order on purpose: exports are not always sorted.
    acc.add({ at: at('2025-03-01T13:59:59Z'), sentiment: 'negative' });
    acc.add({ at: at('2025-03-01T10:05:00Z'), sentiment: 'positive' });
    acc.add({ at: at('2025-03-01T13:00:00Z'), sentiment: 'negative' });
    acc.add({ at: at('2025-03-01T13:30:00Z') });
    const { series } = acc.summary();
    expect(series.map((b) => b.at.toISOString())).toEqual([
      '2025-03-01T10:00:00.000Z',
      '2025-03-01T11:00:00.000Z',
      '2025-03-01T12:00:00.000Z',
      '2025-03-01T13:00:00.000Z',
    ]);
    expect(series[0]).toMatchObject({ positive: 1, neutral: 0, negative: 0 });
    expect(series[1]).toMatchObject({ positive: 0, neutral: 0, negative: 0 });
    // The unrated mention is bucketed as neutral.
    expect(series[3]).toMatchObject({ positive: 0, neutral: 1, negative: 2 });
    expect(acc.spanHours).toBe(4);
  });

  it('computes first mention, peak, negative share of rated mentions and reach', () => {
    const acc = new MentionAccumulator();
    acc.add({ at: at('2025-03-01T09:10:00Z'), sentiment: 'neutral', reach: 100, source: 'x' });
    acc.add({ at: at('2025-03-01T10:01:00Z'), sentiment: 'negative', reach: 50, source: 'x' });
    acc.add({ at: at('2025-03-01T10:20:00Z'), sentiment: 'negative', source: 'reddit' });
    acc.add({ at: at('2025-03-01T10:59:00Z'), reach: 5, source: 'x' });
    acc.add({ at: at('2025-03-01T11:00:00Z'), sentiment: 'positive', source: 'news.example.com' });
    const summary = acc.summary();
    expect(summary.total).toBe(5);
    expect(summary.first?.toISOString()).toBe('2025-03-01T09:10:00.000Z');
    expect(summary.peakHour?.toISOString()).toBe('2025-03-01T10:00:00.000Z');
    expect(summary.peakCount).toBe(3);
    // 2 negative of the 4 rated ones; the unrated one does not dilute the share.
    expect(summary.negativeShare).toBe(0.5);
    expect(summary.totalReach).toBe(155);
    expect(summary.topSources).toEqual([
      { name: 'x', count: 3 },
      { name: 'news.example.com', count: 1 },
      { name: 'reddit', count: 1 },
    ]);
  });

  it('picks the earlier hour on a tied peak and omits share and reach when unknown', () => {
    const acc = new MentionAccumulator();
    acc.add({ at: at('2025-03-01T08:00:00Z') });
    acc.add({ at: at('2025-03-01T09:00:00Z') });
    const summary = acc.summary();
    expect(summary.peakHour?.toISOString()).toBe('2025-03-01T08:00:00.000Z');
    expect(summary.negativeShare).toBeUndefined();
    expect(summary.totalReach).toBeUndefined();
  });

  it('rejects an invalid date instead of bucketing it as NaN', () => {
    expect(() => new MentionAccumulator().add({ at: new Date('nope') })).toThrow(RangeError);
  });
});

describe('BoundedCounter', () => {
  it('is exact up to its capacity', () => {
    const counter = new BoundedCounter(4);
    for (const key of ['a', 'b', 'a', 'c', 'd', 'a']) counter.add(key);
    expect(counter.approximate).toBe(false);
    expect(counter.top(2)).toEqual([
      { name: 'a', count: 3 },
      { name: 'b', count: 1 },
    ]);
  });

  it('keeps heavy hitters and stays bounded past its capacity', () => {
    const counter = new BoundedCounter(10);
    for (let i = 0; i < 10_000; i++) {
      counter.add('heavy');
      counter.add(`tail-${i}`);
    }
    expect(counter.approximate).toBe(true);
    expect(counter.top(1)).toEqual([{ name: 'heavy', count: 10_000 }]);
    expect(counter.top(100).length).toBeLessThanOrEqual(10);
  });
});
