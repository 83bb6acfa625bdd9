import { incidentExportSchema, type IncidentExport } from '../../schema/incident-export.ts';
import { firstIssue, issuePlace } from '../../lib/zod-issues.ts';
import type { FormState } from './form-data.ts';

/** How a person of the export is named in the form: by what they were, never by who. */
const ROLE_WORDS = {
  brand: 'our account',
  responder: 'a responder',
  public: 'a member of the public',
  system: 'a tool',
} as const;

/**
 * The names a person goes by (display name, handle with and without @, aliases) replaced by
 * their role ("a member of the public", or a responder's incident role), longest first, so no
 * name reaches the form. The brand's own handle stays: it is public by nature. The privacy lint
 * still checks everything afterwards, as it checks whatever is typed.
 */
function nameReplacer(people: IncidentExport['people']): (text: string) => string {
  const pairs: [string, string][] = [];
  for (const person of people) {
    if (person.role === 'brand') continue;
    const word = person.role === 'responder' && person.title ? person.title : ROLE_WORDS[person.role];
    for (const name of [person.name, person.handle && `@${person.handle}`, person.handle, ...(person.aliases ?? [])]) {
      if (name && name.length >= 2) pairs.push([name, word]);
    }
  }
  pairs.sort((a, b) => b[0].length - a[0].length);
  return (text) =>
    pairs.reduce(
      (out, [name, word]) => out.replace(new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), word),
      text,
    );
}

/** Whether a link names a person of the export (a profile or a post under their handle). */
function namesSomeone(link: string, people: IncidentExport['people']): boolean {
  const lower = link.toLowerCase();
  return people.some(
    (person) => person.role !== 'brand' && person.handle && lower.includes(`/${person.handle.toLowerCase()}`),
  );
}

function zoneOf(time: string | undefined): string | undefined {
  return time ? /(Z|[+-]\d{2}:\d{2})$/i.exec(time)?.[1]?.toUpperCase() : undefined;
}

/**
 * A Firebreak incident JSON (docs/importer.md; the live incident log exports one) as the
 * form's state, read on the device: every field the export has that the post-mortem has, its
 * events as the timeline, people's names replaced by their roles and links to their accounts
 * left out. What is left out (those links, the mention series, for which the form has no
 * control) is counted in `dropped`, so the contributor knows. A file that is not such an export gets one message naming the field.
 */
export function stateFromExport(
  fileName: string,
  text: string,
  fallbackZone: string,
): { state: FormState; events: number; dropped: string[] } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: `${fileName}: not valid JSON (${(error as Error).message})` };
  }
  const parsed = incidentExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error.issues, json);
    const more = issue.more > 0 ? ` (and ${issue.more} more)` : '';
    return {
      error: `${fileName}: not a Firebreak incident export: field ${issuePlace(issue.path)}: ${issue.message}${more}`,
    };
  }
  const data = parsed.data;
  const clean = nameReplacer(data.people);
  const zone = zoneOf(data.started) ?? zoneOf(data.events[0]?.at) ?? fallbackZone;
  const metrics = data.impact && {
    ...(data.impact.reach !== undefined ? { reach: data.impact.reach } : {}),
    ...(data.impact.mediaArticles !== undefined ? { mediaArticles: data.impact.mediaArticles } : {}),
    ...(data.impact.supportTickets !== undefined ? { supportTickets: data.impact.supportTickets } : {}),
    ...(data.impact.followerChange !== undefined ? { followerChange: data.impact.followerChange } : {}),
  };
  const frontmatter: Record<string, unknown> = {
    title: data.title && clean(data.title),
    summary: data.summary && clean(data.summary),
    status: 'draft',
    severity: data.severity,
    crisisType: data.crisisType,
    scct: data.scct,
    platforms: data.platforms,
    origin: data.origin,
    detectionSource: data.detectionSource,
    tags: data.tags,
    started: data.started,
    detected: data.detected,
    firstResponse: data.firstResponse,
    resolved: data.resolved,
    timeline: data.events.map((event) => ({
      at: event.at,
      kind: event.kind,
      text: clean(event.text),
      ...(event.link && !namesSomeone(event.link, data.people) ? { link: event.link } : {}),
    })),
    impact: data.impact && {
      summary: data.impact.summary && clean(data.impact.summary),
      rating: data.impact.rating,
      ...(metrics && Object.keys(metrics).length > 0 ? { metrics } : {}),
    },
    contributingFactors: data.contributingFactors?.map((factor) => ({ ...factor, text: clean(factor.text) })),
    wentWell: data.wentWell?.map(clean),
    wentPoorly: data.wentPoorly?.map(clean),
    lessons: data.lessons?.map((lesson) => ({ ...lesson, text: clean(lesson.text) })),
    actionItems: data.actionItems?.map((item) => ({ ...item, title: clean(item.title) })),
    sources: data.sources,
  };
  const personalLinks = data.events.filter((event) => event.link && namesSomeone(event.link, data.people)).length;
  const dropped = [
    ...(data.mentionSeries?.length ? [`${data.mentionSeries.length} hours of mention counts`] : []),
    ...(personalLinks ? [`${personalLinks} link${personalLinks === 1 ? '' : 's'} to a person's account`] : []),
  ];
  return { state: { frontmatter, body: {}, zone }, events: data.events.length, dropped };
}
