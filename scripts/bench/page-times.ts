/**
 * Where `astro build` spent its page-rendering time, from its own log: each generated page is
 * logged as `├─ /path/index.html (+12ms)`, the time that page took to render. Pages render a few
 * at a time (`build.concurrency`), so the sum is more than the wall time of the phase; the
 * shares between kinds of page are what this is for (issue 13: the learning-loop pages must
 * add at most 10% to the build).
 */

import { stripVTControlCharacters } from 'node:util';

/** Milliseconds of render time per first path segment (`incidents`, `actions`, `insights`, …). */
export function renderTimeBySection(buildLog: string): Map<string, number> {
  const bySection = new Map<string, number>();
  // The colour codes Astro adds on a terminal are not there when its output is piped.
  const plain = stripVTControlCharacters(buildLog);
  for (const match of plain.matchAll(/[├└]─ (\/[^\s]*) \(\+([\d.]+)(ms|s)\)/g)) {
    const [, path, amount, unit] = match;
    const section = path!.split('/')[1] || 'index.html';
    const ms = Number(amount) * (unit === 's' ? 1000 : 1);
    bySection.set(section, (bySection.get(section) ?? 0) + ms);
  }
  return bySection;
}

/** The learning loop's own pages (src/pages/insights/, src/pages/actions/). */
export const LEARNING_SECTIONS = ['insights', 'actions'] as const;

/** The learning-loop pages' share of all page render time, from 0 to 1 (0 when no page was logged). */
export function learningShare(bySection: ReadonlyMap<string, number>): number {
  const total = [...bySection.values()].reduce((sum, ms) => sum + ms, 0);
  const learning = LEARNING_SECTIONS.reduce((sum, section) => sum + (bySection.get(section) ?? 0), 0);
  return total === 0 ? 0 : learning / total;
}
