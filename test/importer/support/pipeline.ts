import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readExports, type AdapterOptions, type MergedIncident } from '../../../src/importer/index.ts';

/** The project root, so tests run the importer the way `npm run import` does. */
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A fixture path relative to the project root. */
export function fixture(path: string): string {
  return `test/fixtures/import/${path}`;
}

/** Reads exports through the importer's own `readExports` (detection, adapters, merge), from the project root. */
export function importIncident(paths: string[], options: Partial<AdapterOptions> = {}): Promise<MergedIncident> {
  return readExports(paths, { brandHandles: [], map: {}, tz: 'UTC', ...options, cwd: ROOT });
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/import.ts …` in a child process, from the project root. */
export function runImport(args: string[], cwd: string = ROOT): CliResult {
  const result = spawnSync(process.execPath, [`${ROOT}scripts/import.ts`, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FIREBREAK_DEBUG: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
