/** `npm run dev`: `astro dev` with the same V8 heap budget as the build (src/lib/node-heap.ts). */
import { resolve } from 'node:path';
import { runAstroWithHeapBudget } from '../src/lib/node-heap.ts';

process.exit(runAstroWithHeapBudget(resolve(import.meta.dirname, '..'), 'dev', process.argv.slice(2)));
