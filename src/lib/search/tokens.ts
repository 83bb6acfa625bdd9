import stemWord from 'wink-porter2-stemmer';

/**
 * The one way Firebreak splits text into words, at index time (synonym expansion, the
 * vocabulary) and in the browser (the query). It follows what Pagefind does closely enough
 * for both sides to agree on what "a word" is: lower case, letters and digits, apostrophes
 * dropped inside a word ("don't" → "dont", "CEO's" → "ceo").
 */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      // "executive's" → "executive", then "don't" → "dont"
      .replace(/['’]s\b/g, '')
      .replace(/(\p{L})['’](\p{L})/gu, '$1$2')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 0 && word.length <= MAX_WORD_LENGTH)
  );
}

/** Longer "words" are URLs, hashes or run-together text nobody types. */
export const MAX_WORD_LENGTH = 40;

const stems = new Map<string, string>();

/**
 * The English (Porter2) stem of a lower-case word: the same algorithm Pagefind's index uses,
 * so "hacked", "hacking" and "hacks" all become "hack". Memoized: a 10,000-entry library
 * repeats the same few thousand words millions of times.
 */
export function stem(word: string): string {
  let known = stems.get(word);
  if (known === undefined) {
    known = /^\p{N}+$/u.test(word) ? word : stemWord(word);
    stems.set(word, known);
  }
  return known;
}
