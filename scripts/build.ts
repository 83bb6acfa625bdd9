/** `npm run build`: `astro build` with a V8 heap budget sized to the post-mortem library (src/lib/node-heap.ts). */
import { resolve } from 'node:path';
import { runAstroWithHeapBudget } from '../src/lib/node-heap.ts';

process.exit(runAstroWithHeapBudget(resolve(import.meta.dirname, '..'), 'build', process.argv.slice(2)));
