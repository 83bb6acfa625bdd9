import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content-check/index.ts';
import { parseFrontmatter } from '../../../src/lib/content-check/frontmatter.ts';
import { postmortemSchema } from '../../../src/schema/postmortem.ts';
import { CRISIS_TYPES, PLATFORMS } from '../../../src/schema/taxonomy.ts';
import { emptyUndecidedFields, withDraftStandIns } from '../../../src/schema/undecided.ts';
import { localDate, localZone, renderDraft } from '../../../scripts/new/template.ts';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs a script as `npm run …` does, with stdin not a terminal (so no prompts). */
function run(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function newProject(): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'firebreak-new-'));
  return { root, dir: join(root, 'content/postmortems') };
}

describe('npm run new', () => {
  it('gives the same id as npm run import for the same title and day', () => {
    const title = 'Kettle leak complaints go viral: Café & "Crème" edition, with a title long enough to be cut';
    const { dir } = newProject();
    const created = run('scripts/new.ts', '--title', title, '--date', '2025-03-01', '--dir', dir);
    expect(created.code).toBe(0);
    const imported = mkdtempSync(join(tmpdir(), 'firebreak-new-import-'));
    const result = run(
      'scripts/import.ts',
      '--out',
      imported,
      '--title',
      title,
      '--brand-handle',
      'examplebrand',
      'test/fixtures/import/firebreak-json/kettle-leak.json',
    );
    expect(result.code).toBe(0);
    const fromNew = readdirSync(dir);
    expect(fromNew).toEqual(['2025-03-01-kettle-leak-complaints-go-viral-cafe-and-creme-edition-with.md']);
    expect(readdirSync(imported)).toEqual(fromNew);
  });

  it('scaffolds a draft named <today>-<slug>.md that passes npm run check', () => {
    const { root, dir } = newProject();
    const created = run('scripts/new.ts', '--title', 'Promo code leaked on TikTok', '--dir', dir);
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    const file = join(dir, `${localDate()}-promo-code-leaked-on-tiktok.md`);
    expect(created.out).toContain(`Created ${file}`);

    const checked = run('scripts/check.ts', '--root', root);
    expect(checked.out.trim().split('\n')).toEqual([
      `draft: 21 placeholders left, first at ${file}:5 (summary)`,
      'OK: 0 errors, 0 warnings; checked 1 post-mortem, 0 playbook pages (no built site: run npm run build to check its links too)',
    ]);
    expect(checked.code).toBe(0);

    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').slice(0, 2)).toEqual([
      '---',
      '# yaml-language-server: $schema=../../public/schemas/postmortem.schema.json',
    ]);
    expect(text).toMatch(/^status: draft\b/m);
    expect(text).toMatch(/^example: false\b/m);
    expect(text).toMatch(/^started: # TODO: .*e\.g\. "\d{4}-\d{2}-\d{2}T09:00:00(?:Z|[+-]\d{2}:\d{2})"/m);
    for (const section of ['## What happened', '## Response', '## What we would do differently']) {
      expect(text).toMatch(new RegExp(`^${section}\\n\\nTODO: .+`, 'm'));
    }
  });

  it('writes the choices given as flags', () => {
    const { dir } = newProject();
    const created = run(
      'scripts/new.ts',
      '--title',
      'Sofa delays: Reddit thread',
      '--date',
      '2022-04-22',
      '--severity',
      '2',
      '--type',
      'customer-service',
      '--platform',
      'reddit',
      '--platform',
      'x',
      '--dir',
      dir,
    );
    expect(created.code).toBe(0);
    const { data } = parseFrontmatter(readFileSync(join(dir, '2022-04-22-sofa-delays-reddit-thread.md'), 'utf8'));
    expect(data).toMatchObject({
      title: 'Sofa delays: Reddit thread',
      severity: 2,
      crisisType: 'customer-service',
      platforms: ['reddit', 'x'],
    });
    expect(readFileSync(join(dir, '2022-04-22-sofa-delays-reddit-thread.md'), 'utf8')).toContain(
      `e.g. "2022-04-22T09:00:00${localZone('2022-04-22')}"`,
    );
  });

  it('refuses to overwrite an existing post-mortem', () => {
    const { dir } = newProject();
    expect(run('scripts/new.ts', '--title', 'Promo code leak', '--date', '2025-03-14', '--dir', dir).code).toBe(0);
    const file = join(dir, '2025-03-14-promo-code-leak.md');
    writeFileSync(file, 'work in progress');
    const again = run('scripts/new.ts', '--title', 'Promo code leak!', '--date', '2025-03-14', '--dir', dir);
    expect(again.code).toBe(1);
    expect(again.err.trim()).toMatch(
      /^npm run new: .*2025-03-14-promo-code-leak\.md already exists; nothing was written\./,
    );
    expect(readFileSync(file, 'utf8')).toBe('work in progress');
  });

  it('explains missing or wrong flags in one line when there is no terminal to ask on', () => {
    const { dir } = newProject();
    const noTitle = run('scripts/new.ts', '--dir', dir);
    expect(noTitle.err.trim()).toBe(
      'npm run new: --title is required, e.g. npm run new -- --title "Promo code leaked on X"',
    );
    // A mistake on the command line: exit code 2, as for npm run import and npm run check (scripts/lib/cli.ts).
    expect(noTitle.code).toBe(2);
    const badType = run('scripts/new.ts', '--title', 'Promo code leak', '--type', 'scandal', '--dir', dir);
    expect(badType.err).toMatch(/^npm run new: --type: expected one of viral-complaint, .* got "scandal"\n$/);
    expect(badType.code).toBe(2);
    const badDate = run('scripts/new.ts', '--title', 'Promo code leak', '--date', '2025-02-30', '--dir', dir);
    expect(badDate.err.trim()).toBe('npm run new: --date: 2025-02-30 is not a day of the calendar');
  });

  it('marks the scaffold as unfinished: sent to review untouched, check refuses its placeholders', () => {
    const { root, dir } = newProject();
    run('scripts/new.ts', '--title', 'Untouched scaffold', '--date', '2025-01-01', '--dir', dir);
    const file = join(dir, '2025-01-01-untouched-scaffold.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^status: draft/m, 'status: in-review'));
    const checked = run('scripts/check.ts', '--root', root);
    expect(checked.code).toBe(1);
    expect(checked.out).toMatch(/2025-01-01-untouched-scaffold\.md:5 {2}summary {2}still holds a "TODO:" placeholder/);
    // Every field only a person can decide is named; none slipped through with a guessed value.
    const undecided = checked.out
      .split('\n')
      .filter((line) => line.includes('undecided:'))
      .map((line) => line.split('  ')[1]);
    expect(undecided).toEqual([
      'scct',
      'origin',
      'detectionSource',
      'started',
      'detected',
      'timeline.0.at',
      'impact.rating',
      'contributingFactors.0.category',
      'actionItems.0.type',
    ]);
    expect(checked.out).toMatch(/^FAILED: 19 errors, 0 warnings/m);
    expect(checked.out).not.toContain('draft:');
  });

  it('guesses nothing a person must decide: those fields are empty in the scaffold', () => {
    const { dir } = newProject();
    run('scripts/new.ts', '--title', 'Nothing guessed', '--date', '2025-01-01', '--dir', dir);
    const { data } = parseFrontmatter(readFileSync(join(dir, '2025-01-01-nothing-guessed.md'), 'utf8'));
    expect(emptyUndecidedFields(data).map((field) => field.path.join('.'))).toEqual([
      'scct',
      'origin',
      'detectionSource',
      'started',
      'detected',
      'impact.rating',
      'timeline.0.at',
      'contributingFactors.0.category',
      'actionItems.0.type',
    ]);
  });
});

describe('the draft template', () => {
  it('builds as a draft preview for every crisis type and platform, and is not schema-valid as it stands', () => {
    for (const crisisType of CRISIS_TYPES) {
      for (const platform of PLATFORMS) {
        const { data } = parseFrontmatter(
          renderDraft({
            title: 'A title with "quotes": and a colon',
            date: '2025-06-30',
            severity: 1,
            crisisType,
            platforms: [platform],
            zone: '+05:30',
          }),
        );
        // As the site build reads it: a draft's empty undecided fields get preview stand-ins.
        const result = postmortemSchema.safeParse(withDraftStandIns(data));
        expect(result.success, `${crisisType}/${platform}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
        expect(postmortemSchema.safeParse(data).success).toBe(false);
      }
    }
  });

  it('leaves a draft that checkContent accepts with no problem at all, privacy lint included', () => {
    const { root, dir } = newProject();
    run('scripts/new.ts', '--title', 'Executive LinkedIn post', '--dir', dir);
    expect(checkContent(root, { playbook: 'content/playbook', postmortems: 'content/postmortems' }).problems).toEqual(
      [],
    );
  });
});
