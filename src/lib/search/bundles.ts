/**
 * The search index is three Pagefind bundles, so a first search does not pay for the library.
 * Pagefind fetches a bundle's whole page table on its first search (about 6.5 bytes per page,
 * compressed, plus every sort order as a list of all pages): at 10,000 post-mortems that alone
 * is 60–140 kB, over the 150 kB a first search may transfer. So:
 *
 * - `playbook`: every page that is not a post-mortem (Crisis now, the steps, runbooks, roles,
 *   platform cards, templates…), indexed from its HTML, the same size whatever the library holds;
 * - `recent`: the RECENT_INCIDENTS most recent published post-mortems, with the incidents
 *   bundle's records minus the sorts and the filters a result card does not show: a bounded
 *   page table, so the header box can answer event-like queries with incidents at any library size;
 * - `incidents`: every published post-mortem, indexed from its data, with the library's filters and sorts.
 *
 * Scopes, by who searches them:
 * - `recent` (the header box): the recent bundle with the playbook merged in;
 * - `all` (the search page): the playbook with the incidents bundle merged in;
 * - `playbook` and `incidents`: one bundle each (the search page's type filter, the library,
 *   which searches the incidents bundle on its own since Pagefind's sorts do not survive a merge).
 */
export type SearchScope = 'playbook' | 'recent' | 'incidents' | 'all';

/** Folder of each bundle in the built site. */
export const SEARCH_BUNDLES = {
  playbook: 'pagefind',
  recent: 'pagefind-recent',
  incidents: 'pagefind-incidents',
} as const satisfies Record<Exclude<SearchScope, 'all'>, string>;

/**
 * How many post-mortems the header box searches, newest first. Its page table costs 6–7 bytes
 * per page compressed (page id and word count; no sort orders), so 400 pages are under 3 kB of
 * a first search, the index chunks of a query's words about 6–8 kB each as in any bundle
 * (they are capped by word count, not page count), and the result fragments as many as the box
 * shows: the first search stays the same at 400 post-mortems or 100,000 (README, "Search",
 * footnote 2). 400 covers several years of a busy team's incidents, which is what a reader
 * means by "has this happened before"; the search page has the rest.
 */
export const RECENT_INCIDENTS = 300;
