/**
 * `work` on every item, at most `limit` at a time, each started in the items' order; the results
 * in the items' order. The one way the build reads, renders or indexes thousands of files without
 * opening them all at once (a default macOS process may open 256) or holding all their contents.
 * Rejects with the first failure, as `Promise.all` does.
 */
export async function mapInFlight<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (let at = next++; at < items.length; at = next++) results[at] = await work(items[at]!);
    }),
  );
  return results;
}
