/**
 * The incident library's faceted search. The page works without it (a plain list, newest
 * first); with it, Pagefind's filters, counts and sorts take over, and the whole view lives in
 * the URL so it can be shared, reloaded and navigated with the back button.
 */
import { formatMinutes } from '../lib/analysis/durations.ts';
import { formatDate } from '../lib/format.ts';
import { severityBadge } from './severity-badge.ts';
import { LIBRARY_FACETS, LIBRARY_SORTS, compareFacetValues, facetValueLabel } from '../lib/library-facets.ts';
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

export function startLibrary(): void {
  const form = document.querySelector<HTMLFormElement>('[data-library]');
  const status = document.querySelector<HTMLElement>('[data-library-status]');
  const list = document.querySelector<HTMLOListElement>('[data-library-results]');
  const more = document.querySelector<HTMLButtonElement>('[data-library-more]');
  const pager = document.querySelector<HTMLElement>('[data-library-pager]');
  const clear = document.querySelector<HTMLButtonElement>('[data-library-clear]');
  const sheet = document.querySelector<HTMLDialogElement>('[data-library-sheet]');
  const openSheet = document.querySelector<HTMLButtonElement>('[data-library-open]');
  const closeSheet = document.querySelector<HTMLButtonElement>('[data-library-close]');
  const showButton = document.querySelector<HTMLButtonElement>('[data-library-show]');
  const chips = document.querySelector<HTMLUListElement>('[data-library-chips]');
  const activeCount = document.querySelector<HTMLElement>('[data-library-active-count]');
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
      const values = Object.keys(all[facet.filter] ?? {}).sort((a, b) => compareFacetValues(facet.filter, a, b));
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
          text.textContent = facetValueLabel(facet.filter, value);
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

  /** The same card as src/components/incident/IncidentCard.astro, from the index record. */
  function card(data: PagefindResultData): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'incident-card';
    const link = document.createElement('a');
    link.href = data.url;
    link.textContent = data.meta['title'] ?? data.url;
    const meta = document.createElement('p');
    meta.className = 'meta incident-card__meta';
    const badge = severityBadge(data.filters['severity']?.[0] ?? '');
    if (badge) meta.append(badge);
    const ttfr = data.meta['ttfr'];
    const date = data.meta['date'];
    item.dataset['ttfr'] = ttfr ?? '';
    item.dataset['date'] = date ?? '';
    const facts = document.createElement('span');
    if (date) {
      const time = document.createElement('time');
      time.dateTime = date;
      time.textContent = formatDate(new Date(`${date}T00:00:00Z`));
      facts.append(time, ' · ');
    }
    facts.append(
      [
        ttfr === undefined ? 'no public response' : `first response ${formatMinutes(Number(ttfr))} after detection`,
        (data.filters['platform'] ?? []).join(', '),
      ]
        .filter(Boolean)
        .join(' · '),
    );
    meta.append(facts);
    const text = document.createElement('p');
    if (queryInput.value.trim()) appendExcerpt(text, data.excerpt);
    else text.textContent = data.meta['summary'] ?? '';
    item.append(link, meta, text);
    return item;
  }

  /** Appends the next batch of cards; the first batch of a search replaces the list. */
  async function showMore(run: number, replace = false) {
    const batch = results.slice(shown, shown + BATCH);
    const datas = await Promise.all(batch.map((result) => result.data()));
    if (run !== generation) return false;
    if (replace) list!.replaceChildren();
    list!.append(...datas.map(card));
    shown += batch.length;
    more!.hidden = shown >= results.length;
    return true;
  }

  async function run(state: ViewState) {
    const current = ++generation;
    const pagefind = await loadPagefind('incidents');
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
    const found = state.q ? await forgivingSearch(state.q, { ...options, scope: 'incidents', enough: 1 }) : undefined;
    const search = found ? undefined : await pagefind.search(null, options);
    const counts =
      search?.filters ??
      found?.filters ??
      (await countFacets(
        'incidents',
        found!.results.map((result) => result.id),
        all,
      ));
    if (current !== generation) return;
    renderFacets(state, all, counts);
    notices.replaceChildren(...(found ? searchNotices(found, (q) => stateToQuery({ ...state, q })) : []));
    results = found ? found.results : search!.results;
    shown = 0;
    const n = results.length;
    const filtered = state.q || Object.keys(state.filters).length > 0;
    if (showButton) showButton.textContent = `Show ${n} incident${n === 1 ? '' : 's'}`;
    renderChips(state);
    // The count and the cards change together, so the count never describes another list.
    if (!(await showMore(current, true))) return;
    status!.textContent = `${n} incident${n === 1 ? '' : 's'}${filtered ? ' match' : ''}.`;
    // The filtered list is ready: a filtered link may now show it (see Library.astro).
    document.documentElement.classList.remove('library-pending');
  }

  /** One removable chip per ticked filter value, and the number of them on the Filters button. */
  function renderChips(state: ViewState) {
    const active = LIBRARY_FACETS.flatMap((facet) =>
      (state.filters[facet.filter] ?? []).map((value) => ({ facet, value })),
    );
    if (activeCount) activeCount.textContent = active.length ? String(active.length) : '';
    chips?.replaceChildren(
      ...active.map(({ facet, value }) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        const shown = facetValueLabel(facet.filter, value);
        button.textContent = `${shown} ✕`;
        button.setAttribute('aria-label', `Remove filter ${facet.label}: ${shown}`);
        button.addEventListener('click', () => {
          for (const box of form!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked'))
            if (box.name === facet.filter && box.value === value) box.checked = false;
          apply(true);
          (chips.querySelector('button') ?? openSheet)?.focus();
        });
        item.append(button);
        return item;
      }),
    );
  }

  function apply(push: boolean) {
    const state = currentState();
    const url = stateToQuery(state);
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    show(state);
  }

  function restore() {
    const state = readState();
    queryInput.value = state.q;
    sortSelect.value = state.sort;
    show(state);
  }

  /** Runs a view; if Pagefind cannot load, says so over the plain list, which stays. */
  function show(state: ViewState) {
    void run(state).catch(() => {
      document.documentElement.classList.remove('library-pending');
      status!.textContent = navigator.onLine
        ? 'Filters are unavailable right now; the list below is every incident, newest first.'
        : 'You are offline: filters need the network. The list below is every incident, newest first.';
    });
  }

  form.hidden = false;
  if (pager) pager.hidden = true;
  // On a phone the facets open as a modal sheet; on a wide screen they are the filter column.
  const wide = window.matchMedia('(min-width: 60rem)');
  openSheet?.addEventListener('click', () => sheet?.showModal());
  closeSheet?.addEventListener('click', () => sheet?.close());
  showButton?.addEventListener('click', () => sheet?.close());
  sheet?.addEventListener('close', () => openSheet?.focus());
  wide.addEventListener('change', () => {
    if (wide.matches && sheet?.open) sheet.close();
  });
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
  // The page already lists every incident, newest first, with the facets' counts: Pagefind (its
  // WebAssembly, the incidents bundle's page table and filters, hundreds of kB at 10,000
  // entries) loads for a link with a selection, or when the reader first uses the controls.
  if (window.location.search.length > 1) restore();
}
