/**
 * "Did you mean": the closest word of the site's own vocabulary to a word that matches
 * nothing. Pure functions, shared by the browser and the tests.
 */

/**
 * Edit distance with adjacent transpositions (optimal string alignment): "instagarm" is one
 * edit from "instagram", not two as plain Levenshtein counts it. Stops early and returns
 * `max + 1` as soon as the distance must exceed `max`, which keeps a scan of a few thousand
 * vocabulary words per typo cheap. (The common npm packages count a swap as two edits.)
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * How many edits a typo of this length may have: none for short words (every three-letter
 * word is two edits from dozens of others), one from four letters, two from seven.
 */
export function allowedEdits(word: string): number {
  if (word.length <= 3) return 0;
  if (word.length <= 6) return 1;
  return 2;
}

/** A word of the vocabulary and the number of pages that contain it. */
export interface VocabularyWord {
  word: string;
  pages: number;
}

/**
 * The best replacement for `word` among `candidates`: the fewest edits, then the word most
 * pages use. Undefined when nothing is close enough to be a likely typo.
 */
export function suggestWord(word: string, candidates: Iterable<VocabularyWord>): string | undefined {
  const max = allowedEdits(word);
  if (max === 0) return undefined;
  let best: VocabularyWord | undefined;
  let bestDistance = max + 1;
  for (const candidate of candidates) {
    if (candidate.word === word || candidate.word.length < 3) continue;
    const distance = editDistance(word, candidate.word, max);
    if (distance < bestDistance || (distance === bestDistance && best && candidate.pages > best.pages)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= max ? best?.word : undefined;
}
