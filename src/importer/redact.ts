/**
 * The redaction stage: the merged incident and its analysis in, a draft post-mortem out whose
 * every free text (event texts, names, titles, authored fields, notes, lesson evidence) has
 * passed the redactor exactly once. What comes out is still plain text, not yet escaped: the
 * writer (`write/`) only renders and escapes it, and never sees raw export text.
 *
 * The redactor itself (pseudonyms, names, personal data, secrets) is in `redact/`.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { Durations, KeyTimes } from '../lib/analysis/durations.ts';
import { SUMMARY_MAX, TITLE_LENGTH } from '../schema/postmortem.ts';
import { isValidSlug, postmortemId, SLUG_MAX, slugify } from '../schema/slug.ts';
import { TIMELINE_KIND_LABELS, type TimelineKind } from '../schema/taxonomy.ts';
import type { IncidentAnalysis } from './analysis/index.ts';
import { ImportError } from './errors.ts';
import { calendarDay, evidenceKindLabel, formatTime, isoInstant, oneLine, truncate } from './format.ts';
import type { MergedIncident } from './merge.ts';
import type { IncidentEvent, MentionBucket } from './model/incident.ts';
import { createRedactor, type Redactor } from './redact/redactor.ts';

export { createRedactor, type Redactor, type RedactOptions } from './redact/redactor.ts';

/** The options of the CLI that shape the draft. */
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

/** One piece of evidence of a suggested lesson, its text already redacted. */
export interface RedactedEvidence {
  at: Date;
  kind: TimelineKind | 'metric';
  text: string;
}

/** A suggested lesson as the body lists it. */
export interface RedactedLesson {
  step: number;
  /** Written by the importer's rules, never from an export. */
  text: string;
  evidence: RedactedEvidence[];
}

/** What the body says beside the front matter; all of it already redacted, none of it escaped. */
export interface DraftBody {
  /** The zone times are shown in (--tz). */
  tz: string;
  /** The summary an authored export gave, as a starting point. */
  exportSummary?: string | undefined;
  /** Which exports it was drafted from: adapter label and file as given on the command line. */
  sources: { adapter: string; file: string }[];
  times: KeyTimes;
  durations: Durations;
  /** Mentions in the busiest hour, when volume was measured. */
  peakCount?: number | undefined;
  /** How many events the timeline left out, and why. */
  omitted: { overLimit: number; afterResolution: number; total: number };
  /** How the severity was chosen. */
  severityNote: string;
  /** Notes for the author (key-time guesses, adapters' notes). */
  notes: string[];
  lessons: RedactedLesson[];
}

/** Everything the writer renders: already redacted, not yet escaped. */
export interface RedactedDraft {
  /** `<YYYY-MM-DD>-<slug>`. */
  id: string;
  /** The front matter, ready for YAML. */
  frontmatter: Record<string, unknown>;
  body: DraftBody;
}

/** Longest event text on the timeline, so the page stays scannable. */
const EVENT_TEXT_MAX = 280;
/** Longest evidence quote in a suggested lesson of the front matter, and in the body. */
const EVIDENCE_FRONTMATTER_MAX = 140;
const EVIDENCE_BODY_MAX = 200;

/**
 * What the exports cannot tell (src/schema/undecided.ts): left empty rather than guessed, so the
 * draft says "decide this" and a plausible guess can never pass review as a fact.
 */
const UNDECIDED = null;

const FALLBACK_SLUG = 'imported-incident';

function bucketOut(bucket: MentionBucket) {
  return { at: isoInstant(bucket.at), positive: bucket.positive, neutral: bucket.neutral, negative: bucket.negative };
}

/** One timeline entry: who said what (redacted, one line, capped), and a link only if it is safe. */
function timelineEntry(event: IncidentEvent, redactor: Redactor, clean: (text: string) => string) {
  const who = event.actor === 'system' && !event.actorId ? '' : `${redactor.label(event.actorId, event.actor)}: `;
  let text = truncate(`${who}${clean(event.text)}`, EVENT_TEXT_MAX);
  if (text.replace(/[:\s]/g, '').length < 3) text = `${TIMELINE_KIND_LABELS[event.kind]}: ${text}`;
  const link = redactor.link(event.link, event.actorId, event.actor);
  return { at: isoInstant(event.at), kind: event.kind, text, ...(link && { link }) };
}

/** The suggested lesson as front matter stores it: the prefix, the lesson and its cited evidence. */
function lessonText(lesson: RedactedLesson, tz: string): string {
  const cited = lesson.evidence
    .map(
      (item) =>
        `${formatTime(item.at, tz)}, ${evidenceKindLabel(item.kind).toLowerCase()}: “${truncate(item.text, EVIDENCE_FRONTMATTER_MAX)}”`,
    )
    .join('; ');
  return `Suggested (confirm or delete): ${lesson.text} Evidence: ${cited}.`;
}

/** The title (given or from the export, redacted) and the file id `<day>-<slug>`. */
function titleAndId(
  incident: MergedIncident,
  options: DraftOptions,
  day: string,
  clean: (text: string) => string,
): { title: string; id: string } {
  const rawTitle = options.title ?? incident.title;
  let title = rawTitle ? truncate(clean(rawTitle), TITLE_LENGTH.max) : `Imported incident of ${day}`;
  if (title.length < TITLE_LENGTH.min) {
    if (options.title !== undefined) {
      throw new ImportError(
        '--title',
        `"${title}" is too short; a title needs at least ${TITLE_LENGTH.min} characters`,
      );
    }
    // A title the export suggests (a channel like #sev1, an incident called "DB") is the user's
    // to improve, not an error: it is kept, said to be an incident.
    title = title.trim() === '' ? `Imported incident of ${day}` : `Incident: ${title.trim()}`;
  }
  let slug = options.slug ?? (slugify(rawTitle ? title : '') || FALLBACK_SLUG);
  if (!isValidSlug(slug)) {
    throw new ImportError(
      '--slug',
      `"${options.slug}" is not a slug; expected lowercase letters, digits and single dashes, at most ${SLUG_MAX} characters, e.g. kettle-recall`,
    );
  }
  if (slug.startsWith(`${day}-`)) slug = slug.slice(day.length + 1) || FALLBACK_SLUG;
  return { title, id: postmortemId(day, slug) };
}

/** The export's summary when it has one, else a TODO that says what the importer measured. */
function summaryText(incident: MergedIncident, exportSummary: string | undefined): string {
  const mentions = incident.mentions;
  const fromFiles = `${incident.sources.length} export${incident.sources.length === 1 ? '' : 's'}`;
  const measured = mentions ? ` ${mentions.total} mentions, peak ${mentions.peakCount} per hour.` : '';
  let summary = exportSummary
    ? truncate(exportSummary, SUMMARY_MAX)
    : truncate(
        `TODO: summarise what happened, how bad it got and how it ended. Drafted by the importer from ${fromFiles}: ${incident.events.length} events.${measured}`,
        SUMMARY_MAX,
      );
  if (summary.length < 20) summary = truncate(`TODO: expand this summary. ${summary}`, SUMMARY_MAX);
  return summary;
}

/** `impact.metrics`: what the exports measured, rounded, plus the figures an authored export gave. */
function impactMetrics(incident: MergedIncident): Record<string, number> {
  const { mentions, authored } = incident;
  const metrics: Record<string, number> = {};
  if (mentions?.peakCount) metrics['peakMentionsPerHour'] = mentions.peakCount;
  if (mentions?.negativeShare !== undefined) metrics['negativeShare'] = Math.round(mentions.negativeShare * 100) / 100;
  if (mentions?.totalReach !== undefined) metrics['reach'] = Math.round(mentions.totalReach);
  else if (authored.impact?.reach !== undefined) metrics['reach'] = authored.impact.reach;
  for (const key of ['mediaArticles', 'supportTickets', 'followerChange'] as const) {
    const value = authored.impact?.[key];
    if (value !== undefined) metrics[key] = value;
  }
  return metrics;
}

/**
 * Builds the draft post-mortem from a merged incident and its analysis: a capped timeline,
 * suggested lessons citing their evidence, and front matter where every human judgement is a
 * schema-valid placeholder marked TODO. Every untrusted text passes the redactor here, once.
 */
export function redactDraft(
  incident: MergedIncident,
  analysis: IncidentAnalysis,
  options: DraftOptions,
): RedactedDraft {
  const { authored, mentions } = incident;
  const { times, severity } = analysis;
  const redactor = createRedactor({
    enabled: options.redact,
    brandHandles: options.brandHandles,
    keep: options.keep,
    people: incident.people,
    ...(options.phoneRegions && options.phoneRegions.length > 0 && { phoneRegions: options.phoneRegions }),
  });
  redactor.prime(incident.events);
  const clean = (text: string) => oneLine(redactor.text(text));

  // The order below is the order pseudonyms are first handed out in: the timeline, then the
  // lessons' evidence, then the authored fields.
  const timeline = analysis.timeline.events.map((event) => timelineEntry(event, redactor, clean));
  const lessons: RedactedLesson[] = analysis.lessons.map((lesson) => ({
    step: lesson.step,
    text: lesson.text,
    evidence: lesson.evidence.map((item) => ({ at: item.at, kind: item.kind, text: clean(item.text) })),
  }));

  const day = calendarDay(times.started, options.tz);
  const { title, id } = titleAndId(incident, options, day, clean);
  const exportSummary = authored.summary ? clean(authored.summary) : undefined;
  const metrics = impactMetrics(incident);
  const listOr = (values: string[] | undefined, placeholder: string) =>
    values && values.length > 0 ? values.map((value) => truncate(clean(value), 500)) : [placeholder];

  const frontmatter: Record<string, unknown> = {
    title,
    summary: summaryText(incident, exportSummary),
    status: 'draft',
    example: false,
    tags: authored.tags?.map(clean) ?? ['imported'],
    severity: severity.level,
    crisisType: authored.crisisType ?? 'other',
    scct: authored.scct ?? UNDECIDED,
    platforms: incident.platforms.length > 0 ? incident.platforms : ['other'],
    origin: authored.origin ?? UNDECIDED,
    detectionSource: authored.detectionSource ?? UNDECIDED,
    started: isoInstant(times.started),
    detected: isoInstant(times.detected),
    ...(times.firstResponse && { firstResponse: isoInstant(times.firstResponse) }),
    ...(times.resolved && { resolved: isoInstant(times.resolved) }),
    timeline,
    impact: {
      summary: authored.impact?.summary
        ? clean(authored.impact.summary)
        : 'TODO: who was affected and how; check the measured figures.',
      rating: authored.impact?.rating ?? UNDECIDED,
      ...(Object.keys(metrics).length > 0 && { metrics }),
      ...(mentions && mentions.series.length > 0 && { mentionSeries: mentions.series.map(bucketOut) }),
    },
    contributingFactors: authored.contributingFactors?.length
      ? authored.contributingFactors.map((factor) => ({ category: factor.category, text: clean(factor.text) }))
      : [
          {
            category: UNDECIDED,
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
      ...lessons.map((lesson) => ({ text: lessonText(lesson, options.tz), step: lesson.step })),
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

  const { overLimit, afterResolution, total } = analysis.timeline;
  return {
    id,
    frontmatter,
    body: {
      tz: options.tz,
      exportSummary,
      sources: incident.sources.map((source) => ({ adapter: source.adapter, file: source.file })),
      times,
      durations: analysis.durations,
      peakCount: mentions?.peakCount,
      omitted: { overLimit, afterResolution, total },
      severityNote: severity.note,
      notes: [...times.notes, ...incident.notes.map(clean)],
      lessons: lessons.map((lesson) => ({
        ...lesson,
        evidence: lesson.evidence.map((item) => ({ ...item, text: truncate(item.text, EVIDENCE_BODY_MAX) })),
      })),
    },
  };
}
