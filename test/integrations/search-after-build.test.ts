import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexAfterBuild } from '../../src/integrations/pagefind.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the search index finished after the build (npm run build)', () => {
  it('says what is missing and what to do when the build left nothing to finish', async () => {
    dir = mkdtempSync(join(tmpdir(), 'firebreak-search-after-'));
    const missing = join(dir, 'firebreak-search-1.json');
    await expect(indexAfterBuild(missing)).rejects.toThrow(
      `the build left no search index to finish in ${missing} (ENOENT): run npm run build again`,
    );
    writeFileSync(missing, '{"outDir": ');
    await expect(indexAfterBuild(missing)).rejects.toThrow(
      /^the build left no search index to finish in .* \(.*JSON.*\): run npm run build again$/,
    );
  });
});
