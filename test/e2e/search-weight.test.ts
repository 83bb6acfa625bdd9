import { describe, expect, inject, it } from 'vitest';
import { firstSearchOnPage } from '../../scripts/bench/first-search.ts';
import { SEARCH_BUNDLES } from '../../src/lib/search/bundles.ts';
import { openPage, useBrowser } from '../support/browser.ts';

const siteUrl = inject('siteUrl');

/**
 * A first search, everything it downloads included, must fit a phone on a bad connection:
 * 150 kB (issues 14 and 16), at any library size. It holds at 10,000 post-mortems because the
 * header box searches the playbook's bundle and the bounded recent one (src/lib/search/bundles.ts),
 * which this test checks too: a first search that fetched the full incidents bundle would grow
 * with the library. README, "Search", footnote 2, has the same searches at 10,000
 * (scripts/bench/search-at-scale.ts).
 */
const FIRST_SEARCH_BUDGET = 150 * 1024;

const session = useBrowser();

describe('first search', () => {
  // The benchmark's query, a two-word topic, a question whose first words are function words,
  // and two events, answered by incidents (the heaviest at 10,000: their fragments are long).
  it.each(['refund', 'discount code', 'our account got hacked', 'instagram hacked giveaway', 'ceo linkedin post'])(
    `"%s" transfers at most ${FIRST_SEARCH_BUDGET / 1024} kB`,
    async (query) => {
      const { page, errors } = await openPage(session.context());
      const search = await firstSearchOnPage(page, siteUrl, query);
      console.info(`first search "${query}": ${(search.bytes / 1024).toFixed(1)} kB in ${search.requests} requests`);
      expect(search.results).toBeGreaterThan(0);
      // Pagefind, its index and the search rules were fetched for this search, not before it.
      expect(search.requests).toBeGreaterThan(4);
      expect(search.bytes).toBeLessThanOrEqual(FIRST_SEARCH_BUDGET);
      expect(search.paths.filter((path) => path.includes(`/${SEARCH_BUNDLES.incidents}/`))).toEqual([]);
      // Both bundles the box searches were used: the playbook's index and the recent incidents'.
      for (const bundle of [SEARCH_BUNDLES.playbook, SEARCH_BUNDLES.recent])
        expect(
          search.paths.some((path) => path.startsWith(`/${bundle}/index/`)),
          bundle,
        ).toBe(true);
      expect(errors).toEqual([]);
    },
  );
});
