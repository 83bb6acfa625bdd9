import { INCIDENT_EXPORT_FORMAT, INCIDENT_EXPORT_VERSION } from '../../schema/incident-export-format.ts';
import type { IncidentExport } from '../../schema/incident-export.ts';
import type { TimelineKind } from '../../schema/taxonomy.ts';

/**
 * The live incident log the scribe keeps on Crisis now's companion page (`/log/`): timestamped
 * entries, kept on the device, exported as Firebreak incident JSON for `npm run import`.
 * Pure code, shared by the page script and the tests. It runs in the browser, so it imports no
 * validator: the tests prove that what it writes passes src/schema/incident-export.ts.
 */

/** What the scribe can record, each with the timeline kind it becomes in the post-mortem. */
export const LOG_KINDS = {
  decision: { label: 'Decision', timeline: 'decision', actor: 'responder' },
  statement: { label: 'Public statement', timeline: 'statement', actor: 'brand' },
  escalation: { label: 'Escalation', timeline: 'escalation', actor: 'responder' },
  'platform-action': { label: 'Platform action', timeline: 'platform-action', actor: 'responder' },
  metric: { label: 'Metric', timeline: 'metric', actor: 'responder' },
  note: { label: 'Note', timeline: 'note', actor: 'responder' },
  checklist: { label: 'Checklist', timeline: 'note', actor: 'responder' },
} as const satisfies Record<string, { label: string; timeline: TimelineKind; actor: 'brand' | 'responder' }>;

export type LogKind = keyof typeof LOG_KINDS;
export const LOG_KIND_KEYS = Object.keys(LOG_KINDS) as LogKind[];

export interface LogEntry {
  /** Unique within the log, so an entry can be removed. */
  id: string;
  /** When it happened, ISO 8601 with the device's zone offset. */
  at: string;
  kind: LogKind;
  text: string;
}

export interface IncidentLog {
  version: 1;
  /** What the team calls the incident; the post-mortem's working title. */
  title: string;
  entries: LogEntry[];
}

export const EMPTY_LOG: IncidentLog = { version: 1, title: '', entries: [] };

/** `2026-12-01T09:05:00+01:00`: a local time with its offset, as the import format requires. */
export function zonedTimestamp(date: Date): string {
  const pad = (value: number) => String(Math.trunc(Math.abs(value))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

function isEntry(value: unknown): value is LogEntry {
  const entry = value as Partial<LogEntry> | null;
  return (
    typeof entry?.id === 'string' &&
    typeof entry.at === 'string' &&
    !Number.isNaN(Date.parse(entry.at)) &&
    typeof entry.kind === 'string' &&
    Object.hasOwn(LOG_KINDS, entry.kind) &&
    typeof entry.text === 'string' &&
    entry.text.trim() !== ''
  );
}

/** Reads a stored log, dropping anything that is not a well-formed entry (storage can be edited by hand). */
export function parseLog(stored: string | null): IncidentLog {
  if (!stored) return { ...EMPTY_LOG, entries: [] };
  try {
    const data = JSON.parse(stored) as Partial<IncidentLog>;
    const entries = Array.isArray(data.entries) ? data.entries.filter(isEntry) : [];
    return { version: 1, title: typeof data.title === 'string' ? data.title : '', entries: sortEntries(entries) };
  } catch {
    return { ...EMPTY_LOG, entries: [] };
  }
}

export function sortEntries(entries: readonly LogEntry[]): LogEntry[] {
  return [...entries].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** A new entry (not stored yet). */
export function newEntry(kind: LogKind, text: string, at: Date, id: string): LogEntry {
  return { id, at: zonedTimestamp(at), kind, text: text.trim() };
}

/**
 * The log as a Firebreak incident JSON (src/schema/incident-export.ts), which `npm run import`
 * turns into a draft post-mortem with these entries on its timeline. Throws when the log has no
 * entry (the format needs at least one event).
 */
export function toIncidentExport(log: IncidentLog): IncidentExport {
  const entries = sortEntries(log.entries);
  if (entries.length === 0) throw new Error('the log has no entries yet: the export needs at least one event');
  return {
    format: INCIDENT_EXPORT_FORMAT,
    version: INCIDENT_EXPORT_VERSION,
    ...(log.title.trim() ? { title: log.title.trim() } : {}),
    events: entries.map((entry) => ({
      at: entry.at,
      kind: LOG_KINDS[entry.kind].timeline,
      text: entry.kind === 'checklist' ? `Checklist: ${entry.text}` : entry.text,
      actor: LOG_KINDS[entry.kind].actor,
    })),
    people: [],
  };
}
