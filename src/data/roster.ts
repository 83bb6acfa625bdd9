import { resolve } from 'node:path';
import { internalBuild, rosterFile } from '../build-flags.ts';
import { formatProblem } from '../lib/content-check/problem.ts';
import { readRoster } from '../lib/roster/read.ts';
import type { Roster } from '../schema/roster.ts';

let cached: Roster | undefined | null;

/**
 * The roster, in an internal build only; `undefined` in every other build, without reading any
 * file. An internal build without a roster, or with a broken one, fails with the problems listed.
 */
export function internalRoster(): Roster | undefined {
  if (!internalBuild) return undefined;
  if (cached !== undefined) return cached ?? undefined;
  if (!rosterFile) {
    throw new Error('FIREBREAK_INTERNAL=1 needs FIREBREAK_ROSTER=<path to the roster YAML file>');
  }
  const { roster, problems } = readRoster(resolve(rosterFile), rosterFile);
  if (!roster) {
    const failure = new Error(`The roster is not valid:\n${problems.map(formatProblem).join('\n')}`);
    failure.stack = failure.message;
    throw failure;
  }
  cached = roster;
  return roster;
}
