import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/lib/content-check/index.ts';
import { FIXTURES } from '../support/overlay.ts';

const root = resolve(import.meta.dirname, '..', '..');
const workerFile = join(root, 'src', 'integrations', 'content-check-worker.ts');

/** Runs the dev server's background check over the project with `postmortems` as its library. */
function checkOnWorker(postmortems: string): Promise<{ problems: Problem[] } | { failed: string }> {
  const worker = new Worker(workerFile, {
    workerData: { root },
    env: { ...process.env, FIREBREAK_POSTMORTEMS_DIR: postmortems },
  });
  return new Promise((done, fail) => {
    worker.once('message', (message) => {
      void worker.terminate();
      done(message);
    });
    worker.once('error', fail);
  });
}

describe('the content check on a worker thread (astro dev)', () => {
  it('posts the same problems the check finds, each naming its file, line and field', async () => {
    const message = await checkOnWorker(join(FIXTURES, 'postmortems', 'multi-error'));
    expect('problems' in message).toBe(true);
    const errors = (message as { problems: Problem[] }).problems.filter((p) => p.level === 'error');
    expect(errors.length).toBeGreaterThan(1);
    for (const error of errors) {
      expect(error.file).toMatch(/multi-error\/2025-02-01-many-mistakes\.md$/);
      expect(error.field).not.toBe('');
    }
    expect(errors.some((error) => error.line !== undefined)).toBe(true);
  }, 60_000);

  it('posts no error for a valid library', async () => {
    const message = await checkOnWorker(join(FIXTURES, 'postmortems', 'base'));
    const problems = (message as { problems: Problem[] }).problems;
    expect(problems.filter((p) => p.level === 'error' && p.file.includes('fixtures/postmortems'))).toEqual([]);
  }, 60_000);
});
