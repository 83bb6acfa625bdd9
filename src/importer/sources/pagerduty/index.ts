import type { IncidentEvent, PartialIncident, Person } from '../../model/incident.ts';
import type { TimelineKind } from '../../../schema/taxonomy.ts';
import { parseShape, readJsonFile, startsLikeJsonObject } from '../../io/json.ts';
import {
  bareDocument,
  wrappedDocument,
  type PagerDutyIncident,
  type PagerDutyLogEntry,
  type PagerDutyReference,
} from './document.ts';
import type { Adapter, AdapterOptions, ExportInput } from '../types.ts';

/**
 * PagerDuty REST API v2: one incident with its log entries and notes (layout in
 * ./pagerduty/document.ts), read into internal timeline events. PagerDuty's clock is the
 * engineers' one: triggered is when monitoring saw the problem, acknowledged is a person taking
 * it on, resolved is the end.
 */
export const pagerdutyAdapter: Adapter = {
  name: 'pagerduty',
  label: 'PagerDuty incident JSON (REST API v2: incident + log_entries + notes)',
  detect,
  read,
};

const ADAPTER = 'pagerduty';

function detect(input: ExportInput): boolean {
  if (input.kind !== 'file' || !startsLikeJsonObject(input.head)) return false;
  const head = input.head.toString('utf8');
  return (
    /"incident_number"\s*:/.test(head) &&
    (/"type"\s*:\s*"incident"/.test(head) || /"type"\s*:\s*"[a-z_]+_log_entry"/.test(head))
  );
}

/** What each log entry type is on the timeline. Types missing here become notes, and are named in `notes`. */
const KIND_BY_LOG_TYPE: Record<string, TimelineKind> = {
  trigger_log_entry: 'detection',
  acknowledge_log_entry: 'escalation',
  assign_log_entry: 'escalation',
  escalate_log_entry: 'escalation',
  delegate_log_entry: 'escalation',
  repeat_escalation_path_log_entry: 'escalation',
  resolve_log_entry: 'resolution',
  annotate_log_entry: 'note',
  status_update_log_entry: 'note',
  unacknowledge_log_entry: 'note',
  snooze_log_entry: 'note',
  urgency_change_log_entry: 'note',
  priority_change_log_entry: 'note',
  exhaust_escalation_path_log_entry: 'note',
  reach_trigger_limit_log_entry: 'note',
  reach_ack_limit_log_entry: 'note',
  link_log_entry: 'note',
  unlink_log_entry: 'note',
};

async function read(input: ExportInput, options: AdapterOptions): Promise<PartialIncident> {
  const json = await readJsonFile(input, options.onProgress);
  const document = isWrapped(json)
    ? unwrap(parseShape(input.path, wrappedDocument, json))
    : parseShape(input.path, bareDocument, json);
  const where = isWrapped(json) ? 'incident' : 'the incident';

  const people = new People();
  const events: IncidentEvent[] = [];
  const notes: string[] = [];
  const evidence = (ref: string) => ({ adapter: ADAPTER, file: input.path, ref });

  const log = document.log_entries ?? [];
  const hasNotes = (document.notes?.length ?? 0) > 0;
  const notified = new Set<string>();
  let annotationsAsNotes = 0;
  const unknownTypes = new Set<string>();

  log.forEach((entry, index) => {
    const ref = `log_entries[${index}] ${entry.id}`;
    if (entry.type === 'notify_log_entry') {
      // One entry per page, per person and per channel (SMS, phone, push): who was told, not
      // what happened. Counted; the assignment and escalation entries carry the story.
      if (entry.user) {
        people.add(entry.user);
        notified.add(entry.user.id);
      }
      return;
    }
    if (entry.type === 'annotate_log_entry' && hasNotes) {
      annotationsAsNotes++;
      return;
    }
    const kind = KIND_BY_LOG_TYPE[entry.type];
    if (!kind) unknownTypes.add(entry.type);
    for (const assignee of entry.assignees ?? []) people.add(assignee);
    const actor = entry.agent ? people.add(entry.agent) : undefined;
    events.push({
      at: new Date(entry.created_at),
      kind: kind ?? 'note',
      text: logEntryText(entry),
      ...(entry.html_url ? { link: entry.html_url } : {}),
      actor: actor?.role ?? 'system',
      ...(actor ? { actorId: actor.id } : {}),
      visibility: 'internal',
      sourceId: entry.id,
      evidence: evidence(ref),
    });
  });

  (document.notes ?? []).forEach((note, index) => {
    const author = note.user ? people.add(note.user) : undefined;
    events.push({
      at: new Date(note.created_at),
      kind: 'note',
      text: `Note: ${note.content}`,
      actor: author?.role ?? 'responder',
      ...(author ? { actorId: author.id } : {}),
      visibility: 'internal',
      sourceId: note.id,
      evidence: evidence(`notes[${index}] ${note.id}`),
    });
  });

  if (log.length === 0) {
    events.push(...eventsFromIncident(document, people, evidence(`${where} ${document.id}`)));
    notes.push(
      'PagerDuty: the file has no log_entries; the timeline comes from the incident itself. Save GET /incidents/{id}/log_entries next to it as "log_entries" for the full log.',
    );
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());

  const firstOf = (type: string) => log.find((entry) => entry.type === type);
  const triggered = firstOf('trigger_log_entry')?.created_at ?? document.created_at;
  const resolvedAt =
    log.findLast((entry) => entry.type === 'resolve_log_entry')?.created_at ??
    document.resolved_at ??
    (document.status === 'resolved' ? document.last_status_change_at : undefined);

  const severity = severityOf(document);
  if (severity?.from === 'urgency') {
    notes.push(`PagerDuty: no priority set; severity ${severity.level} estimated from urgency "${document.urgency}".`);
  }
  if (notified.size > 0) {
    const pages = log.filter((entry) => entry.type === 'notify_log_entry').length;
    notes.push(
      `PagerDuty: ${count(pages, 'notification log entry', 'notification log entries')} (pages sent to ${count(notified.size, 'responder', 'responders')}) left out of the timeline.`,
    );
  }
  if (annotationsAsNotes > 0) {
    notes.push(
      `PagerDuty: ${count(annotationsAsNotes, 'annotate log entry', 'annotate log entries')} read from "notes" instead (the same notes, with their text).`,
    );
  }
  if (unknownTypes.size > 0) {
    notes.push(`PagerDuty: log entry types read as plain notes: ${[...unknownTypes].sort().join(', ')}.`);
  }
  if (document.status && document.status !== 'resolved') {
    notes.push(`PagerDuty: the incident was still "${document.status}" when exported.`);
  }

  const title = document.title ?? document.summary;
  return {
    adapter: ADAPTER,
    file: input.path,
    ...(title ? { title } : {}),
    started: new Date(triggered),
    detected: new Date(triggered),
    ...(resolvedAt ? { resolved: new Date(resolvedAt) } : {}),
    ...(severity ? { severity: severity.level } : {}),
    platforms: [],
    events,
    people: people.list(),
    notes,
  };
}

function isWrapped(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'incident' in json;
}

function unwrap(document: ReturnType<typeof wrappedDocument.parse>): PagerDutyIncident {
  return { ...document.incident, log_entries: document.log_entries, notes: document.notes };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function logEntryText(entry: PagerDutyLogEntry): string {
  const summary = entry.summary?.trim() || entry.type.replace(/_log_entry$/, '').replace(/_/g, ' ');
  if (entry.type === 'trigger_log_entry') {
    // The alert's own words say what monitoring saw; the summary only says how it arrived.
    const alert = entry.event_details?.description?.trim() || entry.channel?.summary?.trim();
    return alert && !summary.includes(alert) ? `${summary.replace(/\.$/, '')}: ${alert}` : summary;
  }
  if (entry.type === 'status_update_log_entry') {
    const message = entry.message?.trim() || entry.channel?.summary?.trim();
    return `Status update: ${message ?? summary}`;
  }
  if (entry.type === 'annotate_log_entry') {
    const content = entry.channel?.summary?.trim();
    return content ? `Note: ${content}` : summary;
  }
  return summary;
}

/** Without a log: the trigger, the acknowledgements and the resolution the incident records. */
function eventsFromIncident(
  incident: PagerDutyIncident,
  people: People,
  evidence: IncidentEvent['evidence'],
): IncidentEvent[] {
  const number = incident.incident_number ? ` #${incident.incident_number}` : '';
  const events: IncidentEvent[] = [
    {
      at: new Date(incident.created_at),
      kind: 'detection',
      text: `Incident${number} triggered${incident.service?.summary ? ` on ${incident.service.summary}` : ''}: ${incident.title ?? incident.summary ?? ''}`.trim(),
      ...(incident.html_url ? { link: incident.html_url } : {}),
      actor: 'system',
      visibility: 'internal',
      sourceId: incident.id,
      evidence,
    },
  ];
  for (const acknowledgement of incident.acknowledgements ?? []) {
    const who = people.add(acknowledgement.acknowledger);
    events.push({
      at: new Date(acknowledgement.at),
      kind: 'escalation',
      text: `Acknowledged by ${acknowledgement.acknowledger.summary ?? 'a responder'}`,
      actor: who.role,
      actorId: who.id,
      visibility: 'internal',
      evidence,
    });
  }
  for (const assignment of incident.assignments ?? []) people.add(assignment.assignee);
  if (incident.status === 'resolved') {
    const at = incident.resolved_at ?? incident.last_status_change_at;
    const by = incident.last_status_change_by ? people.add(incident.last_status_change_by) : undefined;
    if (at) {
      events.push({
        at: new Date(at),
        kind: 'resolution',
        text: `Resolved${incident.last_status_change_by?.summary ? ` by ${incident.last_status_change_by.summary}` : ''}`,
        actor: by?.role ?? 'system',
        ...(by ? { actorId: by.id } : {}),
        visibility: 'internal',
        evidence,
      });
    }
  }
  return events;
}

/**
 * Severity 1–4: the priority's number (P1 → 1 … P4 and P5 → 4), else an estimate from the
 * urgency PagerDuty always has (high → 2, low → 3: urgency says how loudly to page, not how bad).
 */
export function severityOf(
  incident: Pick<PagerDutyIncident, 'priority' | 'urgency'>,
): { level: number; from: 'priority' | 'urgency' } | undefined {
  const label = incident.priority?.summary ?? incident.priority?.name ?? '';
  const number = /^\s*(?:P|SEV[-\s]?)(\d)\b/i.exec(label);
  if (number) return { level: Math.min(4, Math.max(1, Number(number[1]))), from: 'priority' };
  if (incident.urgency === 'high') return { level: 2, from: 'urgency' };
  if (incident.urgency === 'low') return { level: 3, from: 'urgency' };
  return undefined;
}

/** Everyone the incident names, once: users are responders; services and integrations are the system. */
class People {
  readonly #byId = new Map<string, Person>();

  add(reference: PagerDutyReference): Person {
    const id = `pagerduty:${reference.id}`;
    let person = this.#byId.get(id);
    if (!person) {
      const isUser = (reference.type ?? '').startsWith('user');
      person = { id, role: isUser ? 'responder' : 'system' };
      if (reference.summary) person.name = reference.summary;
      this.#byId.set(id, person);
    }
    return person;
  }

  list(): Person[] {
    return [...this.#byId.values()];
  }
}
