import type { Problem } from '../lib/content-check/problem.ts';
import { readBuiltSite } from './html.ts';
import { brokenInternalLinks } from './rules/internal-links.ts';
import { refusedLinksAndHandlers } from './rules/link-policy.ts';

export interface SiteScan {
  /** What the rules found, each problem at a page and line. */
  problems: Problem[];
  /** How many HTML pages were read. */
  pages: number;
}

/**
 * Checks a built site (`dist/`): every page is parsed once with an HTML parser and handed to
 * each rule (one rule per file in `rules/`). `base` is the path the site is served under;
 * `display` turns an absolute path into what the report shows.
 */
export function checkBuiltSite(distDir: string, base: string, display: (path: string) => string): SiteScan {
  const pages = readBuiltSite(distDir);
  return {
    problems: [...brokenInternalLinks(pages, distDir, base, display), ...refusedLinksAndHandlers(pages, display)],
    pages: pages.length,
  };
}
