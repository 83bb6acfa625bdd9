/**
 * The incident log on this device: one localStorage entry, read and written whole. Nothing here
 * talks to a network; the log leaves the device only when the scribe exports it.
 */
import {
  newEntry,
  parseLog,
  sortEntries,
  type IncidentLog,
  type LogEntry,
  type LogKind,
} from '../lib/incident-log/model.ts';
import { storageGet, storageSet } from './storage.ts';

export const INCIDENT_LOG_KEY = 'firebreak:incident-log';

export function readLog(): IncidentLog {
  return parseLog(storageGet(INCIDENT_LOG_KEY));
}

export function writeLog(log: IncidentLog): void {
  storageSet(INCIDENT_LOG_KEY, JSON.stringify({ ...log, entries: sortEntries(log.entries) }));
}

function entryId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Adds an entry stamped with the current time and returns it. */
export function appendEntry(kind: LogKind, text: string, at: Date = new Date()): LogEntry {
  const log = readLog();
  const entry = newEntry(kind, text, at, entryId());
  writeLog({ ...log, entries: [...log.entries, entry] });
  return entry;
}
