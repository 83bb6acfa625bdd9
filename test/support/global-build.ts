import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { preview } from 'astro';
import './provided-context.ts';
import { childEnv } from './child-env.ts';
import { testPort } from './ports.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds the real site once (content check, pages, Pagefind index) and serves `dist/` for the
 * site and browser tests. `FIREBREAK_SKIP_BUILD=1` reuses an existing `dist/` while iterating.
 */
export default async function setup(project: TestProject) {
  if (process.env['FIREBREAK_SKIP_BUILD'] !== '1') {
    execFileSync(process.execPath, ['scripts/build.ts'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: childEnv('production'),
    });
  }
  const server = await preview({ root, logLevel: 'error', server: { host: '127.0.0.1', port: testPort(4399) } });
  project.provide('siteUrl', `http://127.0.0.1:${server.port}/`);
  project.provide('distDir', `${root}dist`);
  return async () => {
    await server.stop();
  };
}
