import { ImportError } from '../../errors.ts';
import { parseShape } from '../../io/json.ts';
import {
  incidentArray,
  incidentDocument,
  incidentList,
  logArray,
  logList,
  noteArray,
  noteList,
  wrappedDocument,
  type PagerDutyIncident,
  type PagerDutyLogEntry,
  type PagerDutyNote,
} from './document.ts';

/**
 * What one saved PagerDuty file holds, whatever the API call it came from: incidents (each with
 * the log and notes saved inside it), and log entries or notes saved as files of their own.
 * Every item keeps the place it was read from, for evidence and messages.
 */
export interface PagerDutyFile {
  file: string;
  incidents: { incident: PagerDutyIncident; place: string }[];
  /** Log entries saved apart from their incident: each names it in `incident.id`. */
  logEntries: { entry: PagerDutyLogEntry; place: string }[];
  /** Notes saved apart (GET /incidents/{id}/notes names no incident in its notes). */
  notes: { note: PagerDutyNote; place: string }[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A log entry's `type` ends in `_log_entry`; an incident has `type: "incident"` or an incident_number. */
const isLogEntry = (value: unknown) =>
  isObject(value) && typeof value['type'] === 'string' && value['type'].endsWith('_log_entry');
const isIncident = (value: unknown) =>
  isObject(value) &&
  (value['type'] === 'incident' || (value['incident_number'] !== undefined && 'created_at' in value));
const isNote = (value: unknown) => isObject(value) && 'content' in value && 'created_at' in value && !isLogEntry(value);

/** Sorts the parsed JSON of one file into incidents, log entries and notes, validating each shape. */
export function pagerDutyFile(file: string, json: unknown): PagerDutyFile {
  const found: PagerDutyFile = { file, incidents: [], logEntries: [], notes: [] };
  const withLists = (incident: PagerDutyIncident, place: string) => found.incidents.push({ incident, place });

  if (Array.isArray(json)) {
    if (json.length === 0)
      throw new ImportError(file, 'the array is empty; expected PagerDuty incidents or log entries', '(top level)');
    if (json.every(isLogEntry)) {
      parseShape(file, logArray, json).forEach((entry, i) => found.logEntries.push({ entry, place: `[${i}]` }));
    } else if (json.every(isNote)) {
      parseShape(file, noteArray, json).forEach((note, i) => found.notes.push({ note, place: `[${i}]` }));
    } else if (json.every(isIncident)) {
      parseShape(file, incidentArray, json).forEach((incident, i) => withLists(incident, `[${i}]`));
    } else {
      const bad = json.findIndex((item) => !isIncident(item) && !isLogEntry(item) && !isNote(item));
      throw new ImportError(
        file,
        bad >= 0
          ? 'expected every item of the array to be a PagerDuty incident (type "incident"), log entry (type "…_log_entry") or note'
          : 'the array mixes incidents, log entries and notes; expected one kind per array (save each API response as its own file)',
        `${Math.max(bad, 0)}`,
      );
    }
    return found;
  }
  if (!isObject(json)) {
    throw new ImportError(
      file,
      `expected a PagerDuty API response (a JSON object or array), got ${json === null ? 'null' : typeof json}`,
      '(top level)',
    );
  }
  if (isObject(json['incident'])) {
    const document = parseShape(file, wrappedDocument, json);
    withLists({ ...document.incident, log_entries: document.log_entries, notes: document.notes }, 'incident');
  } else if (Array.isArray(json['incidents'])) {
    const document = parseShape(file, incidentList, json);
    document.incidents.forEach((incident, i) => withLists(incident, `incidents[${i}]`));
    // A list saved with a log beside it: the entries name their incidents.
    document.log_entries?.forEach((entry, i) => found.logEntries.push({ entry, place: `log_entries[${i}]` }));
    document.notes?.forEach((note, i) => found.notes.push({ note, place: `notes[${i}]` }));
  } else if (isIncident(json)) {
    withLists(parseShape(file, incidentDocument, json), 'the incident');
  } else if (Array.isArray(json['log_entries'])) {
    parseShape(file, logList, json).log_entries.forEach((entry, i) =>
      found.logEntries.push({ entry, place: `log_entries[${i}]` }),
    );
  } else if (Array.isArray(json['notes'])) {
    parseShape(file, noteList, json).notes.forEach((note, i) => found.notes.push({ note, place: `notes[${i}]` }));
  } else {
    const keys = Object.keys(json).slice(0, 10).join(', ') || 'none';
    throw new ImportError(
      file,
      `not a PagerDuty API response: expected "incident", "incidents", "log_entries" or "notes", found keys: ${keys}`,
      '(top level)',
    );
  }
  return found;
}
