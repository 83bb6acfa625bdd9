import { join } from 'node:path';
import { preview } from 'astro';
import { launchChromium } from '../lib/chromium.ts';

const root = join(import.meta.dirname, '..', '..');

/** Bytes transferred for Pagefind when a visitor runs their first search on the library page. */
export async function measureFirstSearch(
  dir: string,
  query: string,
): Promise<{ bytes: number; requests: number; results: number }> {
  // Astro's own static server, as `npm start` uses it, on a loopback port of the benchmark's.
  const server = await preview({ root, outDir: dir, logLevel: 'error', server: { host: '127.0.0.1', port: 4395 } });
  const url = `http://127.0.0.1:${server.port}/`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(url);
    let bytes = 0;
    let requests = 0;
    page.on('response', async (response) => {
      if (!response.url().includes('/pagefind/')) return;
      requests++;
      bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    const results = await page.evaluate(async (q) => {
      const pagefindUrl = '/pagefind/pagefind.js';
      const pagefind = await import(pagefindUrl);
      const search = await pagefind.search(q);
      await Promise.all(search.results.slice(0, 8).map((r: { data(): Promise<unknown> }) => r.data()));
      return search.results.length as number;
    }, query);
    await page.waitForTimeout(200);
    return { bytes, requests, results };
  } finally {
    await browser.close();
    await server.stop();
  }
}
