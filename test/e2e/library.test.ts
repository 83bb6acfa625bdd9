import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check/index.ts';
import { axeViolations, describeViolations, openPage, useBrowser } from '../support/browser.ts';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;
const root = new URL('../..', import.meta.url).pathname;

// Expectations come from the real content, so the tests keep working as samples are added.
const incidents = checkContent(root)
  .postmortems.map((entry) => entry.valid!)
  .filter((data) => data.status !== 'draft');
const count = (predicate: (d: (typeof incidents)[number]) => boolean) => incidents.filter(predicate).length;

const session = useBrowser();

const results = (page: Page) => page.locator('[data-library-results] > li');
const status = (page: Page) => page.locator('[data-library-status]');
const facetOption = (page: Page, facet: string, value: string) =>
  page.locator(`fieldset[data-facet="${facet}"] input[value="${value}"]`);
const facetCount = async (page: Page, facet: string, value: string) =>
  Number(
    await page
      .locator(`fieldset[data-facet="${facet}"] label:has(input[value="${value}"]) .count`)
      .getAttribute('data-count'),
  );

/** Opens the library; with a selection in the URL, waits until the script has shown it. */
async function openLibrary(page: Page, query = '') {
  await page.goto(url(`incidents/${query}`));
  if (query) await expect.poll(() => status(page).textContent()).toMatch(/^\d+ incidents?( match)?\.$/);
  else await page.waitForLoadState('networkidle');
}

describe('incident library', () => {
  it('lists every incident with the facet counts, and loads no search index until the reader asks', async () => {
    const { page, errors } = await openPage(session.context());
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await openLibrary(page);
    expect(await status(page).textContent()).toBe(`${incidents.length} incidents, newest first.`);
    expect(await results(page).count()).toBe(incidents.length);
    expect(await facetCount(page, 'severity', '1 · Critical')).toBe(count((d) => d.severity === 1));
    expect(requests.filter((path) => /^\/pagefind(-incidents)?\//.test(path))).toEqual([]);
    // The first use of a control loads the incidents index and takes over.
    await facetOption(page, 'platform', 'TikTok').check();
    await expect
      .poll(() => status(page).textContent())
      .toBe(`${count((d) => d.platforms.includes('tiktok'))} incidents match.`);
    expect(requests.some((path) => path.includes('/pagefind-incidents/'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('narrows the results with a filter and updates the counts', async () => {
    const { page, errors } = await openPage(session.context());
    await openLibrary(page);
    const tiktok = count((d) => d.platforms.includes('tiktok'));
    const criticalOverall = count((d) => d.severity === 1);
    expect(await facetCount(page, 'severity', '1 · Critical')).toBe(criticalOverall);

    await facetOption(page, 'platform', 'TikTok').check();
    await expect.poll(() => status(page).textContent()).toBe(`${tiktok} incidents match.`);
    expect(await results(page).count()).toBe(tiktok);
    const criticalOnTiktok = count((d) => d.platforms.includes('tiktok') && d.severity === 1);
    await expect.poll(() => facetCount(page, 'severity', '1 · Critical')).toBe(criticalOnTiktok);
    expect(criticalOnTiktok).not.toBe(criticalOverall);
    expect(errors).toEqual([]);
  });

  it('combines two filters', async () => {
    const { page } = await openPage(session.context());
    await openLibrary(page);
    await facetOption(page, 'platform', 'TikTok').check();
    await facetOption(page, 'severity', '2 · High').check();
    const both = count((d) => d.platforms.includes('tiktok') && d.severity === 2);
    expect(both).toBeGreaterThan(0);
    await expect.poll(() => results(page).count()).toBe(both);
    expect(both).toBeLessThan(count((d) => d.platforms.includes('tiktok')));
  });

  it('sorts by time to first response', async () => {
    const { page } = await openPage(session.context());
    await openLibrary(page);
    await page.selectOption('select[name="sort"]', 'ttfr-asc');
    await expect.poll(() => page.url()).toContain('sort=ttfr-asc');
    // The script's count, not the page's own "…, newest first.": the sorted list is shown.
    await expect.poll(() => status(page).textContent()).toBe(`${incidents.length} incidents.`);
    const values = (
      await results(page).evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset['ttfr'] ?? ''))
    )
      .filter((v) => v !== '')
      .map(Number);
    const responded = count((d) => d.firstResponse !== undefined);
    expect(values).toHaveLength(Math.min(responded, 20));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values[0]).toBeLessThan(values[values.length - 1]!);
  });

  it('keeps the view in the URL: reload and the back button restore it', async () => {
    const { page } = await openPage(session.context());
    await openLibrary(page);
    await facetOption(page, 'platform', 'Reddit').check();
    await page.selectOption('select[name="sort"]', 'severity-asc');
    await expect.poll(() => page.url()).toMatch(/platform=Reddit.*sort=severity-asc/);
    const reddit = count((d) => d.platforms.includes('reddit'));
    await expect.poll(() => results(page).count()).toBe(reddit);

    await page.reload();
    await expect.poll(() => results(page).count()).toBe(reddit);
    expect(await facetOption(page, 'platform', 'Reddit').isChecked()).toBe(true);
    expect(await page.locator('select[name="sort"]').inputValue()).toBe('severity-asc');

    await page.goBack(); // undo the sort choice
    await expect.poll(() => page.locator('select[name="sort"]').inputValue()).toBe('');
    expect(await facetOption(page, 'platform', 'Reddit').isChecked()).toBe(true);
  });

  it('finds the TikTok discount-code incident with a query and a filter', async () => {
    const { page } = await openPage(session.context());
    await openLibrary(page, '?q=discount%20code&platform=TikTok');
    await expect
      .poll(() => results(page).first().locator('a').textContent())
      .toBe('That time a discount code went viral on TikTok');
    expect(await results(page).first().locator('p mark').count()).toBeGreaterThan(0);
  });

  it('opens filtered on a playbook step from a step page link', async () => {
    const { page } = await openPage(session.context());
    await page.goto(url('playbook/step-07-no-last-word/'));
    await page.locator('a[href*="incidents/?step=7"]').click();
    const withStep = count((d) => d.playbookSteps.includes(7));
    await expect.poll(() => results(page).count()).toBe(withStep);
    expect(await facetOption(page, 'step', '7').isChecked()).toBe(true);
  });

  it('is a plain list, newest first, without JavaScript', async () => {
    const noJs = await session.browser().newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(url('incidents/'));
    expect(await page.locator('form[data-library]').isVisible()).toBe(false);
    const dates = await results(page)
      .locator('time')
      .evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
    expect(dates.length).toBe(Math.min(incidents.length, 50));
    expect(dates).toEqual([...dates].sort().reverse());
    await noJs.close();
  });
});

describe('incident pages', () => {
  it('show the computed durations, the timeline and lessons linked to steps', async () => {
    const { page, errors } = await openPage(session.context());
    await page.goto(url('incidents/2025-03-14-promo-code-leak/'));
    expect(await page.locator('[data-duration="detect"]').textContent()).toMatch(/\d+ (min|h|d)/);
    expect(await page.locator('ol.timeline li').count()).toBeGreaterThan(5);
    expect(await page.locator('.lessons a[href*="/playbook/step-"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.banner').first().textContent()).toContain('fictional');
    expect(errors).toEqual([]);
  });

  it('show responders by role, statements with their links, goodwill, costs and where we got lucky', async () => {
    const { page } = await openPage(session.context());
    await page.goto(url('incidents/2025-03-14-promo-code-leak/'));
    const section = (heading: string) => page.locator('section', { has: page.getByRole('heading', { name: heading }) });
    expect(await section('Responders').locator('li').allTextContents()).toContain(
      'E-commerce manager: Closed the code at checkout and counted the orders.',
    );
    expect(
      await section('Statements issued')
        .locator('a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).toEqual([
      'https://example.com/juniper-lane/holding-statement',
      'https://example.com/juniper-lane/orders-honoured',
    ]);
    expect(await section('Goodwill, cost and refunds').textContent()).toMatch(
      /cost £61,000\.00[\s\S]*Other costs\s*£4,200\.00/,
    );
    expect(await section('Where we got lucky').locator('li').count()).toBe(1);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it.each(['incidents/', 'incidents/2025-03-14-promo-code-leak/'])(
      `%s has no axe violations in ${scheme} mode`,
      async (path) => {
        const { page } = await openPage(session.context());
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(url(path));
        if (path === 'incidents/') await expect.poll(() => status(page).textContent()).toMatch(/incidents/);
        const violations = await axeViolations(page);
        expect(violations, describeViolations(violations)).toEqual([]);
      },
    );
  }
});
