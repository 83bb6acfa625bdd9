import type { IncidentEvent } from '../model/incident.ts';
import type { TimelineKind } from '../../schema/taxonomy.ts';
import type { DraftLesson } from './lessons.ts';

/** Most events the front-matter timeline lists; the rest are counted in the body. */
export const TIMELINE_LIMIT = 40;

/** Events this long after the resolution are aftermath, not the incident. */
const AFTER_RESOLUTION_MARGIN_MS = 60 * 60_000;

/** The events the draft's timeline shows, and how many it left out and why. */
export interface TimelineSelection {
  /** The significant events, in time order, at most TIMELINE_LIMIT. */
  events: IncidentEvent[];
  /** Events in the incident's window left out to keep the timeline readable. */
  overLimit: number;
  /** Events more than an hour after the resolution. */
  afterResolution: number;
  /** Every event the exports had. */
  total: number;
}

const KIND_WEIGHT: Record<TimelineKind, number> = {
  trigger: 10,
  detection: 9,
  resolution: 10,
  statement: 9,
  correction: 9,
  deletion: 9,
  decision: 8,
  'media-pickup': 8,
  escalation: 7,
  'private-outreach': 7,
  'platform-action': 7,
  reply: 4,
  metric: 3,
  note: 1,
};

function eventScore(event: IncidentEvent, firstOfKind: boolean, evidence: boolean): number {
  let score = KIND_WEIGHT[event.kind];
  if (firstOfKind) score += 5;
  if (evidence) score += 50;
  if (event.signals?.pinned) score += 2;
  if (event.signals?.decision) score += 2;
  if (event.actor === 'brand' && event.visibility === 'public') score += 1;
  return score;
}

/** The events the drafted lessons cite, so the timeline always shows the evidence. */
function evidenceEvents(events: readonly IncidentEvent[], lessons: readonly DraftLesson[]): Set<IncidentEvent> {
  const found = new Set<IncidentEvent>();
  for (const lesson of lessons) {
    for (const item of lesson.evidence) {
      const event = events.find(
        (candidate) => candidate.at.getTime() === item.at.getTime() && candidate.text === item.text,
      );
      if (event) found.add(event);
    }
  }
  return found;
}

/** The significant events: lesson evidence first, then by kind weight; at most TIMELINE_LIMIT, in time order. */
export function selectTimeline(
  events: readonly IncidentEvent[],
  lessons: readonly DraftLesson[],
  resolved: Date | undefined,
): TimelineSelection {
  const evidence = evidenceEvents(events, lessons);
  const inWindow = resolved
    ? events.filter((event) => event.at.getTime() <= resolved.getTime() + AFTER_RESOLUTION_MARGIN_MS)
    : [...events];
  const seenKinds = new Set<TimelineKind>();
  const scored = inWindow.map((event, index) => {
    const first = !seenKinds.has(event.kind);
    seenKinds.add(event.kind);
    return { event, index, score: eventScore(event, first, evidence.has(event)) };
  });
  const chosen = scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, TIMELINE_LIMIT)
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.event);
  return {
    events: chosen,
    overLimit: inWindow.length - chosen.length,
    afterResolution: events.length - inWindow.length,
    total: events.length,
  };
}
