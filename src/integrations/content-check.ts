import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { checkEnded, checkStarted, checkVerdict, rememberChecked } from '../content/library.ts';
import { contentPaths } from '../content-paths.ts';
import { libraryBytes } from '../lib/node-heap.ts';
import { CHECK_CACHE_FILE, checkContent, formatProblem, type Problem } from '../lib/content-check/index.ts';
import type { CheckMessage, CheckWorkerData } from './content-check-worker.ts';

/**
 * Runs Firebreak's content checks on a worker thread, so a wrong field fails the build with
 * every problem listed as `file:line  field  message`, not as a stack trace from deep inside a
 * page. In `astro dev` the problems are logged and the server keeps running.
 *
 * In `astro build` the check starts in `astro:config:setup` and runs beside Astro's content
 * sync: everything but the post-mortems first (a wrong playbook field fails the build there,
 * before Astro's own loaders would trip over it), then each post-mortem, whose digest and
 * validated data are handed to the content loader (src/content/library.ts) as soon as it is
 * checked, so the loader neither parses nor validates it again and renders while the check
 * reads the next ones. At 10,000 entries the two one after the other took 79 s, side by side 30 s.
 * The build waits for the verdict in `astro:build:start`, after the sync and before any page;
 * a file the loader cannot load waits for it too, so the failure lists every problem.
 *
 * In `astro dev` the check starts once the server has answered its first page (or after
 * `IDLE_START_MS` without one): that first page loads Astro's whole content store, and the two
 * at once were the dev server's memory peak (2.2 GB at 10,000 entries). The loader validates
 * each file it reads itself meanwhile (a new or edited one: unchanged entries come from
 * Astro's store). `astro sync` (and `astro check`) run the check in place and log its problems.
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
      'astro:config:setup': async ({ config, command, logger }) => {
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
            const check = startCheckWorker({ root, cache, fresh }, { handover: false });
            check.problems.then(
              (problems) => {
                const report = logProblems(problems, logger);
                if (report) logger.error(`${NOT_A_BUILD}\n${report.text}`);
                else logger.info('content check passed');
              },
              (error: Error) => logger.error(error.message),
            );
          };
          return;
        }
        if (command === 'build') {
          const check = startCheckWorker({ root, cache, fresh }, { handover: true });
          const verdict = check.problems.then(
            (problems) => {
              const report = logProblems(problems, logger);
              if (report) throw buildFailure(report, logger);
            },
            (error: Error) => Promise.reject(withoutStack(error.message)),
          );
          checkStarted(verdict, check.stop);
          const site = await check.site.catch((error: Error) => Promise.reject(withoutStack(error.message)));
          // Fail before Astro's loaders trip over a wrong field, once every problem is known.
          if (site.some((problem) => problem.level === 'error')) await verdict;
          return;
        }
        const { problems } = checkContent(root, contentPaths, { cache, fresh, keepData: false });
        const report = logProblems(problems, logger);
        if (report) logger.error(`${NOT_A_BUILD}\n${report.text}`);
      },
      // After the content sync, before the first page: the build goes no further with errors.
      'astro:build:start': () => checkVerdict(),
    },
  };
}

/** The check's worker: its heap budget before the library's own size in MB is added. */
const CHECK_WORKER_HEAP_MB = 256;

/** `astro dev`: how long the check waits for a first page before it starts anyway. */
const IDLE_START_MS = 30_000;

/** How the problems are introduced where they do not stop anything (`astro dev`, `astro sync`). */
const NOT_A_BUILD = 'content problems (the build will fail until they are fixed):';

type Logger = Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0]['logger'];

interface CheckWorker {
  /** The problems found once everything but the post-mortems is checked. */
  site: Promise<Problem[]>;
  /** Every problem, once the check is done; rejects, saying why, when it could not run. */
  problems: Promise<Problem[]>;
  /** With `handover`: the loader takes no more readings, so the worker sends no more. */
  stop: () => void;
}

/**
 * The check on a worker thread (src/integrations/content-check-worker.ts). With `handover`,
 * each post-mortem's reading goes to the content loader (src/content/library.ts) as it comes.
 */
function startCheckWorker(data: Omit<CheckWorkerData, 'handover'>, { handover }: { handover: boolean }): CheckWorker {
  const wanted = handover ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
  if (wanted) Atomics.store(wanted, 0, 1);
  const worker = new Worker(new URL('./content-check-worker.ts', import.meta.url), {
    workerData: { ...data, ...(wanted && { handover: wanted.buffer }) } satisfies CheckWorkerData,
    // Its own heap budget, or V8 lets it fill the process's before collecting. It keeps little:
    // the problems and each post-mortem's lessons (keepData: false), 60 MB at 10,000 entries.
    resourceLimits: {
      maxOldGenerationSizeMb: CHECK_WORKER_HEAP_MB + Math.round(libraryBytes(data.root) / 1024 / 1024),
    },
  });
  // `astro dev`: the server's exit must not wait for a check nobody reads any more. A build
  // waits for it, and must: nothing else may be keeping the process alive meanwhile.
  if (!handover) worker.unref();
  let siteChecked!: (problems: Problem[]) => void;
  let siteFailed!: (error: Error) => void;
  let done!: (problems: Problem[]) => void;
  let failed!: (error: Error) => void;
  const site = new Promise<Problem[]>((resolve, reject) => {
    siteChecked = resolve;
    siteFailed = reject;
  });
  const problems = new Promise<Problem[]>((resolve, reject) => {
    done = resolve;
    failed = reject;
  });
  // `astro dev` never waits for it; a build that does still sees the failure.
  site.catch(() => undefined);
  let over = false;
  const end = (outcome: () => void) => {
    if (over) return;
    over = true;
    checkEnded();
    outcome();
    void worker.terminate();
  };
  const crashed = (why: string) =>
    end(() => {
      const error = new Error(`content check could not run: ${why}`);
      // `site` too, if it was still to come (a settled promise ignores this).
      siteFailed(error);
      failed(error);
    });
  worker.on('message', (message: CheckMessage) => {
    if ('site' in message) siteChecked(message.site);
    else if ('postmortem' in message) {
      const { path, digest, valid } = message.postmortem;
      rememberChecked(path, { digest, ...(valid && { valid }) });
    } else if ('problems' in message) end(() => done(message.problems));
    else crashed(message.failed);
  });
  worker.once('error', (error) => crashed(error.message));
  worker.once('exit', (code) => crashed(`its worker stopped (exit code ${code})`));
  return { site, problems, stop: () => wanted && Atomics.store(wanted, 0, 0) };
}

/** The build's failure: the problems are logged, the error says where to look, without a stack. */
function buildFailure(report: { count: number; text: string }, logger: Logger): Error {
  logger.error(`content check failed, ${report.count} problem${report.count === 1 ? '' : 's'}:\n${report.text}`);
  return withoutStack(`Content check failed: ${report.count} problem(s), listed above.`);
}

function withoutStack(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}

/** Logs the warnings; returns the errors as one report, or undefined when there are none. */
function logProblems(problems: readonly Problem[], logger: Logger): { count: number; text: string } | undefined {
  for (const warning of problems.filter((p) => p.level === 'warning')) logger.warn(formatProblem(warning));
  const errors = problems.filter((p) => p.level === 'error');
  return errors.length === 0 ? undefined : { count: errors.length, text: errors.map(formatProblem).join('\n') };
}
