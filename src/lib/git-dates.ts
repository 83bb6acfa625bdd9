import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { toPosix } from './file-paths.ts';

/**
 * "Last updated" for content pages, from git: the committer date of the last commit that
 * touched each file. Runs at build time for every page, so it asks git once per folder (one
 * `git log --name-only` over the whole folder), not once per file; 10,000 files cost one call.
 *
 * Git cannot be trusted (and nothing is returned) when it is missing, when `root` is not in a
 * repository, or when the clone is shallow: a CI checkout with `fetch-depth: 1` would date
 * every file to its single commit. Callers then use the date in the front matter instead; a
 * file not yet committed also gets that fallback.
 */

/** Paths relative to `root`, with forward slashes, e.g. `content/playbook/step-01-action-plan.mdx`. */
export type ContentPath = string;

const RECORD = '\u001e';

/**
 * The last commit date of each of `files` (relative to `root`) that git knows; files git does
 * not know are absent from the map. `git` is the command to run (tests point it elsewhere).
 */
export function lastUpdatedMap(root: string, files: readonly ContentPath[], git = 'git'): Map<ContentPath, Date> {
  const dates = new Map<ContentPath, Date>();
  if (files.length === 0) return dates;
  const run = (args: string[]) =>
    spawnSync(git, ['-c', 'core.quotePath=false', ...args], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });

  const shallow = run(['rev-parse', '--is-shallow-repository', '--show-prefix']);
  if (shallow.error || shallow.status !== 0) return dates;
  const [isShallow, prefix = ''] = shallow.stdout.split('\n');
  if (isShallow !== 'false') return dates;

  // git prints paths from the top of the repository; `prefix` is where `root` sits in it.
  const wanted = new Map(files.map((file) => [`${prefix}${toPosix(file)}`, file]));
  const folders = [...new Set(files.map((file) => toPosix(dirname(file))))];
  const log = run(['log', `--format=${RECORD}%cI`, '--name-only', '--no-renames', '--', ...folders]);
  if (log.error || log.status !== 0) return dates;

  for (const record of log.stdout.split(RECORD)) {
    const [stamp, ...names] = record.split('\n');
    if (!stamp) continue;
    let date: Date | undefined;
    for (const name of names) {
      const file = wanted.get(name);
      // Newest commits come first: the first date seen for a file is its last change.
      if (file === undefined || dates.has(file)) continue;
      date ??= new Date(stamp);
      dates.set(file, date);
    }
    if (dates.size === wanted.size) break;
  }
  return dates;
}

const perFolder = new Map<string, Map<ContentPath, Date>>();

/**
 * When `filePath` was last changed according to git, or `fallback` (the date in its front
 * matter) when git cannot say. `filePath` is absolute or relative to `root` (by default the
 * working directory, which is the project root during `astro build` and `astro dev`). The first
 * call for a folder asks git about the whole folder; later calls read that answer, so during a
 * long `astro dev` session the dates are those of the server's start.
 */
export function lastUpdated(filePath: string, fallback: Date, root: string = process.cwd()): Date {
  const absolute = isAbsolute(filePath) ? filePath : resolve(root, filePath);
  const folder = dirname(absolute);
  let dates = perFolder.get(folder);
  if (!dates) {
    let names: string[] = [];
    try {
      names = readdirSync(folder);
    } catch {
      // A folder that cannot be read has no git dates either: use the fallback.
    }
    dates = lastUpdatedMap(folder, names);
    perFolder.set(folder, dates);
  }
  return dates.get(relative(folder, absolute)) ?? fallback;
}

/** Forgets what `lastUpdated` learned, e.g. between tests. */
export function clearLastUpdatedCache(): void {
  perFolder.clear();
}
