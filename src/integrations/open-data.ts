import type { AstroIntegration } from 'astro';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { buildDay } from '../build-flags.ts';
import { OPEN_DATA_PATHS, openDataFiles, type OpenDataFile, type SiteAddress } from '../content/open-data.ts';
import { moveInto } from './move-into.ts';

/**
 * The open data, `/api/postmortems.json` and `.csv` (src/content/open-data.ts). `astro build`
 * streams both to files, record after record, while Astro generates the pages, instead of
 * rendering them as endpoints, whose whole response Astro holds in memory; they are written in
 * a staging folder in Astro's cache folder (Astro empties `dist/` once the build has started)
 * and moved into `dist/` at the end. `astro dev` serves them from a route
 * (src/integrations/open-data-route.ts) over the same code.
 */
export function openData(): AstroIntegration {
  let at: SiteAddress = { site: '', base: '/' };
  let staging = '';
  let written: Promise<string[]> | undefined;

  return {
    name: 'firebreak:open-data',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command !== 'dev') return;
        const entrypoint = new URL('./open-data-route.ts', import.meta.url);
        for (const path of OPEN_DATA_PATHS) injectRoute({ pattern: `/${path}`, entrypoint });
      },
      'astro:config:done': ({ config }) => {
        at = { site: config.site ?? 'http://localhost/', base: config.base };
        staging = join(fileURLToPath(config.cacheDir), 'firebreak-open-data');
      },
      'astro:build:start': () => {
        written = writeOpenData(staging, openDataFiles(at, buildDay()));
        // Reported at build:done, not as an unhandled rejection while the pages are generated.
        written.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const files = await (written ?? writeOpenData(staging, openDataFiles(at, buildDay())));
        await Promise.all(files.map((path) => moveInto(join(staging, path), join(fileURLToPath(dir), path))));
        logger.info(`wrote the open data (final pass ${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}

/**
 * Writes each document under `dir`, whole or not at all: into a `.part` file renamed when done,
 * so a failed build never leaves a truncated document that looks complete. Returns their paths.
 */
export async function writeOpenData(dir: string, files: readonly OpenDataFile[]): Promise<string[]> {
  await rm(dir, { recursive: true, force: true });
  for (const file of files) {
    const target = join(dir, file.path);
    const partial = `${target}.part`;
    await mkdir(dirname(target), { recursive: true });
    try {
      await pipeline(Readable.from(file.text()), createWriteStream(partial));
    } catch (error) {
      await rm(partial, { force: true });
      throw new Error(`the open data /${file.path} could not be written: ${(error as Error).message}`, {
        cause: error,
      });
    }
    await rename(partial, target);
  }
  return files.map((file) => file.path);
}
