/**
 * Loads Pagefind's browser API lazily (only once somebody searches), one instance per search
 * bundle, and renders its results without ever handing index text to innerHTML.
 */
import {
  INCIDENT_PARTS_FILE,
  type IncidentParts,
  SEARCH_BUNDLES,
  type SearchScope,
  bundleFilterName,
  incidentOrderFile,
  incidentPartBundle,
} from '../lib/search/bundles.ts';
import { type OrderRanks, type SortOrder, orderRanks, sortByOrder } from '../lib/search/incident-order.ts';
import { withBase } from '../lib/paths.ts';
import { severityBadge } from './severity-badge.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
  /** Pagefind's relevance score (higher is better); comparable within one index. */
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface SearchOptions {
  filters?: Record<string, string[] | { any: string[] } | { all: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(bundlePath: string, options?: Record<string, unknown>): Promise<void>;
  search(query: string | null, options?: SearchOptions): Promise<PagefindSearch>;
  debouncedSearch(query: string, options?: SearchOptions, ms?: number): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * How much a match in each metadata field lifts a page (Pagefind searches metadata too). The
 * title leads; aliases are words the authors chose for the page, and so is its kind ("Runbooks",
 * "Roles", "Platform cards": a reader who types "runbook" wants one, not a page that mentions
 * runbooks); keywords are synonyms added at build time (src/schema/synonyms.ts), worth as much
 * as body text; the rest is display data that must not rank anything ("2" in a severity field
 * is no reason to match "2").
 */
export const META_WEIGHTS: Record<string, number> = {
  title: 5,
  aliases: 3,
  keywords: 1,
  summary: 1,
  kind: 3,
  date: 0,
  severity: 0,
  ttfr: 0,
};

/** Our options, the same for every bundle. */
const OPTIONS = { excerptLength: 24, ranking: { metaWeights: META_WEIGHTS } };

const bundleUrl = (bundle: string) => withBase(`${bundle}/`);

const loaded = new Map<string, Promise<PagefindApi>>();

/** One Pagefind instance per bundle, each from its own `pagefind.js` (a module instance of its own). */
function loadBundle(bundle: string): Promise<PagefindApi> {
  let api = loaded.get(bundle);
  if (!api) {
    api = (async () => {
      const module = (await import(/* @vite-ignore */ `${bundleUrl(bundle)}pagefind.js`)) as PagefindApi;
      // No Web Worker: it would be a second ~14 kB script on the first search, and a search here
      // takes milliseconds even at 10,000 incidents (the budget is 150 kB for a first search).
      await module.options({ ...OPTIONS, noWorker: true });
      return module;
    })();
    loaded.set(bundle, api);
  }
  return api;
}

/** Fetches a JSON file the build wrote beside the bundles; a missing one is an error, as a missing bundle is. */
async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

let incidentParts: Promise<IncidentParts> | undefined;

/** The parts of the incidents bundle (src/lib/search/bundles.ts), as folders under the site's base. */
async function incidentBundles(): Promise<string[]> {
  incidentParts ??= fetchJson<IncidentParts>(`${bundleUrl(SEARCH_BUNDLES.incidents)}${INCIDENT_PARTS_FILE}`);
  const { parts } = await incidentParts;
  return Array.from({ length: parts }, (_, i) => incidentPartBundle(i + 1));
}

/** The bundles each loaded instance searches, by their BUNDLE_FILTER names (src/lib/search/bundles.ts). */
const bundleNames = new WeakMap<PagefindApi, readonly string[]>();

/** The bundles `pagefind` (from loadPagefind) searches, by their BUNDLE_FILTER names: `playbook`, `recent`, `part-1`… */
export function searchedBundles(pagefind: PagefindApi): readonly string[] {
  return bundleNames.get(pagefind) ?? [];
}

/** One bundle with others merged into it (Pagefind searches them all with the first one's WebAssembly). */
async function merged(primary: string, others: readonly string[]): Promise<PagefindApi> {
  const module = await loadBundle(primary);
  if (others.length > 0) {
    // A merged bundle waits for the primary's WebAssembly, which init() loads.
    await module.init();
    for (const other of others) await module.mergeIndex(bundleUrl(other), OPTIONS);
  }
  // Merging only ever adds: the playbook's instance becomes `all` once the parts are merged into it.
  bundleNames.set(module, [...new Set([...searchedBundles(module), ...[primary, ...others].map(bundleFilterName)])]);
  return module;
}

const orders = new Map<string, Promise<OrderRanks>>();

/** The order by `key` over every part of the incidents bundle (src/lib/search/incident-order.ts), on first use. */
function ranksBy(key: string): Promise<OrderRanks> {
  let ranks = orders.get(key);
  if (!ranks) {
    ranks = fetchJson<SortOrder>(`${bundleUrl(SEARCH_BUNDLES.incidents)}${incidentOrderFile(key)}`).then(
      orderRanks,
      (error: unknown) => {
        orders.delete(key); // offline or blocked: ask again next time
        throw error;
      },
    );
    orders.set(key, ranks);
  }
  return ranks;
}

/**
 * The incidents bundle's parts searched as one, with the library's sorts: Pagefind orders the
 * results of merged bundles by score, so a sorted search asks it for the results unsorted and
 * sorts them by the order the build wrote (one sort key at a time, as Pagefind's own sorts).
 */
function withOrders(module: PagefindApi): PagefindApi {
  const sorted = async (
    search: PagefindSearch,
    sort: SearchOptions['sort'],
    ranks: Promise<OrderRanks> | undefined,
  ) => {
    const [direction] = Object.values(sort ?? {});
    return ranks && direction ? { ...search, results: sortByOrder(search.results, await ranks, direction) } : search;
  };
  const split = (options: SearchOptions = {}) => {
    const { sort, ...rest } = options;
    const [key] = Object.keys(sort ?? {});
    // The order's download starts with the search, not after it.
    return { rest, sort, ranks: key === undefined ? undefined : ranksBy(key) };
  };
  const sorting: PagefindApi = {
    options: (options) => module.options(options),
    init: () => module.init(),
    mergeIndex: (bundlePath, options) => module.mergeIndex(bundlePath, options),
    filters: () => module.filters(),
    async search(query, options) {
      const { rest, sort, ranks } = split(options);
      return sorted(await module.search(query, rest), sort, ranks);
    },
    async debouncedSearch(query, options, ms) {
      const { rest, sort, ranks } = split(options);
      const search = await module.debouncedSearch(query, rest, ms);
      return search && sorted(search, sort, ranks);
    },
  };
  bundleNames.set(sorting, searchedBundles(module));
  return sorting;
}

let incidents: Promise<PagefindApi> | undefined;
let everything: Promise<PagefindApi> | undefined;
let recent: Promise<PagefindApi> | undefined;

/**
 * Loads Pagefind for a scope (src/lib/search/bundles.ts), on first use. `incidents` is the
 * incidents bundle's first part with the others merged in, sorted by the written orders. `all`
 * is the playbook's instance with every part merged in, so once a page asked for `all` (the
 * search page), its header box searches everything too. `recent` is the recent bundle's own
 * instance with the playbook merged in: a module instance of its own, so merging it never adds
 * the recent incidents to `all` a second time.
 */
export function loadPagefind(scope: SearchScope): Promise<PagefindApi> {
  switch (scope) {
    case 'incidents':
      incidents ??= incidentBundles().then(([first, ...others]) => merged(first!, others).then(withOrders));
      return incidents;
    case 'playbook':
      return everything ?? merged(SEARCH_BUNDLES.playbook, []);
    case 'recent':
      recent ??= everything ?? merged(SEARCH_BUNDLES.recent, [SEARCH_BUNDLES.playbook]);
      return recent;
    case 'all':
      everything ??= incidentBundles().then((parts) => merged(SEARCH_BUNDLES.playbook, parts));
      return everything;
  }
}

/**
 * Copies a Pagefind excerpt (escaped text with <mark> around hits) into `target` as text
 * nodes and <mark> elements only. DOMParser builds an inert document: nothing in it runs.
 */
export function appendExcerpt(target: HTMLElement, excerpt: string): void {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html').body;
  for (const node of Array.from(parsed.querySelectorAll('p')[0]?.childNodes ?? [])) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      target.append(mark);
    } else {
      target.append(document.createTextNode(node.textContent ?? ''));
    }
  }
}

function badge(text: string, data: Record<string, string>): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = 'badge';
  span.textContent = text;
  Object.assign(span.dataset, data);
  return span;
}

/**
 * One result as a list item: its type badge ("Playbook · Step 3", "Incident"), the severity
 * badge of an incident (the site's one severity badge: colour, number and name), linked title,
 * excerpt.
 */
export function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const type = data.filters['type']?.[0];
  if (type) {
    const kind = data.meta['kind'];
    item.dataset['type'] = type.toLowerCase();
    item.append(badge(kind ? `${type} · ${kind}` : type, { type: type.toLowerCase() }));
  }
  const severity = data.filters['severity']?.[0];
  const severityMark = severity ? severityBadge(severity) : undefined;
  if (severityMark) item.append(' ', severityMark);
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta['title'] ?? data.url;
  item.append(link);
  const excerpt = document.createElement('p');
  appendExcerpt(excerpt, data.excerpt);
  item.append(excerpt);
  return item;
}
