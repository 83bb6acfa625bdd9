import { describe, expect, inject, it } from 'vitest';
import { axeViolations, describeViolations, openPage, useBrowser } from '../support/browser.ts';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;

const session = useBrowser();

describe('search', () => {
  it('finds the right step from the header box, with an excerpt', async () => {
    const { page, errors } = await openPage(session.context());
    await page.goto(url('playbook/crisis-now/'));
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('last word');
    const first = page.locator('.search__results li').first();
    await first.waitFor();
    expect(await first.locator('a').getAttribute('href')).toContain('/playbook/step-07-no-last-word/');
    expect(await first.locator('.badge').textContent()).toBe('Playbook · Step 7');
    expect(await first.locator('p mark').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});

describe('search page', () => {
  it('separates playbook pages from incidents with the type filter', async () => {
    const { page, errors } = await openPage(session.context());
    const badges = () =>
      page
        .locator('[data-search-page-results] > li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-type')));
    await page.goto(url('search/?q=apology'));
    await expect.poll(async () => new Set(await badges())).toEqual(new Set(['playbook', 'incident']));
    await page.goto(url('search/?q=apology&type=Incident'));
    await expect.poll(async () => (await badges()).length).toBeGreaterThan(0);
    expect(new Set(await badges())).toEqual(new Set(['incident']));
    expect(await page.locator('input[name="type"][value="Incident"]').isChecked()).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('checklists', () => {
  it('keeps a ticked item across a reload, and the reset clears it', async () => {
    const { page, errors } = await openPage(session.context());
    await page.goto(url('playbook/step-05-take-it-private/'));
    const boxes = page.locator('ul.checklist input[type="checkbox"]');
    expect(await boxes.count()).toBeGreaterThan(2);
    await boxes.nth(1).check();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^1 of \d+ done$/);

    await page.reload();
    expect(await boxes.nth(1).isChecked()).toBe(true);
    expect(await boxes.nth(0).isChecked()).toBe(false);

    await page.getByRole('button', { name: 'Reset checklist' }).click();
    expect(await boxes.nth(1).isChecked()).toBe(false);
    await page.reload();
    expect(await boxes.nth(1).isChecked()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('is a plain list without JavaScript', async () => {
    const noJs = await session.browser().newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(url('playbook/step-05-take-it-private/'));
    expect(await page.locator('ul.checklist li').count()).toBeGreaterThan(2);
    expect(await page.locator('ul.checklist input').count()).toBe(0);
    expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
    await noJs.close();
  });
});

describe('theme', () => {
  it('follows the system, and a chosen theme sticks across pages and reloads', async () => {
    const { page, errors } = await openPage(session.context());
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(url('playbook/'));
    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const dark = await background();
    expect(dark).not.toBe(light);

    await page.goto(url('playbook/crisis-now/'));
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await background()).toBe(dark);
    await page.reload();
    expect(await background()).toBe(dark);
    expect(errors).toEqual([]);
  });
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  const pages = [
    'playbook/crisis-now/',
    'playbook/step-03-time-is-your-ally/',
    'playbook/templates/',
    './',
    'playbook/',
    'search/?q=apology',
  ];
  for (const scheme of ['light', 'dark'] as const) {
    it.each(pages)(`%s has no violations in ${scheme} mode`, async (path) => {
      const { page, errors } = await openPage(session.context());
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(url(path));
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

describe('print', () => {
  it('prints the content and the checklist without navigation, search or buttons', async () => {
    const { page } = await openPage(session.context());
    await page.goto(url('playbook/step-05-take-it-private/'));
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.site-footer', '.pager', '.checklist__bar']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('ul.checklist li').first().isVisible()).toBe(true);
    expect(await page.locator('h1').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  });
});

describe('reading aids', () => {
  it('has a skip link, previous/next steps and a table of contents on a step page', async () => {
    const { page } = await openPage(session.context());
    await page.goto(url('playbook/step-03-time-is-your-ally/'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    expect(await page.locator('a[rel="prev"]').getAttribute('href')).toContain('step-02-');
    expect(await page.locator('a[rel="next"]').getAttribute('href')).toContain('step-04-');
    expect(await page.locator('nav.toc a').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('a.crisis-link').first().getAttribute('href')).toContain('/playbook/crisis-now/');
  });

  it('offers a copy button per template, and plain text without JavaScript', async () => {
    const { page } = await openPage(session.context());
    await page.goto(url('playbook/templates/'));
    const blocks = page.locator('.copy-block');
    expect(await blocks.count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.copy-block button:visible').count()).toBe(await blocks.count());
    const text = await blocks.first().locator('pre').textContent();
    expect(text).toMatch(/\[[A-Z][A-Z ]+\]/);

    await session
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(siteUrl).origin });
    await blocks.first().locator('button').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  });
});
