import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkBuiltSite } from '../../src/site-check/index.ts';

const fixtures = fileURLToPath(new URL('../fixtures/check/', import.meta.url));
const shortPath = (path: string) => path.slice(fixtures.length);

describe('broken internal links in the built site', () => {
  it('finds each broken target once, at its first page and line, and counts the other pages', () => {
    const scan = checkBuiltSite(join(fixtures, 'broken-links/built'), '/', shortPath);
    expect(scan.pages).toBe(2);
    expect(scan.problems.map(({ file, line, field }) => `${file}:${line} ${field}`)).toEqual([
      'broken-links/built/index.html:3 src',
      'broken-links/built/index.html:5 href',
      'broken-links/built/index.html:6 src',
    ]);
    const [pagefind, step2, image] = scan.problems;
    expect(pagefind!.message).toMatch(/"\/pagefind\/pagefind-ui\.js".*search index, which is missing/);
    expect(step2!.message).toBe(
      'broken internal link "/playbook/step-02/": it leads to no page or file in the built site (also on 1 other page)',
    );
    expect(image!.message).toContain('"/images/missing-chart.png"');
  });

  it('accepts pages, assets, query strings, fragments, external links and a built Pagefind index', () => {
    expect(checkBuiltSite(join(fixtures, 'clean/built'), '/', shortPath).problems).toEqual([]);
  });

  it('checks links against the base path a sub-folder deployment (GitHub Pages) uses', () => {
    const dist = mkdtempSync(join(tmpdir(), 'firebreak-dist-'));
    mkdirSync(join(dist, 'guide'));
    writeFileSync(join(dist, 'index.html'), '<a href="/firebreak/guide/">ok</a>\n<a href="/guide/">no base</a>');
    writeFileSync(join(dist, 'guide/index.html'), '<a href="/firebreak/">home</a>');
    const scan = checkBuiltSite(dist, '/firebreak/', (path) => path.slice(dist.length + 1));
    expect(scan.problems).toEqual([
      expect.objectContaining({
        file: 'index.html',
        line: 2,
        field: 'href',
        message: expect.stringContaining("outside the site's base path /firebreak/"),
      }),
    ]);
  });
});

describe('the URL policy on built pages', () => {
  it('reports refused link targets and inline handlers that reached a page, at their line', () => {
    const dist = mkdtempSync(join(tmpdir(), 'firebreak-dist-'));
    writeFileSync(
      join(dist, 'index.html'),
      [
        '<a href="https://example.com/">fine</a> <a href="mailto:a@example.com">mail</a>',
        '<a href="&#106;avascript:alert(1)">entity</a>',
        "<img src='data:image/svg+xml,x' alt=''>",
        '<a href="//evil.example/">elsewhere</a>',
        '<button onclick="alert(1)">x</button>',
      ].join('\n'),
    );
    const scan = checkBuiltSite(dist, '/', (path) => path.slice(dist.length + 1));
    expect(scan.problems.map(({ file, line, field, message }) => `${file}:${line} ${field} ${message}`)).toEqual([
      'index.html:2 href <a href="javascript:alert(1)"> is refused: "javascript:" links are not allowed',
      'index.html:3 src <img src="data:image/svg+xml,x"> is refused: "data:" links are not allowed',
      'index.html:4 href <a href="//evil.example/"> is refused: a link starting with // (or /\\) leads to another site: write https://',
      'index.html:5 onclick <button> carries an inline event handler (onclick); pages run no inline script',
    ]);
  });
});
