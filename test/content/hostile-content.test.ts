import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem, type Problem } from '../../src/lib/content-check/index.ts';
import { CONTENT_FILE_MAX_BYTES } from '../../src/lib/content-check/load.ts';
import { FIXTURES } from '../support/overlay.ts';

/**
 * The hostile-content corpus (test/fixtures/hostile-content/, one file per attack class, see
 * its README): `npm run check` must refuse every file, naming the file and the line.
 */
const CORPUS = join(FIXTURES, 'hostile-content');
const PLAYBOOK = join(FIXTURES, 'playbook', 'base');
const work = mkdtempSync(join(tmpdir(), 'firebreak-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function checkAlone(name: string): Problem[] {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(CORPUS, name), join(dir, name));
  return checkContent(dir, { playbook: PLAYBOOK, postmortems: '.' }).problems.filter((p) => p.file === name);
}

const corpus = readdirSync(CORPUS).filter((name) => /^2025-.*\.mdx?$/.test(name));

/** For each attack, what the refusal must say (and, for body attacks, the line it points at). */
const expected: Record<string, { line?: number; message: RegExp }[]> = {
  'reference-link': [{ line: 43, message: /link definition "javascript:alert\(document\.domain\)" is refused/ }],
  'reference-image': [{ line: 43, message: /link definition "javascript:alert\(1\)" is refused/ }],
  'entity-scheme': [
    { line: 41, message: /link "javascript:alert\(1\)" is refused: "javascript:" links are not allowed/ },
    { line: 41, message: /link "javascript:alert\(2\)" is refused/ },
  ],
  'uppercase-scheme': [
    { line: 41, message: /"javascript:" links are not allowed/ },
    { line: 41, message: /"vbscript:" links are not allowed/ },
  ],
  'protocol-relative': [
    { line: 41, message: /link "\/\/evil\.example\/collect" is refused: .*leads to another site/ },
    { line: 41, message: /link "\/\\evil\.example\/collect" is refused: .*leads to another site/ },
  ],
  'autolink-scheme': [{ line: 41, message: /link "javascript:alert\(1\)" is refused/ }],
  'control-character': [
    { line: 41, message: /invisible or control character \(U\+0009\)/ },
    { line: 41, message: /invisible or control character \(U\+000A\)/ },
  ],
  'data-uri': [
    { line: 41, message: /image "data:image\/svg\+xml;base64,.*" is refused: "data:" links are not allowed/ },
    { line: 41, message: /link "data:text\/html,.*" is refused/ },
  ],
  'raw-html': [
    { line: 43, message: /raw HTML \("<img src="x" onerror="alert\(1\)">"\) is shown as text/ },
    { line: 45, message: /raw HTML \("<script>alert\(2\)<\/script>"\)/ },
    { line: 47, message: /raw HTML \("<a href="javascript:alert\(3\)" onclick="alert\(4\)">"\)/ },
    { line: 47, message: /raw HTML \("<\/a>"\)/ },
  ],
  'frontmatter-link': [{ line: 41, message: /expected an http\(s\):\/\/ link/ }],
  'cr-after-frontmatter': [
    // The body starts right after the `---` on line 39: the checker reads what Astro renders.
    { line: 39, message: /link "javascript:alert\(1\)" is refused/ },
  ],
  'bom-crlf': [{ line: 41, message: /link "javascript:alert\(1\)" is refused/ }],
  'alias-bomb': [{ line: 4, message: /YAML aliases \(\*name\) that repeat a list or a mapping are not allowed/ }],
  'toml-frontmatter': [{ line: 1, message: /front matter is YAML between two "---" lines, not TOML/ }],
  'invisible-title': [{ line: 2, message: /invisible or text-direction character U\+202E/ }],
  mdx: [{ message: /post-mortems are Markdown \(\.md\) only: MDX runs code at build time/ }],
};

describe('the hostile-content corpus', () => {
  it('has a fixture for every attack class and an expectation for every fixture', () => {
    const classes = corpus.map((name) => name.replace(/^2025-06-01-hostile-/, '').replace(/\.mdx?$/, ''));
    expect(classes.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(corpus)('%s is refused by the check, with the file and the line', (name) => {
    const attack = name.replace(/^2025-06-01-hostile-/, '').replace(/\.mdx?$/, '');
    const errors = checkAlone(name).filter((p) => p.level === 'error');
    for (const want of expected[attack]!) {
      const match = errors.find((p) => want.message.test(p.message) && (want.line === undefined || p.line === want.line));
      expect(match, `${name}: no error like ${want.message} at line ${want.line}; got\n${errors.map(formatProblem).join('\n')}`).toBeDefined();
    }
  });

  it('reports the personal data that hid behind a carriage return after the closing ---', () => {
    const messages = checkAlone('2025-06-01-hostile-cr-after-frontmatter.md').map((p) => p.message);
    expect(messages.some((m) => m.startsWith('e-mail address'))).toBe(true);
  });

  it('refuses a file over the size limit without parsing it', () => {
    const dir = join(work, 'oversize');
    mkdirSync(dir, { recursive: true });
    const name = '2025-06-01-hostile-oversize.md';
    writeFileSync(join(dir, name), `---\ntitle: Huge\n---\n${'x'.repeat(CONTENT_FILE_MAX_BYTES)}`);
    const problems = checkContent(dir, { playbook: PLAYBOOK, postmortems: '.' }).problems.filter((p) => p.file === name);
    expect(problems.map(formatProblem)).toEqual([
      `${name}  (file)  the file is 4097 kB, more than the limit of 4096 kB for one page: split it or trim the mention series`,
    ]);
  });

  it('refuses a billion-laughs front matter in milliseconds, not minutes', () => {
    const started = performance.now();
    const errors = checkAlone('2025-06-01-hostile-alias-bomb.md');
    expect(errors).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('npm run check refuses a billion-laughs front matter at once, with a clear message', () => {
    const root = join(work, 'alias-project');
    mkdirSync(join(root, 'content', 'postmortems'), { recursive: true });
    cpSync(PLAYBOOK, join(root, 'content', 'playbook'), { recursive: true });
    cpSync(join(CORPUS, '2025-06-01-hostile-alias-bomb.md'), join(root, 'content', 'postmortems', '2025-06-01-hostile-alias-bomb.md'));
    const result = spawnSync(process.execPath, ['scripts/check.ts', '--root', root], {
      cwd: join(import.meta.dirname, '..', '..'),
      encoding: 'utf8',
      // The stall this guards against lasts minutes; the check itself takes milliseconds.
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /content\/postmortems\/2025-06-01-hostile-alias-bomb\.md:4 {2}\(file\) {2}front matter: YAML aliases \(\*name\) that repeat a list or a mapping are not allowed/,
    );
    expect(result.stderr).toBe('');
  });
});
