import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

const dist = inject('distDir');
const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/** The budgets of issue #2: a step page stays light enough for a phone on a bad connection. */
const HTML_BUDGET = 20 * 1024;
const CSS_BUDGET = 15 * 1024;
/** Search, checklists, copy buttons and the theme toggle together. Pagefind itself loads only on search. */
const JS_BUDGET = 10 * 1024;

/** The script files a page loads, following static `import` statements between chunks. */
function moduleGraph(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g))
      visit(join(dirname(file), m[1]!));
  };
  for (const src of entries) visit(join(dist, src));
  return [...seen];
}

function stepPage(): string {
  return readFileSync(join(dist, 'playbook', 'step-03-time-is-your-ally', 'index.html'), 'utf8');
}

describe('page weight of a step page', () => {
  it(`HTML is at most ${HTML_BUDGET / 1024} kB gzipped`, () => {
    const size = gz(stepPage());
    console.info(`step page HTML: ${(size / 1024).toFixed(1)} kB gzipped`);
    expect(size).toBeLessThanOrEqual(HTML_BUDGET);
  });

  it(`all CSS of the site is at most ${CSS_BUDGET / 1024} kB gzipped`, () => {
    const assets = join(dist, '_astro');
    const css = readdirSync(assets).filter((name) => name.endsWith('.css'));
    const inline = [...stepPage().matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
    const size = gz(css.map((name) => readFileSync(join(assets, name), 'utf8')).join('\n') + inline.join('\n'));
    console.info(`CSS: ${(size / 1024).toFixed(1)} kB gzipped`);
    expect(size).toBeLessThanOrEqual(CSS_BUDGET);
  });

  it('loads only its own small scripts: no framework, nothing third-party, nothing eager from Pagefind', () => {
    const html = stepPage();
    const external = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? '');
    for (const src of external) expect(src).toMatch(/^\/_astro\/[\w.-]+\.js$/);
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    const code = [...moduleGraph(external).map((file) => readFileSync(file, 'utf8')), ...inline].join('\n');
    expect(html).not.toMatch(/pagefind-ui|<script[^>]+pagefind/);
    const size = gz(code);
    console.info(
      `JS on a step page: ${(size / 1024).toFixed(1)} kB gzipped in ${external.length + inline.length} scripts`,
    );
    expect(size).toBeLessThanOrEqual(JS_BUDGET);
    // The features this page uses: theme toggle, checklist, search, and the service worker
    // (offline), the one script crisis mode adds to a playbook page.
    for (const marker of ['firebreak:theme', 'firebreak:checklist', 'pagefind.js', 'sw.js']) {
      expect(code, `feature script for ${marker}`).toContain(marker);
    }
  });
});
