import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/importer/errors.ts';
import { checkPageSize, MAX_PAGE_BYTES } from '../../../src/importer/write/page-size.ts';

describe('the page-size guard', () => {
  it('lets a page of exactly MAX_PAGE_BYTES through and refuses one byte more', () => {
    expect(() => checkPageSize('p.md', 'a'.repeat(MAX_PAGE_BYTES), 10)).not.toThrow();
    expect(() => checkPageSize('p.md', 'a'.repeat(MAX_PAGE_BYTES + 1), 10)).toThrow(ImportError);
  });

  it('counts bytes, not characters', () => {
    // "é" is two bytes in UTF-8: half as many characters already reach the limit.
    expect(() => checkPageSize('p.md', 'é'.repeat(MAX_PAGE_BYTES / 2 + 1), 0)).toThrow(ImportError);
  });

  it('names the page, the mention series and --from/--to', () => {
    let error: ImportError | undefined;
    try {
      checkPageSize('content/postmortems/x.md', 'a'.repeat(3 * 1024 * 1024), 93_905);
    } catch (caught) {
      error = caught as ImportError;
    }
    expect(error?.describe()).toBe(
      'content/postmortems/x.md (field impact.mentionSeries): the drafted page would be 3.0 MiB, over the 256 KiB a page may have, because its mention series has 93,905 hours; nothing was written. Narrow the incident window with --from and --to',
    );
  });
});
