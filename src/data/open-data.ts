import { loadIncidents } from './incidents.ts';
import { withBase } from '../lib/paths.ts';
import { isOpenData, openRecord, type OpenPostmortem } from '../lib/open-data/record.ts';

/** An address on the deployed site (`site` and `base` from the Astro config). */
export function siteUrl(path: string): string {
  return new URL(withBase(path), import.meta.env.SITE).href;
}

let cached: Promise<OpenPostmortem[]> | undefined;

/** Every published post-mortem as open data, newest first (the library's order); memoized. */
export function loadOpenRecords(): Promise<OpenPostmortem[]> {
  cached ??= loadIncidents().then((views) =>
    views
      .filter((view) => isOpenData(view.entry.data))
      .map((view) =>
        openRecord(view.entry.id, siteUrl(`incidents/${view.entry.id}/`), view.entry.data, view.durations),
      ),
  );
  return cached;
}
