import { createHash } from 'node:crypto';

/**
 * The digest of a content file's text: the key of every cache of what was read from it (the
 * content check's reading reused by the content loader, the loader's stored entries, the
 * check's cache between builds). SHA-1 for speed (native, ~1 GB/s); not a security boundary.
 */
export function contentDigest(source: string): string {
  return createHash('sha1').update(source).digest('base64url');
}
