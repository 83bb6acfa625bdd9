import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Runs `npm run check` the way CI does (a child process), on a fixture project. */
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = 'test/fixtures/check';

function check(...args: string[]) {
  // A fixed day, before the fixtures' action items fall due, so the output does not age.
  const env = { ...process.env, FIREBREAK_TODAY: '2025-02-01' };
  const result = spawnSync(process.execPath, ['scripts/check.ts', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run check', () => {
  it('prints file:line, field and message for each schema error, a summary, and exits with 1', () => {
    const { code, out, err } = check('--root', `${fixtures}/schema-error`);
    const file = `${fixtures}/schema-error/content/postmortems/2025-01-10-wrong-severity.md`;
    expect(out.split('\n').slice(0, 2)).toEqual([
      `${file}:5  severity  severity runs from 1 (critical) to 4 (watch)`,
      `${file}:7  scct  expected one of: victim, accidental, preventable`,
    ]);
    expect(out).toMatch(/^FAILED: 2 errors, 0 warnings; checked 1 post-mortem, 0 playbook pages/m);
    expect(err).toBe('');
    expect(code).toBe(1);
  });

  it('exits with 0 and says what it checked when everything is right, links included', () => {
    const { code, out } = check('--root', `${fixtures}/clean`, '--dist', `${fixtures}/clean/built`, '--base', '/');
    expect(out.trim()).toBe(
      'OK: 0 errors, 0 warnings; checked 1 post-mortem, 0 playbook pages, links in 2 built pages',
    );
    expect(code).toBe(0);
  });

  it('refuses "TODO:" placeholders once an entry is in review, but not in drafts', () => {
    const { code, out } = check('--root', `${fixtures}/placeholders`);
    const lines = out.split('\n').filter((line) => line.includes('still holds'));
    expect(lines).toEqual([
      expect.stringMatching(/2025-01-12-left-todo\.md:3 {2}summary {2}still holds a "TODO:" placeholder/),
      expect.stringMatching(/2025-01-12-left-todo\.md:40 {2}body {2}still holds a "TODO:" placeholder/),
    ]);
    expect(code).toBe(1);
  });

  it('gives each draft a summary line: how many placeholders are left and where the first one is', () => {
    const { out } = check('--root', `${fixtures}/placeholders`);
    const draft = `${fixtures}/placeholders/content/postmortems/2025-01-13-draft-with-todo.md`;
    expect(out.split('\n').filter((line) => line.startsWith('draft:'))).toEqual([
      `draft: 1 placeholder left, first at ${draft}:3 (summary)`,
    ]);
    const clean = check('--root', `${fixtures}/clean`, '--dist', `${fixtures}/clean/built`, '--base', '/');
    expect(clean.out).not.toContain('draft:');
  });

  it('counts undecided fields left empty in a draft as placeholders, and names them once in review', () => {
    const { out } = check('--root', `${fixtures}/undecided`);
    const dir = `${fixtures}/undecided/content/postmortems`;
    expect(out).toContain(`draft: 2 placeholders left, first at ${dir}/2025-01-14-empty-draft.md:7 (scct)`);
    expect(out).toContain(`${dir}/2025-01-15-empty-in-review.md:7  scct  undecided: how much responsibility`);
    expect(out).toContain(`${dir}/2025-01-15-empty-in-review.md:11  started  undecided: when it began`);
    expect(out).toMatch(/^FAILED: 2 errors, 0 warnings; checked 2 post-mortems/m);
  });

  it('reports broken internal links of a built site passed with --dist, as errors', () => {
    const { code, out } = check(
      '--root',
      `${fixtures}/clean`,
      '--dist',
      `${fixtures}/broken-links/built`,
      '--base',
      '/',
    );
    expect(out).toContain(
      `${fixtures}/broken-links/built/index.html:5  href  broken internal link "/playbook/step-02/"`,
    );
    expect(out).toMatch(/^FAILED: 3 errors/m);
    expect(code).toBe(1);
  });

  it('explains a wrong option in one line, without a stack trace', () => {
    const missing = check('--root', `${fixtures}/no-such-project`);
    expect(missing.err.trim()).toBe(`npm run check: --root: ${fixtures}/no-such-project is not a folder`);
    expect(missing.code).toBe(2);
    const unknown = check('--roots', '.');
    expect(unknown.err).toMatch(/^npm run check: Unknown option '--roots'/);
    expect(unknown.err).not.toMatch(/\n\s+at /);
  });
});
