import { describe, expect, it } from 'vitest';
import { mapInFlight } from '../../src/lib/in-flight.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapInFlight', () => {
  it('runs at most `limit` at once, starts items in order and gives results in the items\u2019 order', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await mapInFlight([5, 1, 4, 2, 3, 0, 2], 3, async (ms) => {
      started.push(ms);
      most = Math.max(most, ++running);
      await tick(ms * 3);
      running--;
      return ms * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 20]);
    expect(started).toEqual([5, 1, 4, 2, 3, 0, 2]);
    expect(most).toBe(3);
  });

  it('does nothing for no items, and rejects with the first failure', async () => {
    expect(await mapInFlight([], 8, async () => 1)).toEqual([]);
    await expect(
      mapInFlight([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('file 2 unreadable');
        return n;
      }),
    ).rejects.toThrow('file 2 unreadable');
  });
});
