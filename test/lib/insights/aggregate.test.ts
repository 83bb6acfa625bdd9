import { describe, expect, it } from 'vitest';
import { AGE_GROUPS, buildInsights } from '../../../src/lib/insights/aggregate.ts';
import { median } from '../../../src/lib/insights/median.ts';
import { quarterOf, quartersBetween } from '../../../src/lib/insights/quarters.ts';
import { entry } from './entries.ts';

const today = new Date('2026-12-01T00:00:00Z');
const all = { includeExamples: true };

/** An incident with the given start and the other three moments this many minutes later. */
function timed(id: string, started: string, detectAfter: number, respondAfter?: number, resolveAfter?: number) {
  const t0 = new Date(started).getTime();
  const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
  return entry(id, {
    started,
    detected: at(detectAfter),
    firstResponse: respondAfter === undefined ? undefined : at(respondAfter),
    resolved: resolveAfter === undefined ? undefined : at(resolveAfter),
    ...(resolveAfter === undefined ? { status: 'in-review' } : {}),
  });
}

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([10, 2, 4, 8])).toBe(6);
    expect(median([7])).toBe(7);
    expect(median([])).toBeUndefined();
  });
});

describe('quarters', () => {
  it('are read in UTC: a late evening west of Greenwich on 31 March is already Q2', () => {
    expect(quarterOf(new Date('2025-03-31T23:30:00-02:00')).key).toBe('2025-Q2');
    expect(quarterOf(new Date('2025-04-01T00:30:00+02:00')).key).toBe('2025-Q1');
    expect(quarterOf(new Date('2025-12-31T23:59:59Z')).label).toBe('Q4 2025');
    expect(quarterOf(new Date('2026-01-01T00:00:00Z')).label).toBe('Q1 2026');
  });

  it('are walked without gaps, across a year', () => {
    expect(
      quartersBetween(quarterOf(new Date('2024-11-01Z')), quarterOf(new Date('2025-05-01Z'))).map((q) => q.key),
    ).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
  });
});

describe('insights', () => {
  it('are empty, not broken, with no entries', () => {
    const insights = buildInsights([], today, all);
    expect(insights.counted).toBe(0);
    expect(insights.quarters).toEqual([]);
    expect(insights.crisisTypes).toEqual([]);
    expect(insights.byPlatform).toEqual([]);
    expect(insights.bySeverity.map((t) => t.count)).toEqual([0, 0, 0, 0]);
    expect(insights.stepCitations).toEqual([]);
    expect(insights.openActions).toEqual({ groups: AGE_GROUPS, byOwner: [], total: 0 });
  });

  it('turn a single entry into one quarter whose medians are its own durations', () => {
    const one = entry('2025-01-10-one');
    const insights = buildInsights([one], today, all);
    expect(insights.counted).toBe(1);
    expect(insights.quarters).toHaveLength(1);
    const [row] = insights.quarters;
    expect(row!.quarter.key).toBe('2025-Q1');
    expect(row!.byType).toEqual({ 'viral-complaint': 1 });
    expect(row!.medians).toEqual({
      toDetect: one.durations.toDetect,
      toFirstResponse: one.durations.toFirstResponse,
      toResolve: one.durations.toResolve,
    });
    expect(row!.medians.toDetect).toBe(70);
    expect(insights.byPlatform).toEqual([
      { key: 'x', count: 1 },
      { key: 'tiktok', count: 1 },
    ]);
    expect(insights.stepCitations).toEqual([
      { key: 1, count: 1 },
      { key: 4, count: 1 },
    ]);
  });

  it('take the median per quarter, over the entries that have each duration, and keep empty quarters', () => {
    const insights = buildInsights(
      [
        timed('2025-01-05-a', '2025-01-05T10:00:00Z', 10, 40, 600),
        timed('2025-02-05-b', '2025-02-05T10:00:00Z', 30, 90, 900),
        timed('2025-03-05-c', '2025-03-05T10:00:00Z', 20), // still running: no response, not resolved
        timed('2025-07-05-d', '2025-07-05T10:00:00Z', 5, 15, 120),
      ],
      today,
      all,
    );
    expect(insights.quarters.map((q) => q.quarter.key)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    const [q1, q2, q3] = insights.quarters;
    expect(q1!.total).toBe(3);
    expect(q1!.medians).toEqual({ toDetect: 20, toFirstResponse: 45, toResolve: 750 });
    expect(q1!.counts).toEqual({ toDetect: 3, toFirstResponse: 2, toResolve: 2 });
    expect(q2!.total).toBe(0);
    expect(q2!.medians).toEqual({});
    expect(q3!.medians).toEqual({ toDetect: 5, toFirstResponse: 10, toResolve: 120 });
  });

  it('put an incident in the UTC quarter it started in, whatever zone it was written in', () => {
    const insights = buildInsights(
      [
        timed('2025-03-31-west', '2025-03-31T23:30:00-02:00', 10, 20, 60),
        timed('2025-04-01-east', '2025-04-01T00:30:00+02:00', 10, 20, 60),
      ],
      today,
      all,
    );
    expect(insights.quarters.map((q) => [q.quarter.key, q.total])).toEqual([
      ['2025-Q1', 1],
      ['2025-Q2', 1],
    ]);
  });

  it('ignore drafts, and leave out fictional examples when asked', () => {
    const real = entry('2025-01-10-real', { example: false, crisisType: 'data-privacy' });
    const sample = entry('2025-01-11-sample', { example: true });
    const draft = entry('2025-01-12-draft', { example: false, status: 'draft' });
    const withExamples = buildInsights([real, sample, draft], today, all);
    expect(withExamples.counted).toBe(2);
    expect(withExamples.examples).toBe(1);
    const realOnly = buildInsights([real, sample, draft], today, { includeExamples: false });
    expect(realOnly.counted).toBe(1);
    expect(realOnly.examples).toBe(0);
    expect(realOnly.quarters[0]!.byType).toEqual({ 'data-privacy': 1 });
  });

  it('count severities, SCCT clusters and platforms (once per incident, most first, ties in vocabulary order)', () => {
    const insights = buildInsights(
      [
        entry('2025-01-10-a', { severity: 1, scct: 'victim', platforms: ['x', 'x', 'reddit'] }),
        entry('2025-01-11-b', { severity: 1, scct: 'preventable', platforms: ['reddit'] }),
        entry('2025-01-12-c', { severity: 3, scct: 'preventable', platforms: ['tiktok'] }),
      ],
      today,
      all,
    );
    expect(insights.bySeverity).toEqual([
      { key: 1, count: 2 },
      { key: 2, count: 0 },
      { key: 3, count: 1 },
      { key: 4, count: 0 },
    ]);
    expect(insights.byScct).toEqual([
      { key: 'victim', count: 1 },
      { key: 'accidental', count: 0 },
      { key: 'preventable', count: 2 },
    ]);
    expect(insights.byPlatform).toEqual([
      { key: 'reddit', count: 2 },
      { key: 'x', count: 1 },
      { key: 'tiktok', count: 1 },
    ]);
  });

  it('rank the steps lessons cite, most cited first', () => {
    const lessons = (...steps: (number | undefined)[]) => steps.map((step) => ({ text: 'A lesson learned.', step }));
    const insights = buildInsights(
      [
        entry('2025-01-10-a', { lessons: lessons(2, 2, 5, undefined) }),
        entry('2025-01-11-b', { lessons: lessons(5, 2, 9) }),
      ],
      today,
      all,
    );
    expect(insights.stepCitations).toEqual([
      { key: 2, count: 3 },
      { key: 5, count: 2 },
      { key: 9, count: 1 },
    ]);
  });

  it('group open action items by owner role and age', () => {
    const action = (ownerRole: string, status = 'open') => ({
      title: 'Fix the thing',
      ownerRole,
      type: 'prevent',
      status,
    });
    // Resolved 2025-01-11 and 2026-11-20: 689 and 11 days before `today`.
    const old = entry('2025-01-10-old', {
      actionItems: [action('Social lead'), action('Legal'), action('Legal', 'done')],
    });
    const recent = entry('2026-11-19-recent', {
      started: '2026-11-19T10:00:00Z',
      detected: '2026-11-19T11:00:00Z',
      firstResponse: '2026-11-19T12:00:00Z',
      resolved: '2026-11-20T10:00:00Z',
      actionItems: [action('Legal')],
    });
    const { openActions } = buildInsights([old, recent], today, all);
    expect(openActions.total).toBe(3);
    expect(openActions.byOwner).toEqual([
      { ownerRole: 'Legal', perGroup: [1, 0, 0, 1], total: 2 },
      { ownerRole: 'Social lead', perGroup: [0, 0, 0, 1], total: 1 },
    ]);
    expect(openActions.groups.map((g) => g.label)).toEqual(['0–30 days', '31–90 days', '91–180 days', 'over 180 days']);
  });
});
