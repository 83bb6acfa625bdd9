/**
 * `npm run build` and `npm run dev`: Astro with a V8 heap budget sized to the post-mortem library.
 *
 * Why: on a machine with plenty of RAM, V8 lets the heap grow to several GB before it collects
 * seriously, so a budget keeps the process near what it needs. What it needs grows with the
 * library's bytes, slowly: Astro's content store holds each post-mortem's summary only (its
 * timeline, mention series and rendered body live in details files read one page at a time,
 * src/content/postmortem-details.ts), the build's content check runs on a worker thread with a
 * heap of its own and hands each entry to the loader as it goes, and the open data is streamed
 * to its files. 512 MB + 1.25× the library's bytes, at least 768 MB, for `astro build` and
 * `astro dev` alike: 10,000 realistic post-mortems (206 MB) get 770 MB. Built with 750 MB (the
 * store still holding the lessons and action items) they took 131 s and the node process held
 * 1.18–1.19 GB while it generated the pages, against 1.23–1.27 GB with the 1.2 GB budget this
 * replaced; with 600 MB the build took 174 s, most of it collecting garbage. The dev server ran
 * the same library in 600 MB and not in 420; without a budget it peaked at 3.0 GB. An explicit
 * --max-old-space-size in NODE_OPTIONS wins.
 *
 * Outside the heap, two allocators keep memory the process no longer uses (allocatorEnv):
 * glibc's, one arena per thread that ever allocated, and mimalloc's, which native modules
 * (Vite's bundler, Rolldown, among them) allocate with, and which gives freed memory back to
 * the system only after a delay.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentPaths } from '../content-paths.ts';

/** The heap budget in MB of `astro build` or `astro dev` for a post-mortem library of `libraryBytes` on disk. */
export function heapBudgetMb(libraryBytes: number): number {
  return Math.max(768, Math.round(512 + (1.25 * libraryBytes) / 1024 / 1024));
}

/** The bytes of the post-mortem files under `root` (0 when there is no library yet: the floor applies). */
export function libraryBytes(root: string): number {
  const dir = resolve(root, contentPaths.postmortems);
  try {
    return readdirSync(dir)
      .filter((name) => /\.mdx?$/.test(name))
      .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
  } catch {
    return 0;
  }
}

/** The Node flags for Astro: the budget, unless NODE_OPTIONS already sets a heap size. */
export function heapFlags(root: string, nodeOptions = process.env['NODE_OPTIONS'] ?? ''): string[] {
  return /--max-old-space-size/.test(nodeOptions) ? [] : [`--max-old-space-size=${heapBudgetMb(libraryBytes(root))}`];
}

/**
 * The allocator settings Astro runs with, unless the environment sets them: at most two glibc
 * arenas (`MALLOC_ARENA_MAX`), and memory mimalloc frees returned at once
 * (`MIMALLOC_PURGE_DELAY=0`). Building 10,000 realistic post-mortems, the node process held
 * 1,226 MB instead of 1,486 while it generated pages (median of the samples), peaked at 1,656 MB
 * instead of 1,947, and the build took as long (133 s against 137).
 */
export function allocatorEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: '2', MIMALLOC_PURGE_DELAY: '0', ...env };
}

/**
 * Runs `astro <command> …args` in the current folder with the budget and the allocator settings
 * (and `env` added to this process's environment), in the foreground (the terminal's Ctrl-C
 * reaches both processes); returns Astro's exit status.
 */
export function runAstroWithHeapBudget(
  root: string,
  command: 'build' | 'dev',
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): number {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result = spawnSync(process.execPath, [...heapFlags(root), astro, command, ...args], {
    stdio: 'inherit',
    cwd: process.cwd(),
    env: allocatorEnv({ ...process.env, ...env }),
  });
  return result.status ?? 1;
}
