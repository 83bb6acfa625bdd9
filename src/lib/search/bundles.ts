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
 * - `incidents`: every published post-mortem, indexed from its data, with the library's filters.
 *   It is written in parts of at most a few thousand records (`part-1/`, `part-2/`…, listed in
 *   `parts.json`), each a Pagefind bundle of its own, searched together: Pagefind's memory grows
 *   with the text one bundle holds (about 0.65 MB per post-mortem as it writes), so one bundle
 *   of 10,000 took a 5.5 GB process, and parts written one after another, each by a Pagefind
 *   process of its own, take one part's worth (src/integrations/search-index.ts). The library's sort
 *   orders, which Pagefind keeps per bundle, are written beside the parts (`order-date.json`…,
 *   src/lib/search/incident-order.ts).
 *
 * Scopes, by who searches them:
 * - `recent` (the header box): the recent bundle with the playbook merged in;
 * - `all` (the search page): the playbook with the incidents bundle merged in;
 * - `playbook` and `incidents`: one bundle each (the search page's type filter, the library,
 *   which searches the incidents bundle's parts on their own and sorts by the written orders).
 */
export type SearchScope = 'playbook' | 'recent' | 'incidents' | 'all';

/** Folder of each bundle in the built site. */
export const SEARCH_BUNDLES = {
  playbook: 'pagefind',
  recent: 'pagefind-recent',
  incidents: 'pagefind-incidents',
} as const satisfies Record<Exclude<SearchScope, 'all'>, string>;

/** What the incidents bundle's folder holds besides its parts: how many there are, and the sort keys written. */
export interface IncidentParts {
  parts: number;
  sorts: string[];
}

/** The incidents bundle's list of parts, in its folder. */
export const INCIDENT_PARTS_FILE = 'parts.json';

/** Folder of part `n` (1-based) of the incidents bundle, inside the bundle's folder. */
export const incidentPartFolder = (n: number): string => `part-${n}`;

/** Part `n` (1-based) of the incidents bundle as a bundle folder under the site's base, as the browser loads it. */
export const incidentPartBundle = (n: number): string => `${SEARCH_BUNDLES.incidents}/${incidentPartFolder(n)}`;

/** File of the order by `key` (src/lib/search/incident-order.ts), inside the incidents bundle's folder. */
export const incidentOrderFile = (key: string): string => `order-${key}.json`;

/**
 * The hidden Pagefind filter that names the bundle, or the part of the incidents bundle, each
 * page is in: `playbook`, `recent`, `part-1`… When a bundle has no word starting with a query
 * word, Pagefind does not return nothing: it shortens the word until something matches ("sofa"
 * becomes "so…"), and merged bundles each do it on their own. So a search leaves out the
 * bundles that lack one of its words (the vocabulary says which have each word,
 * src/lib/search/vocabulary.ts), and a part without "sofa" adds no page to a search for it.
 */
export const BUNDLE_FILTER = 'bundle';

/** A bundle's folder under the site's base (SEARCH_BUNDLES, or `pagefind-incidents/part-n`) → its BUNDLE_FILTER name. */
export function bundleFilterName(folder: string): string {
  if (folder === SEARCH_BUNDLES.playbook) return 'playbook';
  if (folder === SEARCH_BUNDLES.recent) return 'recent';
  return folder.slice(`${SEARCH_BUNDLES.incidents}/`.length);
}

/** How the vocabulary numbers the bundles: bit 0 the playbook, bit 1 the recent bundle, bit n + 1 part n. */
export function bundleBit(name: string): number {
  if (name === 'playbook') return 0;
  if (name === 'recent') return 1;
  const part = /^part-(\d+)$/.exec(name);
  if (!part) throw new Error(`no search bundle is called "${name}"`);
  return Number(part[1]) + 1;
}

/** The parts of the incidents bundle the vocabulary can number (its bundle sets are numbers up to 2^53). */
export const MAX_INCIDENT_PARTS = 50;

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
