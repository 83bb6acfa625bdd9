import { z } from 'zod';
import { visibleText } from './visible-text.ts';
import { METHOD_STEP_COUNT } from './playbook.ts';
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
  TIMELINE_KINDS,
  oneOf,
} from './taxonomy.ts';
import { zonedTimestampString } from './dates.ts';
import { WEB_URL, WEB_URL_MESSAGE, refuseDisallowedWebUrl } from './url-policy.ts';

/**
 * The Firebreak incident JSON format: "a post-mortem in progress" that any tool can emit
 * (a ticketing system, a listening tool, a spreadsheet macro) and `npm run import` turns into a
 * draft post-mortem page. Everything a post-mortem has is optional here; what makes it an
 * incident is its list of timeline events.
 *
 * The schema deliberately uses only JSON types (timestamps are strings), so that a JSON Schema
 * generated from it with `z.toJSONSchema` describes exactly what the importer accepts.
 * Documented for tool authors in docs/importer.md.
 */

import { INCIDENT_EXPORT_FORMAT, INCIDENT_EXPORT_VERSION } from './incident-export-format.ts';

export { INCIDENT_EXPORT_FORMAT, INCIDENT_EXPORT_VERSION };

/** ISO 8601 with a zone, as a JSON string: a time without a zone would be ambiguous. */
const timestamp = zonedTimestampString;

const webLink = z
  .string()
  .regex(WEB_URL, WEB_URL_MESSAGE)
  .superRefine(refuseDisallowedWebUrl)
  .meta({ description: 'An http(s) link; other schemes (javascript:, data:) are refused.' });

const step = z.number().int().min(1).max(METHOD_STEP_COUNT);

/** Who acted, as in the normalized incident model. */
export const exportActorRoles = ['brand', 'responder', 'public', 'system'] as const;

export const exportPersonSchema = z
  .object({
    /** Id used by `events[].actor` and `events[].inReplyTo`; unique within the file. */
    id: visibleText(z.string().min(1)).meta({
      description: 'Id referenced by events[].actorId and events[].inReplyToId.',
    }),
    /** brand (our own accounts), responder (war room), public (anyone else) or system (tools). */
    role: oneOf(exportActorRoles).meta({
      description: 'brand = our own accounts, responder = war room, public = everyone else, system = tools.',
    }),
    /** Platform handle without the @. */
    handle: visibleText(z.string().min(1)).optional().meta({ description: 'Platform handle without the @.' }),
    /** Display or real name; redacted on import unless the person is public (verified or large). */
    name: visibleText(z.string().min(1)).optional().meta({ description: 'Display or real name (redacted on import).' }),
    /** Other names the person goes by (first name, nickname, display name, e-mail); each is redacted on import. */
    aliases: z
      .array(visibleText(z.string().min(1)))
      .optional()
      .meta({ description: 'Other names or e-mail addresses of this person (each redacted on import).' }),
    /** Incident role of a responder ("Incident commander"); used instead of their name. */
    title: visibleText(z.string().min(1))
      .optional()
      .meta({ description: 'Incident role of a responder, shown instead of a name.' }),
    /** Verified or official account: shown by its handle, not pseudonymized. */
    verified: z.boolean().optional().meta({ description: 'Verified/official account: kept by handle.' }),
    /** Follower count: accounts with 10,000 or more keep their handle. */
    followers: z.number().int().min(0).optional().meta({ description: 'Follower count; 10,000+ keeps the handle.' }),
  })
  .strict();

export const exportEventSchema = z
  .object({
    /** When it happened, with a zone. */
    at: timestamp.meta({ description: 'When it happened, ISO 8601 with a zone.' }),
    /** Timeline kind, the post-mortem vocabulary. */
    kind: oneOf(TIMELINE_KINDS).meta({ description: 'What sort of moment this was.' }),
    /** What happened or what was said (plain text; never rendered as HTML). */
    text: z.string().min(1).meta({ description: 'What happened or what was said, plain text.' }),
    /** Who acted: brand, responder, public or system. */
    actor: oneOf(exportActorRoles).meta({ description: 'Who acted.' }),
    /** `people[].id` of the actor. */
    actorId: z.string().min(1).optional().meta({ description: 'people[].id of the actor.' }),
    /** For a public reply: `people[].id` of the account replied to. */
    inReplyToId: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'For a reply: people[].id of the account replied to.' }),
    /** Whether the public saw it; defaults to public for brand/public actors, internal otherwise. */
    visibility: oneOf(['public', 'internal'] as const)
      .optional()
      .meta({ description: 'Default: public for brand/public actors, internal for responder/system.' }),
    /** Platform it happened on (public events). */
    platform: oneOf(PLATFORMS).optional().meta({ description: 'Platform of a public event.' }),
    /** Link to the original post or document. */
    link: webLink.optional(),
    /** Your id for this event, so a correction or deletion can point at it. */
    id: visibleText(z.string().min(1)).optional().meta({ description: 'Id of this event, referenced by correctsId.' }),
    /** For a correction or deletion: the `id` of the event it corrects or removes. */
    correctsId: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'For corrections/deletions: id of the original event.' }),
  })
  .strict();

export const exportMentionBucketSchema = z
  .object({
    /** Start of the hour, with a zone. */
    at: timestamp.meta({ description: 'Start of the hour, with a zone.' }),
    /** Mentions judged positive. */
    positive: z.number().int().min(0).describe('Mentions judged positive.').default(0),
    /** Mentions judged neutral or unclassified. */
    neutral: z.number().int().min(0).describe('Mentions judged neutral or unclassified.').default(0),
    /** Mentions judged negative. */
    negative: z.number().int().min(0).describe('Mentions judged negative.').default(0),
  })
  .strict();

export const exportActionItemSchema = z
  .object({
    /** The change to make, as a task. */
    title: visibleText(z.string().min(3)).describe('The change to make, as a task.'),
    /** The role that owns it (a role, not a person). */
    ownerRole: visibleText(z.string().min(2)).describe('The role that owns it (a role, not a person).'),
    /** prevent (addresses a root cause), mitigate, detect or process. */
    type: oneOf(ACTION_TYPES).describe('prevent (addresses a root cause), mitigate, detect or process.'),
    /** open, done or dropped; defaults to open. */
    status: oneOf(ACTION_STATUSES).describe('open, done or dropped; defaults to open.').default('open'),
    /** Due date as YYYY-MM-DD. */
    due: z.iso.date().describe('Due date as YYYY-MM-DD.').optional(),
  })
  .strict();

export const incidentExportSchema = z
  .object({
    /** Optional link to the published JSON Schema, for editors. */
    $schema: z.string().optional().meta({ description: 'Optional link to this JSON Schema, for editors.' }),
    /** Always "firebreak-incident": how the importer recognises the file. */
    format: z
      .literal(INCIDENT_EXPORT_FORMAT, { error: `expected "format": "${INCIDENT_EXPORT_FORMAT}"` })
      .describe('Always "firebreak-incident": how the importer recognises the file.'),
    /** Format version; this is version 1. */
    version: z
      .literal(INCIDENT_EXPORT_VERSION, {
        error: `expected "version": ${INCIDENT_EXPORT_VERSION} (the only version this importer reads)`,
      })
      .describe('Format version; this is version 1.'),
    /** The incident in a few words. */
    title: visibleText(z.string().min(1)).describe('The incident in a few words.').optional(),
    /** One paragraph: what happened, how bad it got, how it ended. */
    summary: z.string().min(1).describe('One paragraph: what happened, how bad it got, how it ended.').optional(),
    /** Peak severity 1 (critical) … 4 (watch). */
    severity: z.number().int().min(1).max(4).describe('Peak severity 1 (critical) … 4 (watch).').optional(),
    /** Crisis type, post-mortem vocabulary. */
    crisisType: oneOf(CRISIS_TYPES).describe('Crisis type, post-mortem vocabulary.').optional(),
    /** SCCT cluster. */
    scct: oneOf(SCCT_CLUSTERS).describe('SCCT cluster.').optional(),
    /** Where it came from. */
    origin: oneOf(ORIGINS).describe('Where it came from.').optional(),
    /** How the team found out. */
    detectionSource: oneOf(DETECTION_SOURCES).describe('How the team found out.').optional(),
    /** Platforms, the first one where it started. */
    platforms: z.array(oneOf(PLATFORMS)).describe('Platforms, the first one where it started.').optional(),
    /** Free keywords. */
    tags: z
      .array(visibleText(z.string().min(1)))
      .describe('Free keywords.')
      .optional(),
    /** When it began; defaults to the earliest event. */
    started: timestamp.describe('When it began; defaults to the earliest event.').optional(),
    /** When the team first knew; defaults to the first internal event. */
    detected: timestamp.describe('When the team first knew; defaults to the first internal event.').optional(),
    /** When the brand first spoke in public; defaults to the first public brand event. */
    firstResponse: timestamp
      .describe('When the brand first spoke in public; defaults to the first public brand event.')
      .optional(),
    /** When it was over, if it is. */
    resolved: timestamp.describe('When it was over, if it is.').optional(),
    /** Accounts and people the events refer to. */
    people: z.array(exportPersonSchema).describe('Accounts and people the events refer to.').default([]),
    /** The timeline: at least one event. */
    events: z
      .array(exportEventSchema)
      .min(1, 'expected at least one event in "events"')
      .describe('The timeline: at least one event.'),
    /** Hourly mention volume by sentiment. */
    mentionSeries: z.array(exportMentionBucketSchema).describe('Hourly mention volume by sentiment.').optional(),
    /** Measured impact figures. */
    impact: z
      .object({
        /** Who was affected and how. */
        summary: z.string().min(3).describe('Who was affected and how.').optional(),
        /** low, moderate, high or severe. */
        rating: oneOf(IMPACT_RATINGS).describe('low, moderate, high or severe.').optional(),
        /** Estimated number of people who saw it. */
        reach: z.number().int().min(0).describe('Estimated number of people who saw it.').optional(),
        /** Media articles published about it. */
        mediaArticles: z.number().int().min(0).describe('Media articles published about it.').optional(),
        /** Support tickets it caused. */
        supportTickets: z.number().int().min(0).describe('Support tickets it caused.').optional(),
        /** Net follower change (may be negative). */
        followerChange: z.number().int().describe('Net follower change (may be negative).').optional(),
      })
      .strict()
      .describe('Measured impact figures.')
      .optional(),
    /** Why it happened, blameless. */
    contributingFactors: z
      .array(
        z
          .object({
            /** Which part of the system let it happen. */
            category: oneOf(FACTOR_CATEGORIES).describe('Which part of the system let it happen.'),
            /** The factor in blameless words. */
            text: z.string().min(3).describe('The factor in blameless words.'),
          })
          .strict(),
      )
      .describe('Why it happened, blameless.')
      .optional(),
    /** What helped. */
    wentWell: z.array(z.string().min(3)).describe('What helped.').optional(),
    /** What hurt. */
    wentPoorly: z.array(z.string().min(3)).describe('What hurt.').optional(),
    /** Lessons already agreed, each with the playbook step it teaches. */
    lessons: z
      .array(
        z
          .object({
            /** The lesson. */
            text: z.string().min(3).describe('The lesson.'),
            /** The playbook step (1–10). */
            step: step.describe('The playbook step (1–10).').optional(),
          })
          .strict(),
      )
      .describe('Lessons already agreed, each with the playbook step it teaches.')
      .optional(),
    /** Action items; one of type "prevent" addresses a root cause. */
    actionItems: z
      .array(exportActionItemSchema)
      .describe('Action items; one of type "prevent" addresses a root cause.')
      .optional(),
    /** Where the facts come from. */
    sources: z
      .array(
        z
          .object({
            /** As a reader would cite it. */
            title: visibleText(z.string().min(3)).describe('As a reader would cite it.'),
            /** An http(s) link. */
            url: webLink,
            /** Sort of source. */
            kind: oneOf(SOURCE_KINDS).describe('Sort of source.'),
          })
          .strict(),
      )
      .describe('Where the facts come from.')
      .optional(),
  })
  .strict();

export type IncidentExport = z.output<typeof incidentExportSchema>;

/** The JSON Schema of the format, generated from the zod schema (what tools validate against). */
export function incidentExportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(incidentExportSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'Firebreak incident export',
    description:
      'A post-mortem in progress: optional post-mortem fields plus timeline events. Import with `npm run import -- file.json`.',
  };
}
