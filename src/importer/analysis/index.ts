/**
 * The analysis stage: everything the importer derives from the merged incident before anything
 * is redacted or written. Pure facts about the raw incident (times, durations, lessons with
 * their raw evidence, a severity estimate, which events the timeline keeps); the redaction
 * stage turns them into page text.
 */
import { computeDurations, type Durations } from '../../lib/analysis/durations.ts';
import { ImportError } from '../errors.ts';
import type { MergedIncident } from '../merge.ts';
import { deriveKeyTimes, type DerivedTimes } from './key-times.ts';
import { draftLessons, type DraftLesson } from './lessons.ts';
import { estimateSeverity, type SeverityEstimate } from './severity.ts';
import { selectTimeline, type TimelineSelection } from './timeline.ts';

export { TIMELINE_LIMIT } from './timeline.ts';

/** What the importer derived from one merged incident. */
export interface IncidentAnalysis {
  times: DerivedTimes;
  durations: Durations;
  /** Suggested lessons, each citing its (raw, unredacted) evidence. */
  lessons: DraftLesson[];
  severity: SeverityEstimate;
  /** The events the page's timeline shows. */
  timeline: TimelineSelection;
}

/**
 * Derives the key times, durations, suggested lessons, a severity estimate and the significant
 * events. Throws `ImportError` when nothing in the exports is dated.
 */
export function analyzeIncident(incident: MergedIncident): IncidentAnalysis {
  const times = deriveKeyTimes(incident, { firstResponse: incident.firstResponse });
  if (!times) {
    const files = incident.sources.map((source) => source.file).join(', ');
    throw new ImportError(
      files,
      'no dated event or mention in any export; expected at least one timestamp to build a timeline',
      'all entries',
    );
  }
  const brandIds = new Set(incident.people.filter((person) => person.role === 'brand').map((person) => person.id));
  const lessons = draftLessons({
    events: incident.events,
    times,
    peakCount: incident.mentions?.peakCount,
    actionItems: incident.authored.actionItems ?? [],
    brandIds,
  });
  return {
    times,
    durations: computeDurations(times),
    lessons,
    severity: estimateSeverity(incident),
    timeline: selectTimeline(incident.events, lessons, times.resolved),
  };
}
