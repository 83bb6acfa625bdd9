import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content-check/index.ts';

/**
 * The check's per-entry cache (src/lib/content-check/entry-cache.ts), on a copy of the privacy
 * fixtures (entries whose own lint finds things): the same problems with and without it; an
 * unchanged file is answered from the cache, an edited one is linted again, and a change of
 * the allowlist starts afresh.
 */
const fixtures = fileURLToPath(new URL('../fixtures/privacy/', import.meta.url));
const dirs = { playbook: 'content/playbook', postmortems: 'content/postmortems' };
const now = new Date('2025-02-15T00:00:00Z');
const PUBLISHED = 'content/postmortems/2025-02-04-phone-published.md';
const ALLOWED = 'content/postmortems/2025-02-06-phone-allowed.md';

let made: string[] = [];
afterEach(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made = [];
});

function project(): { root: string; cache: string } {
  const root = mkdtempSync(join(tmpdir(), 'firebreak-check-cache-'));
  made.push(root);
  cpSync(fixtures, root, { recursive: true });
  return { root, cache: join(root, '.cache', 'check.json') };
}

const run = (root: string, cache?: string) =>
  checkContent(root, dirs, { now, ...(cache && { cache }) }).problems.map(formatProblem);

/** Puts a marker problem into the cached results of one file, to see whether a run used them. */
function plantMarker(cache: string, file: string): void {
  const data = JSON.parse(readFileSync(cache, 'utf8')) as {
    entries: Record<string, { problems: { file: string; field: string; level: string; message: string }[] }>;
  };
  data.entries[file]!.problems.push({ file, field: '', level: 'warning', message: 'from the cache' });
  writeFileSync(cache, JSON.stringify(data));
}

describe('the content check cache', () => {
  it('gives the same problems as a check without it, cold and warm', () => {
    const { root, cache } = project();
    const plain = run(root);
    expect(plain.some((line) => line.startsWith(PUBLISHED))).toBe(true);
    expect(run(root, cache)).toEqual(plain);
    expect(run(root, cache)).toEqual(plain);
  });

  it('answers unchanged files from the cache and lints an edited file again', () => {
    const { root, cache } = project();
    run(root, cache);
    plantMarker(cache, PUBLISHED);
    plantMarker(cache, ALLOWED);
    const path = join(root, ALLOWED);
    writeFileSync(path, readFileSync(path, 'utf8').replace('summary: ', 'summary: Edited. '));
    const warm = run(root, cache);
    expect(warm.filter((line) => line.includes('from the cache'))).toEqual([`${PUBLISHED}  (file)  warning: from the cache`]);
  });

  it('reads nothing from it in a fresh run (a build with --force), and keeps what that run found for the next', () => {
    const { root, cache } = project();
    run(root, cache);
    plantMarker(cache, PUBLISHED);
    const fresh = checkContent(root, dirs, { now, cache, fresh: true }).problems.map(formatProblem);
    expect(fresh.some((line) => line.includes('from the cache'))).toBe(false);
    expect(fresh).toEqual(run(root));
    // The fresh run saved its own results: the next run is answered from them.
    plantMarker(cache, ALLOWED);
    expect(run(root, cache).filter((line) => line.includes('from the cache'))).toEqual([
      `${ALLOWED}  (file)  warning: from the cache`,
    ]);
  });

  it('starts afresh when the privacy allowlist changes', () => {
    const { root, cache } = project();
    run(root, cache);
    plantMarker(cache, PUBLISHED);
    const allowlist = join(root, 'content', 'privacy-allowlist.yaml');
    writeFileSync(allowlist, `${readFileSync(allowlist, 'utf8')}\n# reviewed\n`);
    expect(run(root, cache).some((line) => line.includes('from the cache'))).toBe(false);
  });
});
