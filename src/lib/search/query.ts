import { isStopword } from './stopwords.ts';
import { words } from './tokens.ts';

/** A query as typed, split into the words that decide which pages match. */
export interface ParsedQuery {
  /** What the reader typed, trimmed: quoted back to them in notices. */
  typed: string;
  /** Every word, function words included (they tell a question from a topic). */
  words: string[];
  /** The words that must match: no function words (unless that is all there is), no repeats. */
  content: string[];
}

export function parseQuery(typed: string): ParsedQuery {
  const all = words(typed);
  const meaningful = all.filter((word) => !isStopword(word));
  return { typed: typed.trim(), words: all, content: [...new Set(meaningful.length > 0 ? meaningful : all)] };
}

/** What the site's vocabulary can say about a word (see src/lib/search/vocabulary.ts). */
export interface WordOracle {
  matches(word: string): boolean;
  suggest(word: string): string | undefined;
}

/** A word that matches nothing, replaced by the closest word of the site. */
export interface Correction {
  from: string;
  to: string;
}

/** What will be searched, and what had to be left out or corrected to get there. */
export interface QueryPlan {
  query: ParsedQuery;
  /** The words handed to Pagefind, in the order typed. */
  searched: string[];
  /** Words no page has and nothing close to: left out. */
  unmatched: string[];
  /** Words no page has, searched as the nearest word instead ("instagarm" → "instagram"). */
  corrections: Correction[];
}

/**
 * Decides what to search for: every word that matches something, the nearest known word for
 * one that does not (a typo), and nothing for a word with no match and no near neighbour, so
 * that a stray word never empties the list.
 */
export function planQuery(query: ParsedQuery, oracle: WordOracle): QueryPlan {
  const searched: string[] = [];
  const unmatched: string[] = [];
  const corrections: Correction[] = [];
  for (const word of query.content) {
    if (oracle.matches(word)) {
      searched.push(word);
      continue;
    }
    const suggestion = oracle.suggest(word);
    if (suggestion) {
      corrections.push({ from: word, to: suggestion });
      if (!searched.includes(suggestion)) searched.push(suggestion);
    } else {
      unmatched.push(word);
    }
  }
  return { query, searched, unmatched, corrections };
}

/** The query as the reader would have typed it with the corrections applied. */
export function correctedQuery(plan: QueryPlan): string {
  const replace = new Map(plan.corrections.map((c) => [c.from, c.to]));
  return plan.query.words
    .filter((word) => !plan.unmatched.includes(word))
    .map((word) => replace.get(word) ?? word)
    .join(' ');
}
