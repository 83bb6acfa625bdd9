import { join } from 'node:path';
import { preview } from 'astro';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium.ts';

const root = join(import.meta.dirname, '..', '..');

/** What a first search costs: bytes over the wire (compressed, as served), requests, results shown. */
export interface FirstSearch {
  bytes: number;
  requests: number;
  results: number;
  /** The path of every request the search made, in the order they finished. */
  paths: string[];
  /** What each of those requests transferred, in the same order. */
  sizes: number[];
}

/**
 * Starts counting what `page` transfers: each finished request by the bytes actually
 * transferred (bodies as the server compressed them, plus headers). The returned function
 * stops waiting and gives the paths and the total so far.
 */
function countTransfers(page: Page): () => Promise<{ paths: string[]; sizes: number[]; bytes: number }> {
  const pending: Promise<[string, number]>[] = [];
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    pending.push(
      request.sizes().then(
        (sizes): [string, number] => [path, sizes.responseBodySize + sizes.responseHeadersSize],
        (): [string, number] => [path, 0],
      ),
    );
  });
  return async () => {
    const done = await Promise.all(pending);
    const sizes = done.map(([, n]) => n);
    return { paths: done.map(([path]) => path), sizes, bytes: sizes.reduce((sum, n) => sum + n, 0) };
  };
}

/**
 * Types `query` into the header search box of a freshly opened home page and counts every
 * request that search causes (Pagefind's script, WebAssembly, index and fragments, the search
 * rules' own script chunks and vocabulary files). Shared by the benchmark and the budget test.
 */
export async function firstSearchOnPage(page: Page, homeUrl: string, query: string): Promise<FirstSearch> {
  await page.goto(homeUrl);
  await page.waitForLoadState('networkidle');
  const transfers = countTransfers(page);
  await page.locator('#site-search').fill(query);
  await page.locator('.search__results li, .search__results .search__status').first().waitFor();
  await page.waitForLoadState('networkidle');
  const results = await page.locator('.search__results li').count();
  const { paths, sizes, bytes } = await transfers();
  return { bytes, requests: paths.length, results, paths, sizes };
}

/** Bytes transferred (compressed bodies plus headers) to load `url` until the network is idle. */
export async function pageWeight(page: Page, url: string): Promise<number> {
  const transfers = countTransfers(page);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  return (await transfers()).bytes;
}

/**
 * Serves a built site (`dir`) on `port` and measures, each in a fresh page of one Chromium: a
 * first search from the home page, and the library page's weight before any query.
 */
export async function measureFirstSearch(
  dir: string,
  query: string,
  port = 4395,
): Promise<FirstSearch & { libraryBytes: number }> {
  // Astro's own static server, as `npm start` uses it, on a loopback port of the benchmark's.
  const server = await preview({ root, outDir: dir, logLevel: 'error', server: { host: '127.0.0.1', port } });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const base = `http://127.0.0.1:${server.port}/`;
    const search = await firstSearchOnPage(await browser.newPage(), base, query);
    const libraryBytes = await pageWeight(await browser.newPage(), `${base}incidents/`);
    return { ...search, libraryBytes };
  } finally {
    await browser?.close();
    await server.stop();
  }
}

/**
 * Serves a built site (`dir`) on `port` and measures a first search for each query, each in a
 * fresh page of one Chromium (nothing cached between them).
 */
export async function measureFirstSearches(
  dir: string,
  queries: readonly string[],
  port: number,
): Promise<FirstSearch[]> {
  const server = await preview({ root, outDir: dir, logLevel: 'error', server: { host: '127.0.0.1', port } });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const base = `http://127.0.0.1:${server.port}/`;
    const searches: FirstSearch[] = [];
    for (const query of queries) {
      const page = await browser.newPage();
      searches.push(await firstSearchOnPage(page, base, query));
      await page.close();
    }
    return searches;
  } finally {
    await browser?.close();
    await server.stop();
  }
}
