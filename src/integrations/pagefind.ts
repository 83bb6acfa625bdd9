import type { AstroIntegration } from 'astro';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close } from 'pagefind';
import { isShownOnSite } from '../build-flags.ts';
import { loadedPostmortems } from '../content/library.ts';
import { readDetails } from '../content/postmortem-details.ts';
import { SEARCH_BUNDLES } from '../lib/search/bundles.ts';
import { VOCABULARY_DIR } from '../lib/search/vocabulary.ts';
import { moveInto } from './move-into.ts';
import { indexIncidents, indexPlaybook, useIndexChunkSize, writeBundles, writeVocabulary } from './search-index.ts';

/**
 * Builds the three Pagefind search bundles (src/lib/search/bundles.ts) through Pagefind's Node
 * API (src/integrations/search-index.ts), so `npm run build` alone yields a searchable `dist/`.
 * Post-mortems are indexed into the incidents and recent bundles as the custom records the
 * content loader made (src/content/: from the validated data and the text of the rendered body,
 * kept in each entry's details file) as soon as the build starts, and those two bundles are
 * written while Astro is still generating pages (Pagefind works in its own process, so on two
 * cores the two overlap), the incidents bundle part after part so Pagefind holds one at a time.
 * They are written to a staging folder in Astro's cache folder, since Astro empties `dist/`
 * after the build starts, and moved into `dist/` at the end. The remaining pages (the
 * playbook) are indexed into the playbook bundle from their HTML at `astro:build:done`, where
 * `data-pagefind-body` keeps navigation out.
 *
 * Every page is indexed with a hidden `keywords` field holding the synonyms of what it says
 * (src/schema/synonyms.ts), and the words of the whole index are written to
 * `search-vocabulary/` for the browser's typo suggestions (src/lib/search/vocabulary.ts).
 */
export function pagefind(): AstroIntegration {
  let base = '/';
  let staging = '';
  let incidents: ReturnType<typeof startIncidents> | undefined;

  return {
    name: 'firebreak:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        staging = join(fileURLToPath(config.cacheDir), 'firebreak-search');
      },
      'astro:build:start': () => {
        useIndexChunkSize();
        incidents = startIncidents(staging);
        // Surface failures at build:done, with the other indexing errors, not as an unhandled rejection.
        incidents.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const {
          count: incidentCount,
          vocabulary,
          errors: incidentErrors,
        } = await (incidents ?? startIncidents(staging));
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
        logger.info(
          `indexed ${incidentCount} post-mortems and ${count} other pages (final pass ${Math.round(performance.now() - started)} ms)`,
        );
      },
    },
  };
}

/** The bundles made from the post-mortems' records alone, written before the pages are done. */
const STAGED = ['incidents', 'recent'] as const;

/** Indexes the post-mortems and writes their two bundles into `staging`, while the pages are generated. */
async function startIncidents(staging: string) {
  // The pages' rule (the index is only built by `astro build`, never in dev).
  const entries = loadedPostmortems().filter((entry) => isShownOnSite(entry.status, false));
  await rm(staging, { recursive: true, force: true });
  const { recent, vocabulary, errors } = await indexIncidents(
    entries,
    async (id) => (await readDetails(id)).record,
    staging,
  );
  const writeErrors = await writeBundles(staging, { recent });
  return { vocabulary, count: entries.length, errors: [...errors, ...writeErrors] };
}
