import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { CheckMessage } from '../../src/integrations/content-check-worker.ts';
import type { Problem } from '../../src/lib/content-check/index.ts';
import { FIXTURES } from '../support/overlay.ts';

const root = resolve(import.meta.dirname, '..', '..');
const workerFile = join(root, 'src', 'integrations', 'content-check-worker.ts');

/**
 * Runs the check's worker over the project with `postmortems` as its library; returns every
 * message it posted, in order. With `handover`, the flag is cleared after `takeAtMost` readings.
 */
function checkOnWorker(postmortems: string, handover?: { takeAtMost: number }): Promise<CheckMessage[]> {
  const wanted = handover ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
  if (wanted) Atomics.store(wanted, 0, 1);
  const worker = new Worker(workerFile, {
    workerData: { root, ...(wanted && { handover: wanted.buffer }) },
    env: { ...process.env, FIREBREAK_POSTMORTEMS_DIR: postmortems },
  });
  const messages: CheckMessage[] = [];
  return new Promise((done, fail) => {
    worker.on('message', (message: CheckMessage) => {
      messages.push(message);
      const readings = messages.filter((m) => 'postmortem' in m).length;
      if (wanted && handover && readings >= handover.takeAtMost) Atomics.store(wanted, 0, 0);
      if ('problems' in message || 'failed' in message) {
        void worker.terminate();
        done(messages);
      }
    });
    worker.once('error', fail);
  });
}

const last = (messages: CheckMessage[]) => messages.at(-1) as { problems: Problem[] };

describe('the content check on a worker thread', () => {
  it('posts the same problems the check finds, each naming its file, line and field', async () => {
    const messages = await checkOnWorker(join(FIXTURES, 'postmortems', 'multi-error'));
    expect('problems' in messages.at(-1)!).toBe(true);
    const errors = last(messages).problems.filter((p) => p.level === 'error');
    expect(errors.length).toBeGreaterThan(1);
    for (const error of errors) {
      expect(error.file).toMatch(/multi-error\/2025-02-01-many-mistakes\.md$/);
      expect(error.field).not.toBe('');
    }
    expect(errors.some((error) => error.line !== undefined)).toBe(true);
    // Without a handover flag (astro dev) no post-mortem's data crosses over.
    expect(messages.some((m) => 'postmortem' in m)).toBe(false);
  }, 60_000);

  it("posts the site's problems first, before any post-mortem is read: the build fails on them at once", async () => {
    const messages = await checkOnWorker(join(FIXTURES, 'postmortems', 'multi-error'), { takeAtMost: 99 });
    expect('site' in messages[0]!).toBe(true);
    const site = (messages[0] as { site: Problem[] }).site;
    expect(site.some((p) => p.file.includes('fixtures/postmortems'))).toBe(false);
    expect(last(messages).problems.length).toBeGreaterThan(site.length);
  }, 60_000);

  it('hands each post-mortem over in name order with its digest and validated data, until told to stop', async () => {
    // The project's own published samples: several, all valid.
    const library = join(root, 'content', 'postmortems');
    const all = await checkOnWorker(library, { takeAtMost: 99 });
    const readings = all.flatMap((m) => ('postmortem' in m ? [m.postmortem] : []));
    expect(readings.length).toBeGreaterThan(1);
    const paths = readings.map((reading) => reading.path);
    expect(paths).toEqual([...paths].sort((a, b) => a.localeCompare(b)));
    for (const reading of readings) {
      expect(reading.path.startsWith(`${library}/`)).toBe(true);
      expect(reading.digest).toMatch(/\S{16,}/);
    }
    const valid = readings.find((reading) => reading.valid)!.valid!;
    expect(valid.started).toBeInstanceOf(Date);
    expect(last(all).problems.filter((p) => p.level === 'error')).toEqual([]);

    // The flag cleared after the first reading: the check goes on to its verdict, sending no more.
    const stopped = await checkOnWorker(library, { takeAtMost: 1 });
    expect(stopped.filter((m) => 'postmortem' in m).length).toBeLessThan(readings.length);
    expect(last(stopped).problems).toEqual(last(all).problems);
  }, 60_000);
});
