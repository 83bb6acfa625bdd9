import type { z } from 'zod';
import type { RawEntry } from './load.ts';
import type { Problem } from './problem.ts';

/** What turning issues into problems needs of a file: its name, its data and where each field is. */
export type IssueSource = Pick<RawEntry, 'file' | 'lineOf'> & { data: unknown };

/**
 * Turns zod's issues into contributor-facing problems, with the line of the field: the one way
 * from a zod issue to a message (content files, the privacy allowlist, the roster).
 */
export function problemsFromIssues(entry: IssueSource, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.push(
          problemAt(entry, path, `unknown field "${key}" (check the spelling; see the schema for the allowed fields)`),
        );
      }
      continue;
    }
    let message = issue.message;
    if (issue.code === 'invalid_type' && valueAt(entry.data, issue.path) === undefined) {
      message = `missing: this field is required (${issue.expected})`;
    }
    problems.push(problemAt(entry, issue.path, message));
  }
  return problems;
}

export function problemAt(
  entry: IssueSource,
  path: readonly PropertyKey[],
  message: string,
  level: Problem['level'] = 'error',
): Problem {
  const line = entry.lineOf(path);
  return {
    file: entry.file,
    field: path.map(String).join('.'),
    message,
    level,
    ...(line ? { line } : {}),
  };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
