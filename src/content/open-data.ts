import { siteAddress } from '../lib/paths.ts';
import { openDataCsv, openDataJson } from '../lib/open-data/document.ts';
import { isOpenData, openRecord, type OpenPostmortem } from '../lib/open-data/record.ts';
import { loadedPostmortems, newestFirst } from './library.ts';
import { readDetails, withDetails } from './postmortem-details.ts';

/**
 * The open data (src/schema/open-data.ts) from what the content loader stored: written by the
 * build straight into `dist/` (src/integrations/open-data.ts), served by the same code in
 * `astro dev`. Not an Astro endpoint in the build: Astro gathers an endpoint's whole response
 * in memory before writing it, and at 10,000 entries the JSON alone is about 150 MB of text, the
 * largest moment of the build's memory (node went from about 1.2 to 1.6–2.0 GB for it).
 */

/** The site's address and base (Astro's `site` and `base`), for the links in the records. */
export interface SiteAddress {
  site: string;
  base: string;
}

/**
 * Every published post-mortem as open data, newest first (the library's order), one at a time:
 * each entry's timeline and mention series are read from its details file as it comes.
 */
export async function* openRecords(at: SiteAddress): AsyncGenerator<OpenPostmortem> {
  for (const entry of loadedPostmortems().filter(isOpenData).sort(newestFirst)) {
    const details = await readDetails(entry.id);
    const url = siteAddress(at.site, at.base, `incidents/${entry.id}/`);
    yield openRecord(entry.id, url, withDetails(details.summary, details), details.summary.durations);
  }
}

/** Where the documents live on the site, as the pages link to them. */
export const OPEN_DATA_PATHS = ['api/postmortems.json', 'api/postmortems.csv'] as const;

/** One open-data document: where it lives on the site, its media type, its text piece by piece. */
export interface OpenDataFile {
  /** Site-relative path (one of OPEN_DATA_PATHS). */
  path: (typeof OPEN_DATA_PATHS)[number];
  contentType: string;
  text: () => AsyncGenerator<string>;
}

/** The two documents, JSON and CSV, of the same records. `generated` is the build's day. */
export function openDataFiles(at: SiteAddress, generated: Date): OpenDataFile[] {
  return [
    {
      path: OPEN_DATA_PATHS[0],
      contentType: 'application/json; charset=utf-8',
      text: () =>
        openDataJson(openRecords(at), {
          schemaUrl: siteAddress(at.site, at.base, 'schemas/postmortems-api.schema.json'),
          generated,
        }),
    },
    { path: OPEN_DATA_PATHS[1], contentType: 'text/csv; charset=utf-8', text: () => openDataCsv(openRecords(at)) },
  ];
}
