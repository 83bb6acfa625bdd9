import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowedUrl } from '../../src/schema/url-policy.ts';
import { FIXTURES } from '../support/overlay.ts';
import { buildSite, startOwnSite, type OwnSite } from '../support/site-build.ts';

/**
 * Defence in depth: the hostile-content corpus built with the content check switched OFF
 * (as if someone bypassed it) must still give pages with no live script, event handler or
 * refused link. Files whose front matter the schema refuses (a script link, a hidden character), or that would stall any YAML
 * walker, cannot be built at all; the build-time schema refusing them is tested below.
 */
const CORPUS = join(FIXTURES, 'hostile-content');
const NOT_BUILDABLE = new Set([
  '2025-06-01-hostile-alias-bomb.md',
  '2025-06-01-hostile-toml-frontmatter.md',
  '2025-06-01-hostile-frontmatter-link.md',
  '2025-06-01-hostile-invisible-title.md',
]);
const MDX_MARKER = join(tmpdir(), 'firebreak-hostile-mdx-ran');

const SKIP_CHECK = { FIREBREAK_SKIP_CONTENT_CHECK: '1' };

let work: string;
let site: OwnSite | undefined;
let browser: Browser;
let siteUrl: string;
const built = readdirSync(CORPUS).filter((name) => /^2025-.*\.mdx?$/.test(name) && !NOT_BUILDABLE.has(name));

beforeAll(async () => {
  rmSync(MDX_MARKER, { force: true });
  work = mkdtempSync(join(tmpdir(), 'firebreak-hostile-site-'));
  mkdirSync(join(work, 'postmortems'));
  for (const name of built) cpSync(join(CORPUS, name), join(work, 'postmortems', name));
  site = await startOwnSite(
    work,
    'the hostile corpus',
    { ...SKIP_CHECK, FIREBREAK_POSTMORTEMS_DIR: join(work, 'postmortems') },
    4393,
  );
  siteUrl = site.url;
  browser = site.browser;
}, 180_000);

afterAll(async () => {
  await site?.stop();
});

describe('hostile content built without the content check', () => {
  it('never compiles an MDX post-mortem: its code did not run and it has no page', () => {
    expect(existsSync(MDX_MARKER)).toBe(false);
    expect(existsSync(join(work, 'dist', 'incidents', '2025-06-01-hostile-mdx', 'index.html'))).toBe(false);
    const leaked = spawnSync('grep', ['-rl', '--include=*.html', process.env['HOME'] ?? '/root', join(work, 'dist')], {
      encoding: 'utf8',
    });
    expect(leaked.stdout.trim()).toBe('');
  });

  it.each(built.filter((name) => name.endsWith('.md')))('%s renders inert in Chromium', async (name) => {
    const id = name.replace(/\.md$/, '');
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const foreign: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      foreign.push(url.href);
      return route.abort();
    });
    const response = await page.goto(`${siteUrl}incidents/${id}/`);
    expect(response?.status()).toBe(200);
    const article = page.locator('main');
    const found = await article.evaluate((main) => ({
      targets: [...main.querySelectorAll('[href], [src], [action], [formaction], [poster]')].flatMap((el) =>
        ['href', 'src', 'action', 'formaction', 'poster'].map((a) => el.getAttribute(a)).filter((v) => v !== null),
      ),
      handlers: [...main.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`),
      ),
      scripts: main.querySelectorAll('script, iframe, object, embed').length,
    }));
    // An onerror/onload handler would have fired while the page loaded.
    await page.waitForLoadState('networkidle');
    await page.close();
    expect(found.targets.filter((target) => !isAllowedUrl(target!))).toEqual([]);
    expect(found.handlers).toEqual([]);
    expect(found.scripts).toBe(0);
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('still refuses a front-matter javascript: link: the schema runs inside the build', () => {
    const dir = join(work, 'frontmatter-only');
    mkdirSync(dir);
    cpSync(join(CORPUS, '2025-06-01-hostile-frontmatter-link.md'), join(dir, '2025-06-01-hostile-frontmatter-link.md'));
    const result = buildSite(join(work, 'dist-frontmatter'), { ...SKIP_CHECK, FIREBREAK_POSTMORTEMS_DIR: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/hostile-frontmatter-link/);
    expect(result.output).toMatch(/javascript:|http\(s\)/);
    expect(existsSync(join(work, 'dist-frontmatter', 'incidents', '2025-06-01-hostile-frontmatter-link'))).toBe(false);
  }, 120_000);
});
