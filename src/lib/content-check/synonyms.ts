import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SYNONYM_GROUPS, type SynonymGroup } from '../../schema/synonyms.ts';
import { synonymTableProblems } from '../search/synonyms.ts';
import { displayPath } from '../file-paths.ts';
import type { Problem } from './problem.ts';

const TABLE_FILE = fileURLToPath(new URL('../../schema/synonyms.ts', import.meta.url));

/**
 * The synonym table's mistakes as warnings of the content check, each at the line of the term
 * (`src/schema/synonyms.ts:57  synonyms.12  "leak" is also in group 3 …`). Warnings, not
 * errors: a bad group makes search worse, not the site wrong.
 */
export function synonymProblems(
  root: string,
  groups: readonly SynonymGroup[] = SYNONYM_GROUPS,
  source = readFileSync(TABLE_FILE, 'utf8'),
  file = displayPath(root, TABLE_FILE),
): Problem[] {
  const lines = source.split('\n');
  const lineOf = (term: string) => {
    const quoted = [`'${term}'`, `"${term}"`];
    const index = lines.findIndex((line) => quoted.some((q) => line.includes(q)));
    return index >= 0 ? { line: index + 1 } : {};
  };
  return synonymTableProblems(groups).map((problem) => ({
    file,
    ...lineOf(problem.term),
    field: `synonyms.${problem.group + 1}`,
    message: problem.message,
    level: 'warning',
  }));
}
