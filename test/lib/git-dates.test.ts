import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearLastUpdatedCache, lastUpdated, lastUpdatedMap } from '../../src/lib/git-dates.ts';

/**
 * A real repository in a temporary folder: the project sits in `site/` inside it (so paths
 * must be translated from the repository's top), with commits at known dates.
 */
let repo: string;
let root: string;
const FALLBACK = new Date('2020-01-01T00:00:00Z');

function git(cwd: string, args: string[], date?: string): string {
  const env = {
    ...process.env,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
  };
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function commit(message: string, date: string): void {
  git(repo, ['add', '-A'], date);
  git(repo, ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', message], date);
}

function write(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'firebreak-git-'));
  root = join(repo, 'site');
  git(repo, ['init', '-q', '-b', 'main']);
  write('content/playbook/step-01.mdx', 'one');
  write('content/postmortems/2025-03-14-promo-code-leak.md', 'leak');
  commit('first', '2025-03-20T10:00:00+01:00');
  write('content/playbook/step-02.mdx', 'two');
  commit('second', '2025-04-02T08:30:00Z');
  write('content/playbook/step-01.mdx', 'one, revised');
  write('README.md', 'outside the content folders');
  commit('third', '2025-05-05T12:00:00+02:00');
  write('content/playbook/step-03.mdx', 'not committed yet');
});

beforeEach(() => clearLastUpdatedCache());

describe('lastUpdatedMap', () => {
  it('dates each file by the last commit that touched it, with one git log for all', () => {
    const dates = lastUpdatedMap(root, [
      'content/playbook/step-01.mdx',
      'content/playbook/step-02.mdx',
      'content/postmortems/2025-03-14-promo-code-leak.md',
    ]);
    expect(Object.fromEntries([...dates].map(([file, date]) => [file, date.toISOString()]))).toEqual({
      'content/playbook/step-01.mdx': '2025-05-05T10:00:00.000Z',
      'content/playbook/step-02.mdx': '2025-04-02T08:30:00.000Z',
      'content/postmortems/2025-03-14-promo-code-leak.md': '2025-03-20T09:00:00.000Z',
    });
  });

  it('leaves out files git does not track', () => {
    const dates = lastUpdatedMap(root, ['content/playbook/step-03.mdx', 'content/playbook/step-02.mdx']);
    expect([...dates.keys()]).toEqual(['content/playbook/step-02.mdx']);
  });

  it('returns nothing in a shallow clone, where every file would get the clone date', () => {
    const clone = mkdtempSync(join(tmpdir(), 'firebreak-shallow-'));
    git(clone, ['clone', '-q', '--depth', '1', `file://${repo}`, 'copy']);
    expect(lastUpdatedMap(join(clone, 'copy/site'), ['content/playbook/step-02.mdx']).size).toBe(0);
    clearLastUpdatedCache();
    expect(lastUpdated('content/playbook/step-02.mdx', FALLBACK, join(clone, 'copy/site'))).toBe(FALLBACK);
  });

  it('returns nothing outside a repository or when git is not installed', () => {
    const plain = mkdtempSync(join(tmpdir(), 'firebreak-plain-'));
    writeFileSync(join(plain, 'page.md'), 'x');
    expect(lastUpdatedMap(plain, ['page.md']).size).toBe(0);
    expect(lastUpdatedMap(root, ['content/playbook/step-02.mdx'], 'git-is-not-installed').size).toBe(0);
  });

  it('answers for 10,000 files in one call, quickly', () => {
    const big = mkdtempSync(join(tmpdir(), 'firebreak-big-'));
    git(big, ['init', '-q', '-b', 'main']);
    mkdirSync(join(big, 'posts'));
    const files = Array.from({ length: 10_000 }, (_, index) => `posts/2025-01-01-incident-${index}.md`);
    for (const file of files) writeFileSync(join(big, file), file);
    git(big, ['add', '-A']);
    git(
      big,
      ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'all'],
      '2025-06-01T00:00:00Z',
    );
    const started = performance.now();
    const dates = lastUpdatedMap(big, files);
    // One git process for all files: a process per file would take minutes. The bound is loose
    // because this is a guard against that mistake, not a benchmark (the machine may be busy).
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(dates.size).toBe(10_000);
  });
});

describe('lastUpdated', () => {
  it('reads git for committed files and falls back to the front-matter date for new ones', () => {
    expect(lastUpdated('content/playbook/step-01.mdx', FALLBACK, root).toISOString()).toBe('2025-05-05T10:00:00.000Z');
    expect(lastUpdated(join(root, 'content/playbook/step-02.mdx'), FALLBACK).toISOString()).toBe(
      '2025-04-02T08:30:00.000Z',
    );
    expect(lastUpdated('content/playbook/step-03.mdx', FALLBACK, root)).toBe(FALLBACK);
  });
});
