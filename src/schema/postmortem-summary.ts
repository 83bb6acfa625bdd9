import { z } from 'zod';
import { durationsSchema } from './open-data.ts';
import { impactSchema, postmortemFields } from './postmortem.ts';

/**
 * The front-matter fields only a post-mortem's own page shows (with the timeline and the
 * mention series): no list, count or aggregate reads them. At 10,000 realistic entries they
 * were half of Astro's content store (23 of 46 MB of data), which `astro dev` holds several
 * times over (the store, the JSON text of its module, the module, the parsed data).
 */
export const PAGE_ONLY_FIELDS = [
  'statements',
  'contributingFactors',
  'wentWell',
  'wentPoorly',
  'gotLucky',
  'responders',
  'goodwillGestures',
  'costs',
  'sources',
] as const;

/** The page-only fields' values of one post-mortem (kept in its details file). */
export type PageOnlyFields = Pick<z.output<typeof postmortemFields>, (typeof PAGE_ONLY_FIELDS)[number]>;

/**
 * The fields the learning loop reads of every entry (the insights, the open action items, the
 * lessons on each step page) and no list shows: kept in the head of each details file, which
 * those aggregations read once per build, not in the content store every page loads. They
 * were 59% of it (18 of 30 MB at 10,000 realistic entries), and the store is parsed, held and
 * bundled whole: Astro compiles it into a module of the prerender bundle.
 */
export const LEARNING_FIELDS = ['lessons', 'actionItems'] as const;

/** The learning loop's fields of one post-mortem (kept in the head of its details file). */
export type LearningFields = Pick<z.output<typeof postmortemFields>, (typeof LEARNING_FIELDS)[number]>;

type Omitted = (typeof PAGE_ONLY_FIELDS)[number] | (typeof LEARNING_FIELDS)[number] | 'timeline' | 'impact';
const omitted = Object.fromEntries(
  [...PAGE_ONLY_FIELDS, ...LEARNING_FIELDS, 'timeline', 'impact'].map((field) => [field, true]),
) as { [field in Omitted]: true };

/**
 * A post-mortem as the site's lists know it (the library, insights, actions, step pages, the
 * feed): every field of its front matter except those only its own page draws (the timeline,
 * the mention series and `PAGE_ONLY_FIELDS`) and the learning loop's (`LEARNING_FIELDS`), plus
 * the durations computed from them. Those and
 * the rendered body are most of an entry's weight, so the content store that every page loads
 * holds this, and each incident page reads the rest for itself
 * (`src/content/postmortem-details.ts`). Never parsed from a file: the loader builds it from
 * data the post-mortem schema already validated.
 */
export const postmortemSummarySchema = postmortemFields.omit(omitted).extend({
  /** The damage, without the mention series. */
  impact: impactSchema.omit({ mentionSeries: true }).describe('The damage, without the mention series.'),
  /** Computed from the four times and the peak of the mention series. */
  durations: durationsSchema.describe('Computed from the four times and the peak of the mention series.'),
});

export type PostmortemSummary = z.output<typeof postmortemSummarySchema>;
