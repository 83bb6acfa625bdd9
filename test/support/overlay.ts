import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/**
 * Copies a fixture `base/` folder and then an overlay folder on top of it into a fresh temporary
 * directory, so each scenario states only what it changes. Returns the folder and a cleanup.
 */
export function overlayFixture(group: string, scenario?: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `firebreak-${group}-`));
  cpSync(join(FIXTURES, group, 'base'), dir, { recursive: true });
  if (scenario) cpSync(join(FIXTURES, group, scenario), dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
