import type { AstroIntegration } from 'astro';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { rememberChecked } from '../content/library.ts';
import { contentPaths } from '../content-paths.ts';
import { libraryBytes } from '../lib/node-heap.ts';
import { CHECK_CACHE_FILE, checkContent, formatProblem, type Problem } from '../lib/content-check/index.ts';

/**
 * Runs Firebreak's content checks before Astro does anything else, so a wrong field fails the
 * build at once with every problem listed as `file:line  field  message`, not as a stack trace
 * from deep inside a page. In `astro dev` the problems are logged and the server keeps running.
 *
 * What it read of each post-mortem (its digest and validated data) is handed to the content
 * loader (src/content/), which then neither parses nor validates that file again.
 *
 * In `astro dev` the check runs on a worker thread instead, so the server is ready without
 * waiting for it (at 10,000 post-mortems the check alone takes longer than a contributor should
 * wait), and its problems are logged when it is done. It starts once the server has answered
 * its first page (or after `IDLE_START_MS` without one): that first page loads Astro's whole
 * content store, and the two at once were the dev server's memory peak (2.2 GB at 10,000
 * entries). The loader validates each file it reads itself meanwhile (a new or edited one:
 * unchanged entries come from Astro's store).
 *
 * `FIREBREAK_SKIP_CONTENT_CHECK=1` turns it off. Only the tests that prove the rendering
 * pipeline is safe on its own use it (hostile content must be inert even when nothing checked
 * it); nothing else should.
 */
export function contentCheck(): AstroIntegration {
  /** `astro dev`: starts the background check, once. */
  let startCheck: (() => void) | undefined;
  return {
    name: 'firebreak:content-check',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((_request, response, next) => {
          // Only until the check has started: after that, requests pass untouched.
          if (startCheck) {
            response.once('finish', () => {
              if (String(response.getHeader('content-type') ?? '').startsWith('text/html')) startCheck?.();
            });
          }
          next();
        });
      },
      'astro:server:start': () => {
        if (startCheck) setTimeout(() => startCheck?.(), IDLE_START_MS).unref();
      },
      'astro:config:setup': ({ config, command, logger }) => {
        if (process.env['FIREBREAK_SKIP_CONTENT_CHECK'] === '1') {
          logger.warn('content check skipped (FIREBREAK_SKIP_CONTENT_CHECK=1): nothing was validated before the build');
          return;
        }
        const root = fileURLToPath(config.root);
        // Each entry's own lint is kept by content digest in Astro's cache folder, so a rebuild
        // (or `astro dev`) after one edit lints one entry; `--force` checks everything afresh
        // (and keeps what it found for the next run).
        const fresh = process.argv.includes('--force');
        const cache = join(fileURLToPath(config.cacheDir), CHECK_CACHE_FILE);
        if (command === 'dev') {
          startCheck = () => {
            startCheck = undefined;
            checkInBackground(root, { cache, fresh }, logger);
          };
          return;
        }
        const { problems, postmortems } = checkContent(root, contentPaths, { cache, fresh });
        for (const entry of postmortems) {
          rememberChecked(resolve(root, entry.file), {
            digest: entry.digest,
            ...(entry.valid && { valid: entry.valid }),
          });
        }
        const report = logProblems(problems, logger);
        if (report === undefined) return;
        if (command === 'build') {
          logger.error(
            `content check failed, ${report.count} problem${report.count === 1 ? '' : 's'}:\n${report.text}`,
          );
          const failure = new Error(`Content check failed: ${report.count} problem(s), listed above.`);
          failure.stack = failure.message;
          throw failure;
        }
        logger.error(`${NOT_A_BUILD}\n${report.text}`);
      },
    },
  };
}

/** `astro dev`: the background check's heap budget before the library's own size in MB is added. */
const CHECK_WORKER_HEAP_MB = 256;

/** `astro dev`: how long the check waits for a first page before it starts anyway. */
const IDLE_START_MS = 30_000;

/** How the problems are introduced where they do not stop anything (`astro dev`, `astro sync`). */
const NOT_A_BUILD = 'content problems (the build will fail until they are fixed):';

type Logger = Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0]['logger'];

/** `astro dev`: the same check on a worker thread; its problems are logged as they would be at startup. */
function checkInBackground(root: string, options: { cache: string; fresh: boolean }, logger: Logger): void {
  const worker = new Worker(new URL('./content-check-worker.ts', import.meta.url), {
    workerData: { root, ...options },
    // Its own heap budget, or V8 lets it fill the process's before collecting. It keeps little:
    // the problems and each post-mortem's lessons (keepData: false), 60 MB at 10,000 entries.
    resourceLimits: { maxOldGenerationSizeMb: CHECK_WORKER_HEAP_MB + Math.round(libraryBytes(root) / 1024 / 1024) },
  });
  // The server's exit must not wait for a check nobody reads any more.
  worker.unref();
  worker.once('message', (message: { problems: Problem[] } | { failed: string }) => {
    void worker.terminate();
    if ('failed' in message) {
      logger.error(`content check could not run: ${message.failed}`);
      return;
    }
    const report = logProblems(message.problems, logger);
    if (report) logger.error(`${NOT_A_BUILD}\n${report.text}`);
    else logger.info('content check passed');
  });
  worker.once('error', (error) => logger.error(`content check could not run: ${error.message}`));
}

/** Logs the warnings; returns the errors as one report, or undefined when there are none. */
function logProblems(problems: readonly Problem[], logger: Logger): { count: number; text: string } | undefined {
  for (const warning of problems.filter((p) => p.level === 'warning')) logger.warn(formatProblem(warning));
  const errors = problems.filter((p) => p.level === 'error');
  return errors.length === 0 ? undefined : { count: errors.length, text: errors.map(formatProblem).join('\n') };
}
