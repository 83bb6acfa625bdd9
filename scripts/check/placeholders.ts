import { eachFrontmatterString, lineOfIndex } from '../../src/lib/content-check/frontmatter.ts';
import type { RawEntry } from '../../src/lib/content-check/load.ts';
import type { Problem } from '../../src/lib/content-check/problem.ts';
import { TODO } from '../new/template.ts';

/**
 * "TODO:" hints left from `npm run new` or `npm run import` in a post-mortem that is no longer a
 * draft. Both write schema-valid drafts on purpose (so `check` is green from the first minute),
 * which means the schema alone cannot tell a finished entry from an untouched one; this rule can.
 * Drafts may keep them. In the body, the first one is reported.
 */
export function findPlaceholders(
  entries: readonly Pick<RawEntry, 'file' | 'data' | 'lineOf' | 'body' | 'bodyLine'>[],
): Problem[] {
  const problems: Problem[] = [];
  const message = `still holds a "${TODO}" placeholder: replace it with the real content, or set status: draft`;
  for (const entry of entries) {
    if (entry.data['status'] === 'draft') continue;
    eachFrontmatterString(entry.data, (text, path) => {
      if (!text.includes(TODO)) return;
      const line = entry.lineOf(path);
      problems.push({
        file: entry.file,
        field: path.map(String).join('.'),
        level: 'error',
        message,
        ...(line ? { line } : {}),
      });
    });
    const index = entry.body.indexOf(TODO);
    if (index !== -1) {
      problems.push({
        file: entry.file,
        line: entry.bodyLine + lineOfIndex(entry.body, index) - 1,
        field: 'body',
        level: 'error',
        message,
      });
    }
  }
  return problems;
}
