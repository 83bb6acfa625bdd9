/**
 * The one slug rule of the project: how a title becomes the part of a post-mortem's file name
 * and URL after its date.
 */

/** Longest slug; file names and URLs stay readable, and the cut falls between words. */
export const SLUG_MAX = 60;

/**
 * The URL-safe part of a post-mortem's id, from its title: lowercase ASCII letters, digits and
 * single dashes ("Promo code leak on X!" → "promo-code-leak-on-x"). Accents are folded
 * ("Café" → "cafe"); characters with no ASCII form are dropped, so the result may be empty
 * (a title in another script): callers then ask for an explicit slug.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= SLUG_MAX) return slug;
  const cut = slug.slice(0, SLUG_MAX + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 0 ? cut.slice(0, lastDash) : slug.slice(0, SLUG_MAX)).replace(/-+$/, '');
}

/** True for a slug a contributor typed that can be used as is. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= SLUG_MAX;
}

/**
 * A post-mortem's id (its file name without `.md`): the day it started and the slug. The one
 * rule `npm run new`, `npm run import` and the browser form share, so the same title and day
 * always give the same page.
 */
export function postmortemId(day: string, slug: string): string {
  return `${day}-${slug}`;
}
