/**
 * The content check on a worker thread, for `astro dev` (src/integrations/content-check.ts):
 * the server starts while it runs, and its problems are logged when it is done. Posts the list
 * of problems (plain data) back, or the message of what stopped it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { contentPaths } from '../content-paths.ts';
import { checkContent } from '../lib/content-check/index.ts';

const { root, cache, fresh } = workerData as { root: string; cache: string; fresh: boolean };
try {
  const { problems } = checkContent(root, contentPaths, { cache, fresh, keepData: false });
  parentPort!.postMessage({ problems });
} catch (error) {
  parentPort!.postMessage({ failed: (error as Error).message });
}
