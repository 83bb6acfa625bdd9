import { existsSync, readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { rosterSchema, type Roster } from '../../schema/roster.ts';
import type { Problem } from '../content-check/problem.ts';

/** The committed, fictional roster: the shape to copy, never real people. */
export const EXAMPLE_ROSTER_FILE = 'content/roster.example.yaml';

/**
 * Reads and validates a roster file. Returns the roster, or the problems (file, line, field,
 * message) and no roster: a broken roster must fail an internal build rather than show half.
 */
export function readRoster(path: string, displayName: string = path): { roster?: Roster; problems: Problem[] } {
  if (!existsSync(path)) {
    return {
      problems: [
        {
          file: displayName,
          field: '',
          level: 'error',
          message: `no roster file here; copy ${EXAMPLE_ROSTER_FILE} to it and fill in your team`,
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter, prettyErrors: false, maxAliasCount: 50 });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const yamlError = doc.errors[0];
  if (yamlError) {
    return {
      problems: [
        {
          file: displayName,
          line: lineAt(yamlError.pos[0]),
          field: '',
          level: 'error',
          message: `not valid YAML: ${yamlError.message.split('\n')[0]}`,
        },
      ],
    };
  }
  const result = rosterSchema.safeParse(doc.toJS() ?? {});
  if (result.success) return { roster: result.data, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      const path = key === undefined ? issue.path : [...issue.path, key];
      const node = doc.getIn(path as (string | number)[], true);
      const line = isNode(node) && node.range ? lineAt(node.range[0]) : undefined;
      problems.push({
        file: displayName,
        field: path.map(String).join('.'),
        level: 'error',
        message: key === undefined ? issue.message : `unknown field "${key}"`,
        ...(line ? { line } : {}),
      });
    }
  }
  return { problems };
}
