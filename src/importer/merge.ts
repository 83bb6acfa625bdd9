import type {
  Incident,
  IncidentEvent,
  MentionBucket,
  MentionSummary,
  PartialIncident,
  Person,
} from './model/incident.ts';
import type { Platform } from '../schema/taxonomy.ts';
import type { AuthoredFields } from './model/authored.ts';
import { GAP_FILL_MAX_HOURS } from './model/mentions.ts';
import { ImportError } from './errors.ts';
import { differentPeriodWarnings, exportPeriod } from './analysis/periods.ts';
import { timeZoneNotes } from './analysis/time-zones.ts';
import {
  describeLeftOut,
  findIncidentWindow,
  utcMinute,
  type IncidentWindow,
  type WindowBounds,
} from './analysis/window.ts';
import { trimToWindow } from './analysis/window-trim.ts';

/** The merged incident plus what authored exports (Firebreak JSON) said outright. */
export interface MergedIncident extends Incident {
  /** Post-mortem fields given by the exports; the first export that gives a field wins. */
  authored: AuthoredFields;
  /** A first public response an export stated outright (otherwise analysis derives it). */
  firstResponse?: Date;
  /** The incident window the exports were kept to (see analysis/window.ts). */
  window?: IncidentWindow;
  /**
   * What a person running the import must hear now (also in `notes`, for the page): mentions
   * left out by the window, exports of different periods, times read in an assumed zone.
   */
  warnings: string[];
}

/** How to merge: the CLI's --from/--to. */
export interface MergeOptions {
  window?: WindowBounds | undefined;
}

const HOUR = 3_600_000;

function earliest(...dates: (Date | undefined)[]): Date | undefined {
  let best: Date | undefined;
  for (const date of dates) if (date && (!best || date < best)) best = date;
  return best;
}

function latest(...dates: (Date | undefined)[]): Date | undefined {
  let best: Date | undefined;
  for (const date of dates) if (date && (!best || date > best)) best = date;
  return best;
}

function isGapFree(series: readonly MentionBucket[]): boolean {
  if (series.length === 0) return true;
  return (series[series.length - 1]!.at.getTime() - series[0]!.at.getTime()) / HOUR + 1 === series.length;
}

function isText(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/** One person seen by several exports: later exports fill what earlier ones left out. */
function mergePerson(a: Person, b: Person): Person {
  const merged: Person = { ...b, ...a };
  if (a.role !== b.role && (a.role === 'brand' || b.role === 'brand')) merged.role = 'brand';
  if (a.verified || b.verified) merged.verified = true;
  const followers = Math.max(a.followers ?? -1, b.followers ?? -1);
  if (followers >= 0) merged.followers = followers;
  // Every name either export knows, so redaction catches each one.
  const aliases = [...new Set([...(a.aliases ?? []), ...(b.aliases ?? []), ...[b.name, b.handle].filter(isText)])];
  const known = new Set([merged.name, merged.handle]);
  const extra = aliases.filter((alias) => !known.has(alias));
  if (extra.length > 0) merged.aliases = extra;
  return merged;
}

/** Two events are the same when exports overlap (the same post in a listening CSV and the X API). */
function eventKey(event: IncidentEvent): string {
  return event.sourceId
    ? `id:${event.sourceId}`
    : `${event.at.getTime()}|${event.actorId ?? event.actor}|${event.text}`;
}

/**
 * Adds mention series hour by hour and fills the hours between them, so the chart's time axis
 * stays honest. Two listening exports of the same query would double count, so the writer
 * tells the author when more than one export contributed volume. Throws ImportError (naming
 * the exports) when the series would run over GAP_FILL_MAX_HOURS: no page holds that.
 */
function mergeMentions(summaries: MentionSummary[], files: string[]): MentionSummary | undefined {
  if (summaries.length === 0) return undefined;
  const only = summaries.length === 1 ? summaries[0]! : undefined;
  if (only && isGapFree(only.series)) return only;
  const byHour = new Map<number, MentionBucket>();
  for (const summary of summaries) {
    for (const bucket of summary.series) {
      const key = Math.floor(bucket.at.getTime() / HOUR) * HOUR;
      const into = byHour.get(key) ?? { at: new Date(key), positive: 0, neutral: 0, negative: 0 };
      into.positive += bucket.positive;
      into.neutral += bucket.neutral;
      into.negative += bucket.negative;
      if (bucket.unrated) into.unrated = (into.unrated ?? 0) + bucket.unrated;
      if (bucket.reach !== undefined) into.reach = (into.reach ?? 0) + bucket.reach;
      const first = earliest(into.first, bucket.first);
      if (first) into.first = first;
      byHour.set(key, into);
    }
  }
  const keys = [...byHour.keys()].sort((a, b) => a - b);
  const series: MentionBucket[] = [];
  if (keys.length > 0) {
    const [start, end] = [keys[0]!, keys[keys.length - 1]!];
    const hours = (end - start) / HOUR + 1;
    if (hours > GAP_FILL_MAX_HOURS) {
      throw new ImportError(
        files.join(', '),
        `the mention series would run from ${utcMinute(new Date(start))} to ${utcMinute(new Date(end))} (${hours.toLocaleString('en')} hours), far more than one page holds; expected one incident: narrow the incident window with --from and --to`,
        'mentions',
      );
    }
    for (let at = start; at <= end; at += HOUR) {
      series.push(byHour.get(at) ?? { at: new Date(at), positive: 0, neutral: 0, negative: 0 });
    }
  }
  if (only) return { ...only, series };
  let peak: MentionBucket | undefined;
  let peakCount = 0;
  for (const bucket of series) {
    const count = bucket.positive + bucket.neutral + bucket.negative;
    if (count > peakCount) {
      peakCount = count;
      peak = bucket;
    }
  }
  const sources = new Map<string, number>();
  for (const summary of summaries)
    for (const source of summary.topSources) sources.set(source.name, (sources.get(source.name) ?? 0) + source.count);
  const total = summaries.reduce((sum, summary) => sum + summary.total, 0);
  const withSentiment = summaries.filter((summary) => summary.negativeShare !== undefined);
  const sentimentTotal = withSentiment.reduce((sum, summary) => sum + summary.total, 0);
  const reach = summaries.filter((summary) => summary.totalReach !== undefined);
  const first = earliest(...summaries.map((summary) => summary.first));
  return {
    series,
    total,
    peakCount,
    topSources: [...sources]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count)
      .slice(0, 10),
    ...(first && { first }),
    ...(peak && { peakHour: peak.at }),
    ...(sentimentTotal > 0 && {
      negativeShare:
        withSentiment.reduce((sum, summary) => sum + summary.negativeShare! * summary.total, 0) / sentimentTotal,
    }),
    ...(reach.length > 0 && { totalReach: reach.reduce((sum, summary) => sum + summary.totalReach!, 0) }),
  };
}

/** Nothing of an export is left inside the window. */
function isEmpty(partial: PartialIncident): boolean {
  return partial.events.length === 0 && !partial.mentions;
}

/**
 * Keeps every export to the incident window; the notes say what was left out, per export.
 * Throws ImportError when --from/--to leave nothing of any export.
 */
function keepToWindow(partials: readonly PartialIncident[], window: IncidentWindow) {
  const kept: PartialIncident[] = [];
  const notes: string[] = [];
  for (const partial of partials) {
    const { partial: trimmed, leftOut } = trimToWindow(partial, window);
    kept.push(trimmed);
    const note = describeLeftOut(leftOut, window);
    if (note) notes.push(`${partial.file}: ${note}`);
  }
  if (kept.every(isEmpty) && !partials.every(isEmpty)) {
    const periods = partials.flatMap((partial) => {
      const period = exportPeriod(partial);
      return period ? [`${period.file} runs ${utcMinute(period.first)} to ${utcMinute(period.last)}`] : [];
    });
    const span =
      window.from < window.to
        ? `from ${utcMinute(window.from)} to ${utcMinute(window.to)}`
        : window.fromBasis === 'option'
          ? `from ${utcMinute(window.from)} on`
          : `before ${utcMinute(window.to)}`;
    throw new ImportError(
      '--from/--to',
      `no event or mention falls in the incident window ${span}; ${periods.join(', ')}: expected --from/--to inside those periods`,
    );
  }
  if (notes.length > 0) notes.unshift(window.description);
  return { kept, notes };
}

/**
 * Combines what every adapter read into one incident: first each export is kept to the
 * incident window (analysis/window.ts), then people by id, events in time order (duplicates
 * across exports dropped), platforms in order of first appearance, the earliest start and
 * detection, the latest resolution, the most severe severity.
 */
export function mergeIncidents(all: readonly PartialIncident[], options: MergeOptions = {}): MergedIncident {
  if (all.length === 0) throw new Error('mergeIncidents needs at least one partial incident');
  const periodWarnings = differentPeriodWarnings(all);
  const window = findIncidentWindow(all, options.window);
  const windowed = window ? keepToWindow(all, window) : { kept: [...all], notes: [] };
  const partials = windowed.kept;
  const zoneNotes = timeZoneNotes(partials);
  const warnings = [...periodWarnings, ...windowed.notes, ...zoneNotes];

  const people = new Map<string, Person>();
  const seen = new Set<string>();
  const events: IncidentEvent[] = [];
  const platforms: Platform[] = [];
  const notes: string[] = [];
  const engagement: Record<string, number> = {};
  let authored: AuthoredFields = {};
  let title: string | undefined;
  let severity: number | undefined;

  for (const partial of partials) {
    title ??= partial.title;
    if (partial.severity !== undefined) severity = Math.min(severity ?? 4, partial.severity);
    for (const platform of partial.platforms) if (!platforms.includes(platform)) platforms.push(platform);
    for (const person of partial.people) {
      const known = people.get(person.id);
      people.set(person.id, known ? mergePerson(known, person) : person);
    }
    for (const event of partial.events) {
      const key = eventKey(event);
      if (seen.has(key)) continue;
      seen.add(key);
      events.push(event);
      if (event.platform && !platforms.includes(event.platform)) platforms.push(event.platform);
    }
    for (const [name, value] of Object.entries(partial.engagement ?? {}))
      engagement[name] = (engagement[name] ?? 0) + value;
    for (const note of partial.notes) notes.push(`${partial.file}: ${note}`);
    if (partial.authored) authored = { ...partial.authored, ...authored };
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());

  const withMentions = partials.filter((partial) => partial.mentions);
  const mentionSummaries = withMentions.map((partial) => partial.mentions!);
  if (mentionSummaries.length > 1) {
    notes.push(
      `Mention volume was added up from ${mentionSummaries.length} exports; if they cover the same query, the counts are doubled.`,
    );
  }
  const mentions = mergeMentions(
    mentionSummaries,
    withMentions.map((partial) => partial.file),
  );
  notes.push(...warnings);
  // Metric events stand for a whole hour bucket; they do not mark when anything began.
  const firstEvent = events.find((event) => event.kind !== 'metric');
  const started = earliest(...partials.map((partial) => partial.started), mentions?.first, firstEvent?.at);
  const detected = earliest(...partials.map((partial) => partial.detected));
  const resolved = latest(...partials.map((partial) => partial.resolved));
  const firstResponse = earliest(...partials.map((partial) => partial.firstResponse));

  return {
    sources: partials.map((partial) => ({ adapter: partial.adapter, file: partial.file })),
    platforms,
    events,
    people: [...people.values()],
    notes,
    warnings,
    authored,
    ...(window && { window }),
    ...(title !== undefined && { title }),
    ...(severity !== undefined && { severity }),
    ...(started && { started }),
    ...(detected && { detected }),
    ...(resolved && { resolved }),
    ...(firstResponse && { firstResponse }),
    ...(mentions && { mentions }),
    ...(Object.keys(engagement).length > 0 && { engagement }),
  };
}
