/**
 * The content check on a worker thread (src/integrations/content-check.ts), so the main
 * thread goes on meanwhile: `astro dev` serves pages, `astro build` loads the content.
 * Posts plain data, as `CheckMessage`s: the problems found once all but the post-mortems is
 * checked; with `handover`, each post-mortem's validated data as soon as it is checked, for the
 * content loader, until the main thread clears the flag; last, every problem, or the message
 * of what stopped the check.
 */
import { resolve } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { contentPaths } from '../content-paths.ts';
import { checkContent, type Problem } from '../lib/content-check/index.ts';
import type { Postmortem } from '../schema/postmortem.ts';

export interface CheckWorkerData {
  root: string;
  cache?: string;
  fresh?: boolean;
  /** One Int32 the main thread holds at 1 while the loader still takes readings, then sets to 0. */
  handover?: SharedArrayBuffer;
}

export type CheckMessage =
  | { site: Problem[] }
  | { postmortem: { path: string; digest: string; valid?: Postmortem } }
  | { problems: Problem[] }
  | { failed: string };

const { root, cache, fresh, handover } = workerData as CheckWorkerData;
const wanted = handover ? new Int32Array(handover) : undefined;
const post = (message: CheckMessage) => parentPort!.postMessage(message);
try {
  const { problems } = checkContent(root, contentPaths, {
    ...(cache !== undefined && { cache }),
    ...(fresh !== undefined && { fresh }),
    keepData: false,
    onSiteChecked: (found) => post({ site: [...found] }),
    ...(wanted && {
      onPostmortem: ({ file, digest, valid }) => {
        if (Atomics.load(wanted, 0) === 1)
          post({ postmortem: { path: resolve(root, file), digest, ...(valid && { valid }) } });
      },
    }),
  });
  post({ problems });
} catch (error) {
  post({ failed: (error as Error).message });
}
