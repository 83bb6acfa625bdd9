import type { Severity } from './severity.ts';

/**
 * How long things may wait after a crisis. The pages that list deadlines and the content check
 * that warns about missed ones both read these numbers; nobody types them a second time.
 */

/**
 * Days an open action item without an agreed `due` date gets, counted from the day the incident
 * was resolved (or detected, while it is still running): the worse the crisis, the sooner the fix.
 */
export const ACTION_DEADLINE_DAYS: Readonly<Record<Severity, number>> = { 1: 15, 2: 15, 3: 30, 4: 30 };

/** A playbook page not reviewed for longer than this is flagged by the content check. */
export const PLAYBOOK_REVIEW_MAX_DAYS = 180;

/**
 * Upper bounds, in days, of the age groups the insights page sorts open action items into
 * (0–30, 31–90, 91–180, older): "still fresh", "should be moving", "stalled", "forgotten".
 */
export const ACTION_AGE_GROUP_DAYS = [30, 90, 180] as const;
