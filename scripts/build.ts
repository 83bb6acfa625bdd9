/**
 * `npm run build`: `astro build` with a V8 heap budget sized to the post-mortem library.
 *
 * Why: on a machine with plenty of RAM, V8 lets the heap grow to several GB before it collects
 * seriously, so a budget keeps the build near what it needs. The budget follows the library's
 * size on disk, not its count: Astro holds every entry's data and rendered HTML in its content
 * store several times over (the store, the module it is compiled into, the parsed copy), so the
 * heap grows with the bytes. 512 MB + 20× the library's size (at least 1 GB): realistic
 * post-mortems of about 20 kB need about 4.8 GB at 10,000 entries, where the old budget of
 * 60 kB per entry, sized for 1 kB entries, ran out of memory. An explicit
 * --max-old-space-size in NODE_OPTIONS wins.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentPaths } from '../src/content-paths.ts';

const root = resolve(import.meta.dirname, '..');

/** The heap budget in MB for a post-mortem library of `libraryBytes` on disk. */
export function heapBudgetMb(libraryBytes: number): number {
  return Math.max(1024, Math.round(512 + (20 * libraryBytes) / 1024 / 1024));
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
