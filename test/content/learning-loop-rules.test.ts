import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content-check/index.ts';
import { FIXTURES } from '../support/overlay.ts';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

const VALID = '2025-01-10-valid-incident.md';

/**
 * The fixture playbook (steps 1 and 4, reviewed 2026-11-01) and the valid fixture post-mortem
 * (resolved 2025-01-11, lessons on steps 1 and 4), each edited by plain text replacement, checked
 * on `today`. Returns the problems as `file:line  field  message` lines.
 */
function check(today: string, edit: { postmortem?: (text: string) => string; reviewed?: string } = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'firebreak-loop-'));
  dirs.push(dir);
  cpSync(join(FIXTURES, 'playbook', 'base'), join(dir, 'playbook'), { recursive: true });
  const source = readFileSync(join(FIXTURES, 'postmortems', 'base', VALID), 'utf8');
  writeFileSync(join(dir, VALID), edit.postmortem ? edit.postmortem(source) : source);
  if (edit.reviewed) {
    for (const page of ['crisis-now.md', 'step-01-plan.md', 'step-04-profiles.md']) {
      const path = join(dir, 'playbook', page);
      writeFileSync(path, readFileSync(path, 'utf8').replace('lastReviewed: 2026-11-01', `lastReviewed: ${edit.reviewed}`));
    }
  }
  return checkContent(dir, { playbook: 'playbook', postmortems: '.' }, { now: new Date(`${today}T12:00:00Z`) }).problems.map(
    formatProblem,
  );
}

/** Marks the fixture's two lessons as applied. */
const applyBoth = (text: string) =>
  text
    .replace('    step: 1\n', '    step: 1\n    appliedIn: { page: step-01-plan, date: 2025-02-01 }\n')
    .replace('    step: 4\n', '    step: 4\n    appliedIn: { page: step-04-profiles, date: 2025-02-01 }\n');

describe('lessons flowing back into the playbook', () => {
  it('warn on a step page reviewed after lessons citing it were learned, when they are not applied', () => {
    expect(check('2026-11-15')).toEqual([
      'playbook/step-01-plan.md:13  lastReviewed  warning: reviewed 2026-11-01, but 1 lesson citing step 1 from before then is not applied (2025-01-10-valid-incident lesson 1): change the page and set appliedIn on each lesson',
      'playbook/step-04-profiles.md:12  lastReviewed  warning: reviewed 2026-11-01, but 1 lesson citing step 4 from before then is not applied (2025-01-10-valid-incident lesson 2): change the page and set appliedIn on each lesson',
    ]);
  });

  it('are quiet once the lessons say where they were applied', () => {
    expect(check('2026-11-15', { postmortem: applyBoth })).toEqual([]);
  });

  it('are quiet when the page was last reviewed before the lesson was learned', () => {
    expect(check('2025-03-01', { reviewed: '2025-01-05' })).toEqual([]);
  });

  it('reject an appliedIn page that does not exist, or a date before the incident', () => {
    const problems = check('2026-11-15', {
      postmortem: (text) =>
        applyBoth(text)
          .replace('page: step-01-plan, date: 2025-02-01', 'page: step-01-planning, date: 2025-02-01')
          .replace('page: step-04-profiles, date: 2025-02-01', 'page: step-04-profiles, date: 2024-12-31'),
    });
    expect(problems).toEqual([
      `${VALID}:56  lessons.0.appliedIn.page  no playbook page "step-01-planning" to apply this lesson to`,
      `${VALID}:59  lessons.1.appliedIn.date  applied on 2024-12-31, before the incident started (2025-01-10); expected the day the playbook page changed`,
    ]);
    expect(problems.some((line) => line.includes('warning'))).toBe(false);
  });
});

describe('playbook review age', () => {
  it('warns on every page not reviewed for more than 180 days, and not at 180', () => {
    expect(check('2027-04-30', { postmortem: applyBoth })).toEqual([]); // 180 days after 2026-11-01
    const late = check('2027-05-01', { postmortem: applyBoth });
    expect(late).toHaveLength(3);
    expect(late[0]).toBe(
      'playbook/crisis-now.md:11  lastReviewed  warning: last reviewed 2026-11-01, 181 days ago (more than 180): check the page against reality and update the date',
    );
  });
});

describe('overdue action items', () => {
  const open = (due?: string) => (text: string) =>
    applyBoth(text).replace('    status: done\n    due: 2025-02-01\n', `    status: open\n${due ? `    due: ${due}\n` : ''}`);

  it('warn at the due date once it has passed', () => {
    expect(check('2025-02-01', { postmortem: open('2025-02-01') })).toEqual([]);
    expect(check('2025-02-03', { postmortem: open('2025-02-01') })).toEqual([
      `${VALID}:65  actionItems.0.due  warning: open action item "Add usage caps to staff codes" was due 2025-02-01: 2 days overdue; finish it, drop it or agree a new date`,
    ]);
  });

  it('without a due date, warn after the severity deadline (15 days for severity 2)', () => {
    // Resolved 2025-01-11: the severity-2 deadline is 2025-01-26.
    expect(check('2025-01-26', { postmortem: open() })).toEqual([]);
    expect(check('2025-01-27', { postmortem: open() })).toEqual([
      `${VALID}:61  actionItems.0  warning: open action item "Add usage caps to staff codes" had no due date, so the severity 2 deadline applies (2025-01-26): 1 day overdue; finish it, drop it or agree a new date`,
    ]);
  });

  it('do not warn for drafts', () => {
    const draft = (text: string) => open('2025-02-01')(text).replace('status: published', 'status: draft');
    expect(check('2026-01-01', { postmortem: draft })).toEqual([]);
  });
});
