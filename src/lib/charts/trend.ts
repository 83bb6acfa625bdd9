import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { percentOf, round, type PlotBox, type Tick } from './plot.ts';

export const TREND_BOX: PlotBox = { width: 1000, height: 240 };

/** Values are minutes; the axis counts in the largest unit that keeps its top under `upTo` of them. */
const DURATION_UNITS = [
  { minutes: 1, upTo: 120 },
  { minutes: 60, upTo: 72 },
  { minutes: 1440, upTo: Infinity },
];

export interface TrendGeometry {
  box: PlotBox;
  /** The line through the known values, straight across slots without one (a quarter with no incident). */
  d: string;
  /** A dot per known value. */
  points: { index: number; x: number; y: number; value: number }[];
  /** Position of every slot along the x axis, as % of the width. */
  slots: number[];
  yTicks: Tick[];
}

/**
 * One line of a duration in minutes per slot (a quarter), from zero up (d3-scale point and linear scales,
 * d3-shape line). A slot without a value gets no dot; the line runs on to the next known one. `format` writes the y-axis labels.
 */
export function trendLine(
  values: readonly (number | undefined)[],
  format: (value: number) => string,
  box: PlotBox = TREND_BOX,
): TrendGeometry {
  const x = scalePoint<number>()
    .domain(values.map((_, i) => i))
    .range([0, box.width])
    .padding(0.5);
  const known = values.filter((v): v is number => v !== undefined);
  const max = Math.max(1, ...known);
  // Ticks at round numbers of the unit a reader thinks in: minutes, hours or days.
  const unit = DURATION_UNITS.find((u) => max <= u.upTo * u.minutes) ?? DURATION_UNITS[DURATION_UNITS.length - 1]!;
  const inUnits = scaleLinear()
    .domain([0, max / unit.minutes])
    .nice(3);
  const y = scaleLinear()
    .domain(inUnits.domain().map((v) => v * unit.minutes))
    .range([box.height, 0]);
  const points = values.flatMap((value, index) =>
    value === undefined ? [] : [{ index, x: round(x(index)!), y: round(y(value)), value }],
  );
  const path = line<(typeof points)[number]>()
    .x((p) => p.x)
    .y((p) => p.y);
  return {
    box,
    d: points.length > 1 ? (path(points) ?? '') : '',
    points,
    slots: values.map((_, i) => percentOf(x(i)!, box.width)),
    yTicks: inUnits
      .ticks(3)
      .map((v) => v * unit.minutes)
      .map((value) => ({ percent: percentOf(y(value), box.height), label: format(value) })),
  };
}
