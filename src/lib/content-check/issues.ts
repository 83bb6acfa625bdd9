import type { z } from 'zod';
import type { RawEntry } from './load.ts';
import type { Problem } from './problem.ts';
import { issuePath, issueTexts } from '../zod-issues.ts';

/** What turning issues into problems needs of a file: its name, its data and where each field is. */
export type IssueSource = Pick<RawEntry, 'file' | 'lineOf'> & { data: unknown };

/**
 * Turns zod's issues into contributor-facing problems, with the line of the field (content files,
 * the privacy allowlist, the roster). The wording and the path style are src/lib/zod-issues.ts's.
 */
export function problemsFromIssues(entry: IssueSource, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issueTexts(issues, entry.data).map((issue) => problemAt(entry, issue.path, issue.message));
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
    field: issuePath(path),
    message,
    level,
    ...(line ? { line } : {}),
  };
}
