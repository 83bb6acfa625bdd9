import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHECK_CACHE_FILE, checkContent, formatProblem, type Problem } from '../src/lib/content-check/index.ts';
import { contentPaths } from '../src/content-paths.ts';
import { site } from '../src/site.config.ts';
import { checkBuiltSite } from '../src/site-check/index.ts';
import { displayPath } from '../src/lib/file-paths.ts';
import { draftSummary } from '../src/lib/content-check/placeholders.ts';
import { EXIT_BAD_INPUT, EXIT_OK, exitCodeFor, firstLine, flagError, UsageError } from './lib/cli.ts';

const USAGE = `Usage: npm run check [-- --root DIR] [-- --dist DIR]

Checks all content the way the build does, and more, and prints one problem a line:
  path:line  field  message
Covers each file's schema and the rules across fields, references (playbook steps, related
incidents), duplicate slugs, the privacy lint, "TODO:" placeholders outside drafts, and, when a
built site exists, broken internal links in it. Exits with 1 when there is an error, 2 for a
wrong option.

Options:
  --root DIR   the project to check                          default: this project
  --dist DIR   the built site whose links to check           default: <root>/dist, when it exists
  --base PATH  the path the site is served under             default: base in src/site.config.ts
  --help       show this text`;

function options(argv: readonly string[]): { root: string; dist?: string; base: string; help: boolean } {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        root: { type: 'string' },
        dist: { type: 'string' },
        base: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
    const root = values.root ? resolve(values.root) : fileURLToPath(new URL('..', import.meta.url));
    if (!existsSync(root) || !statSync(root).isDirectory())
      throw new UsageError(`--root: ${values.root} is not a folder`);
    if (values.dist !== undefined && !existsSync(resolve(values.dist))) {
      throw new UsageError(`--dist: ${values.dist} does not exist; build the site first with npm run build`);
    }
    const dist = values.dist !== undefined ? resolve(values.dist) : resolve(root, 'dist');
    const base = values.base ?? site.base;
    if (!base.startsWith('/'))
      throw new UsageError(`--base: expected a path starting with /, e.g. /firebreak/; got "${base}"`);
    return { root, base, help: values.help ?? false, ...(existsSync(dist) ? { dist } : {}) };
  } catch (error) {
    throw flagError(error, 'npm run check');
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function main(argv: readonly string[]): number {
  const { root, dist, base, help } = options(argv);
  if (help) {
    console.log(USAGE);
    return EXIT_OK;
  }
  const cwd = process.cwd();
  const shown = (path: string) => displayPath(cwd, resolve(root, path));

  // The lint cache the build keeps (Astro's default cacheDir), when the project has one.
  const cacheDir = resolve(root, 'node_modules', '.astro');
  const content = checkContent(
    root,
    contentPaths,
    existsSync(cacheDir) ? { cache: join(cacheDir, CHECK_CACHE_FILE) } : {},
  );
  const problems: Problem[] = [...content.problems];
  const checked = [plural(content.postmortems.length, 'post-mortem'), plural(content.playbook.length, 'playbook page')];
  if (dist) {
    // Absolute paths here; like every other file they are shown relative to where check runs.
    const links = checkBuiltSite(dist, base, (path) => path);
    problems.push(...links.problems);
    checked.push(`links in ${plural(links.pages, 'built page')}`);
  }

  const ordered = problems
    .map((problem) => ({ ...problem, file: shown(problem.file) }))
    .sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  for (const problem of ordered) console.log(formatProblem(problem));

  // A draft passes, but "OK" alone would hide how much of it is still to write.
  const drafts = content.postmortems
    .filter((entry) => 'draft' in entry)
    .map((entry) => draftSummary(entry, shown(entry.file)))
    .sort();
  if (drafts.length > 0) console.log(`${ordered.length > 0 ? '\n' : ''}${drafts.join('\n')}`);

  const errors = ordered.filter((problem) => problem.level === 'error').length;
  const warnings = ordered.length - errors;
  const verdict = errors > 0 ? 'FAILED' : 'OK';
  const noSite = dist ? '' : ' (no built site: run npm run build to check its links too)';
  console.log(
    `${ordered.length > 0 ? '\n' : ''}${verdict}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}; checked ${checked.join(', ')}${noSite}`,
  );
  if (errors > 0)
    console.log('What each message means, and how to fix it: CONTRIBUTING.md, "When npm run check complains".');
  return errors > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError) && process.env['DEBUG']) throw error;
  console.error(`npm run check: ${firstLine(error)}`);
  process.exitCode = exitCodeFor(error);
}
