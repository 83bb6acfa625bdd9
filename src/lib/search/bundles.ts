/**
 * The search index is two Pagefind bundles, so a first search does not pay for the library.
 * Pagefind fetches a bundle's whole page table on its first search (about 6.5 bytes per page,
 * compressed, plus every sort order as a list of all pages): at 10,000 post-mortems that alone
 * is 60–140 kB, over the 150 kB a first search may transfer. So:
 *
 * - `playbook`: every page that is not a post-mortem (Crisis now, the steps, runbooks, roles,
 *   platform cards, templates…), indexed from its HTML: the header box's answers, the same
 *   size whatever the library holds;
 * - `incidents`: the post-mortems, indexed from their data, with the library's filters and sorts.
 *
 * The header box searches the playbook and links to the full search; the search page searches
 * both (Pagefind merges the incidents bundle into the playbook's); the library searches the
 * incidents bundle on its own, since Pagefind's sorts do not survive a merge.
 */
export type SearchScope = 'playbook' | 'incidents' | 'all';

/** Folder of each bundle in the built site. */
export const SEARCH_BUNDLES = {
  playbook: 'pagefind',
  incidents: 'pagefind-incidents',
} as const satisfies Record<Exclude<SearchScope, 'all'>, string>;
