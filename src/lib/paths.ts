/** `path` under the site's `base` (`/` or `/firebreak/`): the one rule for joining the two. */
export function underBase(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}

/** Joins a site-relative path onto Astro's `base`, so links work under a sub-folder too. */
export function withBase(path: string): string {
  return underBase(import.meta.env.BASE_URL, path);
}

/** An absolute address on the deployed site: `path` under `base` on `site` (Astro's config). */
export function siteAddress(site: string, base: string, path: string): string {
  return new URL(underBase(base, path), site).href;
}
