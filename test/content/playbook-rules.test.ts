import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContent, type Problem } from '../../src/lib/content-check/index.ts';
import { overlayFixture } from '../support/overlay.ts';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/** A fixed day for the review warnings (the fixtures were reviewed on 2026-11-01), so the expectations do not age. */
const TODAY = new Date('2026-11-15T00:00:00Z');

/** Runs the content check on base + one overlay; post-mortems point at an empty folder. */
function check(scenario?: string): Problem[] {
  const { dir, cleanup } = overlayFixture('playbook', scenario);
  cleanups.push(cleanup);
  const empty = mkdtempSync(join(tmpdir(), 'firebreak-empty-'));
  return checkContent(dir, { playbook: '.', postmortems: empty }, { now: TODAY }).problems;
}

describe('playbook content rules', () => {
  it('accepts the valid base playbook', () => {
    expect(check()).toEqual([]);
  });

  it('rejects an unknown phase, naming the file, line and field', () => {
    const problems = check('unknown-phase');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'step-04-profiles.md',
      line: 4,
      field: 'phase',
      level: 'error',
      message: 'expected one of: before, during, after',
    });
  });

  it('rejects step 11', () => {
    const problems = check('step-eleven');
    expect(problems).toEqual([
      expect.objectContaining({ file: 'step-04-profiles.md', line: 6, field: 'step', message: 'steps are numbered 1 to 10' }),
    ]);
  });

  it('rejects two pages claiming the same step', () => {
    const problems = check('duplicate-step');
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'step-05-also-four.md',
        line: 6,
        field: 'step',
        message: 'step 4 is already claimed by step-04-profiles.md; each step number belongs to one page',
      }),
    ]);
  });

  it('rejects a related page that does not exist', () => {
    const problems = check('missing-related');
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'step-04-profiles.md',
        line: 10,
        field: 'related.0',
        message: expect.stringContaining('no playbook page "step-99-does-not-exist"'),
      }),
    ]);
  });

  it('reports every problem of a file at once: missing, unknown, malformed and misplaced fields', () => {
    const problems = check('misc-errors');
    const byField = Object.fromEntries(problems.map((p) => [p.field, p]));
    expect(Object.keys(byField).sort()).toEqual(['lastReviewed', 'owner', 'severty', 'step']);
    expect(byField['owner']).toMatchObject({ message: expect.stringMatching(/^missing: this field is required/) });
    expect(byField['severty']).toMatchObject({ line: 11, message: expect.stringContaining('unknown field "severty"') });
    expect(byField['lastReviewed']).toMatchObject({ line: 10, message: 'expected a date as YYYY-MM-DD, e.g. 2026-03-14' });
    expect(byField['step']).toMatchObject({
      line: 6,
      message: 'only method steps carry a step number; this page is kind "start"',
    });
  });
});

describe('content folder oddities', () => {
  it('reports a folder named like a page instead of crashing', () => {
    const { dir, cleanup } = overlayFixture('playbook');
    cleanups.push(cleanup);
    mkdirSync(join(dir, 'step-09-folder.md'));
    const problems = checkContent(dir, { playbook: '.', postmortems: join(dir, 'none') }, { now: TODAY }).problems;
    expect(problems).toEqual([
      expect.objectContaining({ file: 'step-09-folder.md', message: expect.stringContaining('found a folder') }),
    ]);
  });
});
