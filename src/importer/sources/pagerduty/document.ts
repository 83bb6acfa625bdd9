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
 * The bare incident object (`{"id": …, "type": "incident", …}`) is accepted too, with
 * `log_entries` and `notes` as keys of that object. Both lists are optional: without a log, the
 * timeline is built from the incident's own acknowledgements and status.
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

export const wrappedDocument = z.looseObject({ incident: z.looseObject(incidentFields), ...lists });
export const bareDocument = z.looseObject({ ...incidentFields, ...lists });

export type PagerDutyIncident = z.output<typeof bareDocument>;
