import { buildDay, excludeExamplesFromInsights } from '../build-flags.ts';
import { buildInsights, type Insights } from '../lib/insights/aggregate.ts';
import { openActions, type OpenAction } from '../lib/insights/actions.ts';
import type { InsightEntry, InsightScope } from '../lib/insights/entry.ts';
import { lessonsByStep, type CitedLesson } from '../lib/insights/lessons.ts';
import { readLearning } from '../content/postmortem-details.ts';
import { mapInFlight } from '../lib/in-flight.ts';
import { loadIncidents } from './incidents.ts';

/** Open action items per page: a long backlog stays a page a phone can load (/actions/, /actions/2/, …). */
export const ACTIONS_PAGE_SIZE = 100;

/** Lessons a step page lists (the newest); the library's step filter has the rest. */
export const STEP_LESSONS_SHOWN = 25;

/** The day this build measures ages and deadlines against (once per build). */
export const today = buildDay();

/** Whether fictional examples count on the insights, actions and step-lesson lists. */
export const scope: InsightScope = { includeExamples: !excludeExamplesFromInsights };

/** Details-file heads read at a time (far under any limit on open files). */
const HEADS_IN_FLIGHT = 64;

/**
 * Every incident as the aggregations read it: its summary from the store, its lessons and
 * action items from the head of its details file (src/schema/postmortem-summary.ts says why).
 * Read once per build: the callers below are memoized.
 */
async function entries(): Promise<InsightEntry[]> {
  return mapInFlight(await loadIncidents(), HEADS_IN_FLIGHT, async (view) => ({
    id: view.entry.id,
    data: { ...view.entry.data, ...(await readLearning(view.entry.id)) },
    durations: view.durations,
  }));
}

let insights: Promise<Insights> | undefined;
let actions: Promise<OpenAction[]> | undefined;
let lessons: Promise<Map<number, CitedLesson[]>> | undefined;

/** Everything the insights page shows; memoized. */
export function loadInsights(): Promise<Insights> {
  insights ??= entries().then((all) => buildInsights(all, today, scope));
  return insights;
}

/** Every open action item, overdue first; memoized. */
export function loadOpenActions(): Promise<OpenAction[]> {
  actions ??= entries().then((all) => openActions(all, today, scope));
  return actions;
}

/** Method step → the lessons citing it, newest first; computed once for all step pages. */
export function loadLessonsByStep(): Promise<Map<number, CitedLesson[]>> {
  lessons ??= entries().then((all) => lessonsByStep(all, scope));
  return lessons;
}
