import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentPaths } from '../../src/content-paths.ts';
import { type Problem, checkContent, formatProblem } from '../../src/lib/content-check/index.ts';
import { parseFrontmatter } from '../../src/lib/content-check/frontmatter.ts';
import { DEADLINES } from '../../src/schema/deadlines.ts';
import { ROLES } from '../../src/schema/roles.ts';
import { RUNBOOK_TYPES } from '../../src/schema/runbook.ts';
import { STAGE_TEMPLATES, filledLength } from '../../src/schema/scenario-template.ts';

/**
 * The operational playbook as committed, and the content check's rules for it, proven on
 * copies of the real content with one thing broken at a time.
 */
const root = join(import.meta.dirname, '..', '..');
const DAY = 86_400_000;

let temps: string[] = [];
afterEach(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  temps = [];
});

/**
 * What these tests judge: every error, and the warnings about the operational playbook's own
 * files. The learning loop's warnings about the samples (unapplied lessons, overdue action
 * items) are real but belong to its own tests.
 */
function operationalProblems(problems: readonly Problem[]): Problem[] {
  return problems.filter(
    (problem) =>
      problem.level === 'error' || /^content\/(runbooks|platforms|roles|scenario-templates)\/|roster/.test(problem.file),
  );
}

/** The project's content in a temporary root, after `change` has edited it. */
function checkCopy(change: (dir: string) => void, now = new Date()) {
  const dir = mkdtempSync(join(tmpdir(), 'firebreak-ops-'));
  temps.push(dir);
  cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
  change(dir);
  return operationalProblems(checkContent(dir, contentPaths, { now }).problems);
}

function edit(dir: string, file: string, from: string | RegExp, to: string) {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  expect(after, `${file} did not contain ${String(from)}`).not.toBe(before);
  writeFileSync(path, after);
}

const frontOf = (dir: string, name: string) =>
  parseFrontmatter(readFileSync(join(root, dir, name), 'utf8')) as ReturnType<typeof parseFrontmatter>;

describe('the committed operational playbook', () => {
  const result = checkContent(root, contentPaths, { now: new Date('2026-12-01T12:00:00Z') });

  it('passes the content check', () => {
    expect(operationalProblems(result.problems).map(formatProblem)).toEqual([]);
  });

  it('has one valid runbook per crisis type, and platform cards for every platform the issue names', () => {
    expect(result.runbooks.filter((entry) => entry.valid).map((entry) => entry.id).sort()).toEqual(
      [...RUNBOOK_TYPES].sort(),
    );
    expect(result.platforms.filter((entry) => entry.valid).map((entry) => entry.id).sort()).toEqual(
      ['bluesky', 'linkedin', 'meta', 'reddit', 'scheduling-tools', 'threads', 'tiktok', 'x', 'youtube'].sort(),
    );
    expect(result.roles.filter((entry) => entry.valid).map((entry) => entry.id).sort()).toEqual([...ROLES].sort());
  });

  it('links every runbook to templates and steps that exist', () => {
    const templates = new Set(result.scenarioTemplates.map((entry) => entry.id));
    const steps = new Set(result.playbook.flatMap((page) => (page.valid?.step ? [page.valid.step] : [])));
    const templatesPage = readFileSync(join(root, 'content/playbook/templates.mdx'), 'utf8');
    for (const runbook of result.runbooks) {
      const data = runbook.valid!;
      expect(data.templates.length).toBeGreaterThan(0);
      for (const id of data.templates) expect(templates, `${runbook.id} → ${id}`).toContain(id);
      for (const id of data.stageTemplates) expect(STAGE_TEMPLATES).toContain(id);
      for (const step of data.steps) expect(steps, `${runbook.id} → step ${step}`).toContain(step);
    }
    // The stage templates are the headings of the templates page (their anchors).
    for (const heading of ['Holding statement', 'Apology', 'Update', 'Closing statement']) {
      expect(templatesPage).toContain(`\n## ${heading}\n`);
    }
  });

  it('gives every runbook at least 400 words of its own', () => {
    for (const file of readdirSync(join(root, contentPaths.runbooks))) {
      const source = readFileSync(join(root, contentPaths.runbooks, file), 'utf8').replace(/^import .*$/gm, '');
      const words = source.replace(/^\w+:/gm, '').match(/[A-Za-z][A-Za-z’'-]*/g) ?? [];
      expect(words.length, file).toBeGreaterThanOrEqual(400);
    }
  });

  it('names an owner role on every checklist item of Crisis now, the steps and the runbooks', () => {
    let items = 0;
    for (const [dir, names] of [
      [contentPaths.playbook, readdirSync(join(root, contentPaths.playbook))],
      [contentPaths.runbooks, readdirSync(join(root, contentPaths.runbooks))],
    ] as const) {
      for (const name of names) {
        const checklist = (frontOf(dir, name).data['checklist'] ?? []) as unknown[];
        for (const item of checklist) {
          items++;
          expect(item, `${dir}/${name}`).toEqual({ text: expect.any(String), owner: expect.any(String) });
          expect(ROLES, `${dir}/${name}`).toContain((item as { owner: string }).owner);
        }
      }
    }
    expect(items).toBeGreaterThan(100);
  });

  it('has the eight scenario templates, each with placeholders and a short version under 280 characters once filled', () => {
    expect(result.scenarioTemplates.map((entry) => entry.id).sort()).toEqual(
      [
        'customer-service-script',
        'data-exposure-notice',
        'first-private-message',
        'hacked-account-warning',
        'hoax-correction',
        'media-statement',
        'recall-safety-notice',
        'staff-note',
      ].sort(),
    );
    for (const entry of result.scenarioTemplates) {
      const data = entry.valid!;
      expect(data.text, entry.id).toMatch(/\[[A-Z]/);
      expect(data.short, entry.id).toMatch(/\[[A-Z]/);
      expect(filledLength(data.short), entry.id).toBeLessThan(280);
      expect(data.never.length, entry.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('cites the platforms’ own help pages on every platform card', () => {
    for (const entry of result.platforms) {
      for (const source of entry.valid!.sources) expect(source.url, entry.id).toMatch(/^https:\/\//);
    }
  });
});

describe('content check rules for the operational playbook', () => {
  it('warns about a platform card last verified more than 180 days ago, and only then', () => {
    const verified = new Date('2026-12-01T00:00:00Z').getTime();
    const fresh = checkCopy(() => {}, new Date(verified + (DEADLINES.platformCardMaxAgeDays - 1) * DAY));
    expect(fresh.filter((p) => p.field === 'lastVerified')).toEqual([]);
    const stale = checkCopy(() => {}, new Date(verified + (DEADLINES.platformCardMaxAgeDays + 5) * DAY));
    const warnings = stale.filter((p) => p.field === 'lastVerified');
    expect(warnings).toHaveLength(9);
    expect(warnings[0]).toMatchObject({
      level: 'warning',
      file: 'content/platforms/bluesky.md',
      line: 6,
      message: expect.stringContaining('last verified 185 days ago'),
    });
    expect(stale.filter((p) => p.level === 'error')).toEqual([]);
  });

  it('rejects a checklist item without an owner, naming the roles to choose from', () => {
    const problems = checkCopy((dir) =>
      edit(
        dir,
        'content/runbooks/viral-complaint.mdx',
        /- \{ text: "Screenshot the original post and the top replies, with links and times.", owner: social-lead \}/,
        '- "Screenshot the original post and the top replies, with links and times."',
      ),
    );
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/runbooks\/viral-complaint\.mdx:\d+ {2}checklist\.0 {2}name the role that does this: write \{ text: "…", owner: <role> \}, where role is one of: crisis-lead, deputy/,
      ),
    ]);
  });

  it('rejects a runbook that points at a template or platform card that does not exist', () => {
    const problems = checkCopy((dir) => {
      edit(dir, 'content/runbooks/misinformation.mdx', 'templates: [hoax-correction,', 'templates: [hoax-corection,');
      edit(dir, 'content/runbooks/misinformation.mdx', '{ card: tiktok, action: impersonation', '{ card: tik-tok, action: impersonation');
    });
    expect(problems.map(formatProblem)).toEqual([
      'content/runbooks/misinformation.mdx:20  templates.0  no scenario template "hoax-corection" (expected content/scenario-templates/hoax-corection.md)',
      'content/runbooks/misinformation.mdx:23  platformActions.0.card  no platform card "tik-tok" (expected content/platforms/tik-tok.md)',
    ]);
  });

  it('requires a runbook for every crisis type and a card for every role', () => {
    const problems = checkCopy((dir) => {
      rmSync(join(dir, 'content/runbooks/account-compromise.mdx'));
      rmSync(join(dir, 'content/roles/scribe.md'));
    });
    expect(problems.map(formatProblem)).toEqual([
      'content/roles  (file)  no role card for "scribe" (expected content/roles/scribe.md)',
      'content/runbooks  (file)  no runbook for the crisis type "account-compromise" (expected content/runbooks/account-compromise.mdx)',
    ]);
  });

  it('rejects a {{number}} that src/schema/deadlines.ts does not define', () => {
    const problems = checkCopy((dir) =>
      edit(dir, 'content/playbook/step-02-act-early.mdx', 'report {{watch-report}}', 'report {{watch-reports}}'),
    );
    expect(problems.map(formatProblem)).toEqual([
      'content/playbook/step-02-act-early.mdx:14  checklist.6.text  unknown number "{{watch-reports}}": use a name from src/schema/deadlines.ts',
    ]);
  });

  it('refuses a phone number on a public page, but accepts phone numbers in the roster', () => {
    const problems = checkCopy((dir) =>
      edit(dir, 'content/roles/legal.md', 'Name the person who answers out of hours', 'Call +44 20 7946 0106, who answers out of hours'),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/roles/legal.md',
        field: 'before.2',
        level: 'error',
        message: expect.stringContaining('phone number'),
      }),
    ]);
    // The example roster holds the same number (and many more) and is not a problem.
    expect(readFileSync(join(root, 'content/roster.example.yaml'), 'utf8')).toContain('+44 20 7946 0106');
  });

  it('reports a broken roster with its line, field and what is expected', () => {
    const problems = checkCopy((dir) =>
      edit(dir, 'content/roster.example.yaml', 'scribe: { primary: sam-okafor, backups: [lena-fischer] }', 'scribe: { primary: sam-okafor, backups: [] }'),
    );
    expect(problems.map(formatProblem)).toEqual([
      'content/roster.example.yaml:71  roles.scribe.backups  name at least one backup: a role held by one person fails at 21:00 on a Saturday',
    ]);
    const second = checkCopy((dir) => edit(dir, 'content/roster.example.yaml', 'fallback: tom-reyes', 'fallback: tom-reeyes'));
    expect(second.map(formatProblem)).toEqual([
      'content/roster.example.yaml:83  signOff.1.fallback  "tom-reeyes" is not the id of anyone in people',
    ]);
  });
});
