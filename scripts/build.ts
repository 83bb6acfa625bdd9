/**
 * `npm run build`: `astro build` with a V8 heap budget sized to the post-mortem library.
 *
 * Why: on a machine with plenty of RAM, V8 lets the heap grow to several GB before it collects
 * seriously, so a 10,000-entry build peaked at 1.4–1.8 GB although it needs about 0.6 GB of live
 * heap. A budget of 512 MB + 60 kB per post-mortem (at least 1 GB) keeps the 10k build near
 * 1.25 GB at the same speed, and grows with the library so a bigger one never runs out.
 * An explicit --max-old-space-size in NODE_OPTIONS wins.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentPaths } from '../src/content-paths.ts';

const root = resolve(import.meta.dirname, '..');

export function heapBudgetMb(postmortems: number): number {
  return Math.max(1024, Math.round(512 + postmortems * 0.06));
}

function countPostmortems(): number {
  try {
    return readdirSync(resolve(root, contentPaths.postmortems)).filter((name) => /\.mdx?$/.test(name)).length;
  } catch {
    return 0; // no library yet: the floor applies
  }
}

if (process.argv[1] === import.meta.filename) {
  const userSet = /--max-old-space-size/.test(process.env['NODE_OPTIONS'] ?? '');
  const flags = userSet ? [] : [`--max-old-space-size=${heapBudgetMb(countPostmortems())}`];
  const result = spawnSync(
    process.execPath,
    [...flags, join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...process.argv.slice(2)],
    { stdio: 'inherit', cwd: process.cwd() },
  );
  process.exit(result.status ?? 1);
}
