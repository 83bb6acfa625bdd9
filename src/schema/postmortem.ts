import { z } from 'zod';
import { calendarDate, zonedTimestamp } from './dates.ts';
import { METHOD_STEP_COUNT, pageRef } from './playbook.ts';
import { severitySchema } from './severity.ts';
import { aliasesSchema } from './synonyms.ts';
import { linkUrl, webUrl } from './url-policy.ts';
import { visibleText } from './visible-text.ts';
import { TRIAGE_SIGNALS, decisiveSignals, requiredSeverity, triageSignalSchema, triageSignalsOf } from './triage.ts';
import {
  ACTION_STATUSES,
  ACTION_TYPES,
  CRISIS_TYPES,
  DETECTION_SOURCES,
  FACTOR_CATEGORIES,
  IMPACT_RATINGS,
  ORIGINS,
  PLATFORMS,
  SCCT_CLUSTERS,
  SOURCE_KINDS,
  STATUSES,
  TIMELINE_KINDS,
  oneOf,
} from './taxonomy.ts';

/** How far outside [started, resolved] a timeline event may sit before it is called a mistake. */
export const TIMELINE_MARGIN_MINUTES = 60;

/** Longest summary, so it fits a search result and a library card. */
export const SUMMARY_MAX = 500;

const stepNumber = z
  .number({ error: `expected a step number from 1 to ${METHOD_STEP_COUNT}` })
  .int()
  .min(1, `steps are numbered 1 to ${METHOD_STEP_COUNT}`)
  .max(METHOD_STEP_COUNT, `steps are numbered 1 to ${METHOD_STEP_COUNT}`);

/** The id of another post-mortem: its file name without extension, e.g. `2025-03-14-promo-code-leak`. */
export const incidentRef = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}-[a-z0-9][a-z0-9-]*$/, 'expected a post-mortem id like 2025-03-14-promo-code-leak');

export const timelineEventSchema = z
  .object({
    /** When it happened, with a zone. */
    at: zonedTimestamp.describe('When it happened, with a zone.'),
    /** What sort of moment this was; statements, replies and deletions feed the computed durations. */
    kind: oneOf(TIMELINE_KINDS).describe(
      'What sort of moment this was; statements, replies and deletions feed the computed durations.',
    ),
    /** What happened, in one or two plain sentences (no names of private individuals). */
    text: z
      .string()
      .trim()
      .min(3, 'describe the event in a few words')
      .describe('What happened, in one or two plain sentences (no names of private individuals).'),
    /** Where to see it (a post, an article, a ticket), if anywhere. */
    link: webUrl.describe('Where to see it (a post, an article, a ticket), if anywhere.').optional(),
  })
  .strict();

export const mentionBucketSchema = z
  .object({
    /** Start of the time bucket (usually one hour), with a zone. */
    at: zonedTimestamp.describe('Start of the time bucket (usually one hour), with a zone.'),
    /** Mentions in the bucket judged positive. */
    positive: z.number().int().min(0).describe('Mentions in the bucket judged positive.').default(0),
    /** Mentions judged neutral or unclassified. */
    neutral: z.number().int().min(0).describe('Mentions judged neutral or unclassified.').default(0),
    /** Mentions judged negative. */
    negative: z.number().int().min(0).describe('Mentions judged negative.').default(0),
  })
  .strict();

/** Measured figures of an incident's impact. */
export const impactMetricsSchema = z
  .object({
    /** Highest number of mentions in one hour. */
    peakMentionsPerHour: z.number().int().min(0).describe('Highest number of mentions in one hour.').optional(),
    /** Share of mentions judged negative, from 0 to 1. */
    negativeShare: z
      .number()
      .min(0)
      .max(1, 'a share runs from 0 to 1 (0.62 for 62%)')
      .describe('Share of mentions judged negative, from 0 to 1.')
      .optional(),
    /** Estimated number of people who saw it. */
    reach: z.number().int().min(0).describe('Estimated number of people who saw it.').optional(),
    /** Media articles published about it. */
    mediaArticles: z.number().int().min(0).describe('Media articles published about it.').optional(),
    /** Support tickets it caused. */
    supportTickets: z.number().int().min(0).describe('Support tickets it caused.').optional(),
    /** Net change in followers over the incident (may be negative). */
    followerChange: z
      .number()
      .int()
      .describe('Net change in followers over the incident (may be negative).')
      .optional(),
  })
  .strict();

export const impactSchema = z
  .object({
    /** The impact in a sentence or two: who was affected and how. */
    summary: z.string().trim().min(3).describe('The impact in a sentence or two: who was affected and how.'),
    /** Overall judgement of the damage once it is over. */
    rating: oneOf(IMPACT_RATINGS).describe('Overall judgement of the damage once it is over.'),
    /** Optional measured figures; leave out what nobody measured rather than guessing. */
    metrics: impactMetricsSchema
      .describe('Optional measured figures; leave out what nobody measured rather than guessing.')
      .optional(),
    /** Mention volume over time by sentiment, for the chart on the page. */
    mentionSeries: z
      .array(mentionBucketSchema)
      .describe('Mention volume over time by sentiment, for the chart on the page.')
      .optional(),
  })
  .strict();

export const contributingFactorSchema = z
  .object({
    /** Which part of the system let it happen. */
    category: oneOf(FACTOR_CATEGORIES).describe('Which part of the system let it happen.'),
    /** The factor in blameless words: what about the system made the mistake easy. */
    text: z
      .string()
      .trim()
      .min(3)
      .describe('The factor in blameless words: what about the system made the mistake easy.'),
  })
  .strict();

/** Where a lesson went back into the playbook: the page that now says it, and since when. */
export const appliedInSchema = z
  .object({
    /** The playbook page that absorbed the lesson, by id (its file name); it must exist. */
    page: pageRef.describe('The playbook page that absorbed the lesson, by id (its file name); it must exist.'),
    /** The day the page was changed because of it. */
    date: calendarDate.describe('The day the page was changed because of it.'),
  })
  .strict();

export const lessonSchema = z
  .object({
    /** What we now know, phrased so the next responder can act on it. */
    text: z.string().trim().min(3).describe('What we now know, phrased so the next responder can act on it.'),
    /** The playbook method step this lesson teaches, if any. */
    step: stepNumber.describe('The playbook method step this lesson teaches, if any.').optional(),
    /** Set once the playbook has been changed because of this lesson; absent means "not yet applied". */
    appliedIn: appliedInSchema
      .describe('Set once the playbook has been changed because of this lesson; absent means "not yet applied".')
      .optional(),
  })
  .strict();

export const actionItemSchema = z
  .object({
    /** The change to make, as a task. */
    title: visibleText(z.string().trim().min(3)).describe('The change to make, as a task.'),
    /** The role that owns it (a role, not a person). */
    ownerRole: visibleText(
      z.string().trim().min(2, 'name the role that owns this action, e.g. "Social media lead"'),
    ).describe('The role that owns it (a role, not a person).'),
    /** Whether it prevents a repeat, softens the next one, detects it sooner, or changes a process. */
    type: oneOf(ACTION_TYPES).describe(
      'Whether it prevents a repeat, softens the next one, detects it sooner, or changes a process.',
    ),
    /** Where it stands. */
    status: oneOf(ACTION_STATUSES).describe('Where it stands.'),
    /** When it is due, if a date was agreed. */
    due: calendarDate.describe('When it is due, if a date was agreed.').optional(),
  })
  .strict();

export const sourceSchema = z
  .object({
    /** What the source is, as a reader would cite it. */
    title: visibleText(z.string().trim().min(3)).describe('What the source is, as a reader would cite it.'),
    /** Where it lives. */
    url: webUrl.describe('Where it lives.'),
    /** The sort of source. */
    kind: oneOf(SOURCE_KINDS).describe('The sort of source.'),
  })
  .strict();

/** An amount of money in one currency, e.g. `{ amount: 1200, currency: GBP }`. */
export const moneySchema = z
  .object({
    /** How much, in the currency's main unit (pounds, not pence); 0 or more. */
    amount: z
      .number({ error: 'expected an amount such as 1200 or 49.99' })
      .min(0, 'an amount is 0 or more')
      .describe("How much, in the currency's main unit (pounds, not pence); 0 or more."),
    /** ISO 4217 code in capitals: GBP, EUR, USD… */
    currency: z
      .string()
      .trim()
      .regex(/^[A-Z]{3}$/, 'expected a three-letter currency code in capitals, e.g. GBP, EUR or USD')
      .describe('ISO 4217 code in capitals: GBP, EUR, USD…'),
  })
  .strict();

export const responderSchema = z
  .object({
    /** The role they responded in (a role, not a person's name), e.g. "Social media lead". */
    role: visibleText(z.string().trim().min(2, 'name the role, e.g. "Social media lead"')).describe(
      'The role they responded in (a role, not a person\'s name), e.g. "Social media lead".',
    ),
    /** What they did in the response, in a few words. */
    did: visibleText(z.string().trim().min(3)).describe('What they did in the response, in a few words.').optional(),
  })
  .strict();

export const statementSchema = z
  .object({
    /** When it went out, with a zone. */
    at: zonedTimestamp.describe('When it went out, with a zone.'),
    /** Where it was published. */
    platform: oneOf(PLATFORMS).describe('Where it was published.'),
    /** What it said or promised, in a sentence (quote it only if it is short). */
    text: visibleText(z.string().trim().min(3, 'say in a few words what the statement said')).describe(
      'What it said or promised, in a sentence (quote it only if it is short).',
    ),
    /** The published statement (a post, a press release); http(s) only. */
    link: webUrl.describe('The published statement (a post, a press release); http(s) only.').optional(),
    /** An internal copy or the approval record, if it helps reviewers (may be a site path). */
    archive: linkUrl
      .describe('An internal copy or the approval record, if it helps reviewers (may be a site path).')
      .optional(),
  })
  .strict();

export const goodwillGestureSchema = z
  .object({
    /** What was offered, to whom (as a group: "customers with a cancelled order"). */
    gesture: visibleText(
      z.string().trim().min(3, 'describe the gesture, e.g. "a 20% voucher to affected customers"'),
    ).describe('What was offered, to whom (as a group: "customers with a cancelled order").'),
    /** What it cost in total, where known. */
    cost: moneySchema.describe('What it cost in total, where known.').optional(),
  })
  .strict();

export const costsSchema = z
  .object({
    /** Money paid back to customers. */
    refunds: moneySchema.describe('Money paid back to customers.').optional(),
    /** How many refunds were issued. */
    refundCount: z.number().int().min(0).describe('How many refunds were issued.').optional(),
    /** Every other cost (agency hours, paused campaigns, legal advice), in one figure. */
    other: moneySchema
      .describe('Every other cost (agency hours, paused campaigns, legal advice), in one figure.')
      .optional(),
    /** What the figures include and how sure they are. */
    note: visibleText(z.string().trim().min(3)).describe('What the figures include and how sure they are.').optional(),
  })
  .strict();

/** The shortest and longest title, in characters: a few words a team remembers, one line on a phone. */
export const TITLE_LENGTH = { min: 5, max: 120 } as const;

/** The fields of one post-mortem, checked one by one; the cross-field rules are added below. */
export const postmortemFields = z
  .object({
    /** The incident in a few words, as people in the team remember it. */
    title: visibleText(
      z
        .string()
        .trim()
        .min(TITLE_LENGTH.min, `a title needs at least ${TITLE_LENGTH.min} characters`)
        .max(TITLE_LENGTH.max),
    ).describe('The incident in a few words, as people in the team remember it.'),
    /** One paragraph: what happened, how bad it got, how it ended. */
    summary: z
      .string()
      .trim()
      .min(20, 'write a one-paragraph summary (at least 20 characters)')
      .max(SUMMARY_MAX, `keep the summary to one paragraph (${SUMMARY_MAX} characters at most)`)
      .describe('One paragraph: what happened, how bad it got, how it ended.'),
    /** Draft while written, in review while checked, published once the team signs it off. */
    status: oneOf(STATUSES).describe(
      'Draft while written, in review while checked, published once the team signs it off.',
    ),
    /** True for fictional sample entries: the page shows a banner so nobody mistakes it for history. */
    example: z
      .boolean()
      .describe('True for fictional sample entries: the page shows a banner so nobody mistakes it for history.')
      .default(false),
    /** Free keywords that help search ("discount code", "influencer"). */
    tags: z
      .array(visibleText(z.string().trim().min(1)))
      .describe('Free keywords that help search ("discount code", "influencer").')
      .default([]),
    /** Other words a reader might search for to find this incident ("CEO post", "account takeover"). */
    aliases: aliasesSchema.describe(
      'Other words a reader might search for to find this incident ("CEO post", "account takeover").',
    ),
    /** Peak severity on the triage scale: 1 critical … 4 watch. */
    severity: severitySchema.describe('Peak severity on the triage scale: 1 critical … 4 watch.'),
    /**
     * What the 60-second triage found at the peak (keys from src/schema/triage.ts, e.g. `safety`,
     * `senior-leader-named`); the severity must be at least as severe as these signals demand.
     */
    triage: z
      .array(triageSignalSchema)
      .describe(
        'What the 60-second triage found at the peak (keys from src/schema/triage.ts, e.g. `safety`, `senior-leader-named`); the severity must be at least as severe as these signals demand.',
      )
      .default([]),
    /** What kind of crisis it was. */
    crisisType: oneOf(CRISIS_TYPES).describe('What kind of crisis it was.'),
    /** SCCT cluster: how much responsibility the public put on us. */
    scct: oneOf(SCCT_CLUSTERS).describe('SCCT cluster: how much responsibility the public put on us.'),
    /** Where it played out; the first one is where it started. */
    platforms: z
      .array(oneOf(PLATFORMS))
      .min(1, 'name at least one platform')
      .describe('Where it played out; the first one is where it started.'),
    /** Where it came from. */
    origin: oneOf(ORIGINS).describe('Where it came from.'),
    /** How we found out. */
    detectionSource: oneOf(DETECTION_SOURCES).describe('How we found out.'),
    /** When it began (the first post, the broken promo, the leak), with a zone. */
    started: zonedTimestamp.describe('When it began (the first post, the broken promo, the leak), with a zone.'),
    /** When someone on the team first knew. */
    detected: zonedTimestamp.describe('When someone on the team first knew.'),
    /** When the brand first said something in public about it, if it ever did. */
    firstResponse: zonedTimestamp
      .describe('When the brand first said something in public about it, if it ever did.')
      .optional(),
    /** When volume and sentiment were back to normal; leave out while ongoing. */
    resolved: zonedTimestamp
      .describe('When volume and sentiment were back to normal; leave out while ongoing.')
      .optional(),
    /** What happened when, in order. */
    timeline: z.array(timelineEventSchema).describe('What happened when, in order.').default([]),
    /** The damage. */
    impact: impactSchema.describe('The damage.'),
    /** Why it happened: at least one factor, in blameless terms. */
    contributingFactors: z
      .array(contributingFactorSchema)
      .min(1, 'name at least one contributing factor')
      .describe('Why it happened: at least one factor, in blameless terms.'),
    /** What helped, so we keep doing it. */
    wentWell: z.array(z.string().trim().min(3)).describe('What helped, so we keep doing it.').default([]),
    /** What hurt, without blaming a person. */
    wentPoorly: z.array(z.string().trim().min(3)).describe('What hurt, without blaming a person.').default([]),
    /** Who responded, by role (never by name). */
    responders: z.array(responderSchema).describe('Who responded, by role (never by name).').default([]),
    /** What the brand said in public, each with where and when. */
    statements: z
      .array(statementSchema)
      .describe('What the brand said in public, each with where and when.')
      .default([]),
    /** Vouchers, refunds beyond policy, apologies in kind: what was offered and what it cost. */
    goodwillGestures: z
      .array(goodwillGestureSchema)
      .describe('Vouchers, refunds beyond policy, apologies in kind: what was offered and what it cost.')
      .default([]),
    /** Where we got lucky: what went our way by chance and will not next time. */
    gotLucky: z
      .array(visibleText(z.string().trim().min(3)))
      .describe('Where we got lucky: what went our way by chance and will not next time.')
      .default([]),
    /** What the incident cost, refunds included; leave out what nobody counted. */
    costs: costsSchema.describe('What the incident cost, refunds included; leave out what nobody counted.').optional(),
    /** What we learned, each tied to the playbook step it teaches where possible. */
    lessons: z
      .array(lessonSchema)
      .describe('What we learned, each tied to the playbook step it teaches where possible.')
      .default([]),
    /** What we will change, each with an owner role. */
    actionItems: z.array(actionItemSchema).describe('What we will change, each with an owner role.').default([]),
    /** The playbook method steps this incident exercised (1–10). */
    playbookSteps: z
      .array(stepNumber)
      .describe('The playbook method steps this incident exercised (1–10).')
      .default([]),
    /** Other post-mortems this one relates to, by id; each must exist. */
    related: z
      .array(incidentRef)
      .describe('Other post-mortems this one relates to, by id; each must exist.')
      .default([]),
    /** Where the facts come from. */
    sources: z.array(sourceSchema).describe('Where the facts come from.').default([]),
  })
  .strict();

function asTime(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'string') {
    const parsed = zonedTimestamp.safeParse(value);
    return parsed.success ? parsed.data.getTime() : undefined;
  }
  return undefined;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

type Ctx = z.RefinementCtx;

/**
 * Rules that need more than one field. They run even when some other field is wrong, so a
 * contributor sees every problem of a file at once, and they only look at values that parse.
 */
export function checkCrossFields(raw: Record<string, unknown>, ctx: Ctx): void {
  const order = ['started', 'detected', 'firstResponse', 'resolved'] as const;
  const times = Object.fromEntries(order.map((key) => [key, asTime(raw[key])])) as Record<
    (typeof order)[number],
    number | undefined
  >;
  for (let later = 1; later < order.length; later++) {
    const laterKey = order[later]!;
    const laterTime = times[laterKey];
    if (laterTime === undefined) continue;
    for (let earlier = later - 1; earlier >= 0; earlier--) {
      const earlierKey = order[earlier]!;
      const earlierTime = times[earlierKey];
      if (earlierTime === undefined) continue;
      if (laterTime < earlierTime) {
        ctx.addIssue({
          code: 'custom',
          path: [laterKey],
          message: `${laterKey} (${iso(laterTime)}) is before ${earlierKey} (${iso(earlierTime)}); expected started ≤ detected ≤ firstResponse ≤ resolved`,
        });
      }
      break;
    }
  }

  if (Array.isArray(raw['timeline'])) {
    const margin = TIMELINE_MARGIN_MINUTES * 60_000;
    const start = times.started;
    const end = times.resolved;
    let previous: number | undefined;
    raw['timeline'].forEach((event: unknown, index) => {
      const at = asTime((event as { at?: unknown } | null)?.at);
      if (at === undefined) return;
      if (previous !== undefined && at < previous) {
        ctx.addIssue({
          code: 'custom',
          path: ['timeline', index, 'at'],
          message: `event at ${iso(at)} comes before the previous event (${iso(previous)}); list timeline events in order`,
        });
      }
      if (start !== undefined && at < start - margin) {
        ctx.addIssue({
          code: 'custom',
          path: ['timeline', index, 'at'],
          message: `event at ${iso(at)} is more than ${TIMELINE_MARGIN_MINUTES} minutes before the incident started (${iso(start)})`,
        });
      }
      if (end !== undefined && at > end + margin) {
        ctx.addIssue({
          code: 'custom',
          path: ['timeline', index, 'at'],
          message: `event at ${iso(at)} is more than ${TIMELINE_MARGIN_MINUTES} minutes after the incident was resolved (${iso(end)})`,
        });
      }
      previous = at;
    });
  }

  checkTriage(raw, ctx);

  if (raw['status'] === 'published') {
    const lessons = raw['lessons'];
    if (!Array.isArray(lessons) || lessons.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['lessons'], message: 'a published post-mortem needs at least one lesson' });
    }
    const actions = raw['actionItems'];
    if (!Array.isArray(actions) || actions.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['actionItems'],
        message: 'a published post-mortem needs at least one action item',
      });
    }
    if (raw['resolved'] === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['resolved'],
        message: 'a published post-mortem needs the time the incident was resolved',
      });
    }
  }
}

/** The severity may be more severe than the triage demands ("when in doubt, go up"), never milder. */
function checkTriage(raw: Record<string, unknown>, ctx: Ctx): void {
  const severity = raw['severity'];
  // A severity outside 1–4 is already reported by its own field rule.
  if (typeof severity !== 'number' || !Number.isInteger(severity) || severity < 1 || severity > 4) return;
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const signals = triageSignalsOf({
    triage: strings(raw['triage']),
    platforms: strings(raw['platforms']),
    origin: typeof raw['origin'] === 'string' ? raw['origin'] : undefined,
  });
  const required = requiredSeverity(signals);
  if (severity <= required) return;
  const why = decisiveSignals(signals)
    .map((signal) => TRIAGE_SIGNALS[signal].label.toLowerCase())
    .join('; ');
  ctx.addIssue({
    code: 'custom',
    path: ['severity'],
    message: `severity ${severity} is milder than the triage allows: level ${required} or more severe, because ${why}`,
  });
}

/**
 * One post-mortem (`content/postmortems/<YYYY-MM-DD>-<slug>.md`). The rules that look across
 * entries (related incidents that exist, duplicate slugs, steps that exist) run in
 * `src/lib/content-check/`.
 */
export const postmortemSchema = postmortemFields.superRefine((data, ctx) => checkCrossFields(data, ctx), {
  when: () => true,
});

export type PostmortemInput = z.input<typeof postmortemSchema>;
export type Postmortem = z.output<typeof postmortemSchema>;
export type TimelineEvent = z.output<typeof timelineEventSchema>;
export type MentionBucket = z.output<typeof mentionBucketSchema>;
export type Lesson = z.output<typeof lessonSchema>;
export type ActionItem = z.output<typeof actionItemSchema>;
