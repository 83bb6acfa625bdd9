/**
 * `npm run build`: `astro build` with a V8 heap budget sized to the post-mortem library.
 *
 * Why: on a machine with plenty of RAM, V8 lets the heap grow to several GB before it collects
 * seriously, so a budget keeps the build near what it needs. What it needs grows with the
 * library's bytes, slowly: Astro's content store holds each post-mortem's summary only (its
 * timeline, mention series and rendered body live in details files read one page at a time,
 * src/content/postmortem-details.ts), and the content check holds each entry's validated data
 * until the loader takes it. 768 MB + 2× the library's size, at least 1 GB: 10,000 realistic
 * post-mortems (206 MB) get 1.2 GB, and built with 1.1 GB (they needed 4.8 GB before the
 * details files). An explicit --max-old-space-size in NODE_OPTIONS wins.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentPaths } from '../src/content-paths.ts';

const root = resolve(import.meta.dirname, '..');

/** The heap budget in MB for a post-mortem library of `libraryBytes` on disk. */
export function heapBudgetMb(libraryBytes: number): number {
  return Math.max(1024, Math.round(768 + (2 * libraryBytes) / 1024 / 1024));
}

function libraryBytes(): number {
  const dir = resolve(root, contentPaths.postmortems);
  try {
    return readdirSync(dir)
      .filter((name) => /\.mdx?$/.test(name))
      .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
  } catch {
    return 0; // no library yet: the floor applies
  }
}

if (process.argv[1] === import.meta.filename) {
  const userSet = /--max-old-space-size/.test(process.env['NODE_OPTIONS'] ?? '');
  const flags = userSet ? [] : [`--max-old-space-size=${heapBudgetMb(libraryBytes())}`];
  const result = spawnSync(
    process.execPath,
    [...flags, join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...process.argv.slice(2)],
    { stdio: 'inherit', cwd: process.cwd() },
  );
  process.exit(result.status ?? 1);
}
