/**
 * The lines above a result list that say what the search did with the query: which words it
 * left out ("No page has all of: …") and which typo it corrected ("Did you mean …?").
 * Text nodes only: the query is the reader's own input and never becomes markup.
 */
import { correctedQuery } from '../lib/search/query.ts';
import type { ForgivingSearch } from './search.ts';

const quote = (text: string) => `“${text}”`;

/** `hrefFor` turns a query into the link that runs it on the current page. */
export function searchNotices(search: ForgivingSearch, hrefFor: (query: string) => string): HTMLParagraphElement[] {
  const notices: HTMLParagraphElement[] = [];
  const { plan } = search;
  if (plan.corrections.length > 0) {
    const p = document.createElement('p');
    p.className = 'search-notice';
    p.dataset['searchSuggestion'] = '';
    const link = document.createElement('a');
    const corrected = correctedQuery(plan);
    link.href = hrefFor(corrected);
    link.textContent = corrected;
    const missing = plan.corrections.map((c) => quote(c.from)).join(', ');
    const used = plan.corrections.map((c) => quote(c.to)).join(', ');
    p.append('Did you mean ', link, `? No page has ${missing}, so these results use ${used}.`);
    notices.push(p);
  }
  if (search.relaxed && search.results.length > 0) {
    const p = document.createElement('p');
    p.className = 'search-notice';
    p.dataset['searchRelaxed'] = '';
    p.textContent = `No page has all of: ${plan.query.typed}. Showing pages with ${search.matched.join(', ')}.`;
    notices.push(p);
  }
  return notices;
}
