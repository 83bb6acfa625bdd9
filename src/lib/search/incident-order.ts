/**
 * The library's sort orders, kept beside the incidents bundle's parts (src/lib/search/bundles.ts)
 * instead of inside them. Pagefind sorts within one bundle only: once several bundles are merged
 * it orders the results by score, so sorted views need an order that spans the parts. The build
 * writes one per sort key (`date`, `severity`, `ttfr`), the browser fetches the one a view
 * sorts by, and both sides share this module so they agree on what "sorted" means.
 *
 * An order is a list of groups, one per value of the key, in ascending order of the value; a
 * group lists the ids (Pagefind's fragment ids, what a result's `id` is) of the pages with that
 * value, newest first (by the `date` key), then by URL, so equal values always come out in the
 * same order, whichever direction the view sorts in.
 */

/** A page as the orders see it: its Pagefind id and URL, and its sort values (the search record's `sort`). */
export interface OrderedPage {
  id: string;
  url: string;
  sort: Readonly<Record<string, string>>;
}

/** Groups of page ids, one per value of the key, ascending; each group newest first. */
export type SortOrder = string[][];

/** Numbers as numbers ("9" before "10"), anything else as text (ISO dates sort as text). */
export function compareSortValues(a: string, b: string): number {
  const [x, y] = [Number(a), Number(b)];
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order of `pages` by `key`. A page without a value for the key comes after every value,
 * as in Pagefind, which leaves such pages out of a sort's list and puts them last.
 */
export function sortOrder(pages: readonly OrderedPage[], key: string): SortOrder {
  const newestFirst = (a: OrderedPage, b: OrderedPage) =>
    compareSortValues(b.sort['date'] ?? '', a.sort['date'] ?? '') || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
  const byValue = new Map<string | undefined, OrderedPage[]>();
  for (const page of pages) {
    const value = page.sort[key];
    const group = byValue.get(value) ?? [];
    group.push(page);
    byValue.set(value, group);
  }
  const values = [...byValue.keys()].sort((a, b) =>
    a === undefined ? 1 : b === undefined ? -1 : compareSortValues(a, b),
  );
  return values.map((value) =>
    byValue
      .get(value)!
      .sort(newestFirst)
      .map((page) => page.id),
  );
}

/** Where each id stands in an order: its group and its place in the group. */
export type OrderRanks = ReadonlyMap<string, readonly [group: number, place: number]>;

export function orderRanks(order: SortOrder): OrderRanks {
  const ranks = new Map<string, readonly [number, number]>();
  order.forEach((group, g) => group.forEach((id, place) => ranks.set(id, [g, place])));
  return ranks;
}

/**
 * `results` sorted by an order, ascending or descending by the key's value; equal values stay
 * newest first either way. A result the order does not know (it cannot happen with the order
 * written for these parts) goes last, in the order it came.
 */
export function sortByOrder<T extends { id: string }>(
  results: readonly T[],
  ranks: OrderRanks,
  direction: 'asc' | 'desc',
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  const unknown: T[] = [];
  const known: Array<{ result: T; group: number; place: number }> = [];
  for (const result of results) {
    const rank = ranks.get(result.id);
    if (rank) known.push({ result, group: rank[0], place: rank[1] });
    else unknown.push(result);
  }
  known.sort((a, b) => sign * (a.group - b.group) || a.place - b.place);
  return [...known.map((entry) => entry.result), ...unknown];
}
