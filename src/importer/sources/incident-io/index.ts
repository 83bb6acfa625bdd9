import type { IncidentEvent, PartialIncident, Person } from '../../model/incident.ts';
import type { TimelineKind } from '../../../schema/taxonomy.ts';
import { parseShape, readJsonFile, startsLikeJsonObject } from '../../io/json.ts';
import {
  bareDocument,
  wrappedDocument,
  type IncidentIoActor,
  type IncidentIoIncident,
  type IncidentIoSeverity,
  type IncidentIoStatus,
  type IncidentIoUser,
} from './document.ts';
import type { Adapter, AdapterOptions, ExportInput } from '../types.ts';

/**
 * incident.io API v2: one incident with its updates (layout in ./incident-io/document.ts), read
 * into internal timeline events. Each update becomes one event whose kind follows what changed:
 * the incident closing, its severity rising, or a call about its course.
 */
export const incidentIoAdapter: Adapter = {
  name: 'incident-io',
  label: 'incident.io incident JSON (API v2: incident + incident_updates)',
  detect,
  read,
};

const ADAPTER = 'incident-io';

function detect(input: ExportInput): boolean {
  if (input.kind !== 'file' || !startsLikeJsonObject(input.head)) return false;
  const head = input.head.toString('utf8');
  return (
    /"incident_status"\s*:\s*\{/.test(head) &&
    /"incident_role_assignments"\s*:|"incident_updates"\s*:|"incident_timestamp_values"\s*:|app\.incident\.io\//.test(
      head,
    )
  );
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

async function read(input: ExportInput, options: AdapterOptions): Promise<PartialIncident> {
  const json = await readJsonFile(input, options.onProgress);
  const wrapped = typeof json === 'object' && json !== null && 'incident' in json;
  const incident: IncidentIoIncident = wrapped
    ? (() => {
        const document = parseShape(input.path, wrappedDocument, json);
        return { ...document.incident, incident_updates: document.incident_updates };
      })()
    : parseShape(input.path, bareDocument, json);

  const people = new People();
  for (const assignment of incident.incident_role_assignments ?? []) {
    if (assignment.assignee) people.addUser(assignment.assignee, assignment.role.name ?? undefined);
  }
  const notes: string[] = [];
  const events: IncidentEvent[] = [];

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
    evidence: { adapter: ADAPTER, file: input.path, ref: `${wrapped ? 'incident' : 'the incident'} ${incident.id}` },
  });

  const updates = (incident.incident_updates ?? [])
    .map((update, index) => ({ update, index }))
    .sort((a, b) => Date.parse(a.update.created_at) - Date.parse(b.update.created_at));
  let status: IncidentIoStatus | undefined;
  let severity: IncidentIoSeverity | undefined;
  let endedByUpdate: string | undefined;
  for (const { update, index } of updates) {
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
      evidence: { adapter: ADAPTER, file: input.path, ref: `incident_updates[${index}] ${update.id}` },
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
      'incident.io: the file has no incident_updates; save GET /v2/incident_updates?incident_id=… next to the incident as "incident_updates" for its timeline.',
    );
  }

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
    file: input.path,
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
  const pairs: [string, string | null | undefined][] = [
    ...(incident.incident_timestamp_values ?? []).map(
      (each) => [each.incident_timestamp.name, each.value?.value] as [string, string | null | undefined],
    ),
    ...(incident.timestamps ?? []).map(
      (each) => [each.name, each.last_occurred_at] as [string, string | null | undefined],
    ),
  ];
  for (const [name, value] of pairs) {
    if (!value) continue;
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
