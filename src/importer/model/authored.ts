import type { z } from 'zod';
import type {
  actionItemSchema,
  contributingFactorSchema,
  impactSchema,
  lessonSchema,
  postmortemFields,
  sourceSchema,
} from '../../schema/postmortem.ts';

/**
 * Post-mortem fields an export states outright (written by a person or another tool), used as
 * they are instead of being drafted. Typed after the post-mortem schema, the format every import
 * ends in, so the model knows no input format: an adapter maps its own fields onto these.
 */

type Field<K extends keyof z.output<typeof postmortemFields>> = z.output<typeof postmortemFields>[K];
type Metrics = NonNullable<z.output<typeof impactSchema>['metrics']>;

/** Every field may be left out (or come as undefined from an optional schema field). */
type Optional<T> = { [K in keyof T]?: T[K] | undefined };

export type AuthoredFields = Optional<{
  summary: string;
  crisisType: Field<'crisisType'>;
  scct: Field<'scct'>;
  origin: Field<'origin'>;
  detectionSource: Field<'detectionSource'>;
  tags: string[];
  /** The impact's summary and rating, and the figures someone measured. */
  impact: Optional<
    Pick<z.output<typeof impactSchema>, 'summary' | 'rating'> &
      Pick<Metrics, 'reach' | 'mediaArticles' | 'supportTickets' | 'followerChange'>
  >;
  contributingFactors: z.output<typeof contributingFactorSchema>[];
  wentWell: string[];
  wentPoorly: string[];
  /** Lessons already agreed (not yet applied to the playbook). */
  lessons: Pick<z.output<typeof lessonSchema>, 'text' | 'step'>[];
  /** Action items; the due date as YYYY-MM-DD, as the page writes it. */
  actionItems: (Pick<z.output<typeof actionItemSchema>, 'title' | 'ownerRole' | 'type' | 'status'> & {
    due?: string | undefined;
  })[];
  sources: z.output<typeof sourceSchema>[];
}>;
