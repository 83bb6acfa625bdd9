import { describe, expect, it } from 'vitest';
import { learningShare, renderTimeBySection } from '../../../scripts/bench/page-times.ts';

// The shape of `astro build`'s page log, piped (as the benchmark reads it) and on a terminal.
const LOG = [
  '13:50:20   ├─ /404.html (+5ms) ',
  '13:50:20   ├─ /actions/index.html (+631ms) ',
  '13:50:21   ├─ /actions/2/index.html (+1.04s) ',
  '13:50:21   ├─ /incidents/2025-12-28-a/index.html (+69ms) ',
  '\u001b[2m13:50:21\u001b[22m   \u001b[34m├─\u001b[39m \u001b[2m/incidents/2025-12-26-b/index.html\u001b[22m \u001b[2m(+231ms)\u001b[22m',
  '13:52:01   ├─ /insights/index.html (+64ms) ',
  '13:52:02   └─ /index.html (+12ms) ',
  '13:52:02 [build] ✓ Completed in 1m 54s.',
].join('\n');

describe('page render times from the build log', () => {
  it('sums each section, seconds and colour codes included', () => {
    const bySection = renderTimeBySection(LOG);
    expect(Object.fromEntries(bySection)).toEqual({
      '404.html': 5,
      actions: 1671,
      incidents: 300,
      insights: 64,
      'index.html': 12,
    });
  });

  it("gives the learning-loop pages' share of all render time", () => {
    expect(learningShare(renderTimeBySection(LOG))).toBeCloseTo((1671 + 64) / 2052, 5);
    expect(learningShare(new Map())).toBe(0);
  });
});
