import { z } from 'zod';

/**
 * The file the incident.io adapter reads: one incident as incident.io's API v2 returns it, with
 * its updates saved next to it under the key the API uses:
 *
 *     {
 *       "incident":         { … },     GET /v2/incidents/{id}                      → its "incident"
 *       "incident_updates": [ … ]      GET /v2/incident_updates?incident_id={id}   → its "incident_updates"
 *     }
 *
 * The other shapes the API gives are read too (./shapes.ts): the bare incident object (with
 * `incident_updates` as one of its keys), a list response (`GET /v2/incidents` →
 * `{"incidents": [...], "pagination_meta": {...}}`), the updates saved as a file of their own
 * (`GET /v2/incident_updates` → `{"incident_updates": [...]}`, each naming its `incident_id`),
 * bare arrays of either, and the dashboard's CSV export (./csv.ts). Updates are optional: the
 * incident's own timestamps are always part of the timeline.
 * Field names: https://api-docs.incident.io/ (Incidents V2, Incident Updates V2).
 */

const timestamp = z.iso.datetime({
  offset: true,
  error: 'expected an ISO 8601 timestamp with a zone, like "2021-08-17T13:28:57.801578Z"',
});

const text = z.string().nullish();

const user = z.looseObject({
  id: z.string({ error: 'expected the user id' }),
  name: text,
  role: text,
  slack_user_id: text,
});
export type IncidentIoUser = z.output<typeof user>;

/** Who did something: a person, or an alert, workflow or API key acting on its own. */
const actor = z.looseObject({
  user: user.nullish(),
  alert: z.looseObject({ id: text, title: text }).nullish(),
  workflow: z.looseObject({ id: text, name: text }).nullish(),
  api_key: z.looseObject({ id: text, name: text }).nullish(),
});
export type IncidentIoActor = z.output<typeof actor>;

const status = z.looseObject({
  id: text,
  name: z.string({ error: 'expected the status name' }),
  category: z.string({ error: 'expected the status category, like "live" or "closed"' }),
});
export type IncidentIoStatus = z.output<typeof status>;

const severity = z.looseObject({
  id: text,
  name: z.string({ error: 'expected the severity name' }),
  rank: z.number().nullish(),
});
export type IncidentIoSeverity = z.output<typeof severity>;

const incidentFields = {
  id: z.string({ error: 'expected the incident id' }),
  reference: text,
  name: text,
  summary: text,
  permalink: text,
  created_at: timestamp,
  updated_at: timestamp.nullish(),
  creator: actor.nullish(),
  incident_status: status.nullish(),
  severity: severity.nullish(),
  incident_role_assignments: z
    .array(z.looseObject({ assignee: user.nullish(), role: z.looseObject({ name: text, role_type: text }) }))
    .nullish(),
  incident_timestamp_values: z
    .array(
      z.looseObject({
        incident_timestamp: z.looseObject({ name: z.string({ error: 'expected the timestamp name' }) }),
        value: z.looseObject({ value: timestamp.nullish() }).nullish(),
      }),
    )
    .nullish(),
  /** API v1's form of the same: `{name, last_occurred_at}`. */
  timestamps: z.array(z.looseObject({ name: z.string(), last_occurred_at: timestamp.nullish() })).nullish(),
};

const update = z.looseObject({
  id: z.string({ error: 'expected the update id' }),
  /** The incident the update belongs to: how updates saved apart find their incident. */
  incident_id: text,
  created_at: timestamp,
  message: text,
  new_incident_status: status.nullish(),
  new_severity: severity.nullish(),
  updater: actor.nullish(),
});
export type IncidentIoUpdate = z.output<typeof update>;

const updates = z.array(update, { error: 'expected an array of incident updates' }).nullish();

export const wrappedDocument = z.looseObject({ incident: z.looseObject(incidentFields), incident_updates: updates });
export const bareDocument = z.looseObject({ ...incidentFields, incident_updates: updates });
export type IncidentIoIncident = z.output<typeof bareDocument>;

/** `GET /v2/incidents`: a page of the list. */
export const incidentList = z.looseObject({
  incidents: z.array(bareDocument, { error: 'expected an array of incidents' }),
  incident_updates: updates,
});
/** `GET /v2/incident_updates` saved as a file of its own. */
export const updateList = z.looseObject({
  incident_updates: z.array(update, { error: 'expected an array of incident updates' }),
});
/** Bare arrays, as `jq '.incidents'` leaves them. */
export const incidentArray = z.array(bareDocument);
export const updateArray = z.array(update);
