import { describe, expect, it } from 'vitest';
import { stackedBars, BAR_WIDTH } from '../../../src/lib/charts/bars.ts';
import { stackedColumns } from '../../../src/lib/charts/columns.ts';
import { MENTION_BOX, mentionVolumeGeometry } from '../../../src/lib/charts/mention-volume.ts';
import { trendLine } from '../../../src/lib/charts/trend.ts';
import { quarterTicks } from '../../../src/lib/charts/quarter-ticks.ts';
import { quarterOf, quartersBetween } from '../../../src/lib/insights/quarters.ts';

const at = (time: string) => new Date(`2025-03-14T${time}:00Z`);
const bucket = (time: string, negative: number, neutral: number, positive: number) => ({
  at: at(time),
  negative,
  neutral,
  positive,
});
// Six hourly buckets: 18:00 to 24:00 is the measured span.
const series = [
  bucket('18:00', 4, 30, 12),
  bucket('19:00', 20, 310, 160),
  bucket('20:00', 60, 690, 420),
  bucket('21:00', 540, 910, 380),
  bucket('22:00', 760, 1020, 300),
  bucket('23:00', 870, 1150, 280),
];
const incident = {
  detected: at('19:30'),
  firstResponse: at('21:00'),
  resolved: new Date('2025-03-17T12:00:00Z'),
  timeline: [
    { at: at('18:05'), kind: 'trigger' as const, text: 'The video is posted.' },
    { at: at('21:00'), kind: 'statement' as const, text: 'Holding statement pinned.' },
  ],
  // Statements issued are markers too, merged with a timeline statement of the same minute.
  statements: [
    { at: at('21:00'), platform: 'x' as const, text: 'Holding statement pinned.' },
    { at: at('21:10'), platform: 'tiktok' as const, text: 'Second statement, ten minutes later.' },
  ],
};

/** Every number in an SVG path's `d`, as [x, y] pairs. */
function pathPoints(d: string): [number, number][] {
  const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) pairs.push([numbers[i]!, numbers[i + 1]!]);
  return pairs;
}

describe('mention volume chart geometry', () => {
  const geometry = mentionVolumeGeometry(series, incident)!;

  it('keeps every point of the three areas inside the plot', () => {
    expect(geometry.areas.map((a) => a.sentiment)).toEqual(['negative', 'neutral', 'positive']);
    for (const { d } of geometry.areas) {
      const points = pathPoints(d);
      expect(points.length).toBeGreaterThan(series.length);
      for (const [x, y] of points) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(MENTION_BOX.width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(MENTION_BOX.height);
      }
    }
  });

  it('stacks to the busiest hour’s total, under the top of a nice axis', () => {
    const top = Math.min(...geometry.areas.flatMap((a) => pathPoints(a.d).map(([, y]) => y)));
    const axisMax = Number(geometry.yTicks[geometry.yTicks.length - 1]!.label.replace(/,/g, ''));
    expect(axisMax).toBeGreaterThanOrEqual(2300);
    // 2,300 mentions at 23:00 on an axis of axisMax: the top of the stack is at that share of the height.
    expect(top).toBeCloseTo(MENTION_BOX.height * (1 - 2300 / axisMax), 0);
  });

  it('puts markers at the right x for known times, merging moments of the same minute', () => {
    const span = 6 * 60; // minutes from 18:00 to 24:00
    const xAt = (minutesAfter18: number) => (minutesAfter18 / span) * MENTION_BOX.width;
    expect(geometry.markers.map((m) => [m.kinds, m.x])).toEqual([
      [['detected'], xAt(90)],
      [['firstResponse', 'statement'], xAt(180)],
      [['statement'], Math.round(xAt(190) * 10) / 10],
    ]);
    expect(geometry.markers[1]!.percent).toBe(50);
    expect(geometry.markers.map((m) => m.number)).toEqual([1, 2, 3]);
  });

  it('moves the numbers of close moments to another row, and lists moments outside the span', () => {
    expect(geometry.markers.map((m) => m.row)).toEqual([0, 0, 1]);
    expect(geometry.markerRows).toBe(2);
    expect(geometry.outside).toEqual([
      expect.objectContaining({ number: 4, kinds: ['resolved'], at: incident.resolved }),
    ]);
  });

  it('labels the time axis in UTC with at most five ticks, saying the day at the first and when it changes', () => {
    expect(geometry.xTicks.map((t) => [t.label, t.sub])).toEqual([
      ['18:00', '14 Mar'],
      ['20:00', undefined],
      ['22:00', undefined],
      ['00:00', '15 Mar'],
    ]);
    expect(geometry.xTicks[0]!.percent).toBe(0);
    expect(geometry.xTicks.at(-1)!.percent).toBe(100);
    expect(geometry.yTicks[0]).toEqual({ percent: 100, label: '0' });
  });

  it('has nothing to draw for an empty series, and copes with one bucket', () => {
    expect(mentionVolumeGeometry([], incident)).toBeUndefined();
    const one = mentionVolumeGeometry([bucket('20:00', 1, 2, 3)], { ...incident, timeline: [], statements: [] })!;
    expect(one.to).toEqual(at('21:00'));
    expect(one.markers.map((m) => m.kinds)).toEqual([['firstResponse']]);
    expect(one.markers[0]!.x).toBe(MENTION_BOX.width);
  });
});

describe('stacked columns', () => {
  it('stack each column’s series from the bottom, inside the box, heights proportional to counts', () => {
    const g = stackedColumns(
      [
        { label: 'Q1', values: { a: 2, b: 1 } },
        { label: 'Q2', values: {} },
        { label: 'Q3', values: { b: 4 } },
      ],
      ['a', 'b'],
    );
    expect(g.columns.map((c) => c.total)).toEqual([3, 0, 4]);
    for (const r of g.rects) {
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width).toBeLessThanOrEqual(g.box.width);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.y + r.height).toBeLessThanOrEqual(g.box.height + 0.05);
    }
    const [a1, b1, b3] = g.rects;
    expect([a1!.series, b1!.series, b3!.series]).toEqual(['a', 'b', 'b']);
    expect(a1!.y + a1!.height).toBeCloseTo(g.box.height, 0); // bottom
    expect(b1!.y + b1!.height).toBeCloseTo(a1!.y, 0); // on top of a
    expect(b3!.height).toBeCloseTo(a1!.height * 2, 0);
    expect(g.columns[0]!.percent).toBeLessThan(g.columns[1]!.percent);
  });
});

describe('stacked bars', () => {
  it('share one scale: the longest bar fills the row, segments follow each other', () => {
    const rows = stackedBars(
      [
        { label: 'Legal', values: { young: 1, old: 3 } },
        { label: 'Social', values: { old: 2 } },
      ],
      ['young', 'old'],
    );
    expect(rows[0]!.segments).toEqual([
      { series: 'young', x: 0, width: 25, value: 1 },
      { series: 'old', x: 25, width: 75, value: 3 },
    ]);
    expect(rows[1]!.segments).toEqual([{ series: 'old', x: 0, width: 50, value: 2 }]);
    expect(rows[0]!.segments.at(-1)!.x + rows[0]!.segments.at(-1)!.width).toBe(BAR_WIDTH);
  });
});

describe('trend line', () => {
  it('draws a point per known value inside the box, the line running on across a slot with none', () => {
    const g = trendLine([60, undefined, 30, 90], (v) => `${v} min`);
    expect(g.points.map((p) => p.index)).toEqual([0, 2, 3]);
    for (const p of g.points) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(g.box.width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(g.box.height);
    }
    expect(g.d.match(/[ML]/g)).toEqual(['M', 'L', 'L']); // one run through the three known values
    expect(trendLine([5], String).d).toBe(''); // a single value is a dot, not a line
    expect(g.points[1]!.y).toBeCloseTo((g.points[0]!.y + g.box.height) / 2, 0); // 30 is half of 60
    expect(g.yTicks.at(-1)!.label).toBe('100 min');
  });

  it('puts the axis ticks at whole minutes, hours or days, whichever the values are counted in', () => {
    expect(trendLine([45, 110], String).yTicks.map((t) => t.label)).toEqual(['0', '50', '100', '150']);
    expect(trendLine([200, 600], (v) => `${v / 60} h`).yTicks.map((t) => t.label)).toEqual(['0 h', '5 h', '10 h']);
    expect(trendLine([3 * 1440, 9000], (v) => `${v / 1440} d`).yTicks.map((t) => t.label)).toEqual([
      '0 d',
      '2 d',
      '4 d',
      '6 d',
      '8 d',
    ]);
  });
});

describe('quarter labels', () => {
  const run = (first: string, count: number) => {
    const start = quarterOf(new Date(first));
    const end = quartersBetween(
      start,
      quarterOf(new Date(Date.UTC(start.year, (start.quarter - 1) * 3 + (count - 1) * 3))),
    );
    return quarterTicks(
      end,
      end.map((_, i) => i * 10),
    );
  };

  it('name every quarter of a short run', () => {
    expect(run('2025-07-01Z', 3).map((t) => t.label)).toEqual(['Q3 2025', 'Q4 2025', 'Q1 2026']);
  });

  it('name only years over a long run, at most five of them, at their first quarter', () => {
    expect(run('2025-04-01Z', 8)).toEqual([
      { percent: 30, label: '2026' },
      { percent: 70, label: '2027' },
    ]);
    const long = run('2015-01-01Z', 48).map((t) => t.label);
    expect(long).toEqual(['2015', '2018', '2021', '2024']);
  });
});
