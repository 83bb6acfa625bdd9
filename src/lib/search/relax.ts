/**
 * Relaxed matching: when no page has every word of a query, rank the pages by how many of
 * the words they have, then by Pagefind's score summed over those words (its BM25 score
 * already weighs a rare word above a common one). Pure, so the rule is unit-tested apart from
 * the browser.
 */

/** One page in the results of a one-word search. */
export interface Hit {
  id: string;
  score: number;
}

/** The results of searching one word on its own. */
export interface WordHits {
  word: string;
  hits: readonly Hit[];
}

/** A page of the relaxed results: which of the words it has, and its combined score. */
export interface RankedHit extends Hit {
  matched: string[];
}

export function rankByMatchedWords(perWord: readonly WordHits[]): RankedHit[] {
  const pages = new Map<string, RankedHit>();
  for (const { word, hits } of perWord) {
    for (const hit of hits) {
      const page = pages.get(hit.id) ?? { id: hit.id, score: 0, matched: [] };
      if (!page.matched.includes(word)) {
        page.matched.push(word);
        page.score += hit.score;
      }
      pages.set(hit.id, page);
    }
  }
  return [...pages.values()].sort((a, b) => b.matched.length - a.matched.length || b.score - a.score);
}

/**
 * The words that matched something, most specific first (the fewest pages): the words the
 * notice names in "Showing pages with …".
 */
export function matchedWords(perWord: readonly WordHits[]): string[] {
  return perWord
    .filter((entry) => entry.hits.length > 0)
    .sort((a, b) => a.hits.length - b.hits.length)
    .map((entry) => entry.word);
}

/**
 * The pages in every word's results: those that have all the words. Pagefind's own search for
 * several words is not enough on merged bundles: it drops, from each bundle's search, the words
 * that bundle has no page with, so "cc instead" lists every playbook page with "instead" when
 * only an incident says "cc".
 */
export function pagesWithEvery(perWord: readonly WordHits[]): Set<string> {
  const [first, ...rest] = perWord.map(({ hits }) => new Set(hits.map((hit) => hit.id)));
  return new Set([...(first ?? [])].filter((id) => rest.every((ids) => ids.has(id))));
}
