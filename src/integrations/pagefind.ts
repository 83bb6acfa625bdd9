import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/**
 * Builds the Pagefind search index from the finished site at `astro:build:done`, through
 * Pagefind's Node API (as Starlight does), so `npm run build` alone yields a searchable `dist/`.
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'firebreak:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors: createErrors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${createErrors.join('; ')}`);
        const { page_count: pageCount, errors: indexErrors } = await index.addDirectory({ path: outDir });
        const { errors: writeErrors } = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        await close();
        const errors = [...createErrors, ...indexErrors, ...writeErrors];
        if (errors.length > 0) throw new Error(`Pagefind failed: ${errors.join('; ')}`);
        logger.info(`indexed ${pageCount} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
