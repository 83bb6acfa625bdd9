import { describe, expect, it } from 'vitest';
import { heapBudgetMb } from '../../scripts/build.ts';

describe('heap budget of npm run build', () => {
  it('is at least 1 GB and grows with the library', () => {
    expect(heapBudgetMb(0)).toBe(1024);
    expect(heapBudgetMb(5000)).toBe(1024);
    // 10,000 post-mortems need about 0.6 GB of live heap: the budget leaves room to spare.
    expect(heapBudgetMb(10_000)).toBe(1112);
    expect(heapBudgetMb(20_000)).toBe(1712);
  });
});
