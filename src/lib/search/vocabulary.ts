import { suggestWord, type VocabularyWord } from './suggest.ts';
import { stem, words } from './tokens.ts';

/**
 * The site's vocabulary: every word the search index holds, with the number of pages that
 * use it. Pagefind does not expose its word list, so the build writes one beside the index,
 * split by first letter, and the browser fetches only the parts of the letters a query uses.
 * It answers two questions Pagefind cannot: does this word match anything at all (Pagefind
 * quietly falls back to a shorter word, so "instagarm" would match every page with "in"), and
 * which real word was probably meant.
 */

/** Folder of the vocabulary files in the built site, next to `pagefind/`. */
export const VOCABULARY_DIR = 'search-vocabulary';

/** Every part the build writes, even an empty one, so the browser never asks for a missing file. */
export const SHARD_KEYS: readonly string[] = [...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''), 'other'];

/** The part of the vocabulary a word lives in: its first letter or digit, `other` for the rest. */
export function shardOf(word: string): string {
  const first = word[0] ?? '';
  return /^[a-z0-9]$/.test(first) ? first : 'other';
}

/** One part of the vocabulary as stored: words, most used first, their page counts and their bundles. */
export interface VocabularyShard {
  words: string[];
  pages: number[];
  /**
   * For each word, the bundles that have it, as a sum of 2^bit (src/lib/search/bundles.ts,
   * `bundleBit`): a search leaves out the bundles that lack one of its words.
   */
  bundles: number[];
}

/** `set` with `bit` added: sets of bundles are sums of powers of two, exact up to 2^53 (bit 52). */
function withBit(set: number, bit: number): number {
  return Math.floor(set / 2 ** bit) % 2 === 1 ? set : set + 2 ** bit;
}

/** Counts, for each word, the pages that contain it, and notes the bundles they are in; one `add` per page. */
export class VocabularyBuilder {
  private readonly counts = new Map<string, number>();
  private readonly bundles = new Map<string, number>();

  /** A page, in the bundles numbered `bits` (src/lib/search/bundles.ts, `bundleBit`). */
  add(bits: readonly number[], ...texts: string[]): void {
    for (const word of distinctWords(texts)) {
      this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
      this.inBundles(word, bits);
    }
  }

  /** A page already added, written into another bundle too (not counted again). */
  alsoIn(bits: readonly number[], ...texts: string[]): void {
    for (const word of distinctWords(texts)) this.inBundles(word, bits);
  }

  private inBundles(word: string, bits: readonly number[]): void {
    this.bundles.set(
      word,
      bits.reduce((set, bit) => withBit(set, bit), this.bundles.get(word) ?? 0),
    );
  }

  /** The vocabulary split by first letter (every key of SHARD_KEYS), each part sorted by use, then alphabetically. */
  shards(): Map<string, VocabularyShard> {
    const byShard = new Map<string, [string, number][]>(SHARD_KEYS.map((key) => [key, []]));
    for (const entry of this.counts) {
      const key = shardOf(entry[0]);
      const list = byShard.get(key) ?? [];
      list.push(entry);
      byShard.set(key, list);
    }
    const shards = new Map<string, VocabularyShard>();
    for (const [key, list] of byShard) {
      list.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      shards.set(key, {
        words: list.map(([word]) => word),
        pages: list.map(([, n]) => n),
        bundles: list.map(([word]) => this.bundles.get(word) ?? 0),
      });
    }
    return shards;
  }
}

function distinctWords(texts: readonly string[]): Set<string> {
  const seen = new Set<string>();
  for (const text of texts) for (const word of words(text)) seen.add(word);
  return seen;
}

/** What the browser knows of the vocabulary: the parts it has fetched so far. */
export class Vocabulary {
  private readonly entries = new Map<string, { list: VocabularyWord[]; stems: string[]; bundles: number[] }>();

  /** Adds a fetched part; `undefined` records a part that does not exist (no word starts so). */
  addShard(key: string, shard: VocabularyShard | undefined): void {
    const list = (shard?.words ?? []).map((word, i) => ({ word, pages: shard?.pages[i] ?? 0 }));
    this.entries.set(key, { list, stems: list.map((entry) => stem(entry.word)), bundles: shard?.bundles ?? [] });
  }

  /**
   * Which of the bundles numbered `bits` can match `word` as Pagefind matches it (the rule of
   * `matches`), or `undefined` when the part it lives in has not been fetched (then every one may).
   */
  bundlesMatching(word: string, bits: readonly number[]): number[] | undefined {
    const entry = this.entries.get(shardOf(word));
    if (!entry) return undefined;
    const wanted = stem(word);
    const found = new Set<number>();
    entry.stems.forEach((s, i) => {
      if (!s.startsWith(wanted)) return;
      const set = entry.bundles[i] ?? 0;
      for (const bit of bits) if (Math.floor(set / 2 ** bit) % 2 === 1) found.add(bit);
    });
    return bits.filter((bit) => found.has(bit));
  }

  /** Whether the part `word` lives in has been added (fetched, or known to be absent). */
  hasShardFor(word: string): boolean {
    return this.entries.has(shardOf(word));
  }

  /**
   * Whether the index can match `word` the way Pagefind matches it: some indexed word has a
   * stem that starts with the stem of `word` ("hack" matches "hacked", "acc" matches "account").
   */
  matches(word: string): boolean {
    const entry = this.entries.get(shardOf(word));
    if (!entry) return true; // not fetched: let Pagefind decide rather than drop the word
    const wanted = stem(word);
    return entry.stems.some((s) => s.startsWith(wanted));
  }

  /** The likeliest intended word for one that matches nothing, if any is close enough. */
  suggest(word: string): string | undefined {
    return suggestWord(word, this.entries.get(shardOf(word))?.list ?? []);
  }
}
