import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { close } from 'pagefind';
import { isShownOnSite } from '../build-flags.ts';
import { loadedPostmortems } from '../content/library.ts';
import { readDetails } from '../content/postmortem-details.ts';
import { indexIncidents, indexPlaybook, useIndexChunkSize, writeSearchBundles } from './search-index.ts';

/**
 * Builds the three Pagefind search bundles (src/lib/search/bundles.ts) through Pagefind's Node
 * API (src/integrations/search-index.ts), so `npm run build` alone yields a searchable `dist/`.
 * Post-mortems are indexed into the incidents and recent bundles as the custom records the
 * content loader made (src/content/: from the validated data and the text of the rendered body,
 * kept in each entry's details file) as soon as the build starts, while Astro is still
 * generating pages (Pagefind works in its own process, so on two cores the two overlap); the
 * remaining pages (the playbook) are indexed into the playbook bundle from their HTML at
 * `astro:build:done`, where `data-pagefind-body` keeps navigation out.
 *
 * Every page is indexed with a hidden `keywords` field holding the synonyms of what it says
 * (src/schema/synonyms.ts), and the words of the whole index are written to
 * `search-vocabulary/` for the browser's typo suggestions (src/lib/search/vocabulary.ts).
 */
export function pagefind(): AstroIntegration {
  let base = '/';
  let incidents: ReturnType<typeof startIncidents> | undefined;

  return {
    name: 'firebreak:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:start': () => {
        useIndexChunkSize();
        incidents = startIncidents();
        // Surface failures at build:done, with the other indexing errors, not as an unhandled rejection.
        incidents.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const { count: incidentCount, ...indexed } = await (incidents ?? startIncidents());
        const { playbook, count, errors } = await indexPlaybook(outDir, base, indexed.vocabulary);
        const writeErrors = await writeSearchBundles(outDir, { ...indexed, playbook });
        await close();
        const allErrors = [...indexed.errors, ...errors, ...writeErrors];
        if (allErrors.length > 0) throw new Error(`Pagefind failed: ${allErrors.join('; ')}`);
        logger.info(
          `indexed ${incidentCount} post-mortems and ${count} other pages (final pass ${Math.round(performance.now() - started)} ms)`,
        );
      },
    },
  };
}

async function startIncidents() {
  // The pages' rule (the index is only built by `astro build`, never in dev).
  const entries = loadedPostmortems().filter((entry) => isShownOnSite(entry.status, false));
  const indexed = await indexIncidents(entries, async (id) => (await readDetails(id)).record);
  return { ...indexed, count: entries.length };
}
