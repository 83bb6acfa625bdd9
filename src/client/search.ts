/**
 * Forgiving search: the one search the header box, the search page and the library's text
 * query all run. Pagefind matches pages that have every word of a query; this adds what a
 * reader in a hurry needs around it (the rules themselves are pure, in src/lib/search/):
 * function words never decide, a word no page has is corrected to the nearest word of the
 * site or left out, a query no page fully matches is relaxed to the pages with the most of
 * its words, and how-to questions rank the playbook first while events rank incidents first.
 */
import { favoured, queryIntent } from '../lib/search/intent.ts';
import { parseQuery, planQuery, type QueryPlan } from '../lib/search/query.ts';
import { matchedWords, pagesWithEvery, rankByMatchedWords, type WordHits } from '../lib/search/relax.ts';
import { SHARD_KEYS, VOCABULARY_DIR, Vocabulary, shardOf, type VocabularyShard } from '../lib/search/vocabulary.ts';
import { BUNDLE_FILTER, bundleBit, type SearchScope } from '../lib/search/bundles.ts';
import { withBase } from '../lib/paths.ts';
import {
  loadPagefind,
  searchedBundles,
  type PagefindApi,
  type PagefindResult,
  type PagefindSearch,
  type SearchOptions,
} from './pagefind.ts';

export interface ForgivingSearchOptions extends SearchOptions {
  /** Which bundles to search (src/lib/search/bundles.ts). */
  scope: SearchScope;
  /** Re-rank by what the query asks for (playbook first for how-to questions). Off where only incidents are listed. */
  rankByIntent?: boolean;
  /**
   * Below this many pages with every word, pages with some of the words follow them (default 3,
   * so a question finds its answer even when one word is missing from it). The library uses 1:
   * it lists matches, and adds partial ones only when nothing matches fully.
   */
  enough?: number;
}

export interface ForgivingSearch {
  plan: QueryPlan;
  /** True when no page has every searched word and the results are pages with some of them. */
  relaxed: boolean;
  /** The words the results were found with, most specific first (named in the relaxed notice). */
  matched: string[];
  /** The results, best first. */
  results: PagefindResult[];
  /** For each id, how many of the searched words the page has (all of them unless relaxed). */
  matchedCount: Map<string, number>;
  /** Pagefind's facet counts, when the results came from one search (not from merging one-word searches). */
  filters?: Record<string, Record<string, number>>;
}

const vocabulary = new Vocabulary();
const shards = new Map<string, Promise<void>>();

/** Fetches the vocabulary parts for these words (once each; a failed fetch leaves Pagefind in charge). */
async function loadVocabulary(words: readonly string[]): Promise<void> {
  const keys = [...new Set(words.map(shardOf))].filter((key) => SHARD_KEYS.includes(key));
  await Promise.all(
    keys.map((key) => {
      let pending = shards.get(key);
      if (!pending) {
        pending = fetchShard(key).then(
          (shard) => vocabulary.addShard(key, shard),
          () => {
            shards.delete(key); // offline or blocked: try again next time, decide without it now
          },
        );
        shards.set(key, pending);
      }
      return pending;
    }),
  );
}

async function fetchShard(key: string): Promise<VocabularyShard> {
  const url = withBase(`${VOCABULARY_DIR}/${key}.vocab`);
  // Revalidate: the file keeps its name from build to build.
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok || !response.body) throw new Error(`vocabulary ${key}: HTTP ${response.status}`);
  const text = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
  return JSON.parse(text) as VocabularyShard;
}

const NOTHING: PagefindSearch = { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} };

/**
 * Searches `words` in the bundles of `pagefind` that have every one of them (src/lib/search/bundles.ts,
 * BUNDLE_FILTER): a bundle without one would answer with pages matching a shorter word.
 * Where the vocabulary part of a word is not known, every bundle may have it.
 */
async function searchWhereFound(
  pagefind: PagefindApi,
  words: readonly string[],
  options: SearchOptions,
): Promise<PagefindSearch> {
  const names = searchedBundles(pagefind);
  let bits = names.map(bundleBit);
  for (const word of words) {
    const found = vocabulary.bundlesMatching(word, bits);
    if (found) bits = found;
  }
  const term = words.join(' ');
  // Every bundle has the words (or the instance's bundles are unknown): nothing to leave out.
  if (bits.length === names.length) return pagefind.search(term, options);
  if (bits.length === 0) return NOTHING;
  const within = names.filter((name) => bits.includes(bundleBit(name)));
  return pagefind.search(term, { ...options, filters: { ...options.filters, [BUNDLE_FILTER]: { any: within } } });
}

const playbookIds = new WeakMap<PagefindApi, Promise<Set<string>>>();

/** Ids of all playbook pages (a filter-only search, once per instance), to tell them from incidents before loading any result. */
function playbookPages(pagefind: PagefindApi): Promise<Set<string>> {
  let ids = playbookIds.get(pagefind);
  if (!ids) {
    ids = pagefind
      .search(null, { filters: { type: ['Playbook'] } })
      .then((search) => new Set(search.results.map((result) => result.id)));
    playbookIds.set(pagefind, ids);
  }
  return ids;
}

export async function forgivingSearch(typed: string, options: ForgivingSearchOptions): Promise<ForgivingSearch> {
  const { rankByIntent = false, enough = 3, scope, ...pagefindOptions } = options;
  const query = parseQuery(typed);
  const [pagefind] = await Promise.all([loadPagefind(scope), loadVocabulary(query.content)]);
  const plan = planQuery(query, vocabulary);
  const none: ForgivingSearch = { plan, relaxed: false, matched: [], results: [], matchedCount: new Map() };
  if (plan.searched.length === 0) return none;

  const all = await searchWhereFound(pagefind, plan.searched, pagefindOptions);
  // Each word on its own too (the index chunks are loaded by now, so this costs no download):
  // Pagefind leaves out of a search any word one of its merged bundles lacks, so its results
  // for several words can hold pages without some of them; only pages in every word's results
  // have them all. The same searches rank the pages with some of the words below.
  const perWord =
    plan.searched.length > 1
      ? await Promise.all(
          plan.searched.map(async (word) => ({
            word,
            search: await searchWhereFound(pagefind, [word], pagefindOptions),
          })),
        )
      : [];
  const hits: WordHits[] = perWord.map(({ word, search }) => ({ word, hits: search.results }));
  const every = perWord.length > 0 ? pagesWithEvery(hits) : undefined;
  let results = every ? all.results.filter((result) => every.has(result.id)) : all.results;
  let filters: Record<string, Record<string, number>> | undefined =
    results.length === all.results.length ? all.filters : undefined;
  let relaxed = false;
  let matched = plan.searched;
  const matchedCount = new Map<string, number>();
  for (const result of results) matchedCount.set(result.id, plan.searched.length);
  if (results.length < enough && perWord.length > 0) {
    // No page (or hardly any) has every word: rank pages by how many of the words they have.
    // Pages with all of them stay first; the rest follow, so the list is never empty for a stray word.
    const byId = new Map(perWord.flatMap(({ search }) => search.results.map((result) => [result.id, result])));
    const full = new Set(results.map((result) => result.id));
    const ranked = rankByMatchedWords(hits).filter((hit) => !full.has(hit.id));
    if (pagefindOptions.sort) {
      // An explicit sort keeps its order within each tier of "how many words it has": the
      // order of everything under these filters, from one search with no words.
      const everything = await pagefind.search(null, pagefindOptions);
      const order = new Map(everything.results.map((result, i) => [result.id, i]));
      ranked.sort((a, b) => b.matched.length - a.matched.length || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    }
    if (ranked.length > 0) {
      results = [...results, ...ranked.map((hit) => byId.get(hit.id)!)];
      for (const hit of ranked) matchedCount.set(hit.id, hit.matched.length);
      filters = undefined;
      if (full.size === 0) {
        relaxed = true;
        matched = matchedWords(hits);
      }
    }
  }

  if (rankByIntent && !pagefindOptions.sort && results.length > 1) {
    const intent = queryIntent(query.words);
    if (intent !== 'topic') {
      const playbook = await playbookPages(pagefind);
      const first = (result: PagefindResult) => (favoured(intent, playbook.has(result.id)) ? 1 : 0);
      // Stable: within "has as many words" and "favoured or not", relevance order stands.
      results = [...results].sort(
        (a, b) => (matchedCount.get(b.id) ?? 0) - (matchedCount.get(a.id) ?? 0) || first(b) - first(a),
      );
    }
  }
  return {
    plan,
    relaxed: relaxed || plan.unmatched.length > 0,
    matched,
    results,
    matchedCount,
    ...(filters ? { filters } : {}),
  };
}

const members = new Map<string, Promise<Set<string>>>();

/**
 * Facet counts for relaxed results, which Pagefind cannot count (it counts pages with every
 * word): for each value, how many of `ids` carry it. Each value's pages come from one
 * filter-only search, kept for the life of the page.
 */
export async function countFacets(
  scope: SearchScope,
  ids: readonly string[],
  values: Record<string, Record<string, number>>,
): Promise<Record<string, Record<string, number>>> {
  const pagefind = await loadPagefind(scope);
  const wanted = new Set(ids);
  const counts: Record<string, Record<string, number>> = {};
  await Promise.all(
    Object.entries(values).flatMap(([facet, options]) =>
      facet === BUNDLE_FILTER
        ? []
        : Object.keys(options).map(async (value) => {
            const key = JSON.stringify([scope, facet, value]);
            let pages = members.get(key);
            if (!pages) {
              pages = pagefind
                .search(null, { filters: { [facet]: [value] } })
                .then((search) => new Set(search.results.map((result) => result.id)));
              members.set(key, pages);
            }
            let n = 0;
            for (const id of await pages) if (wanted.has(id)) n++;
            (counts[facet] ??= {})[value] = n;
          }),
    ),
  );
  return counts;
}
