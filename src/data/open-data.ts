import { siteAddress } from '../lib/paths.ts';

/** An address on the deployed site (`site` and `base` from the Astro config). */
export function siteUrl(path: string): string {
  return siteAddress(import.meta.env.SITE, import.meta.env.BASE_URL, path);
}
