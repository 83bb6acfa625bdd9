import { csvHeaderKeys, csvInstant, headerKey, readIncidentCsv, type IncidentRow } from '../incident-tools/csv.ts';
import type { ExportInput } from '../types.ts';
import type { PagerDutyIncident } from './document.ts';

/**
 * The incidents CSV PagerDuty's web app downloads (Incidents and Reports pages): one incident per
 * row under the API's own field names (`id, incident_number, description, service_name,
 * created_on, resolved_on, seconds_to_first_ack, acknowledged_by_user_names,
 * resolved_by_user_name, urgency…`), or their titled forms ("Incident Number", "Created On").
 * Each row is turned into the incident object the REST API would give, so the rest of the
 * adapter reads both the same way. A CSV has no log: the timeline is what the row records.
 */

const ROLES = {
  id: ['id', 'incident id'],
  number: ['incident_number', 'incident number', 'number', '#'],
  title: ['description', 'title', 'incident title', 'summary', 'name'],
  status: ['status', 'current status'],
  urgency: ['urgency'],
  priority: ['priority', 'priority name', 'priority_name'],
  service: ['service_name', 'service name', 'service'],
  serviceId: ['service_id', 'service id'],
  created: ['created_on', 'created at', 'created_at', 'created', 'triggered at', 'opened at'],
  acknowledged: ['acknowledged_on', 'acknowledged at', 'acknowledged_at', 'first acknowledged at', 'first_ack_at'],
  secondsToAck: ['seconds_to_first_ack', 'seconds to first ack', 'time to first ack (seconds)'],
  acknowledgedBy: ['acknowledged_by_user_names', 'acknowledged by user names', 'acknowledged by', 'acknowledged_by'],
  acknowledgedById: ['acknowledged_by_user_ids', 'acknowledged by user ids'],
  resolved: ['resolved_on', 'resolved at', 'resolved_at'],
  secondsToResolve: ['seconds_to_resolve', 'seconds to resolve'],
  resolvedBy: ['resolved_by_user_name', 'resolved by user name', 'resolved by', 'resolved_by'],
  resolvedById: ['resolved_by_user_id', 'resolved by user id'],
  url: ['html_url', 'url', 'link', 'incident url'],
} as const;

type Role = keyof typeof ROLES;

/** The header of a PagerDuty incidents CSV: an incident number and a column only PagerDuty has. */
export function looksLikePagerDutyCsv(input: ExportInput): boolean {
  const keys = csvHeaderKeys(input);
  const has = (names: readonly string[]) => names.some((name) => keys.has(headerKey(name)));
  return (
    has(ROLES.number) &&
    has(ROLES.created) &&
    (has(ROLES.urgency) || has(ROLES.secondsToAck) || has(['escalation_policy_name', 'escalation policy']))
  );
}

/** The rows as REST API incidents, each with its CSV line as its place. */
export async function pagerDutyCsvIncidents(
  input: ExportInput,
  tz: string,
): Promise<{ incidents: { incident: PagerDutyIncident; place: string }[]; zoneless: boolean }> {
  const rows = await readIncidentCsv(input, ROLES, ['created'], 'PagerDuty');
  let zoneless = false;
  const incidents = rows.map((row) => {
    const instant = (role: Role) => {
      const read = csvInstant(input.path, row as IncidentRow<string>, role, tz);
      if (read && !read.zoned) zoneless = true;
      return read?.at;
    };
    const created = instant('created')!;
    const afterCreated = (role: Role) => {
      const seconds = Number(row.get(role));
      return row.get(role) !== undefined && Number.isFinite(seconds)
        ? new Date(created.getTime() + seconds * 1000)
        : undefined;
    };
    const acknowledged = instant('acknowledged') ?? afterCreated('secondsToAck');
    const resolved = instant('resolved') ?? afterCreated('secondsToResolve');
    const number = Number(row.get('number'));
    const id = row.get('id') ?? `#${row.get('number') ?? row.line}`;
    const user = (name: string | undefined, userId: string | undefined, fallback: string) => ({
      id: userId?.split(/[,;]/)[0]?.trim() || `${id}-${fallback}`,
      type: 'user_reference',
      summary: name?.split(/[,;]/)[0]?.trim() ?? null,
    });
    const status = row.get('status')?.toLowerCase() ?? (resolved ? 'resolved' : undefined);
    const incident: PagerDutyIncident = {
      id,
      type: 'incident',
      ...(Number.isFinite(number) && row.get('number') !== undefined && { incident_number: number }),
      title: row.get('title') ?? null,
      status: status ?? null,
      urgency: row.get('urgency')?.toLowerCase() ?? null,
      priority: row.get('priority') ? { summary: row.get('priority')! } : null,
      created_at: created.toISOString(),
      resolved_at: resolved?.toISOString() ?? null,
      html_url: row.get('url') ?? null,
      service: row.get('service')
        ? { id: row.get('serviceId') ?? row.get('service')!, summary: row.get('service')! }
        : null,
      acknowledgements: acknowledged
        ? [
            {
              at: acknowledged.toISOString(),
              acknowledger: user(row.get('acknowledgedBy'), row.get('acknowledgedById'), 'acknowledger'),
            },
          ]
        : [],
      last_status_change_by:
        resolved && (row.get('resolvedBy') || row.get('resolvedById'))
          ? user(row.get('resolvedBy'), row.get('resolvedById'), 'resolver')
          : null,
    };
    return { incident, place: `line ${row.line}` };
  });
  return { incidents, zoneless };
}
