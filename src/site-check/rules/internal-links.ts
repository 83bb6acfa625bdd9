import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../../lib/content-check/problem.ts';
import type { BuiltPage } from '../html.ts';

/** Attributes whose site-relative value a browser fetches or follows. */
const LINK_ATTRIBUTES = new Set(['href', 'src']);

/**
 * Links inside the built site that lead nowhere: every `href`/`src` starting with `/` (the
 * site's own pages and assets) must resolve to a file in `distDir`, as a static host would
 * serve it (`/a/` → `a/index.html`, `/a` → `a`, `a/index.html` or `a.html`). Links to
 * Pagefind's files are not checked when the search index was built, because Pagefind loads
 * files by names only it knows. `base` is the path the site is served under (site.config.ts).
 * Each broken target is reported once, at its first page and line, counting the other pages.
 */
export function brokenInternalLinks(
  pages: readonly BuiltPage[],
  distDir: string,
  base: string,
  display: (path: string) => string,
): Problem[] {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const hasPagefind = existsSync(join(distDir, 'pagefind'));
  const exists = new Map<string, boolean>();
  const resolves = (path: string): boolean => {
    let known = exists.get(path);
    if (known === undefined) {
      known = resolveTarget(distDir, path);
      exists.set(path, known);
    }
    return known;
  };

  const broken = new Map<string, { problem: Problem; others: Set<string> }>();
  for (const page of pages) {
    for (const { name, value, line } of page.attributes) {
      if (!LINK_ATTRIBUTES.has(name) || !value.startsWith('/') || value.startsWith('//')) continue;
      const target = value.replace(/[?#].*$/, '');
      const isPagefind = target.startsWith(`${prefix}pagefind/`);
      if (hasPagefind && isPagefind) continue;
      let reason: string | undefined;
      if (isPagefind) {
        reason = 'belongs to the search index, which is missing: npm run build creates it (Pagefind runs at the end)';
      } else if (!target.startsWith(prefix) && `${target}/` !== prefix) {
        reason = `is outside the site's base path ${prefix} (set in src/site.config.ts); use withBase() for links`;
      } else if (!resolves(safeDecode(target.slice(prefix.length)))) {
        reason = 'leads to no page or file in the built site';
      }
      if (!reason) continue;
      const known = broken.get(target);
      if (known) {
        if (known.problem.file !== display(page.path)) known.others.add(page.path);
        continue;
      }
      broken.set(target, {
        problem: {
          file: display(page.path),
          line,
          field: name,
          level: 'error',
          message: `broken internal link "${value}": it ${reason}`,
        },
        others: new Set(),
      });
    }
  }
  return [...broken.values()].map(({ problem, others }) =>
    others.size === 0
      ? problem
      : {
          ...problem,
          message: `${problem.message} (also on ${others.size} other page${others.size === 1 ? '' : 's'})`,
        },
  );
}

function resolveTarget(distDir: string, sitePath: string): boolean {
  const path = join(distDir, ...sitePath.split('/').filter(Boolean));
  if (!path.startsWith(distDir)) return false;
  if (sitePath === '' || sitePath.endsWith('/')) return isFile(join(path, 'index.html'));
  return isFile(path) || isFile(join(path, 'index.html')) || isFile(`${path}.html`);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
