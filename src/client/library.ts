/**
 * The incident library's faceted search. The page works without it (a plain list, newest
 * first); with it, Pagefind's filters, counts and sorts take over, and the whole view lives in
 * the URL so it can be shared, reloaded and navigated with the back button.
 */
import { formatMinutes } from '../lib/analysis/durations.ts';
import { LIBRARY_FACETS, LIBRARY_SORTS } from '../lib/library-facets.ts';
import { loadPagefind, appendExcerpt, type PagefindResult, type PagefindResultData } from './pagefind.ts';
import { countFacets, forgivingSearch } from './search.ts';
import { searchNotices } from './search-notice.ts';

const BATCH = 20;

interface ViewState {
  q: string;
  sort: string;
  filters: Record<string, string[]>;
}

function readState(): ViewState {
  const params = new URLSearchParams(window.location.search);
  const filters: Record<string, string[]> = {};
  for (const facet of LIBRARY_FACETS) {
    const values = params.getAll(facet.filter);
    if (values.length) filters[facet.filter] = values;
  }
  const sort = params.get('sort') ?? '';
  return { q: params.get('q') ?? '', sort: sort in LIBRARY_SORTS ? sort : '', filters };
}

function stateToQuery(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of LIBRARY_FACETS)
    for (const value of state.filters[facet.filter] ?? []) params.append(facet.filter, value);
  if (state.sort) params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : window.location.pathname;
}

/** Natural order for facet values: numbers numerically, "Step 10" after "Step 9", years newest first. */
function compareValues(facet: string, a: string, b: string): number {
  if (facet === 'year') return b.localeCompare(a);
  return a.localeCompare(b, 'en', { numeric: true });
}

export function startLibrary(): void {
  const form = document.querySelector<HTMLFormElement>('[data-library]');
  const status = document.querySelector<HTMLElement>('[data-library-status]');
  const list = document.querySelector<HTMLOListElement>('[data-library-results]');
  const more = document.querySelector<HTMLButtonElement>('[data-library-more]');
  const pager = document.querySelector<HTMLElement>('[data-library-pager]');
  const clear = document.querySelector<HTMLButtonElement>('[data-library-clear]');
  if (!form || !status || !list || !more) return;
  const queryInput = form.elements.namedItem('q') as HTMLInputElement;
  const sortSelect = form.elements.namedItem('sort') as HTMLSelectElement;

  let results: PagefindResult[] = [];
  let shown = 0;
  let generation = 0;
  let allValues: Record<string, Record<string, number>> | undefined;
  // What the text query search did with the words ("No page has all of …"), above the count.
  const notices = document.createElement('div');
  notices.dataset['libraryNotices'] = '';
  status.before(notices);

  const currentState = (): ViewState => {
    const filters: Record<string, string[]> = {};
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
      const facet = box.name;
      (filters[facet] ??= []).push(box.value);
    }
    return { q: queryInput.value.trim(), sort: sortSelect.value, filters };
  };

  function renderFacets(
    state: ViewState,
    all: Record<string, Record<string, number>>,
    counts: Record<string, Record<string, number>>,
  ) {
    for (const facet of LIBRARY_FACETS) {
      const box = form!.querySelector<HTMLElement>(
        `fieldset[data-facet="${CSS.escape(facet.filter)}"] .library-facets__options`,
      );
      if (!box) continue;
      const values = Object.keys(all[facet.filter] ?? {}).sort((a, b) => compareValues(facet.filter, a, b));
      const selected = new Set(state.filters[facet.filter] ?? []);
      box.replaceChildren(
        ...values.map((value) => {
          const label = document.createElement('label');
          const input = document.createElement('input');
          input.type = 'checkbox';
          input.name = facet.filter;
          input.value = value;
          input.checked = selected.has(value);
          const count = counts[facet.filter]?.[value] ?? 0;
          const text = document.createElement('span');
          text.textContent = facet.filter === 'step' ? `Step ${value}` : value;
          const number = document.createElement('span');
          number.className = 'count';
          number.dataset['count'] = String(count);
          number.textContent = ` (${count})`;
          label.append(input, text, number);
          if (count === 0 && !input.checked) label.classList.add('is-empty');
          return label;
        }),
      );
      (box.closest('fieldset') as HTMLElement).hidden = values.length === 0;
    }
  }

  function card(data: PagefindResultData): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'incident-card';
    const link = document.createElement('a');
    link.href = data.url;
    link.textContent = data.meta['title'] ?? data.url;
    const meta = document.createElement('p');
    meta.className = 'meta';
    const parts = [data.meta['date'], data.meta['severity'] && `Severity ${data.meta['severity']}`];
    const ttfr = data.meta['ttfr'];
    item.dataset['ttfr'] = ttfr ?? '';
    item.dataset['date'] = data.meta['date'] ?? '';
    parts.push(
      ttfr === undefined ? 'no public response' : `first response ${formatMinutes(Number(ttfr))} after detection`,
    );
    parts.push((data.filters['platform'] ?? []).join(', '));
    meta.textContent = parts.filter(Boolean).join(' · ');
    const text = document.createElement('p');
    if (queryInput.value.trim()) appendExcerpt(text, data.excerpt);
    else text.textContent = data.meta['summary'] ?? '';
    item.append(link, meta, text);
    return item;
  }

  async function showMore(run: number) {
    const batch = results.slice(shown, shown + BATCH);
    const datas = await Promise.all(batch.map((result) => result.data()));
    if (run !== generation) return;
    list!.append(...datas.map(card));
    shown += batch.length;
    more!.hidden = shown >= results.length;
  }

  async function run(state: ViewState) {
    const current = ++generation;
    const pagefind = await loadPagefind();
    // Ask for the full value lists before searching: Pagefind reuses its counting state, and
    // calling filters() after search() zeroes the counts of that search.
    allValues ??= await pagefind.filters();
    const all = allValues;
    const filters: Record<string, { any: string[] } | string[]> = { type: ['Incident'] };
    for (const [facet, values] of Object.entries(state.filters)) filters[facet] = { any: values };
    const sort = state.sort ? LIBRARY_SORTS[state.sort] : state.q ? undefined : LIBRARY_SORTS['date-desc'];
    const options = { filters, ...(sort ? { sort } : {}) };
    // A text query follows the site's search rules (function words, typos, relaxation);
    // browsing by facets alone is a plain filter search.
    const found = state.q ? await forgivingSearch(state.q, { ...options, enough: 1 }) : undefined;
    const search = found ? undefined : await pagefind.search(null, options);
    const counts =
      search?.filters ??
      found?.filters ??
      (await countFacets(
        found!.results.map((result) => result.id),
        all,
      ));
    if (current !== generation) return;
    renderFacets(state, all, counts);
    notices.replaceChildren(...(found ? searchNotices(found, (q) => stateToQuery({ ...state, q })) : []));
    results = found ? found.results : search!.results;
    shown = 0;
    list!.replaceChildren();
    const n = results.length;
    const filtered = state.q || Object.keys(state.filters).length > 0;
    status!.textContent = `${n} incident${n === 1 ? '' : 's'}${filtered ? ' match' : ''}.`;
    await showMore(current);
  }

  function apply(push: boolean) {
    const state = currentState();
    const url = stateToQuery(state);
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    void run(state);
  }

  function restore() {
    const state = readState();
    queryInput.value = state.q;
    sortSelect.value = state.sort;
    void run(state).catch(() => {
      status!.textContent = 'Search is unavailable right now; the list below is newest first.';
    });
  }

  form.hidden = false;
  // On a phone the filters would push the results off the screen: start them folded there.
  const filters = form.querySelector<HTMLDetailsElement>('[data-library-filters]');
  if (filters && !window.matchMedia('(min-width: 60rem)').matches) filters.open = false;
  if (pager) pager.hidden = true;
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).matches('input[type="checkbox"], select')) apply(true);
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  queryInput.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => apply(false), 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply(true);
  });
  clear?.addEventListener('click', () => {
    queryInput.value = '';
    sortSelect.value = '';
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = false;
    apply(true);
  });
  more.addEventListener('click', () => void showMore(generation));
  window.addEventListener('popstate', restore);
  restore();
}
