import type { Durations } from '../analysis/durations.ts';
import type { Postmortem } from '../../schema/postmortem.ts';

/**
 * What the learning-loop aggregations read of one post-mortem: its id, the validated front
 * matter and the durations already computed for it by `durationsOfPostmortem` (the one place
 * durations come from; nothing here measures time between the key moments again).
 */
export interface InsightEntry {
  id: string;
  data: Pick<
    Postmortem,
    | 'title'
    | 'status'
    | 'example'
    | 'severity'
    | 'crisisType'
    | 'scct'
    | 'platforms'
    | 'started'
    | 'detected'
    | 'resolved'
    | 'lessons'
    | 'actionItems'
  >;
  durations: Durations;
}

/** Which entries the aggregations count. */
export interface InsightScope {
  /** Whether fictional sample entries (`example: true`) count; see `excludeExamplesFromInsights`. */
  includeExamples: boolean;
}

/**
 * Drafts never count (their facts are not settled yet, even in a preview build that shows
 * them); fictional examples count unless the build leaves them out.
 */
export function countsInInsights(data: Pick<Postmortem, 'status' | 'example'>, scope: InsightScope): boolean {
  return data.status !== 'draft' && (scope.includeExamples || !data.example);
}
