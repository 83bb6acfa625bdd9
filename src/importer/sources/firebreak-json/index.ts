import type { AuthoredFields, IncidentEvent, PartialIncident, Person } from '../../model/incident.ts';
import { INCIDENT_EXPORT_FORMAT, incidentExportSchema, type IncidentExport } from '../../../schema/incident-export.ts';
import { ImportError } from '../../errors.ts';
import { readJsonFile } from '../../io/json.ts';
import { firstIssue, issuePlace } from '../../../lib/zod-issues.ts';
import type { Adapter, ExportInput } from '../types.ts';

/**
 * A Firebreak incident JSON is one document that must be parsed whole; beyond this size it is
 * not an incident write-up but a data dump, and reading it would only exhaust memory.
 */
export const MAX_INCIDENT_JSON_BYTES = 64 * 1024 * 1024;

/** `"format": "firebreak-incident"` near the top of a JSON object. */
const FORMAT_MARKER = new RegExp(`"format"\\s*:\\s*"${INCIDENT_EXPORT_FORMAT}"`);

export const firebreakJsonAdapter: Adapter = {
  name: 'firebreak-json',
  label: 'Firebreak incident JSON (docs/importer.md)',
  detect(input: ExportInput): boolean {
    if (input.kind !== 'file') return false;
    const text = input.head.toString('utf8').replace(/^\uFEFF/, '');
    return /^\s*\{/.test(text) && FORMAT_MARKER.test(text);
  },
  async read(input, options): Promise<PartialIncident> {
    const raw = await readJsonFile(input, options.onProgress, MAX_INCIDENT_JSON_BYTES);
    const result = incidentExportSchema.safeParse(raw);
    if (!result.success) {
      const first = firstIssue(result.error.issues, raw);
      const more = first.more > 0 ? ` (and ${first.more} more problem${first.more === 1 ? '' : 's'})` : '';
      throw new ImportError(input.path, `${first.message}${more}`, `field ${issuePlace(first.path)}`);
    }
    return toPartialIncident(input.path, result.data, options.brandHandles);
  },
};

function date(value: string | undefined): Date | undefined {
  return value === undefined ? undefined : new Date(value);
}

/** Maps a validated export onto the normalized model, checking the references between its parts. */
export function toPartialIncident(file: string, data: IncidentExport, brandHandles: string[]): PartialIncident {
  const people = new Map<string, Person>();
  data.people.forEach((person, index) => {
    if (people.has(person.id)) {
      throw new ImportError(
        file,
        `duplicate person id "${person.id}"; ids must be unique`,
        `field ${issuePlace(['people', index, 'id'])}`,
      );
    }
    const handle = person.handle?.replace(/^@/, '');
    const isBrand = handle !== undefined && brandHandles.includes(handle.toLowerCase());
    people.set(person.id, {
      id: `firebreak:${person.id}`,
      role: isBrand ? 'brand' : person.role,
      ...(handle !== undefined && { handle }),
      ...(person.name !== undefined && { name: person.name }),
      ...(person.aliases !== undefined && person.aliases.length > 0 && { aliases: person.aliases }),
      ...(person.title !== undefined && { title: person.title }),
      ...(person.verified !== undefined && { verified: person.verified }),
      ...(person.followers !== undefined && { followers: person.followers }),
    });
  });
  const eventIds = new Set(data.events.flatMap((event) => (event.id ? [event.id] : [])));

  const events: IncidentEvent[] = data.events.map((event, index) => {
    const place = `field ${issuePlace(['events', index])}`;
    for (const key of ['actorId', 'inReplyToId'] as const) {
      const ref = event[key];
      if (ref !== undefined && !people.has(ref)) {
        throw new ImportError(file, `${key} "${ref}" is not the id of anyone in "people"`, `${place}.${key}`);
      }
    }
    if (event.correctsId !== undefined && !eventIds.has(event.correctsId)) {
      throw new ImportError(file, `correctsId "${event.correctsId}" is not the id of any event`, `${place}.correctsId`);
    }
    const actorPerson = event.actorId ? people.get(event.actorId) : undefined;
    const actor = actorPerson?.role === 'brand' ? 'brand' : event.actor;
    return {
      at: new Date(event.at),
      kind: event.kind,
      text: event.text,
      actor,
      visibility: event.visibility ?? (actor === 'brand' || actor === 'public' ? 'public' : 'internal'),
      evidence: { adapter: 'firebreak-json', file, ref: `events[${index}]` },
      ...(event.link !== undefined && { link: event.link }),
      ...(actorPerson && { actorId: actorPerson.id }),
      ...(event.inReplyToId !== undefined && { inReplyToId: people.get(event.inReplyToId)!.id }),
      ...(event.platform !== undefined && { platform: event.platform }),
      ...(event.id !== undefined && { sourceId: `firebreak:${event.id}` }),
      ...(event.correctsId !== undefined && { correctsId: `firebreak:${event.correctsId}` }),
    };
  });

  // What is left after the timeline and identity fields: the post-mortem fields an author wrote.
  const { mentionSeries, started, detected, firstResponse, resolved, severity, platforms, title } = data;
  const { $schema: _schema, format: _format, version: _version, people: _people, events: _events, ...rest } = data;
  const { mentionSeries: _series, started: _s, detected: _d, firstResponse: _f, resolved: _r, ...more } = rest;
  const { severity: _severity, platforms: _platforms, title: _title, ...fields } = more;
  const authored: AuthoredFields = fields;

  const partial: PartialIncident = {
    adapter: 'firebreak-json',
    file,
    platforms: platforms ?? [...new Set(events.flatMap((event) => (event.platform ? [event.platform] : [])))],
    events,
    people: [...people.values()],
    notes: [],
    authored,
    ...(title !== undefined && { title }),
    ...(started !== undefined && { started: date(started)! }),
    ...(detected !== undefined && { detected: date(detected)! }),
    ...(resolved !== undefined && { resolved: date(resolved)! }),
    ...(severity !== undefined && { severity }),
  };
  if (firstResponse !== undefined) partial.firstResponse = new Date(firstResponse);
  if (mentionSeries && mentionSeries.length > 0) partial.mentions = summarizeSeries(mentionSeries);
  return partial;
}

function summarizeSeries(
  series: NonNullable<IncidentExport['mentionSeries']>,
): NonNullable<PartialIncident['mentions']> {
  const buckets = series
    .map((bucket) => ({
      at: new Date(bucket.at),
      positive: bucket.positive,
      neutral: bucket.neutral,
      negative: bucket.negative,
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  let total = 0;
  let negative = 0;
  let peak = buckets[0]!;
  let peakCount = -1;
  for (const bucket of buckets) {
    const count = bucket.positive + bucket.neutral + bucket.negative;
    total += count;
    negative += bucket.negative;
    if (count > peakCount) {
      peakCount = count;
      peak = bucket;
    }
  }
  const first = buckets.find((bucket) => bucket.positive + bucket.neutral + bucket.negative > 0);
  return {
    series: buckets,
    total,
    peakCount: Math.max(peakCount, 0),
    topSources: [],
    ...(first && { first: first.at }),
    ...(peakCount > 0 && { peakHour: peak.at }),
    ...(total > 0 && { negativeShare: negative / total }),
  };
}
