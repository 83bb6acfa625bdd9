import type { AstroIntegration } from 'astro';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close } from 'pagefind';
import { isShownOnSite } from '../build-flags.ts';
import { detailsDir, loadedPostmortems, setDetailsDir } from '../content/library.ts';
import { readDetails } from '../content/postmortem-details.ts';
import { SEARCH_BUNDLES } from '../lib/search/bundles.ts';
import { VOCABULARY_DIR } from '../lib/search/vocabulary.ts';
import { moveInto } from './move-into.ts';
import {
  type IncidentToIndex,
  indexIncidents,
  indexPlaybook,
  useIndexChunkSize,
  writeBundles,
  writeVocabulary,
} from './search-index.ts';

/**
 * Builds the three Pagefind search bundles (src/lib/search/bundles.ts) through Pagefind's Node
 * API (src/integrations/search-index.ts), so a build yields a searchable `dist/`. Post-mortems
 * are indexed into the incidents and recent bundles as the custom records the content loader
 * made (src/content/: from the validated data and the text of the rendered body, kept in each
 * entry's details file), the incidents bundle part after part so Pagefind holds one at a time,
 * into a staging folder in Astro's cache folder (Astro empties `dist/` once the build has
 * started), then moved into `dist/`. The remaining pages (the playbook) are indexed into the
 * playbook bundle from their HTML, where `data-pagefind-body` keeps navigation out.
 *
 * When: `npm run build` (scripts/build.ts) sets SEARCH_AFTER_BUILD_ENV, and the whole index is
 * built by `indexAfterBuild` once Astro's process has ended, so the two never hold memory at
 * once (a tree of 1.3 GB at 10,000 entries, not 2.1). A plain `astro build` indexes the
 * post-mortems while Astro generates the pages (Pagefind works in its own process) and the
 * playbook at `astro:build:done`.
 *
 * Every page is indexed with a hidden `keywords` field holding the synonyms of what it says
 * (src/schema/synonyms.ts), and the words of the whole index are written to
 * `search-vocabulary/` for the browser's typo suggestions (src/lib/search/vocabulary.ts).
 */
export function pagefind(): AstroIntegration {
  let base = '/';
  let staging = '';
  let incidents: ReturnType<typeof startIncidents> | undefined;
  // `npm run build` asks for the index after Astro's process has ended (scripts/build.ts).
  const deferredTo = process.env[SEARCH_AFTER_BUILD_ENV] || undefined;

  return {
    name: 'firebreak:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        staging = join(fileURLToPath(config.cacheDir), 'firebreak-search');
      },
      'astro:build:start': () => {
        if (deferredTo) return;
        useIndexChunkSize();
        incidents = startIncidents(staging, indexedPostmortems());
        // Surface failures at build:done, with the other indexing errors, not as an unhandled rejection.
        incidents.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        if (deferredTo) {
          const deferred: DeferredSearch = {
            outDir,
            base,
            staging,
            detailsDir: detailsDir(),
            entries: indexedPostmortems().map(({ id, started }) => ({ id, started: started.toISOString() })),
          };
          await writeFile(deferredTo, JSON.stringify(deferred));
          logger.info(
            `search index deferred until the build's process has ended (${deferred.entries.length} post-mortems)`,
          );
          return;
        }
        logger.info(
          await finishSearch(outDir, base, staging, incidents ?? startIncidents(staging, indexedPostmortems())),
        );
      },
    },
  };
}

/**
 * Set by `npm run build` (scripts/build.ts) to a file path: the integration then indexes nothing
 * and leaves there what `indexAfterBuild` needs to build the whole index once Astro's process has
 * ended. A Pagefind part (about 1.1 GB at its peak) written while Astro's process (about 0.9 GB)
 * generated the pages made the build's tree 2.1 GB at 10,000 entries; one after the other, it
 * was 1.3 GB, and the build took 0.74× the bare Astro + Pagefind baseline instead of 0.65× (on
 * two cores the two had mostly slowed each other down; the README's benchmarks).
 */
export const SEARCH_AFTER_BUILD_ENV = 'FIREBREAK_SEARCH_AFTER_BUILD';

/** What the build leaves for `indexAfterBuild`: where the site, the staging folder and the details files are, and what to index. */
interface DeferredSearch {
  outDir: string;
  base: string;
  staging: string;
  detailsDir: string;
  entries: Array<{ id: string; started: string }>;
}

/** The post-mortems the pages show in a build, by the pages' rule (the index is only built by `astro build`, never in dev). */
function indexedPostmortems(): IncidentToIndex[] {
  return loadedPostmortems()
    .filter((entry) => isShownOnSite(entry.status, false))
    .map(({ id, started }) => ({ id, started }));
}

/**
 * The search index of a site `astro build` made with SEARCH_AFTER_BUILD_ENV set to `deferredTo`,
 * built in this process (the build's has ended): the incidents and recent bundles from the
 * post-mortems' details files, then the playbook bundle and the vocabulary. Returns the line to
 * print; throws with Pagefind's errors.
 */
export async function indexAfterBuild(deferredTo: string): Promise<string> {
  let deferred: DeferredSearch;
  try {
    deferred = JSON.parse(await readFile(deferredTo, 'utf8')) as DeferredSearch;
  } catch (error) {
    throw new Error(
      `the build left no search index to finish in ${deferredTo} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): run npm run build again`,
      { cause: error },
    );
  }
  setDetailsDir(deferred.detailsDir);
  useIndexChunkSize();
  const entries = deferred.entries.map(({ id, started }) => ({ id, started: new Date(started) }));
  const line = await finishSearch(
    deferred.outDir,
    deferred.base,
    deferred.staging,
    startIncidents(deferred.staging, entries),
  );
  await rm(deferredTo, { force: true });
  return line;
}

/**
 * Waits for the incidents and recent bundles, moves them into the built site in `outDir`, then
 * indexes the other pages into the playbook bundle and writes it with the vocabulary. Returns
 * the line to print; throws with Pagefind's errors.
 */
async function finishSearch(
  outDir: string,
  base: string,
  staging: string,
  incidents: ReturnType<typeof startIncidents>,
): Promise<string> {
  const started = performance.now();
  const { count: incidentCount, vocabulary, errors: incidentErrors } = await incidents;
  await Promise.all(
    STAGED.map((bundle) => moveInto(join(staging, SEARCH_BUNDLES[bundle]), join(outDir, SEARCH_BUNDLES[bundle]))),
  );
  const { playbook, count, errors } = await indexPlaybook(outDir, base, vocabulary);
  const [writeErrors] = await Promise.all([
    writeBundles(outDir, { playbook }),
    writeVocabulary(join(outDir, VOCABULARY_DIR), vocabulary),
  ]);
  await close();
  const allErrors = [...incidentErrors, ...errors, ...writeErrors];
  if (allErrors.length > 0) throw new Error(`Pagefind failed: ${allErrors.join('; ')}`);
  return `indexed ${incidentCount} post-mortems and ${count} other pages (final pass ${Math.round(performance.now() - started)} ms)`;
}

/** The bundles made from the post-mortems' records alone, written before the pages are done. */
const STAGED = ['incidents', 'recent'] as const;

/** Indexes the post-mortems `entries` and writes their two bundles into `staging`, while the pages are generated. */
async function startIncidents(staging: string, entries: readonly IncidentToIndex[]) {
  await rm(staging, { recursive: true, force: true });
  const { recent, vocabulary, errors } = await indexIncidents(
    entries,
    async (id) => (await readDetails(id)).record,
    staging,
  );
  const writeErrors = await writeBundles(staging, { recent });
  return { vocabulary, count: entries.length, errors: [...errors, ...writeErrors] };
}
