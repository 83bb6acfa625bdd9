import { describe, expect, it } from 'vitest';
import { heapBudgetMb } from '../../scripts/build.ts';

const MB = 1024 * 1024;

describe('heap budget of npm run build', () => {
  it('is at least 1 GB and grows with the bytes of the library', () => {
    expect(heapBudgetMb(0)).toBe(1024);
    // The project's own dozen samples, or 1,000 light entries: the floor.
    expect(heapBudgetMb(0.1 * MB)).toBe(1024);
    expect(heapBudgetMb(25 * MB)).toBe(1024);
    // 10,000 realistic post-mortems (216 MB on disk) ran out of memory under the old 1.1 GB budget.
    expect(heapBudgetMb(216 * MB)).toBe(4832);
    expect(heapBudgetMb(432 * MB)).toBe(9152);
  });
});
