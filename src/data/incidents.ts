import { getCollection, type CollectionEntry } from 'astro:content';
import { isShownOnSite } from '../build-flags.ts';
import type { Durations } from '../lib/analysis/durations.ts';
import { newestFirst } from '../content/library.ts';
import { readDetails, withDetails } from '../content/postmortem-details.ts';
import type { Postmortem } from '../schema/postmortem.ts';

export type IncidentEntry = CollectionEntry<'postmortems'>;

/** An incident as the lists show it: its stored summary (no timeline, no mention series, no body). */
export interface IncidentView {
  entry: IncidentEntry;
  durations: Durations;
}

/** An incident whole, for its own page and the open data: every field, and the rendered body. */
export interface FullIncident {
  data: Postmortem;
  /** The body as the site's Markdown processor rendered it (inert: see src/integrations/inert-markdown.ts). */
  html: string;
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
        .map((entry) => ({ entry, durations: entry.data.durations }))
        .sort((a, b) =>
          newestFirst(
            { id: a.entry.id, started: a.entry.data.started },
            { id: b.entry.id, started: b.entry.data.started },
          ),
        ),
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

/** The whole of one incident, read from its details file (one at a time, so the build never holds them all). */
export async function fullIncident(view: IncidentView): Promise<FullIncident> {
  const details = await readDetails(view.entry.id);
  return { data: withDetails(view.entry.data, details), html: details.html };
}
