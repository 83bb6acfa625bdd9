/** The notes every incident-tool adapter adds to its incident, worded once. */

/** The note when a list held several incidents and `--incident` chose one. */
export function chosenNote(tool: string, given: number, name: string): string | undefined {
  return given > 1 ? `${tool}: ${given} incidents were given; only ${name} (--incident) was read.` : undefined;
}

/** The note for CSV times read without a zone, naming the files and the zone they were read in. */
export function zonelessNote(tool: string, zoneless: readonly string[], tz: string): string | undefined {
  if (zoneless.length === 0) return undefined;
  const hint = tz === 'UTC' ? ' (pass --tz ZONE if they were local times)' : '';
  return `${tool}: times in ${zoneless.join(', ')} carried no zone; read as ${tz}${hint}.`;
}
