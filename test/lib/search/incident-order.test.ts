import { describe, expect, it } from 'vitest';
import {
  compareSortValues,
  orderRanks,
  sortByOrder,
  sortOrder,
  type OrderedPage,
} from '../../../src/lib/search/incident-order.ts';

const page = (id: string, date: string, severity: string, ttfr: string): OrderedPage => ({
  id,
  url: `/incidents/${id}/`,
  sort: { date, severity, ttfr },
});

// Two pages share a severity and a date (b, c), one has no response (its sort value is 99999999).
const pages = [
  page('a', '2024-01-05', '2', '30'),
  page('c', '2025-03-01', '1', '9'),
  page('b', '2025-03-01', '1', '120'),
  page('d', '2023-07-20', '3', '99999999'),
  page('e', '2025-06-30', '2', '10'),
];

describe('sort orders over the incidents bundle parts', () => {
  it('compares numbers as numbers and anything else as text', () => {
    expect(compareSortValues('9', '10')).toBeLessThan(0);
    expect(compareSortValues('2024-01-05', '2023-12-31')).toBeGreaterThan(0);
    expect(compareSortValues('', '1')).toBeLessThan(0);
  });

  it('groups pages by value, ascending, each group newest first and then by URL', () => {
    expect(sortOrder(pages, 'severity')).toEqual([['b', 'c'], ['e', 'a'], ['d']]);
    expect(sortOrder(pages, 'ttfr')).toEqual([['c'], ['e'], ['a'], ['b'], ['d']]);
    expect(sortOrder(pages, 'date')).toEqual([['d'], ['a'], ['b', 'c'], ['e']]);
  });

  it('puts a page without the value after every value', () => {
    const without = { id: 'x', url: '/incidents/x/', sort: { date: '2026-01-01' } };
    expect(sortOrder([...pages, without], 'severity').at(-1)).toEqual(['x']);
  });

  it('sorts results either way, equal values newest first in both', () => {
    const ranks = orderRanks(sortOrder(pages, 'severity'));
    const results = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
    expect(sortByOrder(results, ranks, 'asc').map((r) => r.id)).toEqual(['b', 'c', 'e', 'a', 'd']);
    expect(sortByOrder(results, ranks, 'desc').map((r) => r.id)).toEqual(['d', 'e', 'a', 'b', 'c']);
  });

  it('keeps only the results given, and puts one the order does not know last', () => {
    const ranks = orderRanks(sortOrder(pages, 'date'));
    const results = [{ id: 'zz' }, { id: 'e' }, { id: 'd' }];
    expect(sortByOrder(results, ranks, 'desc').map((r) => r.id)).toEqual(['e', 'd', 'zz']);
  });
});
