import type { CountryCode } from 'libphonenumber-js';
import type { IncidentEvent, MentionBucket } from '../model/incident.ts';
import { computeDurations, type Durations } from '../../lib/analysis/durations.ts';
import { deriveKeyTimes, type DerivedTimes } from '../analysis/key-times.ts';
import { draftLessons, type DraftLesson } from '../analysis/lessons.ts';
import { createRedactor, type Redactor } from '../redact.ts';
import { SUMMARY_MAX } from '../../schema/postmortem.ts';
import { TIMELINE_KIND_LABELS, type TimelineKind } from '../../schema/taxonomy.ts';
import { ImportError } from '../errors.ts';
import type { MergedIncident } from '../merge.ts';
import { calendarDay, formatTime, isoInstant, truncate } from './format.ts';
import { oneLine } from './markdown.ts';
import { isValidSlug, postmortemId, SLUG_MAX, slugify } from '../../schema/slug.ts';

/** The options of the CLI that shape the page. */
export interface DraftOptions {
  /** --title */
  title?: string | undefined;
  /** --slug */
  slug?: string | undefined;
  /** --tz, for the file name's date and the times in the text. */
  tz: string;
  /** False only with --no-redact. */
  redact: boolean;
  /** --brand-handle, lowercased without @. */
  brandHandles: string[];
  /** --keep, lowercased without @. */
  keep: string[];
  /** --region: regions whose national phone forms are redacted (default: DEFAULT_PHONE_REGIONS). */
  phoneRegions?: readonly CountryCode[];
}

/** Most events the front-matter timeline lists; the rest are counted in the body. */
export const TIMELINE_LIMIT = 40;

/** Longest event text on the timeline, so the page stays scannable. */
const EVENT_TEXT_MAX = 280;

/** Everything the writer needs to render the page, already redacted (but not yet escaped). */
export interface Draft {
  /** `<YYYY-MM-DD>-<slug>`. */
  id: string;
  /** The front matter, ready for YAML. */
  frontmatter: Record<string, unknown>;
  times: DerivedTimes;
  durations: Durations;
  lessons: DraftLesson[];
  /** Suggested lessons as written into front matter (prefix + evidence), same order as `lessons`. */
  lessonTexts: string[];
  /** How many events the timeline left out, and why. */
  omitted: { overLimit: number; afterResolution: number; total: number };
  /** How the severity was chosen. */
  severityNote: string;
  /** Notes for the author (adapters, key-time guesses). */
  notes: string[];
  /** The redactor that named everyone, for the body. */
  redactor: Redactor;
  tz: string;
  incident: MergedIncident;
}

const KIND_WEIGHT: Record<TimelineKind, number> = {
  trigger: 10,
  detection: 9,
  resolution: 10,
  statement: 9,
  correction: 9,
  deletion: 9,
  decision: 8,
  'media-pickup': 8,
  escalation: 7,
  'private-outreach': 7,
  'platform-action': 7,
  reply: 4,
  metric: 3,
  note: 1,
};

/** Severity 1–4 from the incident tool, else from how far the peak rose above the median hour. */
export function estimateSeverity(incident: MergedIncident): { severity: number; note: string } {
  if (incident.severity !== undefined) {
    return {
      severity: incident.severity,
      note: `Severity ${incident.severity} comes from the incident tool's export.`,
    };
  }
  const series = incident.mentions?.series ?? [];
  if (series.length === 0 || !incident.mentions?.peakCount) {
    return {
      severity: 3,
      note: 'TODO: severity 3 is a placeholder: no export measured mention volume. Set it from the triage scale.',
    };
  }
  // Quiet hours (nights, gaps between exports) would make any peak look enormous: compare
  // against the median of the hours that had mentions at all.
  const counts = series
    .map((bucket) => bucket.positive + bucket.neutral + bucket.negative)
    .filter((count) => count > 0)
    .sort((a, b) => a - b);
  const median = counts[Math.floor(counts.length / 2)] ?? 1;
  const ratio = incident.mentions.peakCount / Math.max(median, 1);
  const severity = ratio >= 20 ? 1 : ratio >= 5 ? 2 : ratio >= 2 ? 3 : 4;
  return {
    severity,
    note: `TODO: severity ${severity} is estimated from volume only: the peak hour had ${Math.round(ratio * 10) / 10}× the median of the hours with mentions (${incident.mentions.peakCount} vs ${median}). Check media, exposure and executives on the triage scale.`,
  };
}

const RATING_BY_SEVERITY = ['severe', 'high', 'moderate', 'low'] as const;

function eventScore(event: IncidentEvent, firstOfKind: boolean, evidence: boolean): number {
  let score = KIND_WEIGHT[event.kind];
  if (firstOfKind) score += 5;
  if (evidence) score += 50;
  if (event.signals?.pinned) score += 2;
  if (event.signals?.decision) score += 2;
  if (event.actor === 'brand' && event.visibility === 'public') score += 1;
  return score;
}

/** The significant events: lesson evidence first, then by kind weight; at most TIMELINE_LIMIT, in time order. */
function selectTimeline(
  events: readonly IncidentEvent[],
  evidence: ReadonlySet<IncidentEvent>,
  resolved: Date | undefined,
) {
  const margin = 60 * 60_000;
  const inWindow = resolved ? events.filter((event) => event.at.getTime() <= resolved.getTime() + margin) : [...events];
  const afterResolution = events.length - inWindow.length;
  const seenKinds = new Set<TimelineKind>();
  const scored = inWindow.map((event, index) => {
    const first = !seenKinds.has(event.kind);
    seenKinds.add(event.kind);
    return { event, index, score: eventScore(event, first, evidence.has(event)) };
  });
  const chosen = scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, TIMELINE_LIMIT)
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.event);
  return { chosen, overLimit: inWindow.length - chosen.length, afterResolution };
}

function bucketOut(bucket: MentionBucket) {
  return { at: isoInstant(bucket.at), positive: bucket.positive, neutral: bucket.neutral, negative: bucket.negative };
}

/**
 * Builds the draft post-mortem from a merged incident: key times, durations, suggested lessons,
 * a capped timeline and front matter where every human judgement is a schema-valid placeholder
 * marked TODO. All untrusted text passes the redactor here; escaping is the renderer's job.
 */
export function buildDraft(incident: MergedIncident, options: DraftOptions): Draft {
  const authored = incident.authored;
  const redactor = createRedactor({
    enabled: options.redact,
    brandHandles: options.brandHandles,
    keep: options.keep,
    people: incident.people,
    ...(options.phoneRegions && options.phoneRegions.length > 0 && { phoneRegions: options.phoneRegions }),
  });
  redactor.prime(incident.events);
  const clean = (text: string) => oneLine(redactor.text(text));

  const times = deriveKeyTimes(incident, { firstResponse: incident.firstResponse });
  if (!times) {
    const files = incident.sources.map((source) => source.file).join(', ');
    throw new ImportError(
      files,
      'no dated event or mention in any export; expected at least one timestamp to build a timeline',
      'all entries',
    );
  }
  const durations = computeDurations(times);
  const brandIds = new Set(incident.people.filter((person) => person.role === 'brand').map((person) => person.id));
  const lessons = draftLessons({
    events: incident.events,
    times,
    peakCount: incident.mentions?.peakCount,
    actionItems: authored.actionItems ?? [],
    brandIds,
  });

  const evidenceEvents = new Set<IncidentEvent>();
  for (const lesson of lessons) {
    for (const item of lesson.evidence) {
      const event = incident.events.find(
        (candidate) => candidate.at.getTime() === item.at.getTime() && candidate.text === item.text,
      );
      if (event) evidenceEvents.add(event);
    }
  }
  const { chosen, overLimit, afterResolution } = selectTimeline(incident.events, evidenceEvents, times.resolved);

  const describe = (event: IncidentEvent): string => {
    const who = event.actor === 'system' && !event.actorId ? '' : `${redactor.label(event.actorId, event.actor)}: `;
    let text = truncate(`${who}${clean(event.text)}`, EVENT_TEXT_MAX);
    if (text.replace(/[:\s]/g, '').length < 3) text = `${TIMELINE_KIND_LABELS[event.kind]}: ${text}`;
    return text;
  };
  const timeline = chosen.map((event) => {
    const link = redactor.link(event.link, event.actorId, event.actor);
    return { at: isoInstant(event.at), kind: event.kind, text: describe(event), ...(link && { link }) };
  });

  const lessonTexts = lessons.map((lesson) => {
    const cited = lesson.evidence
      .map(
        (item) =>
          `${formatTime(item.at, options.tz)}, ${item.kind === 'metric' ? 'metric' : TIMELINE_KIND_LABELS[item.kind].toLowerCase()}: “${truncate(clean(item.text), 140)}”`,
      )
      .join('; ');
    return `Suggested (confirm or delete): ${lesson.text} Evidence: ${cited}.`;
  });

  const day = calendarDay(times.started, options.tz);
  const rawTitle = options.title ?? incident.title;
  const title = rawTitle ? truncate(clean(rawTitle), 120) : `Imported incident of ${day}`;
  if (title.length < 5) {
    throw new ImportError('--title', `"${title}" is too short; a title needs at least 5 characters`);
  }
  let slug = options.slug ?? (slugify(rawTitle ? title : '') || 'imported-incident');
  if (!isValidSlug(slug)) {
    throw new ImportError(
      '--slug',
      `"${options.slug}" is not a slug; expected lowercase letters, digits and single dashes, at most ${SLUG_MAX} characters, e.g. kettle-recall`,
    );
  }
  if (slug.startsWith(`${day}-`)) slug = slug.slice(day.length + 1) || 'imported-incident';

  const { severity, note: severityNote } = estimateSeverity(incident);
  const mentions = incident.mentions;
  const fromFiles = `${incident.sources.length} export${incident.sources.length === 1 ? '' : 's'}`;
  const measured = mentions ? ` ${mentions.total} mentions, peak ${mentions.peakCount} per hour.` : '';
  const defaultSummary = truncate(
    `TODO: summarise what happened, how bad it got and how it ended. Drafted by the importer from ${fromFiles}: ${incident.events.length} events.${measured}`,
    SUMMARY_MAX,
  );
  let summary = authored.summary ? truncate(clean(authored.summary), SUMMARY_MAX) : defaultSummary;
  if (summary.length < 20) summary = truncate(`TODO: expand this summary. ${summary}`, SUMMARY_MAX);

  const metrics: Record<string, number> = {};
  if (mentions?.peakCount) metrics['peakMentionsPerHour'] = mentions.peakCount;
  if (mentions?.negativeShare !== undefined) metrics['negativeShare'] = Math.round(mentions.negativeShare * 100) / 100;
  if (mentions?.totalReach !== undefined) metrics['reach'] = Math.round(mentions.totalReach);
  else if (authored.impact?.reach !== undefined) metrics['reach'] = authored.impact.reach;
  for (const key of ['mediaArticles', 'supportTickets', 'followerChange'] as const) {
    const value = authored.impact?.[key];
    if (value !== undefined) metrics[key] = value;
  }

  const listOr = (values: string[] | undefined, placeholder: string) =>
    values && values.length > 0 ? values.map((value) => truncate(clean(value), 500)) : [placeholder];

  const frontmatter: Record<string, unknown> = {
    title,
    summary,
    status: 'draft',
    example: false,
    tags: authored.tags?.map(clean) ?? ['imported'],
    severity,
    crisisType: authored.crisisType ?? 'other',
    scct: authored.scct ?? 'accidental',
    platforms: incident.platforms.length > 0 ? incident.platforms : ['other'],
    origin: authored.origin ?? 'other',
    detectionSource: authored.detectionSource ?? 'other',
    started: isoInstant(times.started),
    detected: isoInstant(times.detected),
    ...(times.firstResponse && { firstResponse: isoInstant(times.firstResponse) }),
    ...(times.resolved && { resolved: isoInstant(times.resolved) }),
    timeline,
    impact: {
      summary: authored.impact?.summary
        ? clean(authored.impact.summary)
        : 'TODO: who was affected and how; check the measured figures.',
      rating: authored.impact?.rating ?? RATING_BY_SEVERITY[severity - 1],
      ...(Object.keys(metrics).length > 0 && { metrics }),
      ...(mentions && mentions.series.length > 0 && { mentionSeries: mentions.series.map(bucketOut) }),
    },
    contributingFactors: authored.contributingFactors?.length
      ? authored.contributingFactors.map((factor) => ({ category: factor.category, text: clean(factor.text) }))
      : [
          {
            category: 'process',
            text: 'TODO: name at least one contributing factor in blameless terms: what about the system made this easy?',
          },
        ],
    wentWell: listOr(authored.wentWell, 'TODO: what helped, so we keep doing it.'),
    wentPoorly: listOr(authored.wentPoorly, 'TODO: what hurt, described without blaming a person.'),
    lessons: [
      ...(authored.lessons ?? []).map((lesson) => ({
        text: clean(lesson.text),
        ...(lesson.step !== undefined && { step: lesson.step }),
      })),
      ...lessons.map((lesson, index) => ({ text: lessonTexts[index]!, step: lesson.step })),
    ],
    actionItems: (authored.actionItems ?? []).map((item) => ({
      title: clean(item.title),
      ownerRole: clean(item.ownerRole),
      type: item.type,
      status: item.status,
      ...(item.due !== undefined && { due: item.due }),
    })),
    playbookSteps: [
      ...new Set([
        ...lessons.map((lesson) => lesson.step),
        ...(authored.lessons ?? []).flatMap((lesson) => (lesson.step ? [lesson.step] : [])),
      ]),
    ].sort((a, b) => a - b),
    related: [],
    sources: (authored.sources ?? []).flatMap((source) => {
      const url = redactor.link(source.url);
      return url ? [{ title: clean(source.title), url, kind: source.kind }] : [];
    }),
  };

  return {
    id: postmortemId(day, slug),
    frontmatter,
    times,
    durations,
    lessons,
    lessonTexts,
    omitted: { overLimit, afterResolution, total: incident.events.length },
    severityNote,
    notes: [...times.notes, ...incident.notes.map(clean)],
    redactor,
    tz: options.tz,
    incident,
  };
}
