import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, formatProblem, type Problem } from '../../src/lib/content-check/index.ts';
import { FIXTURES } from '../support/overlay.ts';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A fixed day for the deadline and review warnings, so the expectations do not age. */
const TODAY = new Date('2025-02-01T00:00:00Z');

/** Post-mortems from base + overlay, checked against the tiny fixture playbook (steps 1 and 4). */
function check(scenario?: string): Problem[] {
  const dir = mkdtempSync(join(tmpdir(), 'firebreak-pm-'));
  dirs.push(dir);
  cpSync(join(FIXTURES, 'postmortems', 'base'), dir, { recursive: true });
  if (scenario) cpSync(join(FIXTURES, 'postmortems', scenario), dir, { recursive: true });
  return checkContent(dir, { playbook: join(FIXTURES, 'playbook', 'base'), postmortems: '.' }, { now: TODAY }).problems.filter(
    (p) => !p.file.includes('/playbook/'),
  );
}

describe('post-mortem content rules across files', () => {
  it('accepts the valid entry', () => {
    expect(check()).toEqual([]);
  });

  it('reports every problem of a file at once, each with its line and field path', () => {
    const lines = check('multi-error').map(formatProblem);
    const file = '2025-02-01-many-mistakes.md';
    expect(lines).toEqual([
      // Missing keys have no line of their own: the problem names the file and the field.
      `${file}  lessons  a published post-mortem needs at least one lesson`,
      `${file}  actionItems  a published post-mortem needs at least one action item`,
      `${file}  resolved  a published post-mortem needs the time the incident was resolved`,
      `${file}:5  severity  severity runs from 1 (critical) to 4 (watch)`,
      `${file}:6  crisisType  expected one of: viral-complaint, offensive-content, customer-service, employee-post, product-safety, data-privacy, misinformation, account-compromise, other`,
      `${file}:8  platforms  name at least one platform`,
      `${file}:11  started  expected an ISO 8601 time with a zone, e.g. 2026-03-14T09:30:00Z or 2026-03-14T10:30:00+01:00`,
      `${file}:13  firstResponse  firstResponse (2025-02-01T08:00:00Z) is before detected (2025-02-01T09:00:00Z); expected started ≤ detected ≤ firstResponse ≤ resolved`,
      `${file}:18  timeline.1.at  event at 2025-02-01T11:00:00Z comes before the previous event (2025-02-01T12:00:00Z); list timeline events in order`,
      `${file}:21  timeline.1.link  expected an http(s):// link`,
      `${file}:25  contributingFactors  name at least one contributing factor`,
    ]);
  });

  it('rejects two files with the same slug', () => {
    expect(check('duplicate-slug').filter((p) => p.level === 'error')).toEqual([
      expect.objectContaining({
        file: '2025-01-10-valid-incident.mdx',
        field: '',
        message: 'duplicate slug "2025-01-10-valid-incident": 2025-01-10-valid-incident.md has the same one',
      }),
    ]);
  });

  it('refuses an MDX post-mortem: post-mortems are data, and MDX runs code at build time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'firebreak-pm-'));
    dirs.push(dir);
    cpSync(join(FIXTURES, 'postmortems', 'base', '2025-01-10-valid-incident.md'), join(dir, '2025-01-10-valid-incident.mdx'));
    const problems = checkContent(dir, { playbook: join(FIXTURES, 'playbook', 'base'), postmortems: '.' }, { now: TODAY }).problems;
    expect(problems.filter((p) => !p.file.includes('/playbook/'))).toEqual([
      expect.objectContaining({ level: 'error', file: '2025-01-10-valid-incident.mdx', message: expect.stringContaining('Markdown (.md) only') }),
    ]);
  });

  it('rejects references that do not resolve: related incidents and playbook steps', () => {
    const problems = check('broken-refs').map(formatProblem);
    const file = '2025-03-01-broken-refs.md';
    expect(problems).toEqual([
      `${file}:57  lessons.1.step  no playbook page teaches step 9`,
      `${file}:64  playbookSteps.1  no playbook page teaches step 7`,
      `${file}:65  related.0  no post-mortem "2024-12-01-no-such-incident" (expected ./2024-12-01-no-such-incident.md)`,
    ]);
  });
});
