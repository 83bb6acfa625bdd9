import { fullIncident, loadIncidents } from './incidents.ts';
import { withBase } from '../lib/paths.ts';
import { isOpenData, openRecord, type OpenPostmortem } from '../lib/open-data/record.ts';

/** An address on the deployed site (`site` and `base` from the Astro config). */
export function siteUrl(path: string): string {
  return new URL(withBase(path), import.meta.env.SITE).href;
}

/**
 * Every published post-mortem as open data, newest first (the library's order), one at a time:
 * each entry's timeline and mention series are read from its details file as it comes, so the
 * build never holds the whole library's open data at once (at 10,000 entries, about 150 MB of
 * JSON text).
 */
export async function* openRecords(): AsyncGenerator<OpenPostmortem> {
  for (const view of await loadIncidents()) {
    if (!isOpenData(view.entry.data)) continue;
    const { data } = await fullIncident(view);
    yield openRecord(view.entry.id, siteUrl(`incidents/${view.entry.id}/`), data, view.durations);
  }
}
