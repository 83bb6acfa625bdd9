import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  INCIDENT_PARTS_FILE,
  type IncidentParts,
  SEARCH_BUNDLES,
  incidentPartFolder,
} from '../../src/lib/search/bundles.ts';

/** One page of the incidents bundle as its fragment stores it: the part, the Pagefind id, the URL and the JSON text. */
export interface IncidentFragment {
  part: number;
  id: string;
  url: string;
  text: string;
}

/**
 * Every page in the incidents bundle of the built site `dist`, from each part its `parts.json`
 * lists (src/lib/search/bundles.ts). A fragment is gzipped "pagefind_dcd" + the page's JSON
 * record. No bundle at all gives no pages: the callers' assertions then say what is missing.
 */
export function incidentFragments(dist: string): IncidentFragment[] {
  const bundle = join(dist, SEARCH_BUNDLES.incidents);
  const list = join(bundle, INCIDENT_PARTS_FILE);
  if (!existsSync(list)) return [];
  const { parts } = JSON.parse(readFileSync(list, 'utf8')) as IncidentParts;
  return Array.from({ length: parts }, (_, i) => i + 1).flatMap((part) => {
    const dir = join(bundle, incidentPartFolder(part), 'fragment');
    return (existsSync(dir) ? readdirSync(dir) : []).map((name) => {
      const text = gunzipSync(readFileSync(join(dir, name)))
        .toString('utf8')
        .replace(/^[^{]*/, '');
      return { part, id: name.replace(/\.pf_fragment$/, ''), url: (JSON.parse(text) as { url: string }).url, text };
    });
  });
}
