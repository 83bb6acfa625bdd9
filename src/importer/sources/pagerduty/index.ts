import type { IncidentEvent, PartialIncident, Person } from '../../model/incident.ts';
import type { TimelineKind } from '../../../schema/taxonomy.ts';
import { SAME_MOMENT_MS, incidentToolAdapter, type IncidentToolRead } from '../incident-tools/adapter.ts';
import { PlacedOnce, sightingsIn } from '../incident-tools/gather.ts';
import { chosenNote } from '../incident-tools/notes.ts';
import type { PagerDutyIncident, PagerDutyLogEntry, PagerDutyNote, PagerDutyReference } from './document.ts';
import { looksLikePagerDutyCsv, pagerDutyCsvIncidents } from './csv.ts';
import { pagerDutyFile, type PagerDutyFile } from './shapes.ts';

/**
 * PagerDuty REST API v2: an incident with its log entries and notes, in whichever shape they were
 * saved (one response, the incident and its log as two files, a list with --incident, bare arrays,
 * the web app's CSV: see ./document.ts), read into internal timeline events. PagerDuty's clock is
 * the engineers' one: triggered is when monitoring saw the problem, acknowledged is a person
 * taking it on, resolved is the end.
 */
export const pagerdutyAdapter = incidentToolAdapter({
  tool: 'PagerDuty',
  name: 'pagerduty',
  label: 'PagerDuty incident JSON (REST API v2: incident, log_entries, notes, lists) or incidents CSV',
  looksLikeCsv: looksLikePagerDutyCsv,
  looksLikeJson,
  readCsv: async (input, tz) => {
    const csv = await pagerDutyCsvIncidents(input, tz);
    return { file: { file: input.path, incidents: csv.incidents, logEntries: [], notes: [] }, zoneless: csv.zoneless };
  },
  describe: (each) => ({
    aliases: each.incident_number ? [String(each.incident_number)] : [],
    label: `#${each.incident_number ?? '?'} "${each.title ?? each.summary ?? ''}", ${each.created_at.slice(0, 10)}`,
  }),
  readJson: pagerDutyFile,
  build,
});

const ADAPTER = 'pagerduty';

function looksLikeJson(head: string): boolean {
  const incident = /"incident_number"\s*:/.test(head) && /"type"\s*:\s*"incident"/.test(head);
  // A log saved on its own: entries of PagerDuty's log types, each naming its incident.
  const log = /"type"\s*:\s*"[a-z_]+_log_entry"/.test(head) && /"type"\s*:\s*"incident_reference"/.test(head);
  // GET /incidents/{id}/notes saved on its own: notes by PagerDuty users.
  const notes = /^\{\s*"notes"\s*:\s*\[/.test(head) && /"type"\s*:\s*"user_reference"/.test(head);
  return (
    incident || log || notes || (/"incident_number"\s*:/.test(head) && /"type"\s*:\s*"[a-z_]+_log_entry"/.test(head))
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

function build({ files, chosen, paths }: IncidentToolRead<PagerDutyIncident, PagerDutyFile>): PartialIncident {
  const document = chosen.incident;

  const logList = new PlacedOnce<PagerDutyLogEntry>();
  const noteList = new PlacedOnce<PagerDutyNote>();
  let otherIncidents = 0;
  // The lists of every sighting of the chosen incident are its log.
  for (const each of files) {
    const { file, logEntries, notes } = each;
    for (const { incident, prefix } of sightingsIn(each, document.id)) {
      incident.log_entries?.forEach((entry, i) => logList.add(entry, file, `${prefix}log_entries[${i}]`));
      incident.notes?.forEach((note, i) => noteList.add(note, file, `${prefix}notes[${i}]`));
    }
    for (const { entry, place } of logEntries) {
      // An entry names its incident; one that does not (trimmed by hand) belongs to the only one.
      if (entry.incident && entry.incident.id !== document.id) otherIncidents++;
      else logList.add(entry, file, place);
    }
    // The notes endpoint is per incident and its notes do not name it: they belong to the one read.
    for (const { note, place } of notes) noteList.add(note, file, place);
  }
  const log = logList.items;

  const people = new People();
  const events: IncidentEvent[] = [];
  const notes: string[] = [];
  const hasNotes = noteList.items.length > 0;
  const notified = new Set<string>();
  let annotationsAsNotes = 0;
  const unknownTypes = new Set<string>();
  const entries = log.map((each) => each.item);

  for (const { item: entry, file, ref } of log) {
    if (entry.type === 'notify_log_entry') {
      // One entry per page, per person and per channel (SMS, phone, push): who was told, not
      // what happened. Counted; the assignment and escalation entries carry the story.
      if (entry.user) {
        people.add(entry.user);
        notified.add(entry.user.id);
      }
      continue;
    }
    if (entry.type === 'annotate_log_entry' && hasNotes) {
      annotationsAsNotes++;
      continue;
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
      evidence: { adapter: ADAPTER, file, ref },
    });
  }

  for (const { item: note, file, ref } of noteList.items) {
    const author = note.user ? people.add(note.user) : undefined;
    events.push({
      at: new Date(note.created_at),
      kind: 'note',
      text: `Note: ${note.content}`,
      actor: author?.role ?? 'responder',
      ...(author ? { actorId: author.id } : {}),
      visibility: 'internal',
      sourceId: note.id,
      evidence: { adapter: ADAPTER, file, ref },
    });
  }

  // What the incident itself records is kept unless its log tells the same moment.
  const own = eventsFromIncident(document, people, {
    adapter: ADAPTER,
    file: chosen.file,
    ref: `${chosen.place} ${document.id}`,
  });
  const kept = own.filter((event) => !loggedAlready(event, entries));
  events.push(...kept);
  if (log.length === 0) {
    notes.push(
      'PagerDuty: no log entries were given; the timeline comes from the incident itself. Save GET /incidents/{id}/log_entries (as "log_entries" in the file, or as a file of its own) for the full log.',
    );
  } else if (kept.length > 0) {
    notes.push(
      `PagerDuty: ${count(kept.length, 'moment', 'moments')} the incident records ${kept.length === 1 ? 'is' : 'are'} not in its log and ${kept.length === 1 ? 'was' : 'were'} kept from the incident (${kept.map((event) => event.kind).join(', ')}).`,
    );
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());

  const firstOf = (type: string) => entries.find((entry) => entry.type === type);
  const triggered = firstOf('trigger_log_entry')?.created_at ?? document.created_at;
  const resolvedAt =
    entries.findLast((entry) => entry.type === 'resolve_log_entry')?.created_at ??
    document.resolved_at ??
    (document.status === 'resolved' ? document.last_status_change_at : undefined);

  const severity = severityOf(document);
  if (severity?.from === 'urgency') {
    notes.push(`PagerDuty: no priority set; severity ${severity.level} estimated from urgency "${document.urgency}".`);
  }
  if (notified.size > 0) {
    const pages = entries.filter((entry) => entry.type === 'notify_log_entry').length;
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
  if (otherIncidents > 0) {
    notes.push(
      `PagerDuty: ${count(otherIncidents, 'log entry', 'log entries')} of other incidents left out (only ${document.id} was read).`,
    );
  }
  const chosenOne = chosenNote('PagerDuty', chosen.given, document.id);
  if (chosenOne) notes.push(chosenOne);
  if (document.status && document.status !== 'resolved') {
    notes.push(`PagerDuty: the incident was still "${document.status}" when exported.`);
  }

  const title = document.title ?? document.summary;
  return {
    adapter: ADAPTER,
    file: paths.join(', '),
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

/** Whether the log already tells this moment of the incident's own record. */
function loggedAlready(event: IncidentEvent, log: readonly PagerDutyLogEntry[]): boolean {
  const near = (entry: PagerDutyLogEntry) =>
    Math.abs(Date.parse(entry.created_at) - event.at.getTime()) <= SAME_MOMENT_MS;
  if (event.kind === 'detection') return log.some((entry) => entry.type === 'trigger_log_entry');
  if (event.kind === 'resolution') return log.some((entry) => entry.type === 'resolve_log_entry');
  // An acknowledgement: the same person's acknowledge entry at the same moment.
  return log.some(
    (entry) =>
      entry.type === 'acknowledge_log_entry' &&
      near(entry) &&
      (event.actorId === undefined ||
        entry.agent === undefined ||
        entry.agent === null ||
        `pagerduty:${entry.agent.id}` === event.actorId),
  );
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
  if (incident.status === 'resolved' || incident.resolved_at) {
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
