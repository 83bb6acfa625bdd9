/**
 * The notes every incident-tool adapter adds to its incident, worded once. (CSV times without a
 * zone are not one of them: they are the partial's `timeZoneNote`, by src/importer/time-zone.ts.)
 */

/** The note when a list held several incidents and `--incident` chose one. */
export function chosenNote(tool: string, given: number, name: string): string | undefined {
  return given > 1 ? `${tool}: ${given} incidents were given; only ${name} (--incident) was read.` : undefined;
}
