/**
 * `npm run build`: `astro build` with a V8 heap budget sized to the post-mortem library
 * (src/lib/node-heap.ts), then the search index, in this process once Astro's has ended
 * (src/integrations/pagefind.ts, `indexAfterBuild`: the two together would hold about 2 GB).
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SEARCH_AFTER_BUILD_ENV, indexAfterBuild } from '../src/integrations/pagefind.ts';
import { runAstroWithHeapBudget } from '../src/lib/node-heap.ts';

const deferredTo = join(tmpdir(), `firebreak-search-${process.pid}.json`);
const status = runAstroWithHeapBudget(resolve(import.meta.dirname, '..'), 'build', process.argv.slice(2), {
  [SEARCH_AFTER_BUILD_ENV]: deferredTo,
});
if (status !== 0) {
  rmSync(deferredTo, { force: true });
  process.exit(status);
}
try {
  console.log(`[firebreak:pagefind] ${await indexAfterBuild(deferredTo)}`);
} catch (error) {
  rmSync(deferredTo, { force: true });
  console.error(`[firebreak:pagefind] ${(error as Error).message}`);
  process.exit(1);
}
