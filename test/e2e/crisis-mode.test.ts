import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check/index.ts';
import { SEVERITY_LEVELS } from '../../src/schema/severity.ts';
import { TRIAGE_LADDER } from '../../src/schema/triage.ts';
import { axeViolations, describeViolations, openPage, useBrowser } from '../support/browser.ts';

/**
 * Issue 9, "Crisis mode": the reader is a community manager on a phone minutes into a crisis.
 * Everything here runs at phone (390×844) and desktop (1366×900) size, in both themes, on the
 * built site.
 */
const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;
const root = new URL('../..', import.meta.url).pathname;

const incidents = checkContent(root)
  .postmortems.map((entry) => ({ id: entry.id, data: entry.valid! }))
  .filter(({ data }) => data.status !== 'draft');
// An incident with action items and a mention chart, chosen from the real content.
const richIncident = incidents.find(({ data }) => data.actionItems.length > 0 && data.impact.mentionSeries)!;

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const sizes = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;
const schemes = ['light', 'dark'] as const;

const session = useBrowser();

async function open(viewport: { width: number; height: number }, scheme: 'light' | 'dark', path: string) {
  const context = await session.browser().newContext({ viewport, colorScheme: scheme });
  const { page, errors } = await openPage(context);
  await page.goto(url(path));
  return { context, page, errors };
}

/** Top of an element in page coordinates (not the viewport). */
const pageTop = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);

/**
 * Every visible control whose tap target is under 44×44 CSS px. A checkbox or radio is
 * measured by its label (the target a thumb hits). Links inside running text are exempt, as
 * WCAG 2.5.5 exempts inline links.
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true });
    };
    const inline = (a: Element) => {
      const block = a.parentElement?.closest('p, li, td, dd, figcaption');
      return !!block && (block.textContent ?? '').trim() !== (a.textContent ?? '').trim();
    };
    for (const el of document.querySelectorAll('a[href], button, input, select, summary, textarea')) {
      const target = el.matches('input[type="checkbox"], input[type="radio"]') ? (el.closest('label') ?? el) : el;
      if (!visible(target)) continue;
      if (el.matches('a') && inline(el)) continue;
      const { width, height } = target.getBoundingClientRect();
      if (width < 43.5 || height < 43.5) {
        const name = (target.textContent ?? '').trim().slice(0, 40) || el.getAttribute('aria-label') || el.id;
        small.push(`${target.tagName.toLowerCase()} "${name}" ${Math.round(width)}×${Math.round(height)}`);
      }
    }
    return small;
  });
}

describe('Crisis now, in the first minute', () => {
  for (const [size, viewport] of sizes) {
    for (const scheme of schemes) {
      it(`starts the triage and the safety cases within the first two screens (${size}, ${scheme})`, async () => {
        const { context, page, errors } = await open(viewport, scheme, 'playbook/crisis-now/');
        const twoScreens = viewport.height * 2;
        const rightNow = await pageTop(page, '#right-now');
        const triage = await pageTop(page, '#triage-which-level');
        const safety = await pageTop(page, '#safety-and-legal-first');
        const levels = await pageTop(page, '#your-level-who-to-alert-by-when');
        const firstHour = await pageTop(page, '#first-hour');
        // The order of the issue: right now, triage, safety, level card, first hour.
        expect(rightNow).toBeLessThan(triage);
        expect(triage).toBeLessThan(safety);
        expect(safety).toBeLessThan(levels);
        expect(levels).toBeLessThan(firstHour);
        expect(safety, `safety cases start at ${safety}px`).toBeLessThan(twoScreens);
        // The first-hour checklist is the tickable list, after the level cards.
        expect(await page.locator('section[aria-labelledby="first-hour"] ul.checklist li').count()).toBe(12);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }

  it('lands each yes on its level card and each no on the next question', async () => {
    const { context, page } = await open(PHONE, 'light', 'playbook/crisis-now/');
    const rungs = page.locator('.ladder__rung');
    expect(await rungs.count()).toBe(TRIAGE_LADDER.length + 1);
    for (const [index, rung] of TRIAGE_LADDER.entries()) {
      const item = rungs.nth(index);
      expect(await item.locator('.ladder__yes').getAttribute('href')).toBe(`#severity-${rung.yes}`);
      expect(await item.locator('.ladder__yes .severity-badge').getAttribute('data-severity')).toBe(String(rung.yes));
      expect(await item.locator('.ladder__no').getAttribute('href')).toBe(`#triage-${index + 2}`);
    }
    // Tapping "Yes" on the second question shows level 1's card below the sticky header.
    await rungs.nth(1).locator('.ladder__yes').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#severity-1');
    const card = await page.locator('#severity-1').boundingBox();
    const header = await page.locator('.site-header').boundingBox();
    expect(card!.y).toBeGreaterThanOrEqual(header!.height);
    expect(card!.y).toBeLessThan(PHONE.height / 2);
    await context.close();
  });

  it('renders who to alert and every deadline from src/schema/severity.ts', async () => {
    const { context, page } = await open(PHONE, 'light', 'playbook/crisis-now/');
    for (const level of SEVERITY_LEVELS) {
      const card = page.locator(`#severity-${level.level}`);
      const alert = await card.locator('.severity-level__alert').textContent();
      for (const who of level.alertWho) expect(alert).toContain(who);
      expect(await card.locator('.severity-level__alert').getAttribute('data-alert-within')).toBe(
        String(level.alertWithinMinutes),
      );
    }
    await context.close();
  });
});

describe('sticky header', () => {
  const pages = [
    './',
    'playbook/',
    'playbook/crisis-now/',
    'playbook/step-03-time-is-your-ally/',
    'playbook/templates/',
    'playbook/crisis-card/',
    'incidents/',
    `incidents/${richIncident?.id}/`,
    'search/?q=apology',
  ];
  for (const [size, viewport] of sizes) {
    it.each(schemes)(
      `keeps Crisis now visible and working after scrolling to the bottom (${size}, %s)`,
      async (scheme) => {
        const context = await session.browser().newContext({ viewport, colorScheme: scheme });
        const { page } = await openPage(context);
        for (const path of pages) {
          await page.goto(url(path));
          const scrolls = await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 20);
          await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          if (scrolls)
            await expect.poll(() => page.evaluate(() => window.scrollY), { message: path }).toBeGreaterThan(0);
          const link = page.locator('.site-header a.crisis-link');
          const box = await link.boundingBox();
          expect(box, path).not.toBeNull();
          expect(box!.y, path).toBeGreaterThanOrEqual(0);
          expect(box!.y + box!.height, path).toBeLessThanOrEqual(viewport.height);
          expect(await link.isVisible(), path).toBe(true);
          if (size === 'phone') {
            const header = await page.locator('.site-header').boundingBox();
            expect(header!.height, `${path}: header height`).toBeLessThanOrEqual(56);
          }
        }
        await page.locator('.site-header a.crisis-link').click();
        await expect.poll(() => new URL(page.url()).pathname).toBe('/playbook/crisis-now/');
        await context.close();
      },
    );
  }

  it('keeps search and the theme control reachable on a phone', async () => {
    const { context, page, errors } = await open(PHONE, 'light', 'playbook/step-03-time-is-your-ally/');
    await page.evaluate(() => window.scrollTo(0, 3000));
    await page.locator('[data-search-open]').click();
    const input = page.locator('#site-search');
    await expect.poll(() => input.isVisible()).toBe(true);
    await input.fill('last word');
    await page.locator('.search__results li').first().waitFor();
    expect(await page.locator('.search__results li a').first().getAttribute('href')).toContain('step-07');
    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.isVisible()).toBe(true);
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    // The menu holds the other sections and opens without JavaScript (a <details>).
    await page.locator('.site-menu summary').click();
    expect(await page.locator('.site-menu__panel a[href$="/incidents/"]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('pins "On this page" under the header on a phone and folds it after a jump', async () => {
    const { context, page } = await open(PHONE, 'light', 'playbook/crisis-now/');
    await page.evaluate(() => window.scrollTo(0, 2500));
    const bar = page.locator('.toc-jump');
    await expect.poll(async () => (await bar.boundingBox())?.y).toBeCloseTo(53, -1);
    await bar.locator('summary').click();
    await bar.locator('a[href="#first-hour"]').click();
    await expect.poll(() => bar.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    const heading = await page.locator('#first-hour').boundingBox();
    const barBox = await bar.boundingBox();
    expect(heading!.y).toBeGreaterThanOrEqual(barBox!.y + barBox!.height - 1);
    expect(heading!.y).toBeLessThan(PHONE.height / 2);
    // On a wide screen the same list is a column beside the text.
    await page.setViewportSize(DESKTOP);
    expect(await bar.isVisible()).toBe(false);
    expect(await page.locator('nav.toc').isVisible()).toBe(true);
    await context.close();
  });
});

describe('touch targets on a phone', () => {
  it.each(['playbook/crisis-now/', 'playbook/templates/', 'incidents/'])(
    'every control on %s is at least 44×44 px',
    async (path) => {
      const { context, page } = await open(PHONE, 'light', path);
      if (path === 'incidents/') {
        await page.locator('fieldset[data-facet="platform"] input').first().waitFor({ state: 'attached' });
      }
      expect(await smallTargets(page)).toEqual([]);
      if (path === 'incidents/') {
        // The filters, in their sheet, and the chips of active filters.
        await page.locator('[data-library-open]').click();
        await page.locator('fieldset[data-facet="platform"] label').first().click();
        await expect.poll(() => page.locator('[data-library-show]').textContent()).toMatch(/^Show \d+ incidents?$/);
        expect(await smallTargets(page)).toEqual([]);
        await page.locator('[data-library-show]').click();
        expect(await page.locator('[data-library-chips] button').count()).toBe(1);
        expect(await smallTargets(page)).toEqual([]);
      }
      await context.close();
    },
  );
});

describe('severity badges', () => {
  const colours = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((els) =>
      els.map((el) => ({
        level: (el as HTMLElement).dataset['severity'],
        text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
        background: getComputedStyle(el).backgroundColor,
      })),
    );

  for (const scheme of schemes) {
    it(`differ in colour for all four levels and carry number and name (${scheme})`, async () => {
      const { context, page, errors } = await open(PHONE, scheme, 'playbook/crisis-now/');
      const badges = await colours(page, '.severity-level h3 .severity-badge');
      expect(badges.map((b) => b.level)).toEqual(['1', '2', '3', '4']);
      for (const [index, level] of SEVERITY_LEVELS.entries()) {
        expect(badges[index]!.text).toBe(`Severity ${level.level} ${level.name}`);
      }
      expect(new Set(badges.map((b) => b.background)).size).toBe(4);
      expect(badges.every((b) => b.background !== 'rgba(0, 0, 0, 0)')).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('is the same badge on library cards, incident pages and search results', async () => {
    const { context, page } = await open(PHONE, 'light', 'incidents/');
    const reference = new Map((await colours(page, '.severity-level h3 .severity-badge')).map((b) => [b.level, b]));
    await page.goto(url('playbook/crisis-now/'));
    for (const b of await colours(page, '.severity-level h3 .severity-badge')) reference.set(b.level, b);

    const check = async (selector: string, expected: number) => {
      const found = await colours(page, selector);
      expect(found.length, selector).toBe(expected);
      for (const badge of found) {
        const level = SEVERITY_LEVELS.find((l) => String(l.level) === badge.level)!;
        expect(badge.text).toBe(`Severity ${level.level} ${level.name}`);
        expect(badge.background).toBe(reference.get(badge.level)!.background);
      }
    };
    // A selection in the URL: the cards are built in the browser from the index.
    await page.goto(url('incidents/?sort=date-desc'));
    await expect.poll(() => page.locator('[data-library-results] > li[data-date]').count()).toBeGreaterThan(0);
    await check('[data-library-results] .severity-badge', Math.min(incidents.length, 20));
    await page.goto(url(`incidents/${richIncident.id}/`));
    await check('.incident-meta .severity-badge', 1);
    expect(await page.locator('.facts__severity .severity-badge').getAttribute('data-severity')).toBe(
      String(richIncident.data.severity),
    );
    await page.goto(url('search/?q=apology&type=Incident'));
    await expect.poll(() => page.locator('[data-search-page-results] li').count()).toBeGreaterThan(0);
    await check(
      '[data-search-page-results] .severity-badge',
      await page.locator('[data-search-page-results] li').count(),
    );
    await context.close();
  });
});

describe('search page', () => {
  it('has visible labels, 16 px inputs and keeps the query in the header box', async () => {
    const { context, page, errors } = await open(DESKTOP, 'light', 'search/?q=apology');
    await expect.poll(() => page.locator('[data-search-page-status]').textContent()).toMatch(/results? for/);
    expect(await page.locator('#site-search').inputValue()).toBe('apology');
    expect(await page.locator('label[for="search-page-q"]').isVisible()).toBe(true);
    await page.setViewportSize(PHONE);
    const sizes = await page
      .locator('main input[type="search"], #site-search, select')
      .evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(16);
    // The three "Show" choices fit one row on a phone.
    const tops = await page
      .locator('.search-page__type label')
      .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    expect(await smallTargets(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('library on a phone', () => {
  it('opens the filters as a sheet with a live count and removable chips; the sort box fits', async () => {
    const { context, page, errors } = await open(PHONE, 'light', 'incidents/');
    const status = page.locator('[data-library-status]');
    // Server-rendered, facets included: the search index loads once a control is used.
    expect(await status.textContent()).toBe(`${incidents.length} incidents, newest first.`);
    const select = await page.locator('select[name="sort"]').boundingBox();
    expect(select!.x + select!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.locator('[data-library-open]').click();
    const sheet = page.locator('[data-library-sheet]');
    expect(await sheet.evaluate((el) => (el as HTMLDialogElement).open)).toBe(true);
    const tiktok = incidents.filter(({ data }) => data.platforms.includes('tiktok')).length;
    const both = incidents.filter(({ data }) => data.platforms.includes('tiktok') && data.severity === 2).length;
    await sheet.locator('fieldset[data-facet="platform"] input[value="TikTok"]').check();
    await expect.poll(() => page.locator('[data-library-show]').textContent()).toBe(`Show ${tiktok} incidents`);
    await sheet.locator('fieldset[data-facet="severity"] input[value="2 · High"]').check();
    await expect
      .poll(() => page.locator('[data-library-show]').textContent())
      .toBe(`Show ${both} incident${both === 1 ? '' : 's'}`);
    await page.locator('[data-library-show]').click();
    expect(await sheet.evaluate((el) => (el as HTMLDialogElement).open)).toBe(false);
    expect(await page.locator('[data-library-results] > li').count()).toBe(both);
    // The results start on the first screen once the sheet is closed.
    const first = await page.locator('[data-library-results] > li').first().boundingBox();
    expect(first!.y).toBeLessThan(PHONE.height);

    const chips = page.locator('[data-library-chips] button');
    expect(await chips.allTextContents()).toEqual(['TikTok ✕', '2 · High ✕']);
    expect(await page.locator('[data-library-active-count]').textContent()).toBe('2');
    await page.getByRole('button', { name: 'Remove filter Severity: 2 · High' }).click();
    await expect.poll(() => status.textContent()).toBe(`${tiktok} incidents match.`);
    expect(page.url()).not.toContain('severity=');
    expect(await chips.allTextContents()).toEqual(['TikTok ✕']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('never shows the unfiltered list for a filtered link on a slow network', async () => {
    const context = await session.browser().newContext({ viewport: PHONE });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // Chrome DevTools' "Slow 4G".
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 563,
      downloadThroughput: (1.44 * 1024 * 1024) / 8,
      uploadThroughput: (0.675 * 1024 * 1024) / 8,
    });
    // Record what the reader sees, frame by frame, from the very first paint.
    await page.addInitScript(() => {
      const seen: string[] = [];
      let loadingShown = false;
      let unfilteredCards = 0;
      (window as unknown as { __seen: () => object }).__seen = () => ({ seen, loadingShown, unfilteredCards });
      const sample = () => {
        const status = document.querySelector('[data-library-status]');
        const loading = document.querySelector('[data-library-loading]');
        const list = document.querySelector('[data-library-results]');
        if (status?.checkVisibility()) {
          const text = (status.textContent ?? '').replace(/\s+/g, ' ').trim();
          if (seen[seen.length - 1] !== text) seen.push(text);
        }
        if (loading?.checkVisibility()) loadingShown = true;
        if (list?.checkVisibility() && seen.length === 0) unfilteredCards = list.children.length;
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    const expected = incidents.filter(({ data }) => data.platforms.includes('tiktok') && data.severity === 2).length;
    await page.goto(url('incidents/?platform=TikTok&severity=2+%C2%B7+High'));
    await expect.poll(() => page.locator('[data-library-status]').isVisible(), { timeout: 30_000 }).toBe(true);
    await page.waitForTimeout(200);
    const record = (await page.evaluate(() => (window as unknown as { __seen: () => object }).__seen())) as {
      seen: string[];
      loadingShown: boolean;
      unfilteredCards: number;
    };
    expect(record.loadingShown).toBe(true);
    expect(record.unfilteredCards).toBe(0);
    expect(record.seen).toEqual([`${expected} incident${expected === 1 ? '' : 's'} match.`]);
    await context.close();
  });

  it('keeps the full list hidden while the search index hangs, and offers it by choice', async () => {
    const context = await session.browser().newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.clock.install();
    // The index never answers: a stalled connection.
    await page.route('**/pagefind-incidents/**', () => undefined);
    await page.goto(url('incidents/?platform=TikTok'));
    await page.clock.fastForward(11_000);
    const loading = page.locator('[data-library-loading]');
    await expect.poll(() => loading.locator('a').textContent()).toBe('Show every incident instead');
    expect(await loading.locator('a').getAttribute('href')).toBe('/incidents/');
    expect(await page.locator('[data-library-status]').isVisible()).toBe(false);
    expect(await page.locator('[data-library-results]').isVisible()).toBe(false);
    await context.close();
  });

  it('says without JavaScript that filters need it, with a link to the plain list', async () => {
    const context = await session.browser().newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url('incidents/?platform=TikTok'));
    const note = page.locator('.library-noscript');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/Filters and search need JavaScript/);
    expect(await note.locator('a').getAttribute('href')).toBe('/incidents/');
    await context.close();
  });
});

describe('readable on a phone', () => {
  it('stacks the action items as cards and keeps chart labels at 12 px or more', async () => {
    const { context, page } = await open(PHONE, 'light', `incidents/${richIncident.id}/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const rows = page.locator('section[aria-labelledby="actions-heading"] tbody tr');
    expect(await rows.count()).toBe(richIncident.data.actionItems.length);
    expect(await rows.first().evaluate((el) => getComputedStyle(el).display)).toBe('block');
    const label = await rows
      .first()
      .locator('td[data-label="Owner"]')
      .evaluate((el) => getComputedStyle(el, '::before').content);
    expect(label).toBe('"Owner"');
    const labelSizes = await page
      .locator('.chart__x span, .chart__x small, .chart__y span')
      .evaluateAll((els) =>
        els.filter((el) => el.checkVisibility()).map((el) => parseFloat(getComputedStyle(el).fontSize)),
      );
    expect(labelSizes.length).toBeGreaterThan(2);
    for (const size of labelSizes) expect(size).toBeGreaterThanOrEqual(12);
    await context.close();
  });

  it('keeps the table a table on a desktop', async () => {
    const { context, page } = await open(DESKTOP, 'light', `incidents/${richIncident.id}/`);
    const row = page.locator('section[aria-labelledby="actions-heading"] tbody tr').first();
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('table-row');
    await context.close();
  });

  it('shows one date format on the library, server-rendered or filtered in the browser', async () => {
    const noJs = await session.browser().newContext({ viewport: PHONE, javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(url('incidents/'));
    const serverDates = await plain.locator('[data-library-results] time').allTextContents();
    await noJs.close();
    // Cards built in the browser (a selection in the URL, newest first as on the server) carry data-date.
    const { context, page } = await open(PHONE, 'light', 'incidents/?sort=date-desc');
    await expect.poll(() => page.locator('[data-library-results] > li[data-date]').count()).toBeGreaterThan(0);
    const clientDates = await page.locator('[data-library-results] time').allTextContents();
    expect(clientDates.length).toBeGreaterThan(0);
    for (const date of [...serverDates, ...clientDates]) expect(date).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
    expect(new Set(clientDates)).toEqual(new Set(serverDates.slice(0, clientDates.length)));
    await context.close();
  });

  it('makes the home page call to action one block button', async () => {
    const { context, page } = await open(PHONE, 'light', './');
    const cta = page.locator('main a.cta');
    const box = await cta.boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(box!.width).toBeCloseTo(main!.width, 0);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(await cta.evaluate((el) => getComputedStyle(el).textAlign)).toBe('center');
    await context.close();
  });
});

describe('templates page', () => {
  it('starts with a jump list to every template', async () => {
    const { context, page } = await open(PHONE, 'light', 'playbook/templates/');
    const links = page.locator('nav.jump-list a');
    const blocks = await page.locator('.copy-block h3').evaluateAll((els) => els.map((el) => `#${el.id}`));
    expect(await links.evaluateAll((els) => els.map((el) => el.getAttribute('href')))).toEqual(blocks);
    expect(await pageTop(page, 'nav.jump-list')).toBeLessThan(await pageTop(page, '#how-to-use-them'));
    await context.close();
  });

  it('has primary copy buttons that never wrap and announce "Copied"', async () => {
    const context = await session.browser().newContext({ viewport: PHONE });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(siteUrl).origin });
    const { page } = await openPage(context);
    await page.goto(url('playbook/templates/'));
    const buttons = page.locator('.copy-block button');
    const styles = await buttons.evaluateAll((els) =>
      els.map((el) => ({
        background: getComputedStyle(el).backgroundColor,
        whiteSpace: getComputedStyle(el).whiteSpace,
        height: el.getBoundingClientRect().height,
      })),
    );
    const accent = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--accent)';
      document.body.append(probe);
      return getComputedStyle(probe).color;
    });
    for (const style of styles) {
      expect(style.background).toBe(accent);
      expect(style.whiteSpace).toBe('nowrap');
      expect(style.height).toBeLessThan(60); // one line of text in a 44 px button
    }
    const first = page.locator('.copy-block').first();
    const live = first.locator('[aria-live="polite"]');
    expect(await live.textContent()).toBe('');
    await first.locator('button').click();
    await expect.poll(() => live.textContent()).toBe('Copied');
    expect(await first.locator('button').textContent()).toBe('Copied');
    await context.close();
  });
});

describe('crisis card', () => {
  it.each(['A4', 'Letter'] as const)('prints on exactly one %s page', async (format) => {
    const { page } = await openPage(session.context());
    await page.goto(url('playbook/crisis-card/'));
    const pdf = (await page.pdf({ format, printBackground: true })).toString('latin1');
    expect(pdf.startsWith('%PDF')).toBe(true);
    expect(pdf.match(/\/Type\s*\/Page\b(?!s)/g)).toHaveLength(1);
  });

  it('carries the ladder, the level table with who to alert, the first hour and the holding statement', async () => {
    const { page } = await openPage(session.context());
    await page.goto(url('playbook/crisis-card/'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ladder__rung').count()).toBe(TRIAGE_LADDER.length + 1);
    const rows = page.locator('.card__levels tbody tr');
    expect(await rows.count()).toBe(SEVERITY_LEVELS.length);
    for (const [index, level] of SEVERITY_LEVELS.entries()) {
      const text = await rows.nth(index).textContent();
      for (const who of level.alertWho) expect(text).toContain(who);
    }
    expect(await page.locator('.first-hour--print li').count()).toBe(12);
    expect(await page.locator('.card__statement pre').textContent()).toMatch(/^We're aware of \[WHAT HAPPENED/);
    for (const selector of ['.site-header', '.site-footer']) {
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    }
  });
});

describe('accessibility of the crisis-mode views (axe-core, WCAG 2.1 AA)', () => {
  const views: [string, string, (page: Page) => Promise<void>][] = [
    ['crisis card', 'playbook/crisis-card/', async () => undefined],
    ['page not found', '404.html', async () => undefined],
    ['Crisis now with the jump menu open', 'playbook/crisis-now/', (page) => page.locator('.toc-jump summary').click()],
    [
      'library with the filter sheet open',
      'incidents/',
      async (page) => {
        await page.locator('[data-library-open]').click();
      },
    ],
    ['an incident page', `incidents/${richIncident?.id}/`, async () => undefined],
    ['the search page', 'search/?q=apology', (page) => page.locator('[data-search-page-results] li').first().waitFor()],
    [
      'the header menu and search open',
      'playbook/step-03-time-is-your-ally/',
      async (page) => {
        await page.locator('.site-menu summary').click();
        await page.locator('[data-search-open]').click();
      },
    ],
  ];
  for (const scheme of schemes) {
    it.each(views)(`%s has no violations on a phone in ${scheme} mode`, async (_name, path, prepare) => {
      const { context, page, errors } = await open(PHONE, scheme, path);
      await prepare(page);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
