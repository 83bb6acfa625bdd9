import { z } from 'zod';
import { visibleText } from './visible-text.ts';
import { PLATFORMS, TIMELINE_KINDS, oneOf } from './taxonomy.ts';
import { calendarDateString, zonedTimestampString } from './dates.ts';
import { webUrl } from './url-policy.ts';
import {
  actionItemSchema,
  contributingFactorSchema,
  impactMetricsSchema,
  impactSchema,
  lessonSchema,
  mentionBucketSchema,
  postmortemFields,
} from './postmortem.ts';

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

/** An event's link: the post-mortem's web-link rule. */
const webLink = webUrl.meta({ description: 'An http(s) link; other schemes (javascript:, data:) are refused.' });

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

/** One hour of the mention series: the post-mortem's bucket, its start as a JSON string. */
export const exportMentionBucketSchema = mentionBucketSchema.extend({
  /** Start of the hour, with a zone. */
  at: timestamp.describe('Start of the hour, with a zone.'),
});

/** An action item as the post-mortem has it; the status may be left out, the due date is a JSON string. */
export const exportActionItemSchema = actionItemSchema.extend({
  /** open, done or dropped; defaults to open. */
  status: actionItemSchema.shape.status.default('open').describe('open, done or dropped; defaults to open.'),
  /** Due date as YYYY-MM-DD. */
  due: calendarDateString.describe('Due date as YYYY-MM-DD.').optional(),
});

/** The impact: the post-mortem's summary and rating beside its measured figures, in one flat object. */
const exportImpactSchema = impactSchema
  .pick({ summary: true, rating: true })
  .extend(
    impactMetricsSchema.pick({ reach: true, mediaArticles: true, supportTickets: true, followerChange: true }).shape,
  )
  .partial();

/**
 * The export is the post-mortem's own fields, all optional, plus what only an export has (its
 * format marker, the people and the timeline events). Fields are taken from the post-mortem
 * schema with their rules and descriptions; where an export is a record in progress rather than
 * a finished page, the field is redefined below and says why.
 */
export const incidentExportSchema = postmortemFields
  .pick({
    severity: true,
    crisisType: true,
    scct: true,
    origin: true,
    detectionSource: true,
  })
  .partial()
  .extend({
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
    /**
     * The incident in a few words. Any length: a working title from a log typed in a hurry is
     * kept, and the draft's check asks for a proper one.
     */
    title: visibleText(z.string().min(1))
      .describe(
        "The incident in a few words. Any length: a working title from a log typed in a hurry is kept, and the draft's check asks for a proper one.",
      )
      .optional(),
    /** One paragraph: what happened, how bad it got, how it ended. Any length; the draft's check holds it to the post-mortem's. */
    summary: z
      .string()
      .min(1)
      .describe(
        "One paragraph: what happened, how bad it got, how it ended. Any length; the draft's check holds it to the post-mortem's.",
      )
      .optional(),
    /** Platforms, the first one where it started; left out, they are read off the events. */
    platforms: z
      .array(postmortemFields.shape.platforms.element)
      .describe('Platforms, the first one where it started; left out, they are read off the events.')
      .optional(),
    // Lists keep the post-mortem's rule and description but not its default of []: left out,
    // they stay out (tags here; wentWell, wentPoorly and sources below).
    tags: postmortemFields.shape.tags.unwrap().optional(),
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
    impact: exportImpactSchema.describe('Measured impact figures.').optional(),
    /** Why it happened, blameless; any number of factors, the draft's check asks for one. */
    contributingFactors: z
      .array(contributingFactorSchema)
      .describe("Why it happened, blameless; any number of factors, the draft's check asks for one.")
      .optional(),
    wentWell: postmortemFields.shape.wentWell.unwrap().optional(),
    wentPoorly: postmortemFields.shape.wentPoorly.unwrap().optional(),
    /** Lessons already agreed, each with the playbook step it teaches. */
    lessons: z
      .array(lessonSchema.pick({ text: true, step: true }))
      .describe('Lessons already agreed, each with the playbook step it teaches.')
      .optional(),
    /** Action items; one of type "prevent" addresses a root cause. */
    actionItems: z
      .array(exportActionItemSchema)
      .describe('Action items; one of type "prevent" addresses a root cause.')
      .optional(),
    sources: postmortemFields.shape.sources.unwrap().optional(),
  });

export type IncidentExport = z.output<typeof incidentExportSchema>;
