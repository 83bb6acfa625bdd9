import type { AstroIntegration } from 'astro';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { isShownOnSite } from '../build-flags.ts';
import { SEARCH_BUNDLES } from '../lib/search/bundles.ts';
import { indexedText, withIndexMeta } from '../lib/search/html-text.ts';
import { searchKeywords } from '../lib/search/synonyms.ts';
import { VOCABULARY_DIR, VocabularyBuilder } from '../lib/search/vocabulary.ts';
import { loadedPostmortems } from '../content/library.ts';
import { readDetails } from '../content/postmortem-details.ts';

/**
 * Words per index chunk, counted as Pagefind counts them (one per page a word is on, plus one
 * per occurrence). A search fetches the chunk of each of its words; Pagefind's default of
 * 20,000 made the playbook's chunks 27 kB each, so a two-word first search spent 54 kB on them.
 * At 5,000 they are 6–8 kB. Pagefind reads this from its environment only (its service process
 * inherits ours); were the setting ever dropped, chunks would grow back, which
 * test/e2e/search-weight.test.ts would catch.
 */
const INDEX_CHUNK_SIZE = 5000;

/** Pages under this folder are indexed from their data (custom records), not from their HTML. */
const INCIDENTS_DIR = 'incidents';

/**
 * Builds the two Pagefind search bundles (src/lib/search/bundles.ts) through Pagefind's Node API,
 * so `npm run build` alone yields a searchable `dist/`. Post-mortems are indexed into the
 * incidents bundle as the custom records the content loader made (src/content/: from the
 * validated data and the text of the rendered body, kept in each entry's details file) as soon
 * as the build starts, while Astro is
 * still generating pages (Pagefind works in its own process, so on two cores the two overlap);
 * the remaining pages (the playbook) are indexed into the playbook bundle
 * from their HTML at `astro:build:done`, where `data-pagefind-body` keeps navigation out.
 *
 * Every page is indexed with a hidden `keywords` field holding the synonyms of what it says
 * (src/schema/synonyms.ts), and the words of the whole index are written to
 * `search-vocabulary/` for the browser's typo suggestions (src/lib/search/vocabulary.ts).
 */
export function pagefind(): AstroIntegration {
  let base = '/';
  let incidents:
    Promise<{ index: PagefindIndex; count: number; errors: string[]; vocabulary: VocabularyBuilder }> | undefined;

  return {
    name: 'firebreak:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:start': () => {
        // Before the first createIndex, which starts Pagefind's service process.
        process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= String(INDEX_CHUNK_SIZE);
        incidents = indexIncidents();
        // Surface failures at build:done, with the other indexing errors, not as an unhandled rejection.
        incidents.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const { index, count, errors, vocabulary } = await (incidents ?? indexIncidents());
        const pages = await htmlFiles(outDir);
        const { index: playbook, errors: startErrors } = await createIndex({ forceLanguage: 'en' });
        if (!playbook) throw new Error(`Pagefind could not start: ${startErrors.join('; ')}`);
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
        const [{ errors: incidentWriteErrors }, { errors: playbookWriteErrors }] = await Promise.all([
          index.writeFiles({ outputPath: join(outDir, SEARCH_BUNDLES.incidents) }),
          playbook.writeFiles({ outputPath: join(outDir, SEARCH_BUNDLES.playbook) }),
          writeVocabulary(join(outDir, VOCABULARY_DIR), vocabulary),
        ]);
        await close();
        const allErrors = [
          ...errors,
          ...startErrors,
          ...added.flatMap((r) => r.errors),
          ...incidentWriteErrors,
          ...playbookWriteErrors,
        ];
        if (allErrors.length > 0) throw new Error(`Pagefind failed: ${allErrors.join('; ')}`);
        logger.info(
          `indexed ${count} post-mortems and ${pages.length} other pages (final pass ${Math.round(performance.now() - started)} ms)`,
        );
      },
    },
  };
}

async function indexIncidents() {
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // The pages' rule (the index is only built by `astro build`, never in dev).
  const entries = loadedPostmortems().filter((entry) => isShownOnSite(entry.status, false));
  const vocabulary = new VocabularyBuilder();
  const recordErrors: string[] = [];
  // A few records in flight at a time: each is read from its details file and sent to Pagefind's
  // process, so the build never holds the whole library's text.
  const queue = [...entries];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
        const { record } = await readDetails(entry.id);
        const { title = '', aliases = '', keywords = '' } = record.meta;
        vocabulary.add(record.content, title, aliases, keywords);
        recordErrors.push(...(await index.addCustomRecord(record)).errors);
      }
    }),
  );
  return { index, count: entries.length, errors: [...errors, ...recordErrors], vocabulary };
}

/**
 * One gzipped JSON file per first letter (`a.vocab`…): the browser fetches the few a query
 * needs and unpacks them with DecompressionStream. Not `.gz`, so no server mistakes them for
 * a compressed response and unpacks them on the way.
 */
async function writeVocabulary(dir: string, vocabulary: VocabularyBuilder): Promise<void> {
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
