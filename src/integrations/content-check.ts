import type { AstroIntegration } from 'astro';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rememberChecked } from '../content/library.ts';
import { contentPaths } from '../content-paths.ts';
import { CHECK_CACHE_FILE, checkContent, formatProblem } from '../lib/content-check/index.ts';

/**
 * Runs Firebreak's content checks before Astro does anything else, so a wrong field fails the
 * build at once with every problem listed as `file:line  field  message`, not as a stack trace
 * from deep inside a page. In `astro dev` the problems are logged and the server keeps running.
 *
 * What it read of each post-mortem (its digest and validated data) is handed to the content
 * loader (src/content/), which then neither parses nor validates that file again.
 *
 * `FIREBREAK_SKIP_CONTENT_CHECK=1` turns it off. Only the tests that prove the rendering
 * pipeline is safe on its own use it (hostile content must be inert even when nothing checked
 * it); nothing else should.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'firebreak:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (process.env['FIREBREAK_SKIP_CONTENT_CHECK'] === '1') {
          logger.warn('content check skipped (FIREBREAK_SKIP_CONTENT_CHECK=1): nothing was validated before the build');
          return;
        }
        const root = fileURLToPath(config.root);
        // Each entry's own lint is kept by content digest in Astro's cache folder, so a rebuild
        // (or `astro dev`) after one edit lints one entry; `--force` checks everything afresh.
        const force = process.argv.includes('--force');
        const cache = force ? undefined : join(fileURLToPath(config.cacheDir), CHECK_CACHE_FILE);
        const { problems, postmortems } = checkContent(root, contentPaths, { ...(cache && { cache }) });
        for (const entry of postmortems) {
          rememberChecked(resolve(root, entry.file), {
            digest: entry.digest,
            ...(entry.valid && { valid: entry.valid }),
          });
        }
        const errors = problems.filter((p) => p.level === 'error');
        for (const warning of problems.filter((p) => p.level === 'warning')) logger.warn(formatProblem(warning));
        if (errors.length === 0) return;
        const report = errors.map(formatProblem).join('\n');
        if (command === 'build') {
          logger.error(`content check failed, ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n${report}`);
          const failure = new Error(`Content check failed: ${errors.length} problem(s), listed above.`);
          failure.stack = failure.message;
          throw failure;
        }
        logger.error(`content problems (the build will fail until they are fixed):\n${report}`);
      },
    },
  };
}
