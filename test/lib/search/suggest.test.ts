import { describe, expect, it } from 'vitest';
import { allowedEdits, editDistance, suggestWord } from '../../../src/lib/search/suggest.ts';
import { Vocabulary, VocabularyBuilder, SHARD_KEYS, shardOf } from '../../../src/lib/search/vocabulary.ts';

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and a swap of neighbours as one edit each', () => {
    expect(editDistance('acount', 'account')).toBe(1);
    expect(editDistance('accounts', 'account')).toBe(1);
    expect(editDistance('tiktak', 'tiktok')).toBe(1);
    expect(editDistance('instagarm', 'instagram')).toBe(1);
    expect(editDistance('hakced', 'hacked')).toBe(1);
    expect(editDistance('linkdin', 'linkedin')).toBe(1);
    expect(editDistance('misinfromation', 'misinformation')).toBe(1);
    expect(editDistance('storm', 'storm')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('gives up past the bound', () => {
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('allows no edit for short words, one for medium, two for long ones', () => {
    expect([allowedEdits('ceo'), allowedEdits('storm'), allowedEdits('instagarm')]).toEqual([0, 1, 2]);
  });
});

describe('did you mean', () => {
  const vocabulary = [
    { word: 'instagram', pages: 5 },
    { word: 'install', pages: 1 },
    { word: 'in', pages: 28 },
    { word: 'storm', pages: 2 },
    { word: 'store', pages: 6 },
  ];

  it('finds the word that was meant', () => {
    expect(suggestWord('instagarm', vocabulary)).toBe('instagram');
    expect(suggestWord('intsagram', vocabulary)).toBe('instagram');
  });

  it('prefers the word more pages use when two are as close', () => {
    expect(suggestWord('stora', vocabulary)).toBe('store');
  });

  it('suggests nothing for a short word or one far from every word', () => {
    expect(suggestWord('ceo', vocabulary)).toBeUndefined();
    expect(suggestWord('qwxzvbn', vocabulary)).toBeUndefined();
  });
});

describe('vocabulary', () => {
  const builder = new VocabularyBuilder();
  // Pages of the playbook (bit 0), of part 1 (bit 2) and of part 2 (bit 3), one also in the recent bundle (bit 1).
  builder.add([2, 1], 'The Instagram account was hacked. Instagram! Instagram!');
  builder.add([3], 'Hacked again, in the night');
  builder.add([0], 'Ünïcode ok');
  builder.alsoIn([3], 'Instagram again');
  const shards = builder.shards();

  it('counts pages, not occurrences, and files every word under its first letter', () => {
    expect(shards.get('i')).toMatchObject({ words: ['in', 'instagram'], pages: [1, 1] });
    expect(shards.get('h')).toMatchObject({ words: ['hacked'], pages: [2] });
    expect(shards.get('other')?.words).toEqual(['ünïcode']);
    expect(shardOf('2fa')).toBe('2');
  });

  it('has a part for every key, even an empty one', () => {
    expect([...shards.keys()].sort()).toEqual([...SHARD_KEYS].sort());
    expect(shards.get('q')).toEqual({ words: [], pages: [], bundles: [] });
  });

  it('notes the bundles each word is in, as a sum of powers of two, without counting a page twice', () => {
    expect(shards.get('i')?.bundles).toEqual([2 ** 3, 2 ** 1 + 2 ** 2 + 2 ** 3]); // "in", "instagram"
    expect(shards.get('h')).toEqual({ words: ['hacked'], pages: [2], bundles: [2 ** 1 + 2 ** 2 + 2 ** 3] });
    expect(shards.get('a')).toMatchObject({ words: ['account', 'again'], pages: [1, 1], bundles: [6, 8] });
  });

  it('tells which bundles can match a word, by stem and prefix, and nothing for a part not fetched', () => {
    const known = new Vocabulary();
    for (const [key, shard] of shards) known.addShard(key, shard);
    expect(known.bundlesMatching('hacking', [0, 1, 2, 3])).toEqual([1, 2, 3]);
    expect(known.bundlesMatching('acc', [0, 1, 2, 3])).toEqual([1, 2]);
    expect(known.bundlesMatching('night', [0, 2])).toEqual([]);
    expect(known.bundlesMatching('ünï', [0, 1])).toEqual([0]);
    expect(known.bundlesMatching('zebra', [0, 1])).toEqual([]);
    expect(new Vocabulary().bundlesMatching('hacked', [0, 1])).toBeUndefined();
  });

  it('matches a word the way Pagefind does, by stem and prefix, and not by a shorter word', () => {
    const known = new Vocabulary();
    for (const [key, shard] of shards) known.addShard(key, shard);
    expect(known.matches('hacking')).toBe(true); // stem "hack" of "hacked"
    expect(known.matches('insta')).toBe(true); // a prefix, as typed so far
    expect(known.matches('instagarm')).toBe(false); // though "in" is a word
    expect(known.suggest('instagarm')).toBe('instagram');
  });

  it('lets Pagefind decide for a part it has not fetched', () => {
    expect(new Vocabulary().matches('anything')).toBe(true);
  });
});
