import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'astro';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from '../support/browser.ts';
import { testPort } from '../support/ports.ts';

/**
 * Offline (issue 9): after one visit, the playbook and the incident pages the reader opened work
 * with no network at all. The site is served by a server of this test's own, which the test
 * then stops: a real dead zone, not an emulated one the service worker could bypass.
 */
const dist = inject('distDir');
const root = new URL('../..', import.meta.url).pathname;
const session = useBrowser();

const INCIDENT = '2025-03-14-promo-code-leak';

/**
 * Chromium 150 (Playwright 1.65) leaves `navigator.onLine` true in a document the service worker
 * served after `setOffline(true)`, though the network stays cut. Setting the emulation again
 * reaches the current document as a phone losing its signal would: `onLine` false, an `offline` event.
 */
async function signalLost(context: BrowserContext): Promise<void> {
  await context.setOffline(false);
  await context.setOffline(true);
}

describe('service worker', () => {
  it('serves Crisis now, a step page, the templates and a visited incident page with the network off', async () => {
    const server = await preview({ root, logLevel: 'error', server: { host: '127.0.0.1', port: testPort(4394) } });
    const base = `http://127.0.0.1:${server.port}/`;
    const context = await session.browser().newContext({ viewport: { width: 390, height: 844 } });
    const { page, errors } = await openPage(context);
    try {
      await page.goto(`${base}playbook/crisis-now/`);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      const status = page.locator('[data-offline-status]');
      await expect.poll(() => status.textContent()).toBe('Available offline');
      // An incident page is kept once it has been opened.
      await page.goto(`${base}incidents/${INCIDENT}/`);
      await expect.poll(() => status.textContent()).toBe('Available offline');
    } finally {
      await server.stop();
    }

    // The server is gone: nothing below can come from the network.
    expect(await fetch(`${base}playbook/crisis-now/`).catch(() => 'unreachable')).toBe('unreachable');
    await context.setOffline(true);
    for (const [path, heading] of [
      ['playbook/crisis-now/', 'Crisis now'],
      ['playbook/step-03-time-is-your-ally/', '3. Time is your ally'],
      ['playbook/templates/', 'Statement templates'],
      [`incidents/${INCIDENT}/`, 'That time a discount code went viral on TikTok'],
    ] as const) {
      const response = await page.goto(`${base}${path}`);
      expect(response?.ok(), path).toBe(true);
      expect(await page.locator('h1').textContent(), path).toBe(heading);
      // Styles come from the precache too.
      expect(await page.evaluate(() => getComputedStyle(document.body).margin), path).toBe('0px');
    }
    await signalLost(context);
    await expect
      .poll(() => page.locator('[data-offline-status]').textContent())
      .toBe('Offline: you are reading the saved copy');

    // Search says plainly that it needs the network.
    await page.goto(`${base}playbook/crisis-now/`);
    await signalLost(context);
    await page.locator('[data-search-open]').click();
    await page.locator('#site-search').fill('apology');
    await expect
      .poll(() => page.locator('.search__results').textContent())
      .toMatch(/^You are offline: search needs the network/);
    expect(errors.filter((e) => !/Failed to (load|fetch)|ERR_INTERNET_DISCONNECTED|net::/.test(e))).toEqual([]);
    await context.close();
  });

  it('precaches every playbook page under a revision of its content, so a new deploy refreshes it', () => {
    const worker = readFileSync(join(dist, 'sw.js'), 'utf8');
    for (const page of ['crisis-now', 'step-03-time-is-your-ally', 'templates', 'crisis-card']) {
      const html = readFileSync(join(dist, 'playbook', page, 'index.html'));
      const revision = createHash('md5').update(html).digest('hex');
      expect(worker, page).toContain(`url:"/playbook/${page}/",revision:"${revision}"`);
    }
  });

  it('is the only new script on a playbook page (no other registration or offline library)', () => {
    const html = readFileSync(join(dist, 'playbook', 'crisis-now', 'index.html'), 'utf8');
    expect(html).not.toMatch(/workbox|registerSW/);
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
    for (const src of scripts) expect(src).toMatch(/^\/_astro\/[\w.-]+\.js$/);
  });
});
