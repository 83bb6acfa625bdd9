import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { durationsOfPostmortem } from '../../src/lib/analysis/postmortem-durations.ts';
import { checkContent } from '../../src/lib/content-check/index.ts';
import { openActions } from '../../src/lib/insights/actions.ts';
import { axeViolations, describeViolations, openPage, useBrowser } from '../support/browser.ts';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;
const root = new URL('../..', import.meta.url).pathname;

// Expectations come from the real content, so the tests keep working as samples are added.
const content = checkContent(root);
const shown = content.postmortems
  .filter((entry) => entry.valid && entry.valid.status !== 'draft')
  .map((entry) => ({ id: entry.id, data: entry.valid!, durations: durationsOfPostmortem(entry.valid!) }));
const stepPageIds = new Map(content.playbook.filter((p) => p.valid?.step).map((p) => [p.valid!.step!, p.id]));
const withChart = shown.find((e) => e.data.impact.mentionSeries?.length)!;

const session = useBrowser();

const PAGES = [
  { name: 'insights', path: 'insights/' },
  { name: 'actions', path: 'actions/' },
  { name: 'an incident with a mention chart', path: `incidents/${withChart.id}/` },
];

async function open(page: Page, path: string, colorScheme: 'light' | 'dark', width = 1280) {
  await page.setViewportSize({ width, height: 844 });
  await page.emulateMedia({ colorScheme });
  await page.goto(url(path));
}

describe('learning-loop pages: accessibility', () => {
  for (const { name, path } of PAGES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${name} has no axe violations in the ${colorScheme} theme`, async () => {
        const { page, errors } = await openPage(session.context());
        await open(page, path, colorScheme);
        const violations = await axeViolations(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        expect(errors).toEqual([]);
      });
    }
  }
});

/** Every drawn shape of every chart: size, position and colour as rendered. */
async function chartShapes(page: Page) {
  return page.locator('.chart svg').evaluateAll((svgs) =>
    svgs.map((svg) => {
      const box = svg.getBoundingClientRect();
      const fills = [...svg.querySelectorAll('path, rect')].map((shape) => {
        const style = getComputedStyle(shape);
        return style.fill === 'none' ? style.stroke : style.fill;
      });
      return { left: box.left, right: box.right, width: box.width, height: box.height, fills };
    }),
  );
}

describe('charts', () => {
  for (const { name, path } of PAGES.filter((p) => p.name !== 'actions')) {
    it(`on ${name} are visible at 390 px in both themes, in the theme's colours, with labels of at least 12 px`, async () => {
      const { page } = await openPage(session.context());
      const fillsByTheme: string[][] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        await open(page, path, colorScheme, 390);
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const shapes = await chartShapes(page);
        expect(shapes.length).toBeGreaterThan(0);
        for (const shape of shapes) {
          expect(shape.width).toBeGreaterThan(100);
          expect(shape.height).toBeGreaterThan(10);
          expect(shape.left).toBeGreaterThanOrEqual(0);
          expect(shape.right).toBeLessThanOrEqual(390);
        }
        const fills = shapes.flatMap((s) => s.fills);
        expect(fills.length).toBeGreaterThan(0);
        for (const fill of fills) {
          expect(fill).not.toBe(background);
          expect(fill).not.toMatch(/^rgba\(0, 0, 0, 0\)$/);
        }
        fillsByTheme.push(fills);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        const sizes = await page
          .locator('.chart__plot span, .chart__plot small, .chart__legend li')
          .evaluateAll((labels) =>
            labels
              .filter((l) => (l as HTMLElement).offsetParent !== null)
              .map((l) => parseFloat(getComputedStyle(l).fontSize)),
          );
        expect(sizes.length).toBeGreaterThan(0);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
      }
      expect(fillsByTheme[0]).not.toEqual(fillsByTheme[1]);
    });
  }

  it('print their data tables, folded away on screen', async () => {
    const { page } = await openPage(session.context());
    await open(page, `incidents/${withChart.id}/`, 'light');
    const table = page.locator('.mention-chart .chart__data table');
    expect(await table.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await table.isVisible()).toBe(true);
    const series = withChart.data.impact.mentionSeries!;
    expect(await table.locator('tbody tr').count()).toBe(series.length);
  });

  it('mark detection, the first response and the resolution on the incident chart', async () => {
    const { page } = await openPage(session.context());
    await open(page, `incidents/${withChart.id}/`, 'light', 390);
    const key = await page.locator('.marker-key li').allTextContents();
    expect(key.some((line) => line.includes('Detected'))).toBe(true);
    expect(key.some((line) => line.includes('First public response'))).toBe(true);
    expect(key.some((line) => line.includes('Resolved'))).toBe(true);
    // Numbers drawn above the plot for the moments inside the measured hours.
    expect(await page.locator('.markers__number').count()).toBeGreaterThan(0);
  });
});

describe('lessons on the step pages', () => {
  it('list every lesson that cites the step, with its applied state', async () => {
    const { page } = await openPage(session.context());
    for (const [step, pageId] of stepPageIds) {
      const expected = shown.flatMap((e) => e.data.lessons.filter((l) => l.step === step));
      await page.goto(url(`playbook/${pageId}/`));
      const items = page.locator('.step-lesson');
      expect(await items.count(), pageId).toBe(expected.length);
      const texts = await page.locator('.step-lesson__text').allTextContents();
      expect(new Set(texts), pageId).toEqual(new Set(expected.map((l) => l.text)));
      const appliedTexts = await page.locator('.step-lesson[data-applied="yes"] .step-lesson__text').allTextContents();
      expect(new Set(appliedTexts), pageId).toEqual(new Set(expected.filter((l) => l.appliedIn).map((l) => l.text)));
    }
  });

  it('show a sample lesson applied and one not yet applied on the same step page', async () => {
    const applied = shown.flatMap((e) => e.data.lessons.filter((l) => l.appliedIn && l.step === 2))[0]!;
    const { page } = await openPage(session.context());
    await page.goto(url(`playbook/${stepPageIds.get(2)}/`));
    const item = page.locator('.step-lesson', { hasText: applied.text });
    expect(await item.locator('.state').textContent()).toMatch(/^Applied in .+ on \d{1,2} \w{3} \d{4}$/);
    expect(await item.locator('.state a').getAttribute('href')).toContain(`/playbook/${applied.appliedIn!.page}/`);
    expect(await page.locator('.step-lesson .state', { hasText: 'Not yet applied' }).count()).toBeGreaterThan(0);
    // Newest first.
    const dates = await page
      .locator('.step-lesson__source time')
      .evaluateAll((t) => t.map((e) => e.getAttribute('datetime')!));
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('open action items page', () => {
  it('lists every open item of the library, overdue first, as the aggregation orders them', async () => {
    const { page } = await openPage(session.context());
    await page.goto(url('actions/'));
    const asOf = await page.locator('.lead time').getAttribute('datetime');
    const expected = openActions(shown, new Date(`${asOf}T00:00:00Z`), { includeExamples: true });
    expect(expected.length).toBeGreaterThan(1);
    expect(await page.locator('.action__title').allTextContents()).toEqual(expected.map((a) => a.title));
    const overdue = expected.filter((a) => a.daysOverdue > 0).length;
    expect(overdue).toBeGreaterThan(0);
    expect(await page.locator('.action--overdue').count()).toBe(overdue);
    expect(await page.locator('#overdue-heading').textContent()).toBe(`Overdue (${overdue})`);
    await expect.poll(() => page.locator('.action').first().getAttribute('class')).toContain('action--overdue');
  });
});
