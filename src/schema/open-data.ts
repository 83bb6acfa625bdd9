import { z } from 'zod';
import { zonedTimestampString } from './dates.ts';
import { postmortemFields } from './postmortem.ts';

/**
 * The library as open data (`/api/postmortems.json`, and the same rows as CSV): every published
 * post-mortem's front matter with the durations the site computes from it. Other tools (a BI
 * dashboard, a yearly report) read this instead of scraping pages. Drafts and entries still in
 * review are never in it. The JSON Schema in `public/schemas/postmortems-api.schema.json` is
 * generated from this file.
 */

/** Bumped whenever a field is removed or changes meaning; adding a field keeps the version. */
export const OPEN_DATA_SCHEMA_VERSION = 1;

/** Whole minutes between the key moments, as the incident page shows them; absent when unknown. */
export const durationsSchema = z
  .object({
    /** From the start to the moment the team knew. */
    toDetect: z.number().int().describe('From the start to the moment the team knew.'),
    /** From detection to the first public word. */
    toFirstResponse: z.number().int().describe('From detection to the first public word.').optional(),
    /** From the start to back-to-normal. */
    toResolve: z.number().int().describe('From the start to back-to-normal.').optional(),
    /** From the start of the busiest hour of mentions to the first public word (negative: before the peak). */
    responseAfterPeak: z
      .number()
      .int()
      .describe('From the start of the busiest hour of mentions to the first public word (negative: before the peak).')
      .optional(),
  })
  .strict();

export const openPostmortemSchema = z
  .object({
    /** The post-mortem's id: its file name without extension, also its page's address. */
    id: z.string().min(1).describe("The post-mortem's id: its file name without extension, also its page's address."),
    /** The post-mortem's page on the site. */
    url: z.url().describe("The post-mortem's page on the site."),
    /** Computed from the front matter's times and mention series (see the incident page). */
    durations: durationsSchema.describe(
      "Computed from the front matter's times and mention series (see the incident page).",
    ),
    /** The post-mortem's front matter exactly as checked (times as ISO 8601 strings). */
    frontMatter: postmortemFields.describe(
      "The post-mortem's front matter exactly as checked (times as ISO 8601 strings).",
    ),
  })
  .strict();

export const openDataDocumentSchema = z
  .object({
    /** Link to the JSON Schema of this document. */
    $schema: z.url().describe('Link to the JSON Schema of this document.'),
    /** Version of this format; see OPEN_DATA_SCHEMA_VERSION. */
    schemaVersion: z
      .literal(OPEN_DATA_SCHEMA_VERSION)
      .describe('Version of this format; see OPEN_DATA_SCHEMA_VERSION.'),
    /** When the site was built (ISO 8601, UTC). */
    generated: zonedTimestampString.describe('When the site was built (ISO 8601, UTC).'),
    /** Every published post-mortem, newest first. */
    postmortems: z.array(openPostmortemSchema).describe('Every published post-mortem, newest first.'),
  })
  .strict();
