/**
 * A short, stable, non-cryptographic hash (FNV-1a, 32 bit) in base 36. Used for ids that must
 * survive rebuilds, such as the storage key of a checklist item.
 */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
