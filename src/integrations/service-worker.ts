import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
        // Loaded only for a build: `astro dev` has no service worker.
        const { generateSW } = await import('workbox-build');
        const outDir = fileURLToPath(dir);
        const escapedBase = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const { count, size, warnings } = await generateSW({
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
        });
        for (const warning of warnings) logger.warn(warning);
        logger.info(`service worker precaches ${count} files (${Math.round(size / 1024)} kB)`);
      },
    },
  };
}
