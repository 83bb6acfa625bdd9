import type { RawEntry } from '../../src/lib/content-check/load.ts';
import { lineOfIndex } from '../../src/lib/content-check/privacy.ts';
import type { Problem } from '../../src/lib/content-check/problem.ts';
import { TODO } from '../new/template.ts';

/**
 * "TODO:" hints left from `npm run new` or `npm run import` in a post-mortem that is no longer a
 * draft. Both write schema-valid drafts on purpose (so `check` is green from the first minute),
 * which means the schema alone cannot tell a finished entry from an untouched one; this rule can.
 * Drafts may keep them. In the body, the first one is reported.
 */
export function findPlaceholders(
  entries: readonly Pick<RawEntry, 'file' | 'data' | 'lineOf' | 'body'>[],
  bodyLine: (entry: Pick<RawEntry, 'file' | 'body'>) => number,
): Problem[] {
  const problems: Problem[] = [];
  const message = `still holds a "${TODO}" placeholder: replace it with the real content, or set status: draft`;
  for (const entry of entries) {
    if (entry.data['status'] === 'draft') continue;
    visitStrings(entry.data, [], (text, path) => {
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
        line: bodyLine(entry) + lineOfIndex(entry.body, index) - 1,
        field: 'body',
        level: 'error',
        message,
      });
    }
  }
  return problems;
}

function visitStrings(
  value: unknown,
  path: (string | number)[],
  visit: (text: string, path: (string | number)[]) => void,
): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, index) => visitStrings(item, [...path, index], visit));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) visitStrings(item, [...path, key], visit);
  }
}
