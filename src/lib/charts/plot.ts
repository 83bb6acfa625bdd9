/**
 * Charts are drawn in a fixed coordinate box (the SVG viewBox) that the page stretches to its
 * width with `preserveAspectRatio="none"`; strokes keep their width (`vector-effect`). All text
 * (axis labels, marker numbers) is HTML placed at a percentage of the box, so it stays at the
 * page's font size on a 390 px phone instead of shrinking with the drawing.
 */
export interface PlotBox {
  width: number;
  height: number;
}

/** An axis label: where it sits along its axis (0–100 %) and what it says. */
export interface Tick {
  percent: number;
  label: string;
  /** A second, smaller line under the label (the day under an hour when the day changes). */
  sub?: string;
}

/** `x` of a box as a CSS percentage, rounded so the HTML stays small. */
export function percentOf(value: number, extent: number): number {
  return Math.round((value / extent) * 10_000) / 100;
}

/** Rounds a coordinate to 0.1 of a unit: plenty for a 1,000-unit box, and short in the HTML. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
