import type { PartialIncident } from '../model/incident.ts';

/**
 * Time zones are never silent: an export whose times carried no zone says which zone it was
 * read in (the adapter's `timeZoneNote`), and when such times meet absolute ones (Slack's epoch
 * seconds, an incident tool's UTC instants) the page says the durations between them depend on
 * that zone being right.
 */

function isDated(partial: PartialIncident): boolean {
  return (
    partial.events.length > 0 ||
    (partial.mentions?.total ?? 0) > 0 ||
    partial.started !== undefined ||
    partial.detected !== undefined ||
    partial.resolved !== undefined
  );
}

/** The notes for the page about the zones the times were read in; none when every time was absolute. */
export function timeZoneNotes(partials: readonly PartialIncident[]): string[] {
  const assumed = partials.filter((partial) => partial.timeZoneNote);
  if (assumed.length === 0) return [];
  const notes = assumed.map((partial) => `${partial.file}: ${partial.timeZoneNote}`);
  const absolute = partials.filter((partial) => !partial.timeZoneNote && isDated(partial));
  if (absolute.length > 0) {
    const files = (list: PartialIncident[]) => list.map((partial) => partial.file).join(', ');
    notes.push(
      `Durations here combine absolute times (${files(absolute)}) with times read in an assumed zone (${files(assumed)}): if that zone is wrong, every duration between them is off by the difference. Pass --tz with the zone the exporting tool was set to.`,
    );
  }
  return notes;
}
