/** Walking a content file's strings: shared by the placeholder, privacy and operational rules. */

/** 1-based line of the character at `index` in `text`. */
export function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/**
 * Calls `visit` for every string in front-matter data, with its field path: the walk the
 * privacy lint and the placeholder rule both make.
 */
export function eachFrontmatterString(
  value: unknown,
  visit: (text: string, path: (string | number)[]) => void,
  path: (string | number)[] = [],
): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, index) => eachFrontmatterString(item, visit, [...path, index]));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) eachFrontmatterString(item, visit, [...path, key]);
  }
}
