import { SYNONYM_GROUPS, type SynonymGroup } from '../../schema/synonym-groups.ts';
import { isStopword } from './stopwords.ts';
import { stem, words } from './tokens.ts';

/** A term of the table as the matcher sees it: its stems, in order. */
interface CompiledTerm {
  term: string;
  stems: readonly string[];
  group: number;
}

export interface SynonymMatcher {
  /** Every term of every group that has a term in `text` (or in `extra` phrases), minus those already there. */
  expand(text: string, extra?: readonly string[]): string[];
}

/**
 * Compiles a synonym table for index-time expansion: a page that says "account compromise"
 * is indexed with "hacked", "hijacked", "takeover"… as well, so a reader's own word finds it.
 * Terms are compared by stems, so "hijacked" in the table also catches "hijack" in a page.
 */
export function synonymMatcher(groups: readonly SynonymGroup[] = SYNONYM_GROUPS): SynonymMatcher {
  const byFirstStem = new Map<string, CompiledTerm[]>();
  groups.forEach((terms, group) => {
    for (const term of terms) {
      const stems = words(term).map(stem);
      const first = stems[0];
      if (first === undefined) continue;
      const list = byFirstStem.get(first) ?? [];
      list.push({ term, stems, group });
      byFirstStem.set(first, list);
    }
  });

  return {
    expand(text, extra = []) {
      const found = new Set<number>();
      const present = new Set<string>();
      for (const source of [text, ...extra]) {
        const stems = words(source).map(stem);
        stems.forEach((first, at) => {
          for (const candidate of byFirstStem.get(first) ?? []) {
            if (candidate.stems.every((s, offset) => stems[at + offset] === s)) {
              found.add(candidate.group);
              present.add(candidate.term);
            }
          }
        });
      }
      const added: string[] = [];
      for (const group of [...found].sort((a, b) => a - b))
        for (const term of groups[group] ?? []) if (!present.has(term)) added.push(term);
      return added;
    },
  };
}

let shared: SynonymMatcher | undefined;

/**
 * The words to index alongside a page's own text (its hidden `keywords` field): the synonyms
 * of what it says and of its `aliases`, comma-separated.
 */
export function searchKeywords(text: string, aliases: readonly string[] = []): string {
  shared ??= synonymMatcher();
  return shared.expand(text, aliases).join(', ');
}

/** Something in the synonym table that would not do what its editor meant. */
export interface SynonymTableProblem {
  /** The term at fault, as written in the table. */
  term: string;
  /** Index of its group in the table (0-based). */
  group: number;
  message: string;
}

/**
 * Checks a synonym table for groups that contradict themselves or each other: a term in two
 * groups (after stemming, so "hacked" and "hack" are the same term), the same term twice in a
 * group, a term search can never see (empty, or only function words), a group of one.
 */
export function synonymTableProblems(groups: readonly SynonymGroup[]): SynonymTableProblem[] {
  const problems: SynonymTableProblem[] = [];
  const owner = new Map<string, { group: number; term: string }>();
  groups.forEach((terms, group) => {
    const seen = new Map<string, string>();
    for (const term of terms) {
      const tokens = words(term);
      if (tokens.length === 0 || tokens.every(isStopword)) {
        problems.push({
          term,
          group,
          message: `"${term}" is made only of function words, which search ignores: use a word with a meaning`,
        });
        continue;
      }
      if (term !== term.toLowerCase()) {
        problems.push({ term, group, message: `write "${term}" in lower case: search ignores case` });
      }
      const key = tokens.map(stem).join(' ');
      const twin = seen.get(key);
      if (twin !== undefined) {
        problems.push({
          term,
          group,
          message: `"${term}" is the same search term as "${twin}" in this group (terms are compared by stem): keep one`,
        });
        continue;
      }
      seen.set(key, term);
      const other = owner.get(key);
      if (other && other.group !== group) {
        problems.push({
          term,
          group,
          message: `"${term}" is also in group ${other.group + 1} (as "${other.term}"): a term belongs to one group, or the two groups silently merge`,
        });
      } else {
        owner.set(key, { group, term });
      }
    }
    if (seen.size < 2) {
      problems.push({
        term: terms[0] ?? '',
        group,
        message: `group ${group + 1} has fewer than two different terms: a synonym group needs at least two`,
      });
    }
  });
  return problems;
}
