import { getCollection, type CollectionEntry } from 'astro:content';
import { isShownOnSite } from '../build-flags.ts';
import type { Durations } from '../lib/analysis/durations.ts';
import { durationsOfPostmortem } from '../lib/analysis/postmortem-durations.ts';

export type IncidentEntry = CollectionEntry<'postmortems'>;

export interface IncidentView {
  entry: IncidentEntry;
  durations: Durations;
}

let cached: Promise<IncidentView[]> | undefined;

/**
 * Every incident the site shows, newest first, with its computed durations. Memoized: with
 * thousands of entries, each page must not re-read and re-sort the whole collection.
 */
export function loadIncidents(): Promise<IncidentView[]> {
  cached ??= getCollection('postmortems', (entry) => isShownOnSite(entry.data.status, import.meta.env.DEV)).then(
    (entries) =>
      entries
        .map((entry) => ({ entry, durations: durationsOfPostmortem(entry.data) }))
        .sort((a, b) => b.entry.data.started.getTime() - a.entry.data.started.getTime()),
  );
  return cached;
}

let byIdCache: Promise<Map<string, IncidentView>> | undefined;

export function incidentsById(): Promise<Map<string, IncidentView>> {
  byIdCache ??= loadIncidents().then((all) => new Map(all.map((view) => [view.entry.id, view])));
  return byIdCache;
}

/** The newest incidents that exercised a playbook step, for the step pages. */
export async function incidentsForStep(step: number, limit: number): Promise<{ views: IncidentView[]; total: number }> {
  const matching = (await loadIncidents()).filter((view) => view.entry.data.playbookSteps.includes(step));
  return { views: matching.slice(0, limit), total: matching.length };
}
