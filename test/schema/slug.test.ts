import { describe, expect, it } from 'vitest';
import { isValidSlug, postmortemId, slugify } from '../../src/schema/slug.ts';

describe('slugify', () => {
  it.each([
    ['Promo code leaked on X!', 'promo-code-leaked-on-x'],
    ['Café “Crème” — déjà vu', 'cafe-creme-deja-vu'],
    ["Don't panic & reply", 'dont-panic-and-reply'],
    ['  --Spaces   and---dashes--  ', 'spaces-and-dashes'],
    ['漢字のタイトル', ''],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts long titles between words, at 60 characters at most', () => {
    const slug = slugify('An unusually long title about a sofa delivery that went wrong on a Reddit thread in spring');
    expect(slug).toBe('an-unusually-long-title-about-a-sofa-delivery-that-went');
    expect(slug.length).toBeLessThanOrEqual(60);
  });
});

describe('post-mortem ids', () => {
  it('are the day and the slug', () => {
    expect(postmortemId('2025-03-14', slugify('Promo code leak'))).toBe('2025-03-14-promo-code-leak');
  });

  it.each([
    ['promo-code-leak', true],
    ['Promo', false],
    ['a--b', false],
    ['-a', false],
    ['../etc', false],
    ['x'.repeat(61), false],
  ])('%s is %s as a typed slug', (slug, valid) => {
    expect(isValidSlug(slug)).toBe(valid);
  });
});
