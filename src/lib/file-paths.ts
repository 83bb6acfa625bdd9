import { relative, sep } from 'node:path';

/** A path with forward slashes, as messages and ids show it on every system. */
export function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** A path as people should see it: relative to `root` when inside it, absolute otherwise. */
export function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  return toPosix(rel.startsWith('..') || rel === '' ? path : rel);
}
