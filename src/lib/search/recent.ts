import type { SearchRecord } from '../search-record.ts';
import { RECENT_INCIDENTS } from './bundles.ts';

/**
 * The post-mortems the header box searches (src/lib/search/bundles.ts): the `count` that
 * started last, newest first; at equal start times by id, so every build picks the same ones.
 */
export function mostRecent<T extends { id: string; started: Date }>(
  entries: readonly T[],
  count = RECENT_INCIDENTS,
): T[] {
  return [...entries]
    .sort((a, b) => b.started.getTime() - a.started.getTime() || a.id.localeCompare(b.id))
    .slice(0, count);
}

/**
 * The filters a result card reads (its type badge, its severity badge); `type` also tells
 * playbook pages from incidents when results are ranked by intent (src/client/search.ts).
 */
const CARD_FILTERS = ['type', 'severity'] as const;

/**
 * A post-mortem's record for the recent bundle: its incidents-bundle record (same text,
 * keywords, aliases and card fields), without the sorts, which would add a list of every page
 * to the page table each, and without the filters no card shows, which the header box never uses.
 */
export function recentSearchRecord(record: SearchRecord): SearchRecord {
  const filters = Object.fromEntries(
    CARD_FILTERS.flatMap((name) => (record.filters[name] ? [[name, record.filters[name]]] : [])),
  );
  return { ...record, filters, sort: {} };
}
