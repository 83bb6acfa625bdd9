import { checkContent, type ContentCheck } from '../lib/content-check/index.ts';
import type { Postmortem } from '../schema/postmortem.ts';

/** What the search integration needs of a valid post-mortem: nothing of the raw file. */
export interface CheckedPostmortem {
  id: string;
  data: Postmortem;
  body: string;
}

const latest = new Map<string, CheckedPostmortem[]>();

/**
 * Checks the content of a project and remembers its valid post-mortems for the rest of this
 * build, so the search integration can index what was already read instead of reading 10,000
 * files twice. Only the validated data and the body are kept (the raw YAML and line maps are
 * dropped), because the build's memory peak comes later. Each call re-checks: `astro dev`
 * restarts must see edited files.
 */
export function checkAndRemember(root: string): ContentCheck {
  const result = checkContent(root);
  latest.set(
    root,
    result.postmortems.flatMap((entry) => (entry.valid ? [{ id: entry.id, data: entry.valid, body: entry.body }] : [])),
  );
  return result;
}

/** The valid post-mortems of the last check of this build (checking now when none ran), once. */
export function takeRememberedPostmortems(root: string): CheckedPostmortem[] {
  if (!latest.has(root)) checkAndRemember(root);
  const postmortems = latest.get(root) ?? [];
  latest.delete(root);
  return postmortems;
}
