import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { launchChromium } from '../lib/chromium.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Serves a built site from a folder on an ephemeral loopback port (benchmark only). */
function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
    }),
  );
}

/** Bytes transferred for Pagefind when a visitor runs their first search on the library page. */
export async function measureFirstSearch(
  dir: string,
  query: string,
): Promise<{ bytes: number; requests: number; results: number }> {
  const { server, url } = await serve(dir);
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
    server.close();
  }
}
