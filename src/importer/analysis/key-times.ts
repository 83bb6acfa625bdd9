import type { Incident, IncidentEvent } from '../model/incident.ts';
import type { KeyTimes } from '../../lib/analysis/durations.ts';

/** Times an export may state outright; they win over what the events suggest. */
export interface StatedTimes {
  started?: Date | undefined;
  detected?: Date | undefined;
  firstResponse?: Date | undefined;
  resolved?: Date | undefined;
}

/** Key times plus how each was found, so the page can tell the author what to double-check. */
export interface DerivedTimes extends KeyTimes {
  /** The event that marks the first public response, when one was found. */
  firstResponseEvent?: IncidentEvent | undefined;
  /** Sentences for the author about guesses and corrections made. */
  notes: string[];
}

/** A brand post the public could see that speaks about the incident. */
export function isPublicBrandResponse(event: IncidentEvent): boolean {
  return (
    event.actor === 'brand' &&
    event.visibility === 'public' &&
    (event.kind === 'statement' || event.kind === 'reply' || event.kind === 'correction')
  );
}

function iso(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/**
 * started = the earliest of what exports state, the first mention and the first event;
 * detected = stated, else the first war-room message or incident-tool event;
 * firstResponse = stated, else the first public brand statement or reply;
 * resolved = stated, else the last resolution event. Returns undefined when nothing is dated.
 * The order started ≤ detected ≤ firstResponse ≤ resolved is enforced, with a note for each fix.
 */
export function deriveKeyTimes(incident: Incident, stated: StatedTimes = {}): DerivedTimes | undefined {
  const notes: string[] = [];
  const events = incident.events;
  // Metric events stand for an hour bucket, not a moment; they do not start an incident.
  const firstEvent = events.find((event) => event.kind !== 'metric') ?? events[0];
  const candidates = [stated.started, incident.started, incident.mentions?.first, firstEvent?.at].filter(
    (date): date is Date => date !== undefined,
  );
  if (candidates.length === 0) return undefined;
  let started = new Date(Math.min(...candidates.map((date) => date.getTime())));

  const firstResponseEvent = events.find(isPublicBrandResponse);
  let firstResponse = stated.firstResponse ?? firstResponseEvent?.at;

  let detected = stated.detected ?? incident.detected ?? events.find((event) => event.visibility === 'internal')?.at;
  if (!detected) {
    detected = firstResponse ?? started;
    notes.push(
      `No war-room or incident-tool event was found, so "detected" is set to ${iso(detected)}${firstResponse ? ' (the first public response)' : ' (the start)'}. TODO: confirm when the team first knew.`,
    );
  }
  if (detected < started) started = detected;

  if (firstResponse && firstResponse < detected) {
    notes.push(
      `The brand responded in public (${iso(firstResponse)}) before the first internal record of the incident (${iso(detected)}); "detected" is set to the response time. TODO: confirm when the team first knew.`,
    );
    detected = firstResponse;
  }

  let resolved =
    stated.resolved ?? incident.resolved ?? [...events].reverse().find((event) => event.kind === 'resolution')?.at;
  const floor = firstResponse ?? detected;
  if (resolved && resolved < floor) {
    notes.push(
      `The stated resolution (${iso(resolved)}) comes before ${firstResponse ? 'the first public response' : 'detection'}; it was left out. TODO: set "resolved".`,
    );
    resolved = undefined;
  }
  if (!firstResponse) firstResponse = undefined;

  return {
    started,
    detected,
    firstResponse,
    resolved,
    peak: incident.mentions?.peakHour,
    firstResponseEvent:
      firstResponseEvent && firstResponseEvent.at.getTime() === firstResponse?.getTime()
        ? firstResponseEvent
        : undefined,
    notes,
  };
}
