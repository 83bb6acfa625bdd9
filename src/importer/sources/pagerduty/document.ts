import { z } from 'zod';

/**
 * The file the PagerDuty adapter reads: one incident as the PagerDuty REST API v2 returns it,
 * with its log and notes saved next to it under the keys the API uses:
 *
 *     {
 *       "incident":    { … },        GET /incidents/{id}                  → its "incident"
 *       "log_entries": [ … ],        GET /incidents/{id}/log_entries      → its "log_entries"
 *       "notes":       [ … ]         GET /incidents/{id}/notes            → its "notes"
 *     }
 *
 * The other shapes the API gives are read too (see ./shapes.ts): the bare incident object
 * (`{"id": …, "type": "incident", …}`, with `log_entries` and `notes` as its own keys), a list
 * response (`GET /incidents` → `{"incidents": [...], "limit", "offset", "more"}`), a log or notes
 * list saved as a file of its own (`{"log_entries": [...]}`, `{"notes": [...]}`), bare arrays
 * of any of these, and the incidents CSV the web app downloads (./csv.ts). Both lists are
 * optional: the timeline always includes what the incident itself records (its trigger,
 * acknowledgements and resolution), the log adds to it.
 * Field names: https://developer.pagerduty.com/api-reference/ (Incidents, Log Entries, Notes).
 */

const timestamp = z.iso.datetime({
  offset: true,
  error: 'expected an ISO 8601 timestamp with a zone, like "2015-10-06T21:30:42Z"',
});

const text = z.string().nullish();

/** A `*_reference` object: a user, service, integration or escalation policy. */
const reference = z.looseObject({
  id: z.string({ error: 'expected the id of the referenced object' }),
  type: text,
  summary: text,
  html_url: text,
});
export type PagerDutyReference = z.output<typeof reference>;

const incidentFields = {
  id: z.string({ error: 'expected the incident id (a string like "PT4KHLK")' }),
  type: text,
  incident_number: z.number().nullish(),
  title: text,
  summary: text,
  status: text,
  urgency: text,
  priority: z.looseObject({ summary: text, name: text }).nullish(),
  created_at: timestamp,
  last_status_change_at: timestamp.nullish(),
  resolved_at: timestamp.nullish(),
  html_url: text,
  service: reference.nullish(),
  assignments: z.array(z.looseObject({ at: timestamp.nullish(), assignee: reference })).nullish(),
  acknowledgements: z.array(z.looseObject({ at: timestamp, acknowledger: reference })).nullish(),
  last_status_change_by: reference.nullish(),
};

const logEntry = z.looseObject({
  id: z.string({ error: 'expected the log entry id' }),
  type: z.string({ error: 'expected the log entry type, like "trigger_log_entry"' }),
  summary: text,
  created_at: timestamp,
  agent: reference.nullish(),
  channel: z.looseObject({ type: text, summary: text }).nullish(),
  html_url: text,
  /** trigger_log_entry: what the alert said. */
  event_details: z.looseObject({ description: text }).nullish(),
  /** status_update_log_entry: the update sent to stakeholders. */
  message: text,
  /** notify_log_entry: who was paged. */
  user: reference.nullish(),
  /** assign_log_entry: who the incident was assigned to. */
  assignees: z.array(reference).nullish(),
  /** The incident the entry belongs to (an `incident_reference`): how a log saved apart finds its incident. */
  incident: reference.nullish(),
});
export type PagerDutyLogEntry = z.output<typeof logEntry>;

const note = z.looseObject({
  id: z.string({ error: 'expected the note id' }),
  content: z.string({ error: 'expected the note text in "content"' }),
  created_at: timestamp,
  user: reference.nullish(),
});
export type PagerDutyNote = z.output<typeof note>;

const lists = {
  log_entries: z.array(logEntry, { error: 'expected an array of log entries' }).nullish(),
  notes: z.array(note, { error: 'expected an array of notes' }).nullish(),
};

/** One incident, with the log and notes it may carry as its own keys. */
export const incidentDocument = z.looseObject({ ...incidentFields, ...lists });
export type PagerDutyIncident = z.output<typeof incidentDocument>;

/** `GET /incidents/{id}` saved with its log and notes beside the incident. */
export const wrappedDocument = z.looseObject({ incident: z.looseObject(incidentFields), ...lists });

/** `GET /incidents` (a page of the list), each incident possibly carrying its own log. */
export const incidentList = z.looseObject({
  incidents: z.array(incidentDocument, { error: 'expected an array of incidents' }),
  ...lists,
});

/** `GET /incidents/{id}/log_entries` or `GET /log_entries` saved as a file of its own. */
export const logList = z.looseObject({ log_entries: z.array(logEntry, { error: 'expected an array of log entries' }) });

/** `GET /incidents/{id}/notes` saved as a file of its own. */
export const noteList = z.looseObject({ notes: z.array(note, { error: 'expected an array of notes' }) });

/** Bare arrays, as `jq '.incidents'` or `jq '.log_entries'` leave them. */
export const incidentArray = z.array(incidentDocument);
export const logArray = z.array(logEntry);
export const noteArray = z.array(note);
