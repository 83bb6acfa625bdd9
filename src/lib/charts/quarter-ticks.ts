import type { Quarter } from '../insights/quarters.ts';
import type { Tick } from './plot.ts';

/** Up to this many quarters each get a label; beyond it only each year's first quarter does. */
const LABEL_EVERY_QUARTER_UP_TO = 4;

/** At most this many year labels (a four-digit year needs about 3 em; a phone has room for five). */
const MAX_YEAR_LABELS = 5;

/** Labels for a run of quarters whose centres sit at `percents` along the axis. */
export function quarterTicks(quarters: readonly Quarter[], percents: readonly number[]): Tick[] {
  if (quarters.length <= LABEL_EVERY_QUARTER_UP_TO) {
    return quarters.map((q, i) => ({ percent: percents[i]!, label: q.label }));
  }
  const years = quarters.flatMap((q, i) => (q.quarter === 1 ? [{ percent: percents[i]!, label: String(q.year) }] : []));
  const every = Math.ceil(years.length / MAX_YEAR_LABELS);
  return years.filter((_, i) => i % every === 0);
}
