/**
 * `node service-worker-build.ts <outDir> <base>`: generates the built site's service worker with
 * Workbox (options in src/integrations/service-worker.ts, which runs this in a process of its
 * own) and prints Workbox's summary as JSON; on failure, prints Workbox's message and exits 1.
 */
import { generateSW } from 'workbox-build';
import { serviceWorkerOptions, type ServiceWorkerSummary } from './service-worker.ts';

const [outDir, base] = process.argv.slice(2);
try {
  if (!outDir || !base) throw new Error('expected the built site folder and the base');
  const { count, size, warnings } = await generateSW(serviceWorkerOptions(outDir, base));
  process.stdout.write(JSON.stringify({ count, size, warnings } satisfies ServiceWorkerSummary));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
