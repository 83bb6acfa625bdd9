import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contentDigest } from '../content-digest.ts';
import type { Problem } from './problem.ts';

/**
 * What the check found in one post-mortem on its own (Markdown rules, "TODO:" placeholders,
 * the privacy lint), kept between runs by content digest, so a rebuild after one edit lints
 * one entry instead of 10,000. The rules that look across files (references, steps, the
 * learning loop) and the schema always run: they are cheap, or depend on other files and on
 * the day.
 *
 * The cache is one JSON file. Its key includes a digest of the rules themselves (the sources
 * of the check, the privacy patterns and the schemas) and of the privacy allowlist, so a change
 * to either starts it afresh: a stale cache can never hide a problem.
 */
export interface EntryCache {
  /** The problems found last time in this file with this content, if any run saw it. */
  get(file: string, digest: string): Problem[] | undefined;
  set(file: string, digest: string, problems: Problem[]): void;
  /** Writes the cache (only the files seen in this run), atomically. */
  save(): void;
}

interface CacheFile {
  rules: string;
  entries: Record<string, { digest: string; problems: Problem[] }>;
}

const RULE_SOURCES = ['.', '../privacy', '../../schema'].map((dir) => new URL(`${dir}/`, import.meta.url));

/** A digest of the check's own code and of the inputs every entry's lint depends on. */
function rulesDigest(inputs: readonly string[]): string {
  const parts: string[] = [];
  for (const dir of RULE_SOURCES) {
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.ts')) parts.push(name, readFileSync(new URL(name, dir), 'utf8'));
    }
  }
  return contentDigest([...parts, ...inputs].join('\0'));
}

/**
 * Opens (or starts) the cache at `path`; `inputs` are further texts the results depend on (the
 * allowlist). `fresh` (a build with `--force`) reads nothing from it but still saves this run's
 * results, so the next run (`astro dev` after the build) finds them.
 */
export function openEntryCache(path: string, inputs: readonly string[], { fresh = false } = {}): EntryCache {
  const rules = rulesDigest(inputs);
  let previous: CacheFile['entries'] = {};
  try {
    const file = fresh ? undefined : (JSON.parse(readFileSync(path, 'utf8')) as CacheFile);
    if (file?.rules === rules) previous = file.entries;
  } catch {
    // No cache yet, or an unreadable one: start afresh.
  }
  const next: CacheFile['entries'] = {};
  return {
    get(file, digest) {
      const hit = previous[file];
      if (hit?.digest !== digest) return undefined;
      next[file] = hit;
      return hit.problems;
    },
    set(file, digest, problems) {
      next[file] = { digest, problems };
    },
    save() {
      mkdirSync(dirname(path), { recursive: true });
      const temporary = join(dirname(path), `.${process.pid}.tmp`);
      writeFileSync(temporary, JSON.stringify({ rules, entries: next } satisfies CacheFile));
      renameSync(temporary, path);
    },
  };
}
