import { describe, expect, it } from 'vitest';
import { synonymProblems } from '../../../src/lib/content-check/synonyms.ts';
import { searchKeywords, synonymMatcher, synonymTableProblems } from '../../../src/lib/search/synonyms.ts';
import { SYNONYM_GROUPS } from '../../../src/schema/synonyms.ts';

describe('synonym expansion at index time', () => {
  const matcher = synonymMatcher([
    ['hacked', 'compromised', 'hijacked', 'takeover', 'taken over'],
    ['coupon', 'promo code', 'discount code'],
    ['storm', 'weather'],
  ]);

  it('adds the other terms of a group to a text that uses one of them', () => {
    expect(matcher.expand('Our Instagram was compromised overnight.')).toEqual([
      'hacked',
      'hijacked',
      'takeover',
      'taken over',
    ]);
  });

  it('matches by stem, so any inflection of a term counts', () => {
    expect(matcher.expand('attackers hijack the account')).toContain('hacked');
    expect(matcher.expand('a hacking attempt')).toContain('compromised');
    expect(matcher.expand('two coupons')).toContain('promo code');
  });

  it('matches phrases only as whole phrases, in order', () => {
    expect(matcher.expand('the account was taken over by scammers')).toContain('hacked');
    expect(matcher.expand('we were taken aback; it was over')).toEqual([]);
    expect(matcher.expand('a discount code went viral')).toEqual(['coupon', 'promo code']);
    expect(matcher.expand('a code for a discount')).toEqual([]);
  });

  it('expands several groups at once and nothing for unrelated text', () => {
    expect(matcher.expand('a storm pun and a promo code')).toEqual(['coupon', 'discount code', 'weather']);
    expect(matcher.expand('sofa delivery delay')).toEqual([]);
  });

  it('expands the aliases of a page too', () => {
    expect(matcher.expand('nothing here', ['bad weather'])).toEqual(['storm']);
  });

  it('with the project table: the words of the issue find each other', () => {
    expect(searchKeywords('the account compromise')).toMatch(/\bhacked\b/);
    expect(searchKeywords('the chief operating officer posted')).toMatch(/\bceo\b/);
    expect(searchKeywords('2,340 recipients exposed')).toMatch(/\bbreach\b/);
    expect(searchKeywords('a promo code')).toMatch(/\bcoupon\b/);
    expect(searchKeywords('a real storm hit')).toMatch(/\bweather\b/);
    expect(searchKeywords('a troll network')).toMatch(/\babusive account\b/);
  });
});

describe('synonym table rules', () => {
  it('the project table has no contradictions', () => {
    expect(synonymTableProblems(SYNONYM_GROUPS)).toEqual([]);
    expect(SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(50);
  });

  it('finds a term in two groups, even spelled differently', () => {
    const problems = synonymTableProblems([
      ['leak', 'breach'],
      ['leaked', 'promo code'],
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        term: 'leaked',
        group: 1,
        message: expect.stringContaining('also in group 1 (as "leak")'),
      }),
    ]);
  });

  it('finds the same term twice in a group, a function-word term, an upper-case term and a group of one', () => {
    const messages = synonymTableProblems([
      ['apology', 'apologies', 'sorry'],
      ['who', 'caller'],
      ['CEO', 'executive'],
      ['storm'],
    ]).map((p) => `${p.term}: ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^apologies: .*same search term as "apology"/),
      expect.stringMatching(/^who: .*only of function words/),
      expect.stringMatching(/^who: group 2 has fewer than two/),
      expect.stringMatching(/^CEO: write "CEO" in lower case/),
      expect.stringMatching(/^storm: group 4 has fewer than two/),
    ]);
  });

  it('reports them as content-check warnings at the line of the term', () => {
    const source = ['export const SYNONYM_GROUPS = [', "  ['leak', 'breach'],", "  ['leaked', 'promo'],", '];'].join(
      '\n',
    );
    const problems = synonymProblems(
      '/project',
      [
        ['leak', 'breach'],
        ['leaked', 'promo'],
      ],
      source,
      'src/schema/synonyms.ts',
    );
    expect(problems).toEqual([
      {
        file: 'src/schema/synonyms.ts',
        line: 3,
        field: 'synonyms.2',
        level: 'warning',
        message: expect.stringContaining('"leaked" is also in group 1'),
      },
    ]);
  });
});
