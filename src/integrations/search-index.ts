import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import {
  BUNDLE_FILTER,
  INCIDENT_PARTS_FILE,
  type IncidentParts,
  MAX_INCIDENT_PARTS,
  SEARCH_BUNDLES,
  bundleBit,
  incidentOrderFile,
  incidentPartFolder,
} from '../lib/search/bundles.ts';
import { mapInFlight } from '../lib/in-flight.ts';
import { underBase } from '../lib/paths.ts';
import { sortOrder } from '../lib/search/incident-order.ts';
import { LIBRARY_SORTS } from '../lib/library-facets.ts';
import { indexedText, withIndexFilter, withIndexMeta } from '../lib/search/html-text.ts';
import { mostRecent, recentSearchRecord } from '../lib/search/recent.ts';
import { searchKeywords } from '../lib/search/synonyms.ts';
import { VOCABULARY_DIR, VocabularyBuilder } from '../lib/search/vocabulary.ts';
import type { SearchRecord } from '../lib/search-record.ts';

/**
 * How the search bundles (src/lib/search/bundles.ts) are built with Pagefind's Node API: the
 * build's Pagefind integration (src/integrations/pagefind.ts) runs these, and so does the
 * first-search benchmark (scripts/bench/search-index.ts), so what it measures is what the build writes.
 */

/**
 * Words per index chunk, counted as Pagefind counts them (one per page a word is on, plus one
 * per occurrence). A search fetches the chunk of each of its words; Pagefind's default of
 * 20,000 made the playbook's chunks 27 kB each, so a two-word first search spent 54 kB on them.
 * At 2,500 they are 3–4 kB, and those of the recent bundle, whose pages are long, 3–9 kB (a
 * word on most of its pages fills a chunk of its own). Halving it from 5,000 took 10–20 kB off
 * a first search of the header box and lengthened the chunk list each page table carries
 * (the incidents bundle's by about 15%). One setting for every bundle: Pagefind
 * reads it from its environment only (its service process inherits ours). Were it ever
 * dropped, chunks would grow back, which test/e2e/search-weight.test.ts would catch.
 */
const INDEX_CHUNK_SIZE = 2500;

/** Call before the first createIndex, which starts Pagefind's service process. */
export function useIndexChunkSize(): void {
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= String(INDEX_CHUNK_SIZE);
}

/** Pages under this folder are indexed from their data (custom records), not from their HTML. */
const INCIDENTS_DIR = 'incidents';

/** Indexes in the making, each written to its bundle's folder by writeSearchBundles. */
export interface SearchIndexes {
  playbook: PagefindIndex;
  recent: PagefindIndex;
  /** The words of every page, for the typo suggestions. */
  vocabulary: VocabularyBuilder;
}

async function newIndex(): Promise<PagefindIndex> {
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

/** A post-mortem to index: its id and when it started (which decides the recent bundle). */
export interface IncidentToIndex {
  id: string;
  started: Date;
}

/** Records read and sent to Pagefind's process at a time: the build never holds the whole library's text. */
const RECORDS_IN_FLIGHT = 8;

/**
 * Post-mortems per part of the incidents bundle (src/lib/search/bundles.ts). Pagefind's process
 * peaks while it writes a part, at about 0.65 MB per realistic record: parts of 2,000 peaked at
 * 1.34–1.44 GB, parts of 1,500 at 1.06–1.07 GB (10,000 generated post-mortems, 9,224 published:
 * 7 parts), where one bundle of them all took 5.5 GB. Fewer, larger parts make a library query
 * fetch fewer files (each part's page table and filters, and the index chunk of each word in
 * each part). `FIREBREAK_SEARCH_PART_SIZE` sets it, for a machine with less memory or for tests
 * that need several parts from a small library.
 */
export const INCIDENT_PART_SIZE = 1500;

export function incidentPartSize(env: NodeJS.ProcessEnv = process.env): number {
  const set = env['FIREBREAK_SEARCH_PART_SIZE'];
  if (set === undefined || set === '') return INCIDENT_PART_SIZE;
  const size = Number(set);
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`FIREBREAK_SEARCH_PART_SIZE must be a whole number of post-mortems, 1 or more (it is "${set}")`);
  return size;
}

/** Attempts at moving pages whose Pagefind ids clash across parts into one part (see indexIncidents). */
const CLASH_ROUNDS = 3;

/**
 * Indexes the published post-mortems (`entries`, already filtered by the pages' rule) from
 * their data: the record of each (src/lib/search-record.ts, as `recordOf` gives it) into a part
 * of the incidents bundle, written into `dir` part after part so Pagefind only ever holds one,
 * and the same record, trimmed, into the recent bundle for the most recent (returned, to be
 * written with the others). Beside the parts it writes their list and the library's sort
 * orders (src/lib/search/incident-order.ts), which replace Pagefind's own sorts.
 *
 * Pagefind names a page by seven hex digits of a hash, unique within a bundle but not across
 * bundles; two parts searched together must not share one (the browser tells results apart by
 * it), so pages whose ids clash are moved into one part, which is written again.
 */
export async function indexIncidents(
  entries: readonly IncidentToIndex[],
  recordOf: (id: string) => Promise<SearchRecord>,
  dir: string,
  partSize = incidentPartSize(),
): Promise<{ recent: PagefindIndex; vocabulary: VocabularyBuilder; parts: number; errors: string[] }> {
  const vocabulary = new VocabularyBuilder();
  const recentIds = new Set(mostRecent(entries).map((entry) => entry.id));
  const errors: string[] = [];
  // By record URL, which is what a written fragment tells: each page's sort values and post-mortem.
  const sorts = new Map<string, SearchRecord['sort']>();
  const entryOf = new Map<string, string>();
  const folder = join(dir, SEARCH_BUNDLES.incidents);
  const parts: string[][] = [];
  for (let at = 0; at < entries.length || parts.length === 0; at += partSize)
    parts.push(entries.slice(at, at + partSize).map((entry) => entry.id));
  if (parts.length > MAX_INCIDENT_PARTS)
    throw new Error(
      `${entries.length} post-mortems in parts of ${partSize} make ${parts.length} parts of the search index, over the ${MAX_INCIDENT_PARTS} it can have: raise FIREBREAK_SEARCH_PART_SIZE`,
    );
  const recentBit = bundleBit('recent');

  /**
   * Writes part `n` (0-based), in a Pagefind process of its own: a process that has written a
   * part stays at about half a gigabyte after it (460–550 MB between parts at 10,000 entries),
   * and the next part would start from there. The first time round it also feeds the vocabulary;
   * written again (pages moved in), it tells the vocabulary its pages are in it.
   */
  async function writePart(n: number, firstTime: boolean): Promise<void> {
    const part = await newIndex();
    const name = incidentPartFolder(n + 1);
    const bit = bundleBit(name);
    await mapInFlight(parts[n]!, RECORDS_IN_FLIGHT, async (id) => {
      const record = await recordOf(id);
      const added = [
        part.addCustomRecord({ ...record, filters: { ...record.filters, [BUNDLE_FILTER]: [name] }, sort: {} }),
      ];
      const { title = '', aliases = '', keywords = '' } = record.meta;
      const texts = [record.content, title, aliases, keywords];
      if (firstTime) {
        sorts.set(record.url, record.sort);
        entryOf.set(record.url, id);
        vocabulary.add(recentIds.has(id) ? [bit, recentBit] : [bit], ...texts);
      } else {
        vocabulary.alsoIn([bit], ...texts);
      }
      errors.push(...(await Promise.all(added)).flatMap((result) => result.errors));
    });
    const outputPath = join(folder, name);
    await rm(outputPath, { recursive: true, force: true });
    errors.push(...(await part.writeFiles({ outputPath })).errors);
    await part.deleteIndex();
    await close();
  }

  await rm(folder, { recursive: true, force: true });
  for (let n = 0; n < parts.length; n++) await writePart(n, true);
  let pages = await partPages(folder, parts.length);
  for (let round = 0; round < CLASH_ROUNDS; round++) {
    const moves = clashMoves(pages);
    if (moves.length === 0) break;
    const rewrite = new Set<number>();
    for (const { url, from, to } of moves) {
      const id = entryOf.get(url)!;
      parts[from] = parts[from]!.filter((other) => other !== id);
      parts[to]!.push(id);
      rewrite.add(from).add(to);
    }
    for (const n of rewrite) await writePart(n, false);
    pages = await partPages(folder, parts.length);
  }
  if (clashMoves(pages).length > 0)
    errors.push(`the incidents bundle's parts still share page ids after ${CLASH_ROUNDS} rounds of moving pages`);
  if (pages.length !== sorts.size)
    errors.push(`the incidents bundle's parts hold ${pages.length} pages for ${sorts.size} post-mortems`);

  // The recent bundle last, its records read again (150 of them), so no part shares its process.
  const recent = await newIndex();
  for (const id of recentIds) {
    const trimmed = recentSearchRecord(await recordOf(id));
    const added = await recent.addCustomRecord({
      ...trimmed,
      filters: { ...trimmed.filters, [BUNDLE_FILTER]: ['recent'] },
    });
    errors.push(...added.errors);
  }

  const ordered = pages.map((page) => ({ id: page.id, url: page.url, sort: sorts.get(page.url) ?? {} }));
  // Every key the library sorts by, even with no post-mortem to sort: a sorted view always finds its order.
  const keys = [...new Set(Object.values(LIBRARY_SORTS).flatMap((sort) => Object.keys(sort)))].sort();
  await Promise.all([
    ...keys.map((key) => writeFile(join(folder, incidentOrderFile(key)), JSON.stringify(sortOrder(ordered, key)))),
    writeFile(
      join(folder, INCIDENT_PARTS_FILE),
      JSON.stringify({ parts: parts.length, sorts: keys } satisfies IncidentParts),
    ),
  ]);
  return { recent, vocabulary, parts: parts.length, errors };
}

/** A page of a written part: its Pagefind id (its fragment's name), its URL and the part (0-based). */
export interface PartPage {
  id: string;
  url: string;
  part: number;
}

/** Fragments read at a time: far under any limit on open files (macOS allows a process 256 by default). */
const FRAGMENTS_IN_FLIGHT = 64;

/** Every page of the `count` parts written in `folder`, read back from their fragments. */
async function partPages(folder: string, count: number): Promise<PartPage[]> {
  const unpack = promisify(gunzip);
  const pages: PartPage[] = [];
  for (let part = 0; part < count; part++) {
    const fragments = join(folder, incidentPartFolder(part + 1), 'fragment');
    const names = (await readdir(fragments).catch(() => [])).filter((name) => name.endsWith(FRAGMENT_SUFFIX));
    const read = await mapInFlight(names, FRAGMENTS_IN_FLIGHT, async (name) => {
      const text = (await unpack(await readFile(join(fragments, name)))).toString('utf8');
      // Pagefind prefixes each decompressed fragment with a signature before its JSON.
      const { url } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string };
      return { id: name.slice(0, -FRAGMENT_SUFFIX.length), url, part };
    });
    pages.push(...read);
  }
  return pages;
}

const FRAGMENT_SUFFIX = '.pf_fragment';

/**
 * For each id found in more than one part, the moves (by page URL) that put its pages into the
 * first of those parts, where Pagefind gives them distinct ids.
 */
export function clashMoves(pages: readonly PartPage[]): Array<{ url: string; from: number; to: number }> {
  const byId = new Map<string, PartPage[]>();
  for (const page of pages) byId.set(page.id, [...(byId.get(page.id) ?? []), page]);
  const moves: Array<{ url: string; from: number; to: number }> = [];
  for (const same of byId.values()) {
    const to = Math.min(...same.map((page) => page.part));
    for (const page of same) if (page.part !== to) moves.push({ url: page.url, from: page.part, to });
  }
  return moves;
}

/**
 * Indexes every HTML page of the built site in `outDir` but the incident pages into the
 * playbook bundle, with the hidden `keywords` field of its synonyms; adds its words to `vocabulary`.
 */
export async function indexPlaybook(
  outDir: string,
  base: string,
  vocabulary: VocabularyBuilder,
): Promise<{ playbook: PagefindIndex; count: number; errors: string[] }> {
  const pages = await htmlFiles(outDir);
  const playbook = await newIndex();
  const added = await Promise.all(
    pages.map(async (file) => {
      const html = await readFile(file, 'utf8');
      const text = indexedText(html);
      const aliases = (text.meta['aliases'] ?? '').split(',').map((alias) => alias.trim());
      const keywords = searchKeywords(text.body, aliases.filter(Boolean));
      vocabulary.add([bundleBit('playbook')], text.body, keywords, ...Object.values(text.meta));
      return playbook.addHTMLFile({
        url: urlOf(base, relative(outDir, file)),
        content: withIndexFilter(withIndexMeta(html, 'keywords', keywords), BUNDLE_FILTER, 'playbook'),
      });
    }),
  );
  return { playbook, count: pages.length, errors: added.flatMap((r) => r.errors) };
}

type Bundle = keyof typeof SEARCH_BUNDLES;

/** Writes the bundles named into `dir` (each in its folder, src/lib/search/bundles.ts); returns Pagefind's errors. */
export async function writeBundles(
  dir: string,
  indexes: Partial<Record<Exclude<Bundle, 'incidents'>, PagefindIndex>>,
): Promise<string[]> {
  const written = await Promise.all(
    Object.entries(indexes).map(([bundle, index]) =>
      index.writeFiles({ outputPath: join(dir, SEARCH_BUNDLES[bundle as Bundle]) }),
    ),
  );
  return written.flatMap((result) => result.errors);
}

/** Writes the playbook and recent bundles and the vocabulary into `outDir` (indexIncidents wrote the incidents bundle); returns Pagefind's errors. */
export async function writeSearchBundles(outDir: string, indexes: SearchIndexes): Promise<string[]> {
  const { vocabulary, ...bundles } = indexes;
  const [errors] = await Promise.all([
    writeBundles(outDir, bundles),
    writeVocabulary(join(outDir, VOCABULARY_DIR), vocabulary),
  ]);
  return errors;
}

/**
 * One gzipped JSON file per first letter (`a.vocab`…): the browser fetches the few a query
 * needs and unpacks them with DecompressionStream. Not `.gz`, so no server mistakes them for
 * a compressed response and unpacks them on the way.
 */
export async function writeVocabulary(dir: string, vocabulary: VocabularyBuilder): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const pack = promisify(gzip);
  await Promise.all(
    [...vocabulary.shards()].map(async ([key, shard]) =>
      writeFile(join(dir, `${key}.vocab`), await pack(JSON.stringify(shard), { level: 9 })),
    ),
  );
}

/** Every HTML file of the built site outside the incident pages (which are indexed from data). */
async function htmlFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => relative(outDir, file).split(sep)[0] !== INCIDENTS_DIR);
}

/** `playbook/step-01/index.html` → `/playbook/step-01/` under the site's base. */
function urlOf(base: string, file: string): string {
  const path = file
    .split(sep)
    .join('/')
    .replace(/(^|\/)index\.html$/, '$1');
  return underBase(base, path);
}
