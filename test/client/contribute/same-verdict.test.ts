import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentPaths } from '../../../src/content-paths.ts';
import { checkContent } from '../../../src/lib/content-check/index.ts';
import { readPrivacyAllowlist } from '../../../src/lib/content-check/privacy.ts';
import type { Problem } from '../../../src/lib/content-check/problem.ts';
import { judgeFile, type ContributeContext } from '../../../src/client/contribute/validate.ts';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const POSTMORTEMS = 'content/postmortems';

/** Every folder of post-mortems the project's tests use: the check's fixtures, the samples, hostile files. */
function postmortemFolders(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const dirent of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, dirent.name);
      if (dirent.isDirectory()) walk(path);
      else if (/^\d{4}-\d{2}-\d{2}-.*\.md$/.test(dirent.name)) found.add(dirname(path));
    }
  };
  walk(join(projectRoot, 'test/fixtures'));
  found.add(join(projectRoot, POSTMORTEMS));
  return [...found].sort();
}

/** The project root a folder belongs to, or a fresh one holding a copy of it (with no playbook). */
function rootOf(folder: string): string {
  if (folder.endsWith(`/${POSTMORTEMS}`)) return folder.slice(0, -POSTMORTEMS.length - 1);
  const root = mkdtempSync(join(tmpdir(), 'firebreak-verdict-'));
  mkdirSync(join(root, POSTMORTEMS), { recursive: true });
  for (const name of readdirSync(folder).filter((name) => /^\d{4}-.*\.md$/.test(name))) {
    cpSync(join(folder, name), join(root, POSTMORTEMS, name));
  }
  return root;
}

const key = (problem: Problem) => `${problem.line ?? '-'} ${problem.field} ${problem.level} ${problem.message}`;

describe('the contribute form and npm run check', () => {
  const folders = postmortemFolders();

  it('find every fixture folder', () => {
    expect(folders.map((folder) => relative(projectRoot, folder))).toEqual(
      expect.arrayContaining([
        'content/postmortems',
        'test/fixtures/check/clean/content/postmortems',
        'test/fixtures/check/placeholders/content/postmortems',
        'test/fixtures/check/schema-error/content/postmortems',
        'test/fixtures/check/undecided/content/postmortems',
        'test/fixtures/hostile-content',
        'test/fixtures/privacy/content/postmortems',
      ]),
    );
  });

  for (const folder of folders) {
    it(`give the same verdict, problem for problem, on ${relative(projectRoot, folder)}`, () => {
      const root = rootOf(folder);
      const check = checkContent(
        root,
        { ...contentPaths, playbook: 'content/playbook', postmortems: POSTMORTEMS },
        { now: new Date('2026-01-01') },
      );
      const allowlist = readPrivacyAllowlist(root, []);
      const context: ContributeContext = {
        postmortemDir: POSTMORTEMS,
        incidentIds: check.postmortems.map((entry) => entry.id),
        stepNumbers: check.playbook.flatMap((page) => (page.valid?.step ? [page.valid.step] : [])),
        allowlist: {
          handles: [...allowlist.handles],
          emailDomains: [...allowlist.emailDomains],
          phones: [...allowlist.phones],
          phoneRegions: [...allowlist.phoneRegions],
        },
      };
      const files = readdirSync(join(root, POSTMORTEMS)).filter((name) => name.endsWith('.md'));
      expect(files.length).toBeGreaterThan(0);
      let failing = 0;
      for (const name of files) {
        const file = `${POSTMORTEMS}/${name}`;
        const form = judgeFile(file, readFileSync(join(root, file), 'utf8'), context);
        const errors = (problems: readonly Problem[]) => problems.filter((p) => p.level === 'error').map(key);
        const warnings = (problems: readonly Problem[]) => problems.filter((p) => p.level === 'warning').map(key);
        const checked = check.problems.filter((problem) => problem.file === file);
        expect(errors(form.problems), file).toEqual(errors(checked));
        // The check also judges the library as a whole (lessons back into the playbook, overdue
        // actions): warnings about the library, not the file. Every warning the form gives, the check gives.
        expect(warnings(checked), file).toEqual(expect.arrayContaining(warnings(form.problems)));
        if (form.errors > 0) failing++;
      }
      // The fixtures are there to fail: make sure the comparison saw some failures where expected.
      if (/schema-error|undecided|hostile|privacy|placeholders/.test(folder)) expect(failing).toBeGreaterThan(0);
    });
  }
});
