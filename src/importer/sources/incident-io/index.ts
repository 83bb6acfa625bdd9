import type { IncidentEvent, PartialIncident, Person } from '../../model/incident.ts';
import type { TimelineKind } from '../../../schema/taxonomy.ts';
import { SAME_MOMENT_MS, incidentToolAdapter, type IncidentToolRead } from '../incident-tools/adapter.ts';
import { PlacedOnce, sightingsIn } from '../incident-tools/gather.ts';
import { chosenNote } from '../incident-tools/notes.ts';
import type {
  IncidentIoActor,
  IncidentIoIncident,
  IncidentIoSeverity,
  IncidentIoStatus,
  IncidentIoUpdate,
  IncidentIoUser,
} from './document.ts';
import { incidentIoCsvIncidents, looksLikeIncidentIoCsv } from './csv.ts';
import { incidentIoFile, type IncidentIoFile } from './shapes.ts';

/**
 * incident.io API v2: an incident with its updates, in whichever shape they were saved (one
 * response, the incident and its updates as two files, a list with --incident, bare arrays, the
 * dashboard's CSV: see ./document.ts), read into internal timeline events. Each update becomes
 * one event whose kind follows what changed: the incident closing, its severity rising, or a
 * call about its course. The incident's own named timestamps (impact started, reported,
 * accepted, resolved…) are events too, unless an update tells the same moment.
 */
export const incidentIoAdapter = incidentToolAdapter({
  tool: 'incident.io',
  name: 'incident-io',
  label: 'incident.io incident JSON (API v2: incident, incident_updates, lists) or dashboard CSV',
  looksLikeCsv: looksLikeIncidentIoCsv,
  looksLikeJson,
  readCsv: async (input, tz) => {
    const csv = await incidentIoCsvIncidents(input, tz);
    return { file: { file: input.path, incidents: csv.incidents, updates: [] }, zoneless: csv.zoneless };
  },
  describe: (each) => ({
    aliases: [each.reference, each.reference?.replace(/^[A-Z]+-/i, '')].filter(
      (alias): alias is string => typeof alias === 'string' && alias !== '',
    ),
    label: `${each.reference ? `${each.reference} ` : ''}"${each.name ?? ''}", ${each.created_at.slice(0, 10)}`,
  }),
  readJson: incidentIoFile,
  build,
});

const ADAPTER = 'incident-io';

function looksLikeJson(head: string): boolean {
  const incident =
    /"incident_status"\s*:\s*\{/.test(head) &&
    /"incident_role_assignments"\s*:|"incident_updates"\s*:|"incident_timestamp_values"\s*:|app\.incident\.io\//.test(
      head,
    );
  // Updates saved on their own: each names its incident and the status it moved to.
  const updates = /"incident_id"\s*:/.test(head) && /"new_incident_status"\s*:/.test(head);
  return incident || updates;
}

/**
 * Status categories by what they mean for the timeline. API v2 says live/learning; the older
 * names active/post-incident are read the same way.
 */
const ACTIVE = new Set(['live', 'active']);
const ENDED = new Set(['learning', 'post-incident', 'closed', 'resolved']);
const CALLED_OFF = new Set(['declined', 'canceled', 'cancelled', 'merged', 'paused']);

/** When one update changes several things, the kind latest in this list wins. */
const KIND_STRENGTH: readonly TimelineKind[] = ['note', 'decision', 'escalation', 'resolution'];

function build({ files, chosen, paths }: IncidentToolRead<IncidentIoIncident, IncidentIoFile>): PartialIncident {
  const incident = chosen.incident;

  const updateList = new PlacedOnce<IncidentIoUpdate>();
  let otherIncidents = 0;
  for (const each of files) {
    const { file, updates } = each;
    for (const { incident: sighting, prefix } of sightingsIn(each, incident.id)) {
      sighting.incident_updates?.forEach((update, i) =>
        updateList.add(update, file, `${prefix}incident_updates[${i}]`),
      );
    }
    for (const { update, place } of updates) {
      if (update.incident_id && update.incident_id !== incident.id) otherIncidents++;
      else updateList.add(update, file, place);
    }
  }

  const people = new People();
  for (const assignment of incident.incident_role_assignments ?? []) {
    if (assignment.assignee) people.addUser(assignment.assignee, assignment.role.name ?? undefined);
  }
  const notes: string[] = [];
  const events: IncidentEvent[] = [];
  const incidentEvidence = { adapter: ADAPTER, file: chosen.file, ref: `${chosen.place} ${incident.id}` };

  const reference = incident.reference ? `${incident.reference} ` : '';
  const creator = actorOf(incident.creator, people);
  const alert = incident.creator?.alert?.title ? ` (opened by the alert "${incident.creator.alert.title}")` : '';
  events.push({
    at: new Date(incident.created_at),
    kind: 'detection',
    text: `Incident ${reference}declared${alert}: ${[incident.name, incident.summary].filter(Boolean).join('. ')}`.trim(),
    ...(incident.permalink ? { link: incident.permalink } : {}),
    actor: creator.role,
    ...(creator.id ? { actorId: creator.id } : {}),
    visibility: 'internal',
    sourceId: incident.id,
    evidence: incidentEvidence,
  });

  const updates = updateList.items.sort((a, b) => Date.parse(a.item.created_at) - Date.parse(b.item.created_at));
  let status: IncidentIoStatus | undefined;
  let severity: IncidentIoSeverity | undefined;
  let endedByUpdate: string | undefined;
  for (const { item: update, file, ref } of updates) {
    const parts: string[] = [];
    let kind: TimelineKind = 'note';
    const raise = (candidate: TimelineKind) => {
      if (KIND_STRENGTH.indexOf(candidate) > KIND_STRENGTH.indexOf(kind)) kind = candidate;
    };

    const newStatus = update.new_incident_status;
    if (newStatus && newStatus.name !== status?.name) {
      parts.push(`Status: ${status ? `${status.name} → ` : ''}${newStatus.name}.`);
      raise(statusKind(status, newStatus));
      if (ENDED.has(newStatus.category) && !endedByUpdate) endedByUpdate = update.created_at;
      status = newStatus;
    }
    const newSeverity = update.new_severity;
    if (newSeverity && newSeverity.name !== severity?.name) {
      parts.push(`Severity: ${severity ? `${severity.name} → ` : ''}${newSeverity.name}.`);
      // The first severity an update names is where the incident stood, not a change.
      if (severity) {
        const before = severityLevel(severity)?.level;
        const after = severityLevel(newSeverity)?.level;
        if (before !== undefined && after !== undefined) raise(after < before ? 'escalation' : 'decision');
      }
      severity = newSeverity;
    }
    const message = update.message?.trim();
    if (message) parts.push(message);

    const who = actorOf(update.updater, people);
    events.push({
      at: new Date(update.created_at),
      kind,
      text: parts.join(' ') || 'Update without a message',
      actor: who.role,
      ...(who.id ? { actorId: who.id } : {}),
      visibility: 'internal',
      sourceId: update.id,
      evidence: { adapter: ADAPTER, file, ref },
    });
  }

  // The incident's own timestamps, unless the declaration or an update tells the same moment.
  const told = [...events];
  for (const { name, value } of timestampValues(incident)) {
    const at = new Date(value);
    const kind = timestampKind(name);
    if (told.some((event) => event.kind === kind && Math.abs(event.at.getTime() - at.getTime()) <= SAME_MOMENT_MS))
      continue;
    events.push({
      at,
      kind,
      text: name.replace(/\s+at$/i, ''),
      actor: 'system',
      visibility: 'internal',
      evidence: incidentEvidence,
    });
  }

  const times = namedTimestamps(incident);
  const current = incident.incident_status ?? status;
  const resolved =
    times.resolved ??
    endedByUpdate ??
    times.closed ??
    (current && ENDED.has(current.category) ? (incident.updated_at ?? undefined) : undefined);
  if (current && !ENDED.has(current.category)) {
    notes.push(`incident.io: the incident was still "${current.name}" (${current.category}) when exported.`);
  }
  if (updates.length === 0) {
    notes.push(
      'incident.io: no incident updates were given; save GET /v2/incident_updates?incident_id=… (as "incident_updates" in the file, or as a file of its own) for its timeline.',
    );
  }
  if (otherIncidents > 0) {
    notes.push(
      `incident.io: ${otherIncidents} update(s) of other incidents left out (only ${incident.reference ?? incident.id} was read).`,
    );
  }
  const chosenOne = chosenNote('incident.io', chosen.given, incident.reference ?? incident.id);
  if (chosenOne) notes.push(chosenOne);

  const level = incident.severity ? severityLevel(incident.severity) : undefined;
  if (level?.from === 'rank') {
    notes.push(
      `incident.io: severity "${incident.severity!.name}" read from its rank ${incident.severity!.rank} as ${level.level}, assuming the default scale (rank 1 Minor … 3 Critical).`,
    );
  } else if (incident.severity && !level) {
    notes.push(`incident.io: severity "${incident.severity.name}" has neither a known name nor a rank; left unset.`);
  }

  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    adapter: ADAPTER,
    file: paths.join(', '),
    ...(incident.name ? { title: incident.name } : {}),
    ...(times.started ? { started: new Date(times.started) } : {}),
    detected: new Date(times.detected ?? incident.created_at),
    ...(resolved ? { resolved: new Date(resolved) } : {}),
    ...(level ? { severity: level.level } : {}),
    platforms: [],
    events,
    people: people.list(),
    notes,
  };
}

/** What a named timestamp is on the timeline. */
function timestampKind(name: string): TimelineKind {
  if (/impact\s*(?:start|began)|^start/i.test(name)) return 'trigger';
  if (/report|detect|identif|declar/i.test(name)) return 'detection';
  if (/accept|acknowledg/i.test(name)) return 'escalation';
  if (/resolv|fixed|mitigat|clos/i.test(name)) return 'resolution';
  if (/declin|cancel|merg/i.test(name)) return 'decision';
  return 'note';
}

/** The kind of a move from one status to another. */
function statusKind(before: IncidentIoStatus | undefined, after: IncidentIoStatus): TimelineKind {
  if (ENDED.has(after.category)) return 'resolution';
  if (CALLED_OFF.has(after.category)) return 'decision';
  if (ACTIVE.has(after.category)) {
    // Accepting an incident out of triage mobilises the team; moving between live statuses
    // (investigating → fixing → monitoring) is a call about where the response stands.
    return before && ACTIVE.has(before.category) ? 'decision' : 'escalation';
  }
  return 'note';
}

/**
 * Severity 1–4 from the name incident.io shows (Critical/Major/Minor and the usual SEV/P
 * numbering), else from the rank. Ranks grow with severity and their scale is each
 * organisation's own, so the rank is read on incident.io's default three-step scale.
 */
export function severityLevel(
  severity: Pick<IncidentIoSeverity, 'name' | 'rank'>,
): { level: number; from: 'name' | 'rank' } | undefined {
  const name = severity.name.trim();
  const numbered = /^(?:sev(?:erity)?|p)\s*-?\s*(\d)\b/i.exec(name);
  if (numbered) return { level: Math.min(4, Math.max(1, Number(numbered[1]))), from: 'name' };
  if (/\b(?:critical|urgent|emergency)\b/i.test(name)) return { level: 1, from: 'name' };
  if (/\b(?:major|high|severe)\b/i.test(name)) return { level: 2, from: 'name' };
  if (/\b(?:minor|medium|moderate)\b/i.test(name)) return { level: 3, from: 'name' };
  if (/\b(?:low|info|informational|trivial|cosmetic)\b/i.test(name)) return { level: 4, from: 'name' };
  if (typeof severity.rank === 'number') return { level: Math.min(4, Math.max(1, 4 - severity.rank)), from: 'rank' };
  return undefined;
}

/** `started`, `detected`, `resolved`, `closed` from the incident's named timestamps. */
function namedTimestamps(
  incident: IncidentIoIncident,
): Partial<Record<'started' | 'detected' | 'resolved' | 'closed', string>> {
  const found: Partial<Record<'started' | 'detected' | 'resolved' | 'closed', string>> = {};
  for (const { name, value } of timestampValues(incident)) {
    const key = /impact\s*(?:start|began)|^start/i.test(name)
      ? 'started'
      : /report|detect|identif|declar/i.test(name)
        ? 'detected'
        : /resolv|fixed|mitigat/i.test(name)
          ? 'resolved'
          : /clos/i.test(name)
            ? 'closed'
            : undefined;
    if (key && !found[key]) found[key] = value;
  }
  return found;
}

/** The incident's named timestamps that have a value (API v2's timestamp values, API v1's timestamps). */
function timestampValues(incident: IncidentIoIncident): { name: string; value: string }[] {
  return [
    ...(incident.incident_timestamp_values ?? []).map((each) => ({
      name: each.incident_timestamp.name,
      value: each.value?.value,
    })),
    ...(incident.timestamps ?? []).map((each) => ({ name: each.name, value: each.last_occurred_at })),
  ].filter((each): each is { name: string; value: string } => typeof each.value === 'string' && each.value !== '');
}

/** The role and person id of whoever acted: a user is a responder; alerts, workflows and API keys are the system. */
function actorOf(actor: IncidentIoActor | null | undefined, people: People): { role: Person['role']; id?: string } {
  if (actor?.user) {
    const person = people.addUser(actor.user);
    return { role: person.role, id: person.id };
  }
  return { role: 'system' };
}

/** Everyone the incident names, once, with their incident role as title. E-mail addresses are not kept. */
class People {
  readonly #byId = new Map<string, Person>();

  addUser(user: IncidentIoUser, title?: string): Person {
    const id = `incident-io:${user.id}`;
    let person = this.#byId.get(id);
    if (!person) {
      person = { id, role: 'responder' };
      if (user.name) person.name = user.name;
      this.#byId.set(id, person);
    }
    if (title && !person.title) person.title = title;
    return person;
  }

  list(): Person[] {
    return [...this.#byId.values()];
  }
}
