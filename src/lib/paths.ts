/** Joins a site-relative path onto Astro's `base`, so links work under a sub-folder too. */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

/** An absolute address on the deployed site: `path` under `base` on `site` (Astro's config). */
export function siteAddress(site: string, base: string, path: string): string {
  return new URL(`${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`, site).href;
}
