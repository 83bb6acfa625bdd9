import { ImportError } from '../../errors.ts';
import { parseShape } from '../../io/json.ts';
import {
  bareDocument,
  incidentArray,
  incidentList,
  updateArray,
  updateList,
  wrappedDocument,
  type IncidentIoIncident,
  type IncidentIoUpdate,
} from './document.ts';

/**
 * What one saved incident.io file holds, whatever the API call it came from: incidents (each with
 * the updates saved inside it) and updates saved as a file of their own. Every item keeps the
 * place it was read from, for evidence and messages.
 */
export interface IncidentIoFile {
  file: string;
  incidents: { incident: IncidentIoIncident; place: string }[];
  /** Updates saved apart from their incident: each names it in `incident_id`. */
  updates: { update: IncidentIoUpdate; place: string }[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** An update has `new_incident_status` or an `incident_id`; an incident has its status or reference. */
const isUpdate = (value: unknown) =>
  isObject(value) && ('new_incident_status' in value || 'incident_id' in value) && !('incident_status' in value);
const isIncident = (value: unknown) => isObject(value) && ('incident_status' in value || 'reference' in value);

/** Sorts the parsed JSON of one file into incidents and updates, validating each shape. */
export function incidentIoFile(file: string, json: unknown): IncidentIoFile {
  const found: IncidentIoFile = { file, incidents: [], updates: [] };
  if (Array.isArray(json)) {
    if (json.length === 0) {
      throw new ImportError(
        file,
        'the array is empty; expected incident.io incidents or incident updates',
        '(top level)',
      );
    }
    if (json.every(isUpdate)) {
      parseShape(file, updateArray, json).forEach((update, i) => found.updates.push({ update, place: `[${i}]` }));
    } else if (json.every(isIncident)) {
      parseShape(file, incidentArray, json).forEach((incident, i) =>
        found.incidents.push({ incident, place: `[${i}]` }),
      );
    } else {
      const bad = json.findIndex((item) => !isIncident(item) && !isUpdate(item));
      throw new ImportError(
        file,
        bad >= 0
          ? 'expected every item of the array to be an incident.io incident (with incident_status) or incident update (with new_incident_status)'
          : 'the array mixes incidents and updates; expected one kind per array (save each API response as its own file)',
        `${Math.max(bad, 0)}`,
      );
    }
    return found;
  }
  if (!isObject(json)) {
    throw new ImportError(
      file,
      `expected an incident.io API response (a JSON object or array), got ${json === null ? 'null' : typeof json}`,
      '(top level)',
    );
  }
  if (isObject(json['incident'])) {
    const document = parseShape(file, wrappedDocument, json);
    found.incidents.push({
      incident: { ...document.incident, incident_updates: document.incident_updates },
      place: 'incident',
    });
  } else if (Array.isArray(json['incidents'])) {
    const document = parseShape(file, incidentList, json);
    document.incidents.forEach((incident, i) => found.incidents.push({ incident, place: `incidents[${i}]` }));
    document.incident_updates?.forEach((update, i) => found.updates.push({ update, place: `incident_updates[${i}]` }));
  } else if (isIncident(json)) {
    found.incidents.push({ incident: parseShape(file, bareDocument, json), place: 'the incident' });
  } else if (Array.isArray(json['incident_updates'])) {
    parseShape(file, updateList, json).incident_updates.forEach((update, i) =>
      found.updates.push({ update, place: `incident_updates[${i}]` }),
    );
  } else {
    const keys = Object.keys(json).slice(0, 10).join(', ') || 'none';
    throw new ImportError(
      file,
      `not an incident.io API response: expected "incident", "incidents" or "incident_updates", found keys: ${keys}`,
      '(top level)',
    );
  }
  return found;
}
