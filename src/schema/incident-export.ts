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
    positive: z.number().int().min(0).default(0),
    /** Mentions judged neutral or unclassified. */
    neutral: z.number().int().min(0).default(0),
    /** Mentions judged negative. */
    negative: z.number().int().min(0).default(0),
  })
  .strict();

export const exportActionItemSchema = z
  .object({
    /** The change to make, as a task. */
    title: visibleText(z.string().min(3)),
    /** The role that owns it (a role, not a person). */
    ownerRole: visibleText(z.string().min(2)),
    /** prevent (addresses a root cause), mitigate, detect or process. */
    type: oneOf(ACTION_TYPES),
    /** open, done or dropped; defaults to open. */
    status: oneOf(ACTION_STATUSES).default('open'),
    /** Due date as YYYY-MM-DD. */
    due: z.iso.date().optional(),
  })
  .strict();

export const incidentExportSchema = z
  .object({
    /** Optional link to the published JSON Schema, for editors. */
    $schema: z.string().optional().meta({ description: 'Optional link to this JSON Schema, for editors.' }),
    /** Always "firebreak-incident": how the importer recognises the file. */
    format: z.literal(INCIDENT_EXPORT_FORMAT, { error: `expected "format": "${INCIDENT_EXPORT_FORMAT}"` }),
    /** Format version; this is version 1. */
    version: z.literal(INCIDENT_EXPORT_VERSION, {
      error: `expected "version": ${INCIDENT_EXPORT_VERSION} (the only version this importer reads)`,
    }),
    /** The incident in a few words. */
    title: visibleText(z.string().min(1)).optional(),
    /** One paragraph: what happened, how bad it got, how it ended. */
    summary: z.string().min(1).optional(),
    /** Peak severity 1 (critical) … 4 (watch). */
    severity: z.number().int().min(1).max(4).optional(),
    /** Crisis type, post-mortem vocabulary. */
    crisisType: oneOf(CRISIS_TYPES).optional(),
    /** SCCT cluster. */
    scct: oneOf(SCCT_CLUSTERS).optional(),
    /** Where it came from. */
    origin: oneOf(ORIGINS).optional(),
    /** How the team found out. */
    detectionSource: oneOf(DETECTION_SOURCES).optional(),
    /** Platforms, the first one where it started. */
    platforms: z.array(oneOf(PLATFORMS)).optional(),
    /** Free keywords. */
    tags: z.array(visibleText(z.string().min(1))).optional(),
    /** When it began; defaults to the earliest event. */
    started: timestamp.optional(),
    /** When the team first knew; defaults to the first internal event. */
    detected: timestamp.optional(),
    /** When the brand first spoke in public; defaults to the first public brand event. */
    firstResponse: timestamp.optional(),
    /** When it was over, if it is. */
    resolved: timestamp.optional(),
    /** Accounts and people the events refer to. */
    people: z.array(exportPersonSchema).default([]),
    /** The timeline: at least one event. */
    events: z.array(exportEventSchema).min(1, 'expected at least one event in "events"'),
    /** Hourly mention volume by sentiment. */
    mentionSeries: z.array(exportMentionBucketSchema).optional(),
    /** Measured impact figures. */
    impact: z
      .object({
        /** Who was affected and how. */
        summary: z.string().min(3).optional(),
        /** low, moderate, high or severe. */
        rating: oneOf(IMPACT_RATINGS).optional(),
        /** Estimated number of people who saw it. */
        reach: z.number().int().min(0).optional(),
        /** Media articles published about it. */
        mediaArticles: z.number().int().min(0).optional(),
        /** Support tickets it caused. */
        supportTickets: z.number().int().min(0).optional(),
        /** Net follower change (may be negative). */
        followerChange: z.number().int().optional(),
      })
      .strict()
      .optional(),
    /** Why it happened, blameless. */
    contributingFactors: z
      .array(
        z
          .object({
            /** Which part of the system let it happen. */
            category: oneOf(FACTOR_CATEGORIES),
            /** The factor in blameless words. */
            text: z.string().min(3),
          })
          .strict(),
      )
      .optional(),
    /** What helped. */
    wentWell: z.array(z.string().min(3)).optional(),
    /** What hurt. */
    wentPoorly: z.array(z.string().min(3)).optional(),
    /** Lessons already agreed, each with the playbook step it teaches. */
    lessons: z
      .array(
        z
          .object({
            /** The lesson. */
            text: z.string().min(3),
            /** The playbook step (1–10). */
            step: step.optional(),
          })
          .strict(),
      )
      .optional(),
    /** Action items; one of type "prevent" addresses a root cause. */
    actionItems: z.array(exportActionItemSchema).optional(),
    /** Where the facts come from. */
    sources: z
      .array(
        z
          .object({
            /** As a reader would cite it. */
            title: visibleText(z.string().min(3)),
            /** An http(s) link. */
            url: webLink,
            /** Sort of source. */
            kind: oneOf(SOURCE_KINDS),
          })
          .strict(),
      )
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
