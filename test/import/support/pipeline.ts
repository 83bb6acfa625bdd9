import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AdapterOptions } from '../../../scripts/import/adapters/types.ts';
import { toExportInput } from '../../../scripts/import/inputs.ts';
import { mergeIncidents, type MergedIncident } from '../../../scripts/import/merge.ts';
import { selectAdapter } from '../../../scripts/import/registry.ts';

/** The project root, so tests run the importer the way `npm run import` does. */
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A fixture path relative to the project root. */
export function fixture(path: string): string {
  return `test/fixtures/import/${path}`;
}

/** Reads exports through detection, their adapters and the merge, as the CLI does. */
export async function importIncident(paths: string[], options: Partial<AdapterOptions> = {}): Promise<MergedIncident> {
  const adapterOptions: AdapterOptions = { brandHandles: [], map: {}, tz: 'UTC', ...options };
  const partials = [];
  for (const path of paths) {
    const input = await toExportInput(path, ROOT);
    partials.push(await selectAdapter(input, undefined).read(input, adapterOptions));
  }
  return mergeIncidents(partials);
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
