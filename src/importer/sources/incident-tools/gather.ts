import type { FileIncidents } from './select.ts';

/**
 * Gathering the chosen incident's timeline items (log entries, updates, notes) out of every file
 * an incident tool's export came as: the incident's own lists and the lists saved on their own.
 */

/**
 * The sightings of the chosen incident in one file, with the prefix that places what each holds
 * (`incidents[2].`; nothing for a file that is the incident itself).
 */
export function* sightingsIn<I extends { id: string }>(
  { incidents }: FileIncidents<I>,
  id: string,
): Generator<{ incident: I; prefix: string }> {
  for (const { incident, place } of incidents) {
    if (incident.id === id)
      yield { incident, prefix: place === 'incident' || place === 'the incident' ? '' : `${place}.` };
  }
}

/** An item of the timeline (a log entry, an update, a note) with the file and place it came from. */
export interface Placed<T> {
  item: T;
  file: string;
  ref: string;
}

/** Items gathered from every file, each once: the same log entry may be in two files. */
export class PlacedOnce<T extends { id: string }> {
  readonly items: Placed<T>[] = [];
  readonly #seen = new Set<string>();

  add(item: T, file: string, ref: string): void {
    if (this.#seen.has(item.id)) return;
    this.#seen.add(item.id);
    this.items.push({ item, file, ref: `${ref} ${item.id}` });
  }
}
