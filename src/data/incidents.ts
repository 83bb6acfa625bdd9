import { getCollection, type CollectionEntry } from 'astro:content';
import { includeDraftsInBuild } from '../build-flags.ts';
import { computeDurations, type Durations } from '../lib/analysis/durations.ts';
import { peakOf } from '../lib/analysis/mention-peak.ts';

export type IncidentEntry = CollectionEntry<'postmortems'>;

export interface IncidentView {
  entry: IncidentEntry;
  durations: Durations;
  /** Start of the busiest hour, when a mention series exists. */
  peak?: Date;
}

/**
 * Drafts are for authors: `npm run dev` shows them (with a banner), the production build leaves
 * them out so a half-written post-mortem never goes live (unless a preview asks for them).
 */
export const showDrafts = import.meta.env.DEV || includeDraftsInBuild;

let cached: Promise<IncidentView[]> | undefined;

/**
 * Every incident the site shows, newest first, with its computed durations. Memoized: with
 * thousands of entries, each page must not re-read and re-sort the whole collection.
 */
export function loadIncidents(): Promise<IncidentView[]> {
  cached ??= getCollection('postmortems', (entry) => showDrafts || entry.data.status !== 'draft').then((entries) =>
    entries
      .map((entry) => {
        const peak = peakOf(entry.data.impact.mentionSeries ?? [])?.at;
        return {
          entry,
          durations: computeDurations({ ...entry.data, peak }),
          ...(peak ? { peak } : {}),
        };
      })
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
