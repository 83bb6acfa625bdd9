/**
 * Loads Pagefind's browser API lazily (only once somebody searches) and renders its results
 * without ever handing index text to innerHTML.
 */
import { severityBadge } from './severity-badge.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
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
  search(query: string | null, options?: SearchOptions): Promise<PagefindSearch>;
  debouncedSearch(query: string, options?: SearchOptions, ms?: number): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let api: Promise<PagefindApi> | undefined;

export function loadPagefind(): Promise<PagefindApi> {
  api ??= (async () => {
    const url = `${import.meta.env.BASE_URL.replace(/\/$/, '')}/pagefind/pagefind.js`;
    const module = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await module.options({ excerptLength: 24 });
    return module;
  })();
  return api;
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

/** One result as a list item: type badge, severity badge (incidents), linked title, excerpt. */
export function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const type = data.filters['type']?.[0];
  if (type) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = type;
    item.append(badge);
  }
  const severity = data.filters['severity']?.[0];
  const severityMark = severity ? severityBadge(severity) : undefined;
  if (severityMark) item.append(severityMark);
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta['title'] ?? data.url;
  item.append(link);
  const excerpt = document.createElement('p');
  appendExcerpt(excerpt, data.excerpt);
  item.append(excerpt);
  return item;
}
