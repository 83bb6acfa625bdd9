import { describe, expect, it } from 'vitest';
import { correctedQuery, parseQuery, planQuery, type WordOracle } from '../../../src/lib/search/query.ts';
import { matchedWords, pagesWithEvery, rankByMatchedWords } from '../../../src/lib/search/relax.ts';
import { words } from '../../../src/lib/search/tokens.ts';

/** A vocabulary of a few words, matched by prefix like Pagefind, with one known typo. */
const oracle = (known: string[], typos: Record<string, string> = {}): WordOracle => ({
  matches: (word) => known.some((k) => k.startsWith(word)),
  suggest: (word) => typos[word],
});

describe('query words', () => {
  it('splits like the index: lower case, apostrophes inside words dropped, possessives cut', () => {
    expect(words("Our CEO's post didn't land — 2FA/TikTok!")).toEqual([
      'our',
      'ceo',
      'post',
      'didnt',
      'land',
      '2fa',
      'tiktok',
    ]);
  });

  it('leaves function words out of the words that must match', () => {
    expect(parseQuery('  Our account got hacked ').content).toEqual(['account', 'hacked']);
    expect(parseQuery('who do I call').content).toEqual(['call']);
    expect(parseQuery('what now').content).toEqual(['now']);
  });

  it('searches a query of function words only as typed', () => {
    expect(parseQuery('who are we').content).toEqual(['who', 'are', 'we']);
  });

  it('keeps the words a question is built on, for the intent', () => {
    expect(parseQuery('should we reply').words).toEqual(['should', 'we', 'reply']);
  });
});

describe('query plan', () => {
  it('drops a word that matches nothing and has no near neighbour', () => {
    const plan = planQuery(parseQuery('our account got hacked yesterday'), oracle(['account', 'hacked']));
    expect(plan.searched).toEqual(['account', 'hacked']);
    expect(plan.unmatched).toEqual(['yesterday']);
    expect(plan.corrections).toEqual([]);
  });

  it('replaces a typo by the nearest word of the site and says how the query reads corrected', () => {
    const plan = planQuery(
      parseQuery('instagarm got hacked'),
      oracle(['instagram', 'hacked'], { instagarm: 'instagram' }),
    );
    expect(plan.searched).toEqual(['instagram', 'hacked']);
    expect(plan.corrections).toEqual([{ from: 'instagarm', to: 'instagram' }]);
    expect(correctedQuery(plan)).toBe('instagram got hacked');
  });

  it('keeps a prefix the index can complete (search as you type)', () => {
    expect(planQuery(parseQuery('insta'), oracle(['instagram'])).searched).toEqual(['insta']);
  });

  it('searches nothing when no word matches', () => {
    const plan = planQuery(parseQuery('qwxzv'), oracle(['instagram']));
    expect(plan.searched).toEqual([]);
    expect(plan.unmatched).toEqual(['qwxzv']);
  });
});

describe('relaxed ranking', () => {
  const perWord = [
    {
      word: 'account',
      hits: [
        { id: 'a', score: 1 },
        { id: 'b', score: 5 },
        { id: 'c', score: 2 },
        { id: 'd', score: 9 },
      ],
    },
    {
      word: 'hacked',
      hits: [
        { id: 'c', score: 3 },
        { id: 'a', score: 1 },
      ],
    },
    {
      word: 'instagram',
      hits: [
        { id: 'c', score: 1 },
        { id: 'e', score: 20 },
      ],
    },
  ];

  it('ranks pages by how many of the words they have, then by summed score', () => {
    const ranked = rankByMatchedWords(perWord);
    expect(ranked.map((r) => r.id)).toEqual(['c', 'a', 'e', 'd', 'b']);
    expect(ranked[0]).toEqual({ id: 'c', score: 6, matched: ['account', 'hacked', 'instagram'] });
    expect(ranked[1]!.matched).toEqual(['account', 'hacked']);
  });

  it('names the words that matched, most specific first, and not those that matched nothing', () => {
    expect(matchedWords([...perWord, { word: 'sofa', hits: [] }])).toEqual(['hacked', 'instagram', 'account']);
  });

  it('counts a page as having every word only when every word found it', () => {
    expect([...pagesWithEvery(perWord)]).toEqual(['c']);
    expect([...pagesWithEvery([...perWord, { word: 'sofa', hits: [] }])]).toEqual([]);
    expect([...pagesWithEvery(perWord.slice(0, 1))].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
