import type { MentionBucket, MentionSummary, PartialIncident } from '../model/incident.ts';
import type { IncidentWindow, LeftOut } from './window.ts';

/**
 * Keeps one export's mentions and events inside the incident window and counts what it left
 * out. The mention summary is recomputed from the hours kept (total, first mention, peak,
 * negative share, reach), so no figure on the page counts a mention the chart does not show.
 */

const count = (bucket: MentionBucket) => bucket.positive + bucket.neutral + bucket.negative;

/** The summary of the hours of `summary.series` kept; undefined when none had mentions. */
function trimMentions(summary: MentionSummary, from: number, to: number, leftOut: LeftOut): MentionSummary | undefined {
  const series: MentionBucket[] = [];
  for (const bucket of summary.series) {
    const at = bucket.at.getTime();
    if (at < from) leftOut.mentionsBefore += count(bucket);
    else if (at >= to) leftOut.mentionsAfter += count(bucket);
    else series.push(bucket);
  }
  if (leftOut.mentionsBefore + leftOut.mentionsAfter === 0) return summary;
  let total = 0;
  let rated = 0;
  let negative = 0;
  let reach = 0;
  let reachEveryHour = true;
  let peak: MentionBucket | undefined;
  for (const bucket of series) {
    const n = count(bucket);
    total += n;
    rated += n - (bucket.unrated ?? 0);
    negative += bucket.negative;
    if (bucket.reach === undefined) reachEveryHour = false;
    else reach += bucket.reach;
    if (n > (peak ? count(peak) : 0)) peak = bucket;
  }
  if (total === 0) return undefined;
  // Hours with no mentions at the edges would only pad the chart.
  const first = series.findIndex((bucket) => count(bucket) > 0);
  const last = series.findLastIndex((bucket) => count(bucket) > 0);
  const kept = series.slice(first, last + 1);
  const trimmed: MentionSummary = {
    series: kept,
    total,
    peakCount: count(peak!),
    peakHour: peak!.at,
    // Sources are counted per export, not per hour: the list stays the export's own.
    topSources: summary.topSources,
    first: leftOut.mentionsBefore === 0 && summary.first ? summary.first : (kept[0]!.first ?? kept[0]!.at),
  };
  if (summary.negativeShare !== undefined && rated > 0) trimmed.negativeShare = negative / rated;
  if (summary.totalReach !== undefined && reachEveryHour) trimmed.totalReach = reach;
  return trimmed;
}

/** One export inside the window, and what was left out of it. */
export function trimToWindow(
  partial: PartialIncident,
  window: IncidentWindow,
): { partial: PartialIncident; leftOut: LeftOut } {
  const from = window.from.getTime();
  const to = window.to.getTime();
  const leftOut: LeftOut = { mentionsBefore: 0, mentionsAfter: 0, eventsBefore: 0, eventsAfter: 0 };
  const events = partial.events.filter((event) => {
    const at = event.at.getTime();
    if (at < from) leftOut.eventsBefore++;
    else if (at >= to) leftOut.eventsAfter++;
    else return true;
    return false;
  });
  const trimmed: PartialIncident = { ...partial, events };
  delete trimmed.mentions;
  const mentions = partial.mentions && trimMentions(partial.mentions, from, to, leftOut);
  if (mentions) trimmed.mentions = mentions;
  // A start outside the window was the export's stray first post; merge derives one from what is kept.
  const started = partial.started?.getTime();
  if (started !== undefined && (started < from || started >= to)) delete trimmed.started;
  return { partial: trimmed, leftOut };
}
