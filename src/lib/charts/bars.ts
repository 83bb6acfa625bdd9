import { scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { round } from './plot.ts';

/** Horizontal bars are drawn one row at a time, each in a box this wide (and 1 high). */
export const BAR_WIDTH = 100;

export interface BarInput<K extends string> {
  label: string;
  values: Partial<Record<K, number>>;
}

export interface BarRow<K extends string> {
  label: string;
  total: number;
  segments: { series: K; x: number; width: number; value: number }[];
}

/**
 * Horizontal stacked bars on one shared scale (d3-scale), segments stacked with d3-shape in the
 * series order given; a single-series chart is the same with one key. Empty segments are left out.
 */
export function stackedBars<K extends string>(rows: readonly BarInput<K>[], series: readonly K[]): BarRow<K>[] {
  const totals = rows.map((r) => series.reduce((sum, key) => sum + (r.values[key] ?? 0), 0));
  const x = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .range([0, BAR_WIDTH]);
  const layers = stack<BarInput<K>, K>()
    .keys(series)
    .value((row, key) => row.values[key] ?? 0)(rows as BarInput<K>[]);
  return rows.map((row, i) => ({
    label: row.label,
    total: totals[i]!,
    segments: layers
      .map((layer) => {
        const [low, high] = layer[i]!;
        return { series: layer.key, x: round(x(low)), width: round(x(high) - x(low)), value: high - low };
      })
      .filter((segment) => segment.value > 0),
  }));
}
