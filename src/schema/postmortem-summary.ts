import { z } from 'zod';
import { durationsSchema } from './open-data.ts';
import { impactSchema, postmortemFields } from './postmortem.ts';

/**
 * A post-mortem as the site's lists know it (the library, insights, actions, step pages, the
 * feed): every field of its front matter except the two that only its own page draws, the
 * timeline and the mention series, plus the durations computed from them. Those two and the
 * rendered body are most of an entry's weight (about 15 of its 18 kB), so the content store
 * that every page loads holds this, and each incident page reads the rest for itself
 * (`src/content/postmortem-details.ts`). Never parsed from a file: the loader builds it from
 * data the post-mortem schema already validated.
 */
export const postmortemSummarySchema = postmortemFields.omit({ timeline: true, impact: true }).extend({
  /** The damage, without the mention series. */
  impact: impactSchema.omit({ mentionSeries: true }).describe('The damage, without the mention series.'),
  /** Computed from the four times and the peak of the mention series. */
  durations: durationsSchema.describe('Computed from the four times and the peak of the mention series.'),
});

export type PostmortemSummary = z.output<typeof postmortemSummarySchema>;
