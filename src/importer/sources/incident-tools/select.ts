import { ImportError } from '../../errors.ts';

/**
 * Choosing one incident out of what incident tools' list responses and dashboard downloads hold.
 * The same rule for every tool: `--incident` names one by id, number or reference; without it,
 * a file with one incident is read and a file with several is refused with the list to pick from.
 */

/** An incident a file holds, as the user may name it. */
export interface IncidentCandidate {
  /** The tool's own id (PagerDuty "PT4KHLK", incident.io "01FDAG4SAP5TYPT98WGR2N7W91"). */
  id: string;
  /** Other names the user may type: the number (`4242`, `#4242`), the reference (`INC-123`). */
  aliases: string[];
  /** A short description for the list of choices: title and date. */
  label: string;
  /** The file (as given) that holds it. */
  file: string;
}

/** How many incidents a refusal lists before it says how many more there are. */
const LISTED = 12;

/** The normalised form of a name the user typed or a file holds: trimmed, lowercase, without a leading #. */
function key(name: string): string {
  return name.trim().replace(/^#/, '').toLowerCase();
}

/**
 * The incident to read. `tool` names the format in messages ("PagerDuty"); `files` are every file
 * that held incidents (the first is named as the place of a refusal).
 */
export function selectIncident<T extends IncidentCandidate>(
  candidates: readonly T[],
  wanted: string | undefined,
  tool: string,
  files: readonly string[],
): T {
  const where = files.join(', ');
  if (candidates.length === 0) {
    throw new ImportError(
      where,
      `no ${tool} incident in ${files.length > 1 ? 'these files' : 'the file'}; a log or notes list alone cannot be placed: pass the incident too (its GET /incidents/{id} response)`,
    );
  }
  const choices = () => {
    const listed = candidates.slice(0, LISTED).map((each) => `${each.id} (${each.label})`);
    const more = candidates.length > LISTED ? `, … and ${candidates.length - LISTED} more` : '';
    return `${listed.join('; ')}${more}`;
  };
  if (wanted === undefined || wanted.trim() === '') {
    if (candidates.length === 1) return candidates[0]!;
    throw new ImportError(
      where,
      `holds ${candidates.length} ${tool} incidents; choose one with --incident ID. Incidents: ${choices()}`,
      'incidents',
    );
  }
  const wantedKey = key(wanted);
  const found = candidates.filter(
    (each) => key(each.id) === wantedKey || each.aliases.some((alias) => key(alias) === wantedKey),
  );
  // The same incident read from two files (a list and its single response) is one incident.
  const ids = new Set(found.map((each) => each.id));
  if (ids.size === 1) return found[0]!;
  if (ids.size > 1) {
    throw new ImportError(
      where,
      `--incident ${wanted} matches ${ids.size} ${tool} incidents; pass one of their ids: ${[...ids].join(', ')}`,
      'incidents',
    );
  }
  throw new ImportError(
    where,
    `no ${tool} incident "${wanted}" here (--incident takes an id, number or reference); the file${files.length > 1 ? 's hold' : ' holds'}: ${choices()}`,
    'incidents',
  );
}

/** What one file of an incident tool holds: each incident it names, and where in the file. */
export interface FileIncidents<I extends { id: string }> {
  file: string;
  incidents: readonly { incident: I; place: string }[];
}

/**
 * The incident to read out of every file given, by `selectIncident`'s rule. The same incident
 * may be in two files (a list and its own response): its first sighting is the incident.
 * `describe` gives the names a user may type for one and its label in the list of choices;
 * `paths` are all the inputs, named when no file holds an incident. `given` counts the distinct
 * incidents the files held, for the note that only one was read.
 */
export function chooseIncident<I extends { id: string }>(
  files: readonly FileIncidents<I>[],
  paths: readonly string[],
  wanted: string | undefined,
  tool: string,
  describe: (incident: I) => { aliases: string[]; label: string },
): { incident: I; file: string; place: string; given: number } {
  const byId = new Map<string, { incident: I; file: string; place: string }>();
  for (const { file, incidents } of files) {
    for (const { incident, place } of incidents)
      if (!byId.has(incident.id)) byId.set(incident.id, { incident, file, place });
  }
  const candidates = [...byId.values()].map((each) => ({ ...each, id: each.incident.id, ...describe(each.incident) }));
  const withIncidents = files.filter((each) => each.incidents.length > 0).map((each) => each.file);
  const chosen = selectIncident(candidates, wanted, tool, withIncidents.length > 0 ? withIncidents : paths);
  return { incident: chosen.incident, file: chosen.file, place: chosen.place, given: candidates.length };
}
