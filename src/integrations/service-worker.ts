import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GenerateSWOptions } from 'workbox-build';

/** The file the browser registers (src/client/offline.ts), at the root of the site's base. */
export const SERVICE_WORKER_FILE = 'sw.js';
/** Cache of the incident pages a reader has opened, newest kept. */
export const INCIDENT_CACHE = 'firebreak-incidents';
const INCIDENT_CACHE_SIZE = 30;

/**
 * Generates the service worker with Workbox (workbox-build) once the site is built, so a phone
 * that opened the site once still has the playbook in a dead zone:
 * - precached: the home page, every playbook page (Crisis now, the steps, templates, the crisis
 *   card, runbooks, role and platform cards), the incident log page, and all CSS and JS. Each entry carries a content hash, so a new deploy installs a new
 *   worker that fetches what changed and drops the old copies;
 * - cached as visited: incident pages (network first, the saved copy when there is no network).
 * Pagefind's index is left out: search says plainly that it needs the network.
 *
 * Workbox bundles the worker with Rollup, Babel and Terser, which took the build's own process
 * from 1.19 to 1.37 GB at the very end of a 10,000-entry build, its largest moment: so it runs
 * in a Node process of its own (src/integrations/service-worker-build.ts), which ends when done.
 */
export function serviceWorker(): AstroIntegration {
  let base = '/';
  return {
    name: 'firebreak:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size, warnings } = await generateInChild(fileURLToPath(dir), base);
        for (const warning of warnings) logger.warn(warning);
        logger.info(`service worker precaches ${count} files (${Math.round(size / 1024)} kB)`);
      },
    },
  };
}

/** What Workbox is asked for (its options for `generateSW`), for the site built in `outDir`. */
export function serviceWorkerOptions(outDir: string, base: string): GenerateSWOptions {
  const escapedBase = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    globDirectory: outDir,
    globPatterns: ['index.html', 'playbook/**/index.html', 'log/index.html', '_astro/*.{css,js}', 'favicon.svg'],
    // The contribute form's validator (the check's rules, zod, phone metadata) is for the
    // few who write a post-mortem; it is not worth every device's offline storage.
    globIgnores: ['_astro/contribute-form.*.js'],
    swDest: join(outDir, SERVICE_WORKER_FILE),
    // Pages are requested as /playbook/crisis-now/, not as the file on disk.
    manifestTransforms: [
      (entries) => ({
        manifest: entries.map((entry) => ({
          ...entry,
          url: `${base}${entry.url.replace(/(^|\/)index\.html$/, '$1')}`,
        })),
        warnings: [],
      }),
    ],
    // Hashed file names never change content: no need to revalidate them.
    dontCacheBustURLsMatching: /\/_astro\//,
    runtimeCaching: [
      {
        urlPattern: new RegExp(`${escapedBase}incidents/(?!page/)[^/?#]+/(?:[?#].*)?$`),
        handler: 'NetworkFirst',
        options: {
          cacheName: INCIDENT_CACHE,
          networkTimeoutSeconds: 5,
          expiration: { maxEntries: INCIDENT_CACHE_SIZE },
          cacheableResponse: { statuses: [200] },
        },
      },
    ],
    cleanupOutdatedCaches: true,
    // A new deploy takes over at once: the reader gets the fresh playbook on the next page.
    skipWaiting: true,
    clientsClaim: true,
    mode: 'production',
    sourcemap: false,
    inlineWorkboxRuntime: true,
  };
}

/** What the child process reports: Workbox's own summary. */
export interface ServiceWorkerSummary {
  count: number;
  size: number;
  warnings: string[];
}

/** Runs Workbox in its own process (src/integrations/service-worker-build.ts); rejects with what it printed when it fails. */
function generateInChild(outDir: string, base: string): Promise<ServiceWorkerSummary> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./service-worker-build.ts', import.meta.url)), outDir, base],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(out) as ServiceWorkerSummary);
      else
        reject(
          new Error(
            `the service worker could not be generated: ${err.trim().split('\n').slice(-5).join(' ') || `exit ${code}`}`,
          ),
        );
    });
  });
}
