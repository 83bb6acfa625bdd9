import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../../src/lib/content-check/problem.ts';

/** `href="/…"` and `src="/…"` attributes, single or double quoted. */
const INTERNAL_LINK = /\s(href|src)\s*=\s*(["'])(\/(?!\/)[^"']*)\2/g;

export interface LinkScan {
  /** One problem per broken target, at its first occurrence; the message counts the other pages. */
  problems: Problem[];
  /** How many HTML pages were read. */
  pages: number;
}

/**
 * Finds links inside the built site that lead nowhere: every `href`/`src` starting with `/`
 * (the site's own pages and assets) must resolve to a file in `distDir`, as a static host
 * would serve it (`/a/` → `a/index.html`, `/a` → `a`, `a/index.html` or `a.html`). Links to
 * Pagefind's files are not checked when the search index was built, because Pagefind loads
 * files by names only it knows. `base` is the path the site is served under (site.config.ts).
 * `display` turns an absolute path into what the report shows.
 */
export function findBrokenLinks(distDir: string, base: string, display: (path: string) => string): LinkScan {
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
  const pages = htmlFiles(distDir);
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    for (const match of html.matchAll(INTERNAL_LINK)) {
      const attribute = match[1]!;
      const link = decodeEntities(match[3]!);
      const target = link.replace(/[?#].*$/, '');
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
        if (known.problem.file !== display(page)) known.others.add(page);
        continue;
      }
      broken.set(target, {
        problem: {
          file: display(page),
          line: lineAt(html, match.index),
          field: attribute,
          level: 'error',
          message: `broken internal link "${link}": it ${reason}`,
        },
        others: new Set(),
      });
    }
  }
  const problems = [...broken.values()].map(({ problem, others }) =>
    others.size === 0
      ? problem
      : {
          ...problem,
          message: `${problem.message} (also on ${others.size} other page${others.size === 1 ? '' : 's'})`,
        },
  );
  return { problems, pages: pages.length };
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

function htmlFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) files.push(join(entry.parentPath, entry.name));
  }
  return files.sort();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&#x2F;/gi, '/')
    .replace(/&#47;/g, '/');
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}
