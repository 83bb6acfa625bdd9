import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { percentOf, round, type PlotBox, type Tick } from './plot.ts';

export const COLUMN_BOX: PlotBox = { width: 1000, height: 300 };

/** One column: a label on the x axis and a count per series. */
export interface ColumnInput<K extends string> {
  label: string;
  values: Partial<Record<K, number>>;
}

export interface ColumnRect<K extends string> {
  series: K;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ColumnGeometry<K extends string> {
  box: PlotBox;
  rects: ColumnRect<K>[];
  /** Centre of each column, as % of the width (for its label). */
  columns: { label: string; percent: number; total: number }[];
  yTicks: Tick[];
}

/**
 * Stacked columns (d3-scale band and linear scales, d3-shape stack), series in the order given,
 * the first at the bottom. Empty segments are left out; counts are whole numbers.
 */
export function stackedColumns<K extends string>(
  columns: readonly ColumnInput<K>[],
  series: readonly K[],
  box: PlotBox = COLUMN_BOX,
): ColumnGeometry<K> {
  const x = scaleBand<number>()
    .domain(columns.map((_, i) => i))
    .range([0, box.width])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const totals = columns.map((c) => series.reduce((sum, key) => sum + (c.values[key] ?? 0), 0));
  const y = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .nice(4)
    .range([box.height, 0]);
  const layers = stack<ColumnInput<K>, K>()
    .keys(series)
    .value((column, key) => column.values[key] ?? 0)(columns as ColumnInput<K>[]);
  const rects: ColumnRect<K>[] = [];
  for (const layer of layers) {
    layer.forEach(([low, high], i) => {
      if (high === low) return;
      rects.push({
        series: layer.key,
        x: round(x(i)!),
        y: round(y(high)),
        width: round(x.bandwidth()),
        height: round(y(low) - y(high)),
      });
    });
  }
  return {
    box,
    rects,
    columns: columns.map((c, i) => ({
      label: c.label,
      percent: percentOf(x(i)! + x.bandwidth() / 2, box.width),
      total: totals[i]!,
    })),
    yTicks: y
      .ticks(4)
      .filter(Number.isInteger)
      .map((value) => ({ percent: percentOf(y(value), box.height), label: String(value) })),
  };
}
