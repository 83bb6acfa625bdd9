import { scaleLinear, scaleUtc } from 'd3-scale';
import { area, curveStepAfter, stack, type SeriesPoint } from 'd3-shape';
import type { MentionBucket, Postmortem } from '../../schema/postmortem.ts';
import { percentOf, round, type PlotBox, type Tick } from './plot.ts';

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** The coordinate box of the mention chart. */
export const MENTION_BOX: PlotBox = { width: 1000, height: 300 };

/** What a marker on the time axis stands for. */
export type MarkerKind = 'detected' | 'firstResponse' | 'statement' | 'resolved';

export const MARKER_LABELS: Record<MarkerKind, string> = {
  detected: 'Detected',
  firstResponse: 'First public response',
  statement: 'Brand statement',
  resolved: 'Resolved',
};

/** One moment on the chart; moments at the same minute share a marker. */
export interface Marker {
  /** 1-based number shown on the chart and in the key below it. */
  number: number;
  at: Date;
  kinds: MarkerKind[];
  /** Position in the box, and as a percentage of its width (for the HTML number). */
  x: number;
  percent: number;
  /** Row of the number above the plot (0 = top), so numbers of close moments do not overlap. */
  row: number;
}

export interface MentionVolumeGeometry {
  box: PlotBox;
  /** One stacked step area per sentiment, negative at the bottom. */
  areas: { sentiment: Sentiment; d: string }[];
  /** The measured span: the first bucket's start to the last bucket's end. */
  from: Date;
  to: Date;
  /** Markers inside the measured span, in time order. */
  markers: Marker[];
  /** Moments before or after the measured span: listed in the key, not drawn. */
  outside: Omit<Marker, 'x' | 'percent' | 'row'>[];
  xTicks: Tick[];
  yTicks: Tick[];
  /** Rows of marker numbers needed above the plot. */
  markerRows: number;
}

/** At most this many time labels: each needs about 3.5 em, and a phone has room for five. */
const MAX_X_TICKS = 5;

/** Every other item, as often as needed to get down to `max` (the first one is always kept). */
function thin<T>(items: readonly T[], max: number): T[] {
  let kept = [...items];
  while (kept.length > max) kept = kept.filter((_, i) => i % 2 === 0);
  return kept;
}

/** Closer than this (in % of the width) and two marker numbers go on different rows. */
const MARKER_SPACING_PERCENT = 7;

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

type Moments = Pick<Postmortem, 'detected' | 'firstResponse' | 'resolved' | 'timeline'> &
  Partial<Pick<Postmortem, 'statements'>>;

/**
 * The moments worth a marker: the three milestones and every public statement (from the
 * timeline and from the statements issued), merged by minute.
 */
function moments(incident: Moments): Omit<Marker, 'number' | 'x' | 'percent' | 'row'>[] {
  const byTime = new Map<number, { at: Date; kinds: MarkerKind[] }>();
  const add = (at: Date | undefined, kind: MarkerKind) => {
    if (!at) return;
    const key = Math.floor(at.getTime() / 60_000);
    const moment = byTime.get(key) ?? { at, kinds: [] };
    if (!moment.kinds.includes(kind)) moment.kinds.push(kind);
    byTime.set(key, moment);
  };
  add(incident.detected, 'detected');
  add(incident.firstResponse, 'firstResponse');
  for (const event of incident.timeline) if (event.kind === 'statement') add(event.at, 'statement');
  for (const statement of incident.statements ?? []) add(statement.at, 'statement');
  add(incident.resolved, 'resolved');
  return [...byTime.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Bucket length: the smallest gap between consecutive buckets (one hour when there is one bucket). */
function bucketLength(series: readonly MentionBucket[]): number {
  let best = Infinity;
  for (let i = 1; i < series.length; i++) best = Math.min(best, series[i]!.at.getTime() - series[i - 1]!.at.getTime());
  return Number.isFinite(best) && best > 0 ? best : 3_600_000;
}

/**
 * Everything the mention chart draws, in box coordinates: stacked volume by sentiment over the
 * measured hours (d3-scale for the axes, d3-shape for the areas), and markers for detection, the
 * first public response, each brand statement and the resolution. Returns undefined for an
 * empty series.
 */
export function mentionVolumeGeometry(
  series: readonly MentionBucket[],
  incident: Moments,
  box: PlotBox = MENTION_BOX,
): MentionVolumeGeometry | undefined {
  if (series.length === 0) return undefined;
  const sorted = [...series].sort((a, b) => a.at.getTime() - b.at.getTime());
  const from = sorted[0]!.at;
  const to = new Date(sorted[sorted.length - 1]!.at.getTime() + bucketLength(sorted));
  const x = scaleUtc().domain([from, to]).range([0, box.width]);
  const maxTotal = Math.max(1, ...sorted.map((b) => b.negative + b.neutral + b.positive));
  const y = scaleLinear().domain([0, maxTotal]).nice(4).range([box.height, 0]);

  // A closing point at the end of the last bucket, so the step curve covers its whole hour.
  const points = [...sorted, { ...sorted[sorted.length - 1]!, at: to }];
  const layers = stack<MentionBucket, Sentiment>().keys(SENTIMENTS)(points);
  const shape = area<SeriesPoint<MentionBucket>>()
    .x((d) => round(x(d.data.at)))
    .y0((d) => round(y(d[0])))
    .y1((d) => round(y(d[1])))
    .curve(curveStepAfter);
  const areas = layers.map((layer) => ({ sentiment: layer.key, d: shape(layer) ?? '' }));

  const all = moments(incident).map((moment, i) => ({ ...moment, number: i + 1 }));
  const inside = all.filter((m) => m.at >= from && m.at <= to);
  const outside = all.filter((m) => m.at < from || m.at > to);
  const rowEnds: number[] = [];
  const markers: Marker[] = inside.map((moment) => {
    const mx = x(moment.at);
    const percent = percentOf(mx, box.width);
    let row = rowEnds.findIndex((end) => percent - end >= MARKER_SPACING_PERCENT);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = percent;
    return { ...moment, x: round(mx), percent, row };
  });

  const spanDays = (to.getTime() - from.getTime()) / 86_400_000;
  let previousDay = '';
  const xTicks = thin(x.ticks(5), MAX_X_TICKS).map((tick): Tick => {
    const day = dayMonth.format(tick);
    const percent = percentOf(x(tick), box.width);
    // Over a few days the day is enough; otherwise the hour, with the day under it when it changes.
    const changed = day !== previousDay;
    previousDay = day;
    if (spanDays > 3) return { percent, label: day };
    return changed ? { percent, label: time.format(tick), sub: day } : { percent, label: time.format(tick) };
  });
  const yTicks = y.ticks(4).map((value) => ({
    percent: percentOf(y(value), box.height),
    label: value.toLocaleString('en-GB'),
  }));

  return {
    box,
    areas,
    from,
    to,
    markers,
    outside,
    xTicks,
    yTicks,
    markerRows: rowEnds.length,
  };
}
