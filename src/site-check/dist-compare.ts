import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Compares two built sites (`dist/` before and after a change), so a restructure can show that
 * page output is the same apart from the intended fixes.
 *
 * What differs between two builds of the same pages without meaning anything is normalized
 * away: the content hash Vite puts in asset names (`Base.98xRqjby.css` → `Base.[hash].css`), and
 * the same names where pages refer to them. The search bundles (`pagefind/`, `pagefind-recent/`,
 * `pagefind-incidents/`), the typo vocabulary and the service worker are made of content-hashed
 * or compressed chunks derived from the pages; they are not compared file by file (their
 * inputs, the pages, are), and the report says so.
 */

/** Folders and files whose bytes are derived from the pages and carry build hashes. */
const DERIVED = [/^pagefind[^/]*\//, /^search-vocabulary\//, /^sw\.js$/, /^workbox-[^/]+\.js$/];

/** Vite's asset naming: `name.<8 url-safe chars>.ext`. */
const ASSET_HASH = /\.[A-Za-z0-9_-]{8}\.(js|css|mjs|woff2?|svg|png|jpe?g|webp|avif)\b/g;

const TEXT = /\.(html?|css|js|mjs|json|xml|svg|txt|csv|webmanifest)$/;

/** One file that is not the same in both builds. */
export interface DistDifference {
  /** Path inside `dist/`, with `/` separators and asset hashes normalized. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** For a changed text file: the 1-based line of the first difference and both sides of it. */
  first?: { line: number; before: string; after: string };
}

export interface DistComparison {
  /** Files present in both builds with the same normalized content. */
  same: number;
  differences: DistDifference[];
  /** Normalized paths left out because they are derived (the search index, the service worker). */
  skipped: string[];
}

/** Replaces Vite's content hashes in a name or a text by `[hash]`. */
export function normalizeHashes(text: string): string {
  return text.replace(ASSET_HASH, '.[hash].$1');
}

function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The files of one build by normalized path. Two files that normalize alike keep both, numbered. */
function indexBuild(dir: string): Map<string, string> {
  const byPath = new Map<string, string>();
  for (const file of listFiles(dir).sort()) {
    let key = normalizeHashes(file);
    for (let n = 2; byPath.has(key); n++) key = `${normalizeHashes(file)} (${n})`;
    byPath.set(key, join(dir, file));
  }
  return byPath;
}

/** A text file with its hashes normalized, split so that one changed element is one line. */
function comparableLines(path: string): string[] {
  const text = normalizeHashes(readFileSync(path, 'utf8'));
  // Built HTML is mostly one long line; breaking after each tag keeps a difference readable.
  return /\.html?$/.test(path) ? text.replace(/>(?=<)/g, '>\n').split('\n') : text.split('\n');
}

function firstDifference(before: string[], after: string[]): DistDifference['first'] {
  const length = Math.max(before.length, after.length);
  for (let i = 0; i < length; i++) {
    if (before[i] !== after[i])
      return { line: i + 1, before: before[i] ?? '(end of file)', after: after[i] ?? '(end of file)' };
  }
  return undefined;
}

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function compareDists(beforeDir: string, afterDir: string): DistComparison {
  const before = indexBuild(beforeDir);
  const after = indexBuild(afterDir);
  const skipped = new Set<string>();
  const differences: DistDifference[] = [];
  let same = 0;
  const derived = (path: string) => DERIVED.some((rule) => rule.test(path));

  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    if (derived(path)) {
      skipped.add(path.includes('/') ? `${path.slice(0, path.indexOf('/'))}/` : path);
      continue;
    }
    const was = before.get(path);
    const now = after.get(path);
    if (was === undefined) differences.push({ path, kind: 'added' });
    else if (now === undefined) differences.push({ path, kind: 'removed' });
    else if (TEXT.test(path)) {
      const first = firstDifference(comparableLines(was), comparableLines(now));
      if (first) differences.push({ path, kind: 'changed', first });
      else same++;
    } else if (digest(was) !== digest(now)) differences.push({ path, kind: 'changed' });
    else same++;
  }
  return { same, differences, skipped: [...skipped] };
}

/** The comparison as lines for a terminal: one line per difference, then a summary. */
export function formatComparison(result: DistComparison): string[] {
  const lines: string[] = [];
  for (const difference of result.differences) {
    lines.push(`${difference.kind.padEnd(8)} ${difference.path}`);
    if (difference.first) {
      const clip = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}...` : text);
      lines.push(`         line ${difference.first.line}`);
      lines.push(`         - ${clip(difference.first.before)}`);
      lines.push(`         + ${clip(difference.first.after)}`);
    }
  }
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const kinds = ['changed', 'added', 'removed'] as const;
  lines.push(
    `${count(result.same, 'file')} the same; ` +
      kinds.map((kind) => `${result.differences.filter((d) => d.kind === kind).length} ${kind}`).join(', ') +
      (result.skipped.length ? `; not compared (derived from the pages): ${result.skipped.join(', ')}` : ''),
  );
  return lines;
}
