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
 * How many post-mortems the header box searches, newest first. What they cost a first search,
 * measured at 10,000 generated post-mortems (README, "Search", footnote 2): the page table,
 * about 23 bytes per page compressed (page ids and word counts, and the list of index chunks,
 * which grows with the words indexed; no sort orders): 3.4 kB at 150; the index chunk of a
 * word most of these pages use, which grows with the pages (9 kB at 200, 5 kB at 150); and one
 * fragment of 5–7 kB per incident shown, whatever the number. "instagram hacked giveaway"
 * took 149 kB of the 150 allowed at 200, 142 kB at 150 and at 100; at 150 the heaviest query
 * measured, "ceo linkedin post", took 146 kB. 150 is three
 * years of a team with an incident a week: what a reader means by "has this happened
 * before?"; the search page has the rest.
 */
export const RECENT_INCIDENTS = 150;
