import type { Incident } from '../model/incident.ts';

/** A severity on the triage scale and the sentence that tells the author where it came from. */
export interface SeverityEstimate {
  /** 1 (critical) … 4 (watch). */
  level: number;
  /** How it was chosen; a TODO when it is a guess. */
  note: string;
}

/** Severity 1–4 from the incident tool, else from how far the peak rose above the median hour. */
export function estimateSeverity(incident: Incident): SeverityEstimate {
  if (incident.severity !== undefined) {
    return {
      level: incident.severity,
      note: `Severity ${incident.severity} comes from the incident tool's export.`,
    };
  }
  const series = incident.mentions?.series ?? [];
  if (series.length === 0 || !incident.mentions?.peakCount) {
    return {
      level: 3,
      note: 'TODO: severity 3 is a placeholder: no export measured mention volume. Set it from the triage scale.',
    };
  }
  // Quiet hours (nights, gaps between exports) would make any peak look enormous: compare
  // against the median of the hours that had mentions at all.
  const counts = series
    .map((bucket) => bucket.positive + bucket.neutral + bucket.negative)
    .filter((count) => count > 0)
    .sort((a, b) => a - b);
  const median = counts[Math.floor(counts.length / 2)] ?? 1;
  const ratio = incident.mentions.peakCount / Math.max(median, 1);
  const level = ratio >= 20 ? 1 : ratio >= 5 ? 2 : ratio >= 2 ? 3 : 4;
  return {
    level,
    note: `TODO: severity ${level} is estimated from volume only: the peak hour had ${Math.round(ratio * 10) / 10}× the median of the hours with mentions (${incident.mentions.peakCount} vs ${median}). Check media, exposure and executives on the triage scale.`,
  };
}
