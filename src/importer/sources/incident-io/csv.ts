import { csvHeaderKeys, csvInstant, headerKey, readIncidentCsv, type IncidentRow } from '../incident-tools/csv.ts';
import { ImportError } from '../../errors.ts';
import { headText } from '../../io/text.ts';
import type { ExportInput } from '../types.ts';
import type { IncidentIoIncident } from './document.ts';

/**
 * The incidents CSV incident.io's dashboard exports: one incident per row, columns titled after
 * the API's fields ("Reference", "Name", "Status", "Severity", "Created at", "Reported at",
 * "Impact started", "Resolved at", "Incident lead", "Permalink"; snake_case API names read the
 * same). Each row becomes the incident object API v2 would give, its times as the incident's
 * named timestamps, so the rest of the adapter reads both the same way.
 */

const ROLES = {
  id: ['id', 'incident id'],
  reference: ['reference', 'ref', 'incident reference'],
  name: ['name', 'title', 'incident name'],
  summary: ['summary', 'description'],
  status: ['status', 'incident status'],
  category: ['status category', 'incident status category'],
  severity: ['severity', 'severity name'],
  created: ['created at', 'created_at', 'declared at', 'created'],
  reported: ['reported at', 'reported_at'],
  started: ['impact started', 'impact started at', 'impact start'],
  accepted: ['accepted at', 'accepted_at'],
  resolved: ['resolved at', 'resolved_at'],
  closed: ['closed at', 'closed_at'],
  lead: ['incident lead', 'lead', 'incident commander'],
  url: ['permalink', 'url', 'link'],
} as const;

type Role = keyof typeof ROLES;

/** Named timestamps each time column becomes, as incident.io names them. */
const TIMESTAMPS: [Role, string][] = [
  ['started', 'Impact started'],
  ['reported', 'Reported at'],
  ['accepted', 'Accepted at'],
  ['resolved', 'Resolved at'],
  ['closed', 'Closed at'],
];

/** An incident.io export: its reference, severity and status columns, and one column or link only it has. */
export function looksLikeIncidentIoCsv(input: ExportInput): boolean {
  const keys = csvHeaderKeys(input);
  const has = (names: readonly string[]) => names.some((name) => keys.has(headerKey(name)));
  return (
    has(ROLES.reference) &&
    has(ROLES.severity) &&
    has(ROLES.status) &&
    (has([...ROLES.reported, ...ROLES.started, ...ROLES.lead, ...ROLES.accepted]) ||
      /app\.incident\.io\//.test(headText(input.head)))
  );
}

/** A status category from the status name, when the export has no category column. */
function categoryOf(status: string): string {
  if (/declin|cancel|merg/i.test(status)) return 'declined';
  if (/triage/i.test(status)) return 'triage';
  if (/clos|resolv|document|post|learn|complete/i.test(status)) return 'closed';
  return 'live';
}

export async function incidentIoCsvIncidents(
  input: ExportInput,
  tz: string,
): Promise<{ incidents: { incident: IncidentIoIncident; place: string }[]; zoneless: boolean }> {
  const rows = await readIncidentCsv(input, ROLES, [], 'incident.io');
  let zoneless = false;
  const incidents = rows.map((row) => {
    const instant = (role: Role) => {
      const read = csvInstant(input.path, row as IncidentRow<string>, role, tz);
      if (read && !read.zoned) zoneless = true;
      return read?.at.toISOString();
    };
    const created = instant('created') ?? instant('reported');
    if (!created) {
      // A row that cannot be placed in time would be an incident without a timeline.
      throw new ImportError(
        input.path,
        'the incident has no creation time; expected a value under "Created at" or "Reported at"',
        `line ${row.line}`,
      );
    }
    const status = row.get('status');
    const lead = row.get('lead');
    const incident: IncidentIoIncident = {
      id: row.get('id') ?? row.get('reference') ?? `line ${row.line}`,
      reference: row.get('reference') ?? null,
      name: row.get('name') ?? null,
      summary: row.get('summary') ?? null,
      permalink: row.get('url') ?? null,
      created_at: created,
      incident_status: status
        ? { name: status, category: row.get('category')?.toLowerCase() ?? categoryOf(status) }
        : null,
      severity: row.get('severity') ? { name: row.get('severity')! } : null,
      incident_role_assignments: lead
        ? [
            {
              assignee: { id: `${row.get('reference') ?? row.line}-lead`, name: lead },
              role: { name: 'Incident Lead', role_type: 'lead' },
            },
          ]
        : [],
      incident_timestamp_values: TIMESTAMPS.flatMap(([role, name]) => {
        const value = instant(role);
        return value ? [{ incident_timestamp: { name }, value: { value } }] : [];
      }),
    };
    return { incident, place: `line ${row.line}` };
  });
  return { incidents, zoneless };
}
