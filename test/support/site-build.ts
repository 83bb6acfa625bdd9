import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { preview } from 'astro';
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
