import { describe, expect, it } from 'vitest';
import { heapBudgetMb } from '../../scripts/build.ts';

const MB = 1024 * 1024;

describe('heap budget of npm run build', () => {
  it('is at least 1 GB and grows slowly with the bytes of the library', () => {
    expect(heapBudgetMb(0)).toBe(1024);
    // The project's own dozen samples, or 1,000 realistic entries (21 MB): the floor.
    expect(heapBudgetMb(0.1 * MB)).toBe(1024);
    expect(heapBudgetMb(21 * MB)).toBe(1024);
    // 10,000 realistic post-mortems (206 MB on disk) built with a 1.1 GB heap once the store held summaries only.
    expect(heapBudgetMb(206 * MB)).toBe(1180);
    expect(heapBudgetMb(412 * MB)).toBe(1592);
  });
});
