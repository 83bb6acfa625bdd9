/** Joins a site-relative path onto Astro's `base`, so links work under a sub-folder too. */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}
