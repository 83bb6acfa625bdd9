import { describe, expect, inject, it } from 'vitest';
import { axeViolations, describeViolations, openPage, useBrowser } from '../support/browser.ts';

/** The operational playbook in Chromium at phone size: runbooks from Crisis now, the incident log, accessibility. */
const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;
const session = useBrowser();
const PHONE = { width: 390, height: 844 };

describe('runbooks', () => {
  it('opens the account-compromise runbook from Crisis now in one tap, with owners on its first moves', async () => {
    const { page, errors } = await openPage(session.context());
    await page.setViewportSize(PHONE);
    await page.goto(url('playbook/crisis-now/'));
    await page.locator('a[data-runbook-link="account-compromise"]').click();
    await page.waitForURL(/\/playbook\/runbooks\/account-compromise\/$/);
    expect(await page.locator('h1').textContent()).toBe('Our account is hacked');
    const items = page.locator('ul.checklist li');
    expect(await items.count()).toBeGreaterThanOrEqual(5);
    for (const tag of await page.locator('ul.checklist li .role-tag').allTextContents()) {
      expect(tag).toMatch(
        /^Owner: (Crisis lead|Deputy crisis lead|Comms lead|Social lead|Scribe|Legal|Customer-service lead|Executive sponsor)$/,
      );
    }
    expect(await page.locator('ul.checklist li .role-tag').count()).toBe(await items.count());
    // The first move is within the first two phone screens.
    const box = await items.first().boundingBox();
    expect(box!.y).toBeLessThan(PHONE.height * 2);
    expect(errors).toEqual([]);
  });

  it('links each runbook to its templates, platform cards, steps and past incidents, all of which exist', async () => {
    const { page } = await openPage(session.context());
    await page.goto(url('playbook/runbooks/misinformation/'));
    const hrefs = await page
      .locator('article a[href^="/playbook/"], article a[href^="/incidents/"]')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).getAttribute('href')!));
    expect(hrefs).toContain('/playbook/scenario-templates/#hoax-correction');
    expect(hrefs).toContain('/playbook/platforms/tiktok/#impersonation');
    expect(hrefs).toContain('/playbook/step-04-know-the-profiles/');
    expect(hrefs.some((href) => href.startsWith('/incidents/2023-08-28-contamination-hoax-video'))).toBe(true);
    for (const href of new Set(hrefs)) {
      const response = await page.request.get(url(href.split('#')[0]!));
      expect(response.status(), href).toBe(200);
      const anchor = href.split('#')[1];
      if (anchor) expect(await response.text(), href).toContain(`id="${anchor}"`);
    }
  });
});

describe('incident log', () => {
  it('keeps entries across a reload and while offline, and records checklist ticks with their time', async () => {
    const context = session.context();
    const { page, errors } = await openPage(context);
    await page.setViewportSize(PHONE);
    await page.goto(url('log/'));
    const add = async (kind: string, text: string) => {
      await page.getByLabel(kind, { exact: true }).check();
      await page.getByLabel('Entry', { exact: true }).fill(text);
      await page.getByRole('button', { name: 'Add to log' }).click();
    };
    await add('Decision', 'Crisis lead sets level 2');
    await add('Metric', '1,450 mentions in the last hour');
    await page.reload();
    const texts = () => page.locator('.log-entry__text').allTextContents();
    expect(await texts()).toEqual(['1,450 mentions in the last hour', 'Crisis lead sets level 2']);

    // Offline: adding asks the network for nothing, and the log survives a reload with the
    // network off (the service worker keeps the page, the browser keeps the entries).
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);
    const requests: string[] = [];
    const record = (request: { url(): string }) => requests.push(request.url());
    page.on('request', record);
    await add('Public statement', 'Holding statement posted on X and Instagram');
    expect(await texts()).toHaveLength(3);
    expect(requests).toEqual([]);
    page.off('request', record);
    await page.reload();
    expect(await texts()).toEqual([
      'Holding statement posted on X and Instagram',
      '1,450 mentions in the last hour',
      'Crisis lead sets level 2',
    ]);
    await context.setOffline(false);

    // A tick on a runbook lands in the log, with its time.
    const runbook = await context.newPage();
    await runbook.goto(url('playbook/runbooks/account-compromise/'));
    await runbook.locator('ul.checklist input[type="checkbox"]').first().check();
    await runbook.close();
    await page.reload();
    const entries = await texts();
    expect(entries).toHaveLength(4);
    expect(entries[0]).toMatch(/^Done: Screenshot what the attacker posted .* \(Our account is hacked, Social lead\)$/);
    expect(await page.locator('.log-entry time').first().getAttribute('datetime')).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/,
    );
    expect(errors).toEqual([]);
  });

  it('has controls a thumb can hit', async () => {
    const { page } = await openPage(session.context());
    await page.setViewportSize(PHONE);
    await page.goto(url('log/'));
    for (const locator of [
      page.getByRole('button', { name: 'Add to log' }),
      page.locator('.log-form__kinds label').first(),
      page.getByRole('button', { name: 'Export log (JSON)' }),
      page.getByLabel('Entry', { exact: true }),
    ]) {
      const box = await locator.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
      expect(box!.width).toBeGreaterThanOrEqual(44);
    }
  });
});

describe('accessibility of the operational playbook (axe-core, WCAG 2.1 AA)', () => {
  const pages = [
    'playbook/runbooks/',
    'playbook/runbooks/product-safety/',
    'playbook/roles/',
    'playbook/roles/scribe/',
    'playbook/platforms/',
    'playbook/platforms/meta/',
    'playbook/scenario-templates/',
    'log/',
  ];
  for (const scheme of ['light', 'dark'] as const) {
    it.each(pages)(`%s has no violations in ${scheme} mode`, async (path) => {
      const { page, errors } = await openPage(session.context());
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(url(path));
      if (path === 'log/') {
        await page.getByLabel('Entry', { exact: true }).fill('Crisis lead sets level 2');
        await page.getByRole('button', { name: 'Add to log' }).click();
      }
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});
