import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/lib/content-check/frontmatter.ts';
import { openPage } from '../support/browser.ts';
import { childEnv } from '../support/child-env.ts';
import { incidentFragments } from '../support/incident-fragments.ts';
import { FIXTURES } from '../support/overlay.ts';
import { startOwnSite, type OwnSite } from '../support/site-build.ts';

/**
 * The importer's round trip: real exports → `npm run import` → `astro build` (drafts included,
 * as in a reviewer's preview) → the page in Chromium.
 */
const root = join(import.meta.dirname, '..', '..');
let work: string;
let site: OwnSite | undefined;
let browser: Browser;
let siteUrl: string;
const pages: Record<string, string> = {};

function importExports(name: string, args: string[]) {
  const printed = execFileSync(process.execPath, ['scripts/import.ts', '--out', join(work, 'postmortems'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: childEnv('production'),
  });
  pages[name] = printed.trim().split('\n')[0]!.split('/').pop()!.replace(/\.md$/, '');
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'firebreak-roundtrip-'));
  importExports('kettle', [
    '--brand-handle',
    'examplebrand',
    join(FIXTURES, 'import', 'firebreak-json', 'kettle-leak.json'),
    join(FIXTURES, 'x-api', 'crisis', 'search.jsonl'),
  ]);
  importExports('hostile', [
    '--brand-handle',
    'examplebrand',
    join(FIXTURES, 'import', 'hostile', 'hostile-incident.json'),
  ]);
  // The real sample exports of ../shared/samples (copied into test/fixtures with their origin).
  importExports('samples', [
    '--channel',
    'traveling-sailor',
    join(FIXTURES, 'slack', 'hfaran', 'export'),
    join(FIXTURES, 'listening', 'samples', 'brandwatch_bulk_mentions_SYNTHETIC.csv'),
    join(FIXTURES, 'x-api', 'samples', 'mentions_tweet.jsonl'),
  ]);
  site = await startOwnSite(
    work,
    'the imported pages',
    { FIREBREAK_POSTMORTEMS_DIR: join(work, 'postmortems'), FIREBREAK_DRAFTS: '1' },
    4396,
  );
  siteUrl = site.url;
  browser = site.browser;
}, 180_000);

afterAll(async () => {
  await site?.stop();
});

async function open(name: string): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
  const context = await browser.newContext();
  const { page, errors } = await openPage(context);
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(new URL(`incidents/${pages[name]}/`, siteUrl).href);
  return { page, errors, dialogs };
}

describe('import → build → page', () => {
  it('shows the timeline, the computed durations and the suggested lessons', async () => {
    const source = readFileSync(join(work, 'postmortems', `${pages['kettle']}.md`), 'utf8');
    const front = parseFrontmatter(source).data as { timeline: unknown[]; lessons: { step: number }[] };
    const { page, errors } = await open('kettle');
    expect(await page.locator('ol.timeline li').count()).toBe(front.timeline.length);
    // started 14:00, detected 14:40, first reply 14:45 (fixture times)
    expect(await page.locator('[data-duration="detect"]').textContent()).toBe('40 min');
    expect(await page.locator('[data-duration="first-response"]').textContent()).toBe('5 min');
    const lessons = page.locator('.lessons li');
    expect(await lessons.count()).toBe(front.lessons.length);
    expect(await lessons.first().textContent()).toContain('Suggested (confirm or delete)');
    for (const { step } of front.lessons) {
      expect(await page.locator(`.lessons a[href*="/playbook/step-${String(step).padStart(2, '0')}-"]`).count()).toBe(
        1,
      );
    }
    expect(await page.locator('.banner').filter({ hasText: 'Draft' }).count()).toBe(1);
    expect(await page.locator('.chart svg, svg.chart__svg').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('turns the real sample exports (Slack, Brandwatch, X API) into a page with a timeline and durations', async () => {
    const source = readFileSync(join(work, 'postmortems', `${pages['samples']}.md`), 'utf8');
    const front = parseFrontmatter(source).data as { timeline: unknown[]; impact: { mentionSeries?: unknown[] } };
    const { page, errors } = await open('samples');
    expect(front.timeline.length).toBeGreaterThan(5);
    expect(await page.locator('ol.timeline li').count()).toBe(front.timeline.length);
    expect(await page.locator('[data-duration="detect"]').textContent()).toMatch(/^\d+ (min|h|d)/);
    // The samples are of 2016 (Slack), 2022 (X) and 2025 (Brandwatch): the page is the war
    // room's, says so, and charts no mention from another year.
    const text = (await page.locator('article').textContent()) ?? '';
    expect(text).toContain('cover different periods');
    expect(text).toMatch(/3 mentions and 2 events from 2016-03-29 09:00 UTC on were left out/);
    expect(front.impact.mentionSeries).toBeUndefined();
    expect(source).not.toMatch(/xox[a-z]-/);
    expect(errors).toEqual([]);
  });

  it('renders hostile export text as text: no script runs, no markup or link is injected', async () => {
    const { page, errors, dialogs } = await open('hostile');
    const article = page.locator('article');
    await article.waitFor();
    const text = (await article.textContent()) ?? '';
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('{process.exit()}');
    expect(text).toContain("import x from 'y'");
    expect(await article.locator('script, img, iframe, b').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"], [onerror], [onclick]').count()).toBe(0);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.title()).toContain('<script>alert(1)</script>');
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('indexes the imported pages for search', () => {
    // No incidents bundle at all means no incident was indexed: the assertions below say which.
    const urls = incidentFragments(join(work, 'dist')).map((fragment) => fragment.url);
    expect(urls).toContain(`/incidents/${pages['kettle']}/`);
    expect(urls).toContain(`/incidents/${pages['hostile']}/`);
  });
});
