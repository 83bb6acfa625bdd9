/**
 * `npm run compare-dist -- BEFORE AFTER`: compares two built sites and lists every page or asset
 * that differs (see src/site-check/dist-compare.ts for what is normalized). Exits 0 when they are
 * the same, 1 when something differs, 2 for a wrong command line.
 *
 * To compare a change with main (README, "Checking a restructure"):
 *   git worktree add /tmp/before main && (cd /tmp/before && npm ci && FIREBREAK_TODAY=2026-12-01 npm run build)
 *   FIREBREAK_TODAY=2026-12-01 npm run build
 *   npm run compare-dist -- /tmp/before/dist dist
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compareDists, formatComparison } from '../src/site-check/dist-compare.ts';
import { EXIT_BAD_INPUT, EXIT_OK, exitCodeFor, firstLine, flagError, UsageError } from './lib/cli.ts';

const USAGE = `Usage: npm run compare-dist -- BEFORE_DIST AFTER_DIST

Lists the files that differ between two built sites, with the first changed line of each page.
Asset hashes are normalized; the search bundles, the typo vocabulary and the service worker
are not compared (they are derived from the pages).
Build both with the same FIREBREAK_TODAY=YYYY-MM-DD: the build date is on some pages.`;

function folders(argv: readonly string[]): [string, string] | 'help' {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { help: { type: 'boolean', default: false } },
    });
    if (values.help) return 'help';
    if (positionals.length !== 2)
      throw new UsageError(`expected two folders, BEFORE and AFTER; got ${positionals.length}`);
    const [before, after] = positionals.map((dir) => resolve(dir)) as [string, string];
    for (const [dir, given] of [
      [before, positionals[0]],
      [after, positionals[1]],
    ] as const) {
      if (!existsSync(dir) || !statSync(dir).isDirectory())
        throw new UsageError(`${given} is not a folder (build it first with npm run build)`);
    }
    return [before, after];
  } catch (error) {
    throw flagError(error, 'npm run compare-dist');
  }
}

try {
  const dirs = folders(process.argv.slice(2));
  if (dirs === 'help') {
    console.log(USAGE);
    process.exit(EXIT_OK);
  }
  const result = compareDists(...dirs);
  for (const line of formatComparison(result)) console.log(line);
  if (result.differences.length > 0 && !process.env['FIREBREAK_TODAY'])
    console.log(
      '(Built on different days? Build both with the same FIREBREAK_TODAY=YYYY-MM-DD: the date is on some pages.)',
    );
  process.exit(result.differences.length === 0 ? EXIT_OK : EXIT_BAD_INPUT);
} catch (error) {
  if (!(error instanceof UsageError) && process.env['DEBUG']) throw error;
  console.error(`npm run compare-dist: ${firstLine(error)}`);
  process.exitCode = exitCodeFor(error);
}
