/**
 * Loads Pagefind's browser API lazily (only once somebody searches), one instance per search
 * bundle, and renders its results without ever handing index text to innerHTML.
 */
import { SEARCH_BUNDLES, type SearchScope } from '../lib/search/bundles.ts';
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

const bundleUrl = (bundle: string) => `${import.meta.env.BASE_URL.replace(/\/$/, '')}/${bundle}/`;

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

/** One bundle with another merged into it (Pagefind searches both with the first one's WebAssembly). */
async function merged(primary: string, other: string): Promise<PagefindApi> {
  const module = await loadBundle(primary);
  // A merged bundle waits for the primary's WebAssembly, which init() loads.
  await module.init();
  await module.mergeIndex(bundleUrl(other), OPTIONS);
  return module;
}

let everything: Promise<PagefindApi> | undefined;
let recent: Promise<PagefindApi> | undefined;

/**
 * Loads Pagefind for a scope (src/lib/search/bundles.ts), on first use. `all` is the playbook's
 * instance with the incidents bundle merged in, so once a page asked for `all` (the search
 * page), its header box searches everything too. `recent` is the recent bundle's own instance
 * with the playbook merged in: a module instance of its own, so merging it never adds the
 * recent incidents to `all` a second time.
 */
export function loadPagefind(scope: SearchScope): Promise<PagefindApi> {
  switch (scope) {
    case 'incidents':
      return loadBundle(SEARCH_BUNDLES.incidents);
    case 'playbook':
      return everything ?? loadBundle(SEARCH_BUNDLES.playbook);
    case 'recent':
      recent ??= everything ?? merged(SEARCH_BUNDLES.recent, SEARCH_BUNDLES.playbook);
      return recent;
    case 'all':
      everything ??= merged(SEARCH_BUNDLES.playbook, SEARCH_BUNDLES.incidents);
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
