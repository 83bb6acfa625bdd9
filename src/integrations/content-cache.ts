import { checkContent, type ContentCheck } from '../lib/content-check/index.ts';

const latest = new Map<string, ContentCheck>();

/**
 * Checks the content of a project and remembers the result for the rest of this build, so the
 * search integration can index the post-mortems it already read instead of reading 10,000
 * files twice. Each call re-checks: `astro dev` restarts must see edited files.
 */
export function checkAndRemember(root: string): ContentCheck {
  const result = checkContent(root);
  latest.set(root, result);
  return result;
}

/** The last check of this build, or a fresh one when none ran. */
export function rememberedContent(root: string): ContentCheck {
  return latest.get(root) ?? checkAndRemember(root);
}

/** Lets go of a remembered check once nobody needs it (10,000 entries are worth freeing). */
export function forgetContent(root: string): void {
  latest.delete(root);
}
