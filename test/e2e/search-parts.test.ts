import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { durationsOfPostmortem } from '../../src/lib/analysis/postmortem-durations.ts';
import { checkContent } from '../../src/lib/content-check/index.ts';
import { INCIDENT_PARTS_FILE, type IncidentParts, SEARCH_BUNDLES } from '../../src/lib/search/bundles.ts';
import type { Postmortem } from '../../src/schema/postmortem.ts';
import { openPage } from '../support/browser.ts';
import { incidentFragments } from '../support/incident-fragments.ts';
import { startOwnSite, type OwnSite } from '../support/site-build.ts';

/**
 * The site built with its incidents index in parts of PART_SIZE post-mortems, so the sample
 * library's dozen make several, as thousands do with the default size: the library's sorts and
 * counts, and searches for words some parts lack, across parts.
 */
const PART_SIZE = 4;

const root = new URL('../..', import.meta.url).pathname;
const published = checkContent(root)
  .postmortems.map((entry) => ({ id: entry.id, data: entry.valid! }))
  .filter(({ data }) => data.status !== 'draft');

let work: string;
let site: OwnSite | undefined;
let context: BrowserContext;
const url = (path: string) => new URL(path, site!.url).href;
const dist = () => join(work, 'dist');

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'firebreak-search-parts-'));
  site = await startOwnSite(work, 'the site in search parts', { FIREBREAK_SEARCH_PART_SIZE: String(PART_SIZE) }, 4397);
  context = await site.browser.newContext();
}, 180_000);

afterAll(async () => {
  await site?.stop();
});

const cards = (page: Page) => page.locator('[data-library-results] > li');
const status = (page: Page) => page.locator('[data-library-status]');

async function library(page: Page, query: string): Promise<string[]> {
  await page.goto(url(`incidents/${query}`));
  await expect.poll(() => status(page).textContent()).toMatch(/^\d+ incidents?( match)?\.$/);
  return cards(page)
    .locator('a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

describe('the incidents index in parts', () => {
  it('holds every published post-mortem once, in as many parts as the size makes', () => {
    const { parts } = JSON.parse(
      readFileSync(join(dist(), SEARCH_BUNDLES.incidents, INCIDENT_PARTS_FILE), 'utf8'),
    ) as IncidentParts;
    expect(parts).toBe(Math.ceil(published.length / PART_SIZE));
    expect(parts).toBeGreaterThan(1);
    const fragments = incidentFragments(dist());
    expect(fragments.map((f) => f.url).sort()).toEqual(published.map((e) => `/incidents/${e.id}/`).sort());
    expect(new Set(fragments.map((f) => f.id)).size).toBe(fragments.length);
    expect(new Set(fragments.map((f) => f.part)).size).toBe(parts);
  });

  it('sorts the library across every part in the order the data gives', async () => {
    // Written out from the data, not with the site's ordering code: equal values newest first, then by URL.
    const day = (d: Postmortem) => d.started.toISOString().slice(0, 10);
    const ttfr = (d: Postmortem) => durationsOfPostmortem(d).toFirstResponse ?? Infinity;
    type Entry = (typeof published)[number];
    const byId = (a: Entry, b: Entry) => (a.id < b.id ? -1 : 1);
    const newestFirst = (a: Entry, b: Entry) => day(b.data).localeCompare(day(a.data)) || byId(a, b);
    const expected: Record<string, Entry[]> = {
      'date-asc': [...published].sort((a, b) => day(a.data).localeCompare(day(b.data)) || byId(a, b)),
      'severity-asc': [...published].sort((a, b) => a.data.severity - b.data.severity || newestFirst(a, b)),
      'ttfr-desc': [...published].sort((a, b) =>
        ttfr(a.data) === ttfr(b.data) ? newestFirst(a, b) : ttfr(b.data) - ttfr(a.data),
      ),
    };
    const { page, errors } = await openPage(context);
    for (const [sort, entries] of Object.entries(expected)) {
      expect(await library(page, `?sort=${sort}`), sort).toEqual(
        entries.slice(0, 20).map((e) => `/incidents/${e.id}/`),
      );
    }
    expect(errors).toEqual([]);
  });

  it('counts the facets across parts as the data does', async () => {
    const { page } = await openPage(context);
    const onTiktok = published.filter((e) => e.data.platforms.includes('tiktok'));
    expect(await library(page, '?platform=TikTok')).toHaveLength(onTiktok.length);
    const critical = await page
      .locator('fieldset[data-facet="severity"] label:has(input[value="1 · Critical"]) .count')
      .getAttribute('data-count');
    expect(Number(critical)).toBe(onTiktok.filter((e) => e.data.severity === 1).length);
  });

  it('adds no page from a part that lacks a word to a search for it', async () => {
    // Pagefind answers a word it lacks with a shorter one ("sofa" → "so…"): each part on its own.
    const withSofa = new Set(incidentFragments(dist()).flatMap((f) => (/\bsofas?\b/i.test(f.text) ? [f.url] : [])));
    expect(withSofa.size).toBeGreaterThan(0);
    expect(withSofa.size).toBeLessThan(published.length);
    const { page, errors } = await openPage(context);
    const found = await library(page, '?q=sofa');
    expect(new Set(found)).toEqual(withSofa);

    await page.goto(url('search/?q=sofa'));
    const results = page.locator('[data-search-page-results] > li > a');
    await expect.poll(() => page.locator('[data-search-page-status]').textContent()).toMatch(/results? for/);
    const incidents = (await results.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).filter(
      (href) => href.startsWith('/incidents/'),
    );
    expect(new Set(incidents)).toEqual(withSofa);
    expect(errors).toEqual([]);
  });

  it('still says when no page has every word, though each part has one of them', async () => {
    const { page } = await openPage(context);
    await page.goto(url('search/?q=instagram+sofa'));
    await expect(page.locator('[data-search-relaxed]').textContent()).resolves.toMatch(
      /^No page has all of: instagram sofa\./,
    );
  });
});
