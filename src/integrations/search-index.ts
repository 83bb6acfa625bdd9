import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { createIndex, type PagefindIndex } from 'pagefind';
import { SEARCH_BUNDLES } from '../lib/search/bundles.ts';
import { indexedText, withIndexMeta } from '../lib/search/html-text.ts';
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
  incidents: PagefindIndex;
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
 * Indexes the published post-mortems (`entries`, already filtered by the pages' rule) from
 * their data: the record of each (src/lib/search-record.ts, as `recordOf` gives it) into the
 * incidents bundle, and the same record, trimmed, into the recent bundle for the most recent.
 */
export async function indexIncidents(
  entries: readonly IncidentToIndex[],
  recordOf: (id: string) => Promise<SearchRecord>,
): Promise<{ incidents: PagefindIndex; recent: PagefindIndex; vocabulary: VocabularyBuilder; errors: string[] }> {
  const [incidents, recent] = await Promise.all([newIndex(), newIndex()]);
  const vocabulary = new VocabularyBuilder();
  const recentIds = new Set(mostRecent(entries).map((entry) => entry.id));
  const errors: string[] = [];
  const queue = [...entries];
  await Promise.all(
    Array.from({ length: RECORDS_IN_FLIGHT }, async () => {
      for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
        const record = await recordOf(entry.id);
        const { title = '', aliases = '', keywords = '' } = record.meta;
        vocabulary.add(record.content, title, aliases, keywords);
        const added = await Promise.all([
          incidents.addCustomRecord(record),
          ...(recentIds.has(entry.id) ? [recent.addCustomRecord(recentSearchRecord(record))] : []),
        ]);
        errors.push(...added.flatMap((result) => result.errors));
      }
    }),
  );
  return { incidents, recent, vocabulary, errors };
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
      vocabulary.add(text.body, keywords, ...Object.values(text.meta));
      return playbook.addHTMLFile({
        url: urlOf(base, relative(outDir, file)),
        content: withIndexMeta(html, 'keywords', keywords),
      });
    }),
  );
  return { playbook, count: pages.length, errors: added.flatMap((r) => r.errors) };
}

type Bundle = keyof typeof SEARCH_BUNDLES;

/** Writes the bundles named into `dir` (each in its folder, src/lib/search/bundles.ts); returns Pagefind's errors. */
export async function writeBundles(dir: string, indexes: Partial<Record<Bundle, PagefindIndex>>): Promise<string[]> {
  const written = await Promise.all(
    Object.entries(indexes).map(([bundle, index]) =>
      index.writeFiles({ outputPath: join(dir, SEARCH_BUNDLES[bundle as Bundle]) }),
    ),
  );
  return written.flatMap((result) => result.errors);
}

/** Writes the three bundles and the vocabulary into `outDir`; returns Pagefind's errors. */
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
  return `${base.replace(/\/$/, '')}/${path}`;
}
