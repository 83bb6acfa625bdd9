import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'astro';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { childEnv } from './child-env.ts';
import { testPort } from './ports.ts';

const root = join(import.meta.dirname, '..', '..');

/** `astro build` of this project into `outDir`, with extra environment (other content, drafts…). */
export function buildSite(outDir: string, env: Record<string, string>): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    cwd: root,
    encoding: 'utf8',
    env: childEnv('production', env),
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Serves a built site with Astro's own static server (as `npm start` does) on a test port. */
export async function serveSite(outDir: string, port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = await preview({
    root,
    outDir,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: testPort(port) },
  });
  return { url: `http://127.0.0.1:${server.port}/`, stop: () => server.stop() };
}

/** A site of a suite's own (other content than the shared build's), served, with a browser. */
export interface OwnSite {
  url: string;
  browser: Browser;
  /** Closes the browser and the server and removes `work`. */
  stop: () => Promise<void>;
}

/**
 * Builds the site into `work/dist` with `env` (the content to build, drafts…), serves it on a
 * test port and launches Chromium: the set-up of the e2e suites that need a site of their own.
 * A failed build throws with its output, naming `what` was being built.
 */
export async function startOwnSite(
  work: string,
  what: string,
  env: Record<string, string>,
  port: number,
): Promise<OwnSite> {
  const dist = join(work, 'dist');
  const built = buildSite(dist, env);
  if (built.status !== 0) throw new Error(`build of ${what} failed:\n${built.output}`);
  const server = await serveSite(dist, port);
  const browser = await launchBrowser();
  return {
    url: server.url,
    browser,
    stop: async () => {
      await browser.close();
      await server.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
