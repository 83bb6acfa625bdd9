import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchemaFiles } from './schemas/json-schema.ts';

/**
 * `npm run schemas`: regenerates public/schemas/*.json from the zod schemas. Run it after
 * changing a schema and commit the result; a test fails while the two disagree.
 */
const root = fileURLToPath(new URL('..', import.meta.url));

for (const file of await buildSchemaFiles(root)) {
  const target = join(root, file.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.text);
  console.log(`wrote ${file.path}`);
}
